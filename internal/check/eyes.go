package check

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

// eyes is the second pair of eyes on an incident's and its updates' front
// matter (docs/checks.md): required text that is there but empty, a kind
// of information listed as both involved and not involved, and addresses
// and phone numbers that are not the site's own.
func (c *checker) eyes(inc *content.Incident) {
	known := c.knownPhones(inc)
	c.incidentEyes(inc, known)
	for _, lang := range sortedKeys(inc.Translations) {
		c.incidentEyes(inc.Translations[lang], known)
	}
	for _, u := range inc.Updates {
		c.updateEyes(u, known)
		for _, lang := range sortedKeys(u.Translations) {
			c.updateEyes(u.Translations[lang], known)
		}
	}
}

// textField is one front matter field written in words.
type textField struct {
	key      string
	value    string
	required string // the fix when it is required and empty; "" if optional
}

func (c *checker) incidentEyes(inc *content.Incident, known []string) {
	fields := []textField{{"title", inc.Title, `write what the public calls it, like title: "Cyber security incident"`}}
	if inc.Affected != nil {
		fields = append(fields, textField{"affected.who", inc.Affected.Who, ""})
	}
	for i, s := range inc.WhatToDo {
		fields = append(fields, textField{fmt.Sprintf("what_to_do[%d]", i), s, `write one thing a reader can do now, or remove the "- " line`})
	}
	if len(inc.WhatToDo) > 3 {
		key := "what_to_do[3]"
		c.diags.Add(inc.PosOf(key), key, "%d things to do; a phone's first screen holds three: keep the three that matter most and put the rest in the statement", len(inc.WhatToDo))
	}
	for i, s := range inc.DataInvolved {
		fields = append(fields, textField{fmt.Sprintf("data_involved[%d]", i), s, `write the kind of information, or remove the "- " line`})
	}
	for i, s := range inc.DataNotInvolved {
		fields = append(fields, textField{fmt.Sprintf("data_not_involved[%d]", i), s, `write the kind of information, or remove the "- " line`})
	}
	for i, n := range inc.Notified {
		fields = append(fields, textField{fmt.Sprintf("notified[%d].body", i), n.Body, `write who was told, like body: "Office of the Australian Information Commissioner"`})
	}
	for i, l := range inc.OfficialAdvice {
		fields = append(fields, textField{fmt.Sprintf("official_advice[%d].title", i), l.Title, `write what the advice is, like title: "Scamwatch: how to protect yourself from scams"`})
		// The address is the site's own by being here; only its being empty is checked.
		key := fmt.Sprintf("official_advice[%d].url", i)
		if _, ok := inc.Pos[key]; ok && blank(l.URL) {
			c.diags.Add(inc.PosOf(key), key, "empty; write the advice's address, like url: \"https://www.scamwatch.gov.au/\"")
		}
	}
	c.fields(inc.PosOf, inc.Pos, fields, known)
}

func (c *checker) updateEyes(u *content.Update, known []string) {
	fields := []textField{
		{"title", u.Title, `write what the update says in a few words, like title: "Data posted online: what we know"`},
		{"summary", u.Summary, ""},
	}
	for i, r := range u.Revisions {
		fields = append(fields, textField{fmt.Sprintf("revisions[%d].note", i), r.Note, `say in plain words what changed, like note: "Corrected the number of people affected"`})
	}
	if u.Withdrawn != nil {
		fields = append(fields, textField{"withdrawn.note", u.Withdrawn.Note, `say in plain words why the update was withdrawn and where to read instead`})
	}
	c.fields(u.PosOf, u.Pos, fields, known)
}

// fields checks each text field: a required one written empty is an
// error (a missing one is the loader's), and every address or phone
// number in one is checked as in a body.
func (c *checker) fields(posOf func(string) diag.Pos, written map[string]diag.Pos, fields []textField, known []string) {
	for _, f := range fields {
		pos := posOf(f.key)
		if blank(f.value) {
			if _, ok := written[f.key]; ok && f.required != "" {
				c.diags.Add(pos, f.key, "empty; %s", f.required)
			}
			continue
		}
		for _, a := range findAddresses(f.value) {
			c.address(pos, f.key, a)
		}
		c.phoneText(pos, f.key, f.value, known)
	}
}

// blank reports whether s shows nothing: empty, or only spaces and
// characters that take no room (a pasted zero-width space).
func blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) && !invisible(r) }) < 0
}

func invisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

func before(a, b diag.Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

// sameItem is an item of data_involved as compared: lower case, its
// spaces made one, curly quotes straight, without a full stop at the end.
func sameItem(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '‘' || r == '’' || r == '′':
			return '\''
		case r == '“' || r == '”':
			return '"'
		case invisible(r):
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return strings.TrimRight(strings.Join(strings.Fields(s), " "), ".;,")
}
