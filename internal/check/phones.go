package check

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/internal/content"
)

// rePhone finds what looks like a phone number in text: digits in at least
// three groups, with an optional country code ("1800 975 707",
// "+61 3 5550 0142", "13 11 14", "(03) 5550 0142"), in the digits of any
// script: "١٨٠٠ ٩٧٥ ٧٠٧" in an Arabic text is the same number to a reader,
// and to a scammer. A match must end where a word does (phoneMatches).
var rePhone = regexp.MustCompile(`(?:\+\p{Nd}{1,3}[ -]?)?(?:\(\p{Nd}{2,4}\)|\p{Nd}{2,4})(?:[ -]\p{Nd}{2,4}){2,4}`)

// phoneMatches are the byte ranges of rePhone's matches in text that end
// where a word does (no letter, digit or _ after them), as \b would have
// it in any script.
func phoneMatches(text []byte) [][]int {
	var out [][]int
	for _, m := range rePhone.FindAllIndex(text, -1) {
		if r, _ := utf8.DecodeRune(text[m[1]:]); m[1] < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			continue
		}
		out = append(out, m)
	}
	return out
}

// phoneStrings are phoneMatches' numbers in s.
func phoneStrings(s string) []string {
	var out []string
	for _, m := range phoneMatches([]byte(s)) {
		out = append(out, s[m[0]:m[1]])
	}
	return out
}

// reThousands is a count written with spaces between the thousands
// ("12 900 000 people"), which is not a phone number.
var reThousands = regexp.MustCompile(`^\p{Nd}{1,3}(?: \p{Nd}{3})+$`)

// knownPhones are the numbers the site gives on purpose: the contact
// details and support services in config.toml, and numbers written in the
// incident's front matter (a successor's number, say), as digits only.
func (c *checker) knownPhones(inc *content.Incident) []string {
	var texts []string
	ct := c.cfg.Contact
	texts = append(texts, ct.Phone, ct.International)
	for _, s := range c.cfg.Support {
		texts = append(texts, s.Phone, s.About)
	}
	if inc != nil {
		texts = append(texts, inc.Successor)
		if inc.Affected != nil {
			texts = append(texts, inc.Affected.Who)
		}
	}
	var out []string
	for _, t := range texts {
		for _, m := range phoneStrings(t) {
			out = append(out, digits(m))
		}
		if d := digits(t); len(d) >= 6 && len(d) == len(strings.Join(strings.Fields(t), "")) {
			out = append(out, d)
		}
	}
	return out
}

// digits are the digits of s, in any script, as 0 to 9.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r > utf8.RuneSelf && unicode.IsDigit(r) {
			// Unicode's decimal digits come in runs of ten, zero first.
			start := r
			for unicode.IsDigit(start - 1) {
				start--
			}
			return '0' + (r-start)%10
		}
		return -1
	}, s)
}

// samePhone reports whether two numbers, as digits, are the same line:
// equal, or equal in their last eight digits (+61 3 5550 0142 and
// 03 5550 0142).
func samePhone(a, b string) bool {
	if a == b {
		return true
	}
	return len(a) >= 8 && len(b) >= 8 && a[len(a)-8:] == b[len(b)-8:]
}

// phones warns about each phone number in s that the site does not give
// anywhere else: a mistyped helpline number sends frightened people to a
// stranger, or to a scammer.
func (c *checker) phones(p page, s *prose) {
	if p.known == nil || !mayHoldPhone(s.text) {
		return
	}
	for _, m := range phoneMatches(s.text) {
		num := string(s.text[m[0]:m[1]])
		d := digits(num)
		if len(d) < 6 || reThousands.MatchString(num) {
			continue
		}
		known := false
		for _, k := range *p.known {
			if samePhone(d, k) {
				known = true
				break
			}
		}
		if !known {
			c.unknownPhone(p.pos(s.at(m[0])), "phone", num)
		}
	}
}

// mayHoldPhone reports whether text has a digit, a space or hyphen, then a
// digit: every number rePhone matches has one. Most paragraphs have none,
// and the regular expression is most of check's time on them.
func mayHoldPhone(text []byte) bool {
	wide := false // a byte of a character beyond ASCII, which may be a digit
	for i := 1; i+1 < len(text); i++ {
		if (text[i] == ' ' || text[i] == '-') && isDigit(text[i-1]) && isDigit(text[i+1]) {
			return true
		}
		wide = wide || text[i] >= utf8.RuneSelf
	}
	if !wide {
		return false
	}
	var prev, sep rune
	for _, r := range string(text) {
		if unicode.IsDigit(r) && (sep == ' ' || sep == '-') && unicode.IsDigit(prev) {
			return true
		}
		if r == ' ' || r == '-' {
			sep = r
			continue
		}
		prev, sep = r, 0
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
