package check

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/disclose-dev/disclose/internal/diag"
)

// addrKind is what kind of address a found one is.
type addrKind int

const (
	addrEmail  addrKind = iota
	addrURL             // with a scheme or "www."
	addrDomain          // a bare host name: "southernscript-help.com"
)

// found is an address in a piece of text.
type found struct {
	kind       addrKind
	text       string // as written
	host       string // normalised: lower case, no "www."
	start, end int    // byte offsets in the text
}

// The address patterns take letters of every script, since a lookalike
// host is made of letters that are not Latin.
var (
	reEmail  = regexp.MustCompile(`[\p{L}\p{N}._%+'-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}]{2,}`)
	reURL    = regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s<>()\[\]"'\x60]+`)
	reDomain = regexp.MustCompile(`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?i:com|net|org|info|biz|io|co|app|au|nz|uk|ie|ca|us|eu|de|gov|edu|online|site|help|support|example)(?:[/:][^\s<>()\[\]"'\x60]*)?`)
)

// findAddresses finds the email addresses, web addresses and bare host
// names in text, each once: an email's domain is not also a host name, nor
// a web address's.
func findAddresses(text string) []found {
	if !strings.ContainsAny(text, "@.") {
		return nil
	}
	var out []found
	masked := []byte(text)
	mask := func(a, b int) {
		for i := a; i < b; i++ {
			masked[i] = ' '
		}
	}
	// Web addresses first: "https://a.example@b.example/" is one web
	// address, not an email address.
	var urls [][]int
	// Every match holds one of these; most text holds neither, and the
	// regular expression is most of the time spent on such text.
	if strings.Contains(text, "://") || strings.Contains(strings.ToLower(text), "www.") {
		urls = reURL.FindAllStringIndex(text, -1)
	}
	for _, m := range urls {
		if m[0] > 0 && !standsAlone(text[:m[0]]) {
			continue // the "www." of help@www.example.org
		}
		u := strings.TrimRight(text[m[0]:m[1]], ".,;:!?*_")
		if h := urlHost(u); h != "" {
			out = append(out, found{kind: addrURL, text: u, host: h, start: m[0], end: m[0] + len(u)})
		}
		mask(m[0], m[1])
	}
	if strings.Contains(text, "@") {
		for _, m := range reEmail.FindAllIndex(masked, -1) {
			e := strings.TrimRight(text[m[0]:m[1]], ".-")
			e = strings.TrimLeft(e, ".'-")
			start := m[0] + strings.Index(text[m[0]:m[1]], e)
			at := strings.LastIndexByte(e, '@')
			out = append(out, found{kind: addrEmail, text: e, host: normHost(e[at+1:]), start: start, end: start + len(e)})
			mask(m[0], m[1])
		}
	}
	if !dotThenLetter(masked) {
		return out // most text: full stops end sentences, with a space after
	}
	for _, m := range reDomain.FindAllIndex(masked, -1) {
		// A host name stands alone: not the end of a longer word.
		if m[0] > 0 && !standsAlone(string(masked[:m[0]])) {
			continue
		}
		if r, _ := utf8.DecodeRune(masked[m[1]:]); m[1] < len(masked) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue
		}
		d := strings.TrimRight(text[m[0]:m[1]], ".,;:!?*_")
		h := d
		if i := strings.IndexAny(h, "/:"); i >= 0 {
			h = h[:i]
		}
		out = append(out, found{kind: addrDomain, text: d, host: normHost(h), start: m[0], end: m[0] + len(d)})
	}
	return out
}

// standsAlone reports whether an address may start after before: not in
// the middle of a word, a host or an email address.
func standsAlone(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '@' || r == '-' || r == '/' || r == '_')
}

// address judges one address found on the site: nothing if it is the
// site's own, an error if it looks like one of the site's own, a warning
// if it is someone else's.
func (c *checker) address(pos diag.Pos, key string, f found) {
	o := c.own
	if o == nil || f.host == "" {
		return
	}
	if f.kind == addrEmail && o.emails[strings.ToLower(f.text)] {
		return
	}
	if f.kind == addrURL && hidesHost(f.text) {
		c.diags.Add(pos, key, "%s leads to %s, not to what is written before the @; write the address as https://%s/ if that is where it should go, or remove it", f.text, f.host, f.host)
		return
	}
	if o.isOwnHost(f.host) {
		return
	}
	if r, ok := o.resembles(f.host); ok {
		c.diags.Add(pos, key, "%s looks like the site's own %s but is not: %s; scams copy addresses like this, so write the site's own (%s), or remove it",
			f.text, r.own.host, r.why, r.own.shown)
		return
	}
	switch f.kind {
	case addrEmail:
		c.diags.Warn(pos, key, "%s is not one of the site's email addresses (params.contact in config.toml, or the incident's successor); check every letter, or add it there", f.text)
	default:
		c.diags.Warn(pos, key, "%s is not one of the site's web addresses (baseURL and params.support in config.toml, or the incident's official_advice and notified); check every letter, or add it there", f.text)
	}
}

// addresses checks the email and web addresses in one block of a body (a
// paragraph, heading, table cell or code block): in its text, link
// addresses and autolinks. The walker calls it on every node; it reads only blocks that
// hold text.
func (c *checker) addresses(p page, n ast.Node, src []byte) {
	if c.own == nil || n.Type() != ast.TypeBlock {
		return
	}
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		// Published as written, so read as written.
		s := &prose{}
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			s.add(seg.Value(src), seg.Start)
		}
		for _, f := range findAddresses(string(s.text)) {
			c.address(p.pos(s.at(f.start)), "address", f)
		}
		return
	}
	if n.FirstChild() == nil || n.FirstChild().Type() != ast.TypeInline {
		return
	}
	seen := map[string]bool{} // an address (a web address by its host) is reported once in a block
	report := func(pos diag.Pos, f found) {
		k := "web " + f.host
		if f.kind == addrEmail {
			k = "email " + strings.ToLower(f.text)
		}
		if seen[k] {
			return
		}
		seen[k] = true
		c.address(pos, "address", f)
	}
	s := &prose{}
	_ = ast.Walk(n, func(x ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := x.(type) {
		case *ast.Text:
			s.add(x.Segment.Value(src), x.Segment.Start)
			if x.SoftLineBreak() || x.HardLineBreak() {
				s.add([]byte(" "), x.Segment.Stop)
			}
		case *ast.String:
			s.add([]byte(" "), max(x.Pos(), 0))
		case *ast.Link:
			s.add([]byte(" "), max(x.Pos(), 0))
			c.destination(p, string(x.Destination), destAt(src, x.Pos(), x.Destination), report)
		case *ast.AutoLink:
			dest := string(x.URL(src))
			if x.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest
			}
			c.destination(p, dest, max(x.Pos(), 0), report)
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, f := range findAddresses(string(s.text)) {
		report(p.pos(s.at(f.start)), f)
	}
}

// destination checks a link's address: mailto: and web addresses.
func (c *checker) destination(p page, dest string, off int, report func(diag.Pos, found)) {
	d := strings.TrimSpace(dest)
	switch low := strings.ToLower(d); {
	case strings.HasPrefix(low, "mailto:"):
		e := strings.TrimPrefix(d[len("mailto:"):], "//")
		if i := strings.IndexByte(e, '?'); i >= 0 {
			e = e[:i]
		}
		for _, one := range strings.Split(e, ",") {
			if at := strings.LastIndexByte(one, '@'); at > 0 {
				report(p.pos(off), found{kind: addrEmail, text: one, host: normHost(one[at+1:])})
			}
		}
	case strings.HasPrefix(low, "http://"), strings.HasPrefix(low, "https://"), strings.HasPrefix(low, "//"):
		u := d
		if strings.HasPrefix(u, "//") {
			u = "https:" + u
		}
		if h := urlHost(u); h != "" {
			report(p.pos(off), found{kind: addrURL, text: d, host: h})
		}
	}
}

// destAt is where a link's address is written after the link's "[", or
// the "[" for reference links.
func destAt(src []byte, start int, dest []byte) int {
	start = max(start, 0)
	end := min(len(src), start+4096)
	if len(dest) > 0 && start <= end {
		if i := bytes.Index(src[start:end], dest); i >= 0 {
			return start + i
		}
	}
	return start
}

// hidesHost reports whether a web address has a user name before its
// host ("https://southernscript.example@other.example/"), which makes it
// look as if it led to the name.
func hidesHost(u string) bool {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#\\"); i >= 0 {
		u = u[:i]
	}
	return strings.Contains(u, "@")
}

// dotThenLetter reports whether text has a "." with a letter right after
// it, as every host name has before its last part.
func dotThenLetter(text []byte) bool {
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] > ' ' && text[i+1] != '.' && (text[i+1] >= 0x80 || !isDigit(text[i+1])) {
			r, _ := utf8.DecodeRune(text[i+1:])
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}
