package check

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/markdown"
)

// noticeRule is one thing a law says a notice must contain.
type noticeRule struct {
	Set   string // the params.jurisdictions word that turns the rule on
	Law   string // the provision, as a lawyer cites it
	Needs string // what the notice must contain, in the law's words
	Fix   string // what the writer adds to satisfy check
	Test  test   // how check decides the notice contains it
}

// test decides whether a notice contains something.
type test func(n *noticeText) bool

// noticeText is everything a notice rule may look at.
type noticeText struct {
	inc      *content.Incident
	cfg      *content.Config
	headings []string // normalised: lower case, letters and digits, single spaces
	text     string   // the statement's words, normalised the same way
}

func section(heading string) test {
	want := normalise(heading)
	return func(n *noticeText) bool {
		for _, h := range n.headings {
			if strings.Contains(h, want) {
				return true
			}
		}
		return false
	}
}

func mentions(words string) test {
	want := strings.TrimSuffix(normalise(words), " ") // "risk" finds "risks" too
	return func(n *noticeText) bool { return strings.Contains(n.text, want) }
}

func field(name string) test {
	return func(n *noticeText) bool {
		i := n.inc
		switch name {
		case "occurred":
			return i.Occurred != nil && !i.Occurred.From.IsZero()
		case "discovered":
			return !i.Discovered.IsZero()
		case "data_involved":
			return len(i.DataInvolved) > 0
		}
		return false
	}
}

func contact(name string) test {
	return func(n *noticeText) bool {
		c := n.cfg.Contact
		v := map[string]string{"phone": c.Phone, "email": c.Email, "postal": c.Postal,
			"privacy_officer": c.PrivacyOfficer, "international": c.International}[name]
		return strings.TrimSpace(v) != ""
	}
}

func organisation() test {
	return func(n *noticeText) bool { return strings.TrimSpace(n.cfg.Organisation) != "" }
}

// tollFreeCodes are the US toll-free area codes.
var tollFreeCodes = []string{"800", "833", "844", "855", "866", "877", "888"}

func tollFree() test {
	return func(n *noticeText) bool {
		for _, p := range []string{n.cfg.Contact.Phone, n.cfg.Contact.International} {
			d := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, p)
			if len(d) == 11 && d[0] == '1' {
				d = d[1:]
			}
			for _, code := range tollFreeCodes {
				if len(d) == 10 && strings.HasPrefix(d, code) {
					return true
				}
			}
		}
		return false
	}
}

func notifiedBody(name string) test {
	want := normalise(name)
	return func(n *noticeText) bool {
		for _, b := range n.inc.Notified {
			if strings.Contains(normalise(b.Body), want) {
				return true
			}
		}
		return false
	}
}

func anyOf(tests ...test) test {
	return func(n *noticeText) bool {
		for _, t := range tests {
			if t(n) {
				return true
			}
		}
		return false
	}
}

func allOf(tests ...test) test {
	return func(n *noticeText) bool {
		for _, t := range tests {
			if !t(n) {
				return false
			}
		}
		return true
	}
}

// ifInvolved applies t only when data_involved names one of kinds.
func ifInvolved(kinds []string, t test) test {
	return func(n *noticeText) bool {
		for _, d := range n.inc.DataInvolved {
			for _, k := range kinds {
				if strings.Contains(normalise(d), normalise(k)) {
					return t(n)
				}
			}
		}
		return true
	}
}

// normalise lower-cases s and keeps only letters and digits, one space
// between words, so that "What You Can Do:" matches "what you can do".
func normalise(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	return " " + strings.Join(f, " ") + " "
}

// ruleSetNames lists the rule sets, sorted.
func ruleSetNames() []string {
	names := make([]string, 0, len(ruleSets))
	for n := range ruleSets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// notice warns, for each rule set the site applies, what the incident's
// statement is missing.
func (c *checker) notice(inc *content.Incident) {
	if len(c.cfg.Jurisdictions) == 0 || markdown.WithinLimits(inc.Body.Source) != nil {
		return // a body past the limits is refused by the markdown rules, unparsed
	}
	n := c.noticeText(inc)
	pos := inc.PosOf("")
	if i := bytes.IndexFunc(inc.Body.Source, func(r rune) bool { return !unicode.IsSpace(r) }); i >= 0 {
		pos = bodyPos(inc.File, inc.Body, i) // the statement's first word
	}
	for _, r := range noticeRules {
		if !c.ruleSet(r.Set) || r.Test(n) {
			continue
		}
		c.diags.Warn(pos, "notice", "%s asks for %s; %s", r.Law, r.Needs, r.Fix)
	}
}

// noticeText gathers the statement's headings and words.
func (c *checker) noticeText(inc *content.Incident) *noticeText {
	n := &noticeText{inc: inc, cfg: c.cfg}
	src := inc.Body.Source
	doc := markdown.Parse(src)
	var b strings.Builder
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node.(type) {
		case *ast.Heading:
			h := string(plainText(node, src))
			n.headings = append(n.headings, normalise(h))
			b.WriteString(h + " ")
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			b.Write(plainText(node, src))
			b.WriteString(" ")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	n.text = normalise(b.String())
	return n
}
