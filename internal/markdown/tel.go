package markdown

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"

	xhtml "golang.org/x/net/html"
)

// callingCodes are the country calling codes of the regions whose locales
// a site may name (config locale "en-AU": AU). A region not listed gives
// numbers written without + a tel: link of their digits as written.
var callingCodes = map[string]string{
	"AU": "61", "NZ": "64", "GB": "44", "IE": "353", "US": "1", "CA": "1", "MX": "52",
	"DE": "49", "AT": "43", "CH": "41", "FR": "33", "BE": "32", "NL": "31", "ES": "34",
	"PT": "351", "IT": "39", "SE": "46", "NO": "47", "DK": "45", "FI": "358", "PL": "48",
	"ZA": "27", "IN": "91", "SG": "65", "JP": "81",
}

// TelHref is the tel: address of a phone number as written on a site whose
// locale is locale ("en-AU"): E.164, "+" and the country code and the
// number without its trunk 0 ("1800 975 707" on an en-AU site is
// tel:+611800975707); a number written with + keeps its own code.
func TelHref(number, locale string) string {
	n := strings.TrimSpace(number)
	var d strings.Builder
	for _, r := range n {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	digits := d.String()
	if strings.HasPrefix(n, "+") {
		return "tel:+" + digits
	}
	region := ""
	if i := strings.IndexAny(locale, "-_"); i >= 0 {
		region = strings.ToUpper(locale[i+1:])
	}
	cc, ok := callingCodes[region]
	switch {
	case !ok:
		return "tel:" + digits
	case cc == "1":
		if len(digits) == 11 && digits[0] == '1' {
			digits = digits[1:]
		}
	case region != "IT": // Italy keeps its leading 0
		digits = strings.TrimPrefix(digits, "0")
	}
	return "tel:+" + cc + digits
}

// LinkNumbers makes each phone number of hrefs (as written, to its tel:
// address) that the text of html, a rendered body, shows into a tap-to-call
// link that never breaks across lines, and keeps its digits in order in right-to-left text: <a class="tel" dir="ltr" href="tel:...">. A
// number counts only where no digit touches it, and never inside a link,
// code or a heading. Only markup is added; the text stays as it was.
func LinkNumbers(body []byte, hrefs map[string]string) ([]byte, error) {
	if len(hrefs) == 0 {
		return body, nil
	}
	numbers := make([]string, 0, len(hrefs))
	for n := range hrefs {
		if strings.TrimSpace(n) != "" {
			numbers = append(numbers, n)
		}
	}
	// Longest first, so that a number that holds another is linked whole.
	sort.Slice(numbers, func(i, j int) bool {
		if len(numbers[i]) != len(numbers[j]) {
			return len(numbers[i]) > len(numbers[j])
		}
		return numbers[i] < numbers[j]
	})
	var out bytes.Buffer
	z := xhtml.NewTokenizer(bytes.NewReader(body))
	skip := 0 // inside a, code, pre or a heading
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if err := z.Err(); err.Error() != "EOF" {
				return nil, fmt.Errorf("markdown: %w", err)
			}
			return out.Bytes(), nil
		case xhtml.StartTagToken, xhtml.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6":
				if tt == xhtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			out.Write(z.Raw())
		case xhtml.TextToken:
			if skip > 0 {
				out.Write(z.Raw())
				continue
			}
			// The raw text as rendered: a number's digits, spaces and + are
			// never escaped, so it is found as written and the text around
			// it is copied byte for byte.
			out.WriteString(linkText(string(z.Raw()), numbers, hrefs))
		default:
			out.Write(z.Raw())
		}
	}
}

// linkText is s, raw HTML text, with the numbers in it made links.
func linkText(s string, numbers []string, hrefs map[string]string) string {
	var b strings.Builder
	for len(s) > 0 {
		at, which := -1, ""
		for _, n := range numbers {
			for from := 0; ; {
				i := strings.Index(s[from:], n)
				if i < 0 {
					break
				}
				i += from
				if (at < 0 || i < at) && !digitAt(s, i-1) && !digitAt(s, i+len(n)) && !(i > 0 && s[i-1] == '+') {
					at, which = i, n
					break
				}
				from = i + 1
			}
		}
		if at < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:at])
		fmt.Fprintf(&b, `<a class="tel" dir="ltr" href="%s">%s</a>`, html.EscapeString(hrefs[which]), html.EscapeString(which))
		s = s[at+len(which):]
	}
	return b.String()
}

func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
