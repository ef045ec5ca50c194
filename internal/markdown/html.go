package markdown

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"

	xhtml "golang.org/x/net/html"
)

// urlAttrs are the attributes that hold an address in what goldmark writes.
var urlAttrs = map[string]bool{"href": true, "src": true}

// absolutize rewrites every relative href and src in the HTML fragment b
// against pageURL (root-relative ones against siteURL when it is set),
// leaves out the attributes in drop, and leaves every other byte as it was.
func absolutize(b []byte, pageURL, siteURL string, drop map[string]bool) ([]byte, error) {
	page, err := url.Parse(pageURL)
	if err != nil || !page.IsAbs() {
		return nil, fmt.Errorf("page address %q is not an absolute URL", pageURL)
	}
	var site *url.URL
	if siteURL != "" {
		if site, err = url.Parse(siteURL); err != nil || !site.IsAbs() {
			return nil, fmt.Errorf("site address %q is not an absolute URL", siteURL)
		}
	}
	var out bytes.Buffer
	z := xhtml.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return out.Bytes(), nil // io.EOF: the fragment is in memory
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			raw := append([]byte(nil), z.Raw()...)
			tok := z.Token()
			changed := false
			kept := tok.Attr[:0]
			for _, a := range tok.Attr {
				if drop[a.Key] {
					changed = true
					continue
				}
				kept = append(kept, a)
			}
			tok.Attr = kept
			for i, a := range tok.Attr {
				if a.Namespace != "" || !urlAttrs[a.Key] {
					continue
				}
				abs, err := resolve(page, site, a.Val)
				if err != nil {
					return nil, fmt.Errorf("%s %q: %w", a.Key, a.Val, err)
				}
				if abs != a.Val {
					tok.Attr[i].Val = abs
					changed = true
				}
			}
			if !changed {
				out.Write(raw)
				continue
			}
			writeTag(&out, tok, tt == xhtml.SelfClosingTagToken)
		default:
			out.Write(z.Raw())
		}
	}
}

func resolve(page, site *url.URL, ref string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", err
	}
	if u.IsAbs() {
		return ref, nil
	}
	if site != nil && u.Host == "" && strings.HasPrefix(u.Path, "/") {
		u.Path = strings.TrimPrefix(u.Path, "/")
		u.RawPath = strings.TrimPrefix(u.RawPath, "/")
		return site.ResolveReference(u).String(), nil
	}
	return page.ResolveReference(u).String(), nil
}

func writeTag(out *bytes.Buffer, tok xhtml.Token, selfClosing bool) {
	out.WriteByte('<')
	out.WriteString(tok.Data)
	for _, a := range tok.Attr {
		out.WriteByte(' ')
		out.WriteString(a.Key)
		out.WriteString(`="`)
		out.WriteString(html.EscapeString(a.Val))
		out.WriteByte('"')
	}
	if selfClosing {
		out.WriteString(" /")
	}
	out.WriteByte('>')
}

// firstParagraphText returns the text of the first <p> in the HTML fragment
// b, entities decoded, leaving out footnote markers (<sup>).
func firstParagraphText(b []byte) string {
	z := xhtml.NewTokenizer(bytes.NewReader(b))
	var text strings.Builder
	inP, skip := false, 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return text.String()
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p":
				inP = true
			case "sup":
				skip++
			case "br":
				if inP {
					text.WriteByte(' ')
				}
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p":
				if inP {
					return text.String()
				}
			case "sup":
				skip--
			}
		case xhtml.SelfClosingTagToken:
			if inP {
				text.WriteByte(' ')
			}
		case xhtml.TextToken:
			if inP && skip == 0 {
				text.Write(z.Text())
			}
		}
	}
}
