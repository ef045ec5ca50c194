package feed

import (
	"fmt"
	"html"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/facts"
	"github.com/disclose-dev/disclose/internal/themewords"
)

// Disclose is the JSON Feed extension object "_disclose" of each item
// (docs/content-model.md, "Feeds"): the update's status and the
// incident's facts as of the update, the same the entry's text lists.
type Disclose struct {
	Status string    `json:"status"`
	Facts  *FactsDoc `json:"facts,omitempty"`
}

// FactsDoc is an incident's facts as of one update, as the feeds carry
// them. A list the incident states is written even when it is empty (an
// update that found nothing is still possibly involved says so with []).
type FactsDoc struct {
	Occurred             []RangeDoc   `json:"occurred,omitempty"`
	Affected             *AffectedDoc `json:"affected,omitempty"`
	DataInvolved         *[]string    `json:"data_involved,omitempty"`
	DataPossiblyInvolved *[]string    `json:"data_possibly_involved,omitempty"`
	DataNotInvolved      *[]string    `json:"data_not_involved,omitempty"`
	NeverKnown           string       `json:"never_known,omitempty"`
	// Changed are the facts this update changed, each with its value
	// before, in words.
	Changed []ChangeDoc `json:"changed,omitempty"`
}

// RangeDoc is one intrusion: dates as written ("2019-03-01"), or RFC 3339.
type RangeDoc struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	Note string `json:"note,omitempty"`
}

// AffectedDoc is how many people, with Words as the page says it.
type AffectedDoc struct {
	Words    string `json:"words"` // "between 648,000 and about 1 million people"
	Count    int64  `json:"count,omitempty"`
	Min      int64  `json:"min,omitempty"`
	Max      int64  `json:"max,omitempty"`
	Estimate bool   `json:"estimate,omitempty"`
	AsOf     string `json:"as_of,omitempty"`
	Who      string `json:"who,omitempty"`
}

// ChangeDoc is a fact the update changed and what it was.
type ChangeDoc struct {
	Fact string `json:"fact"` // "affected"
	Was  string `json:"was"`  // "648,000 people, as of 20 August 2019"
}

func dateDoc(d content.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.DateOnly:
		return d.Time.Format("2006-01-02")
	}
	return d.Time.Format("2006-01-02T15:04:05Z07:00")
}

// factsDoc is the incident's facts as of u, or nil when it states none.
func factsDoc(st facts.State, u *content.Update, w *facts.Words) *FactsDoc {
	f := st.Facts
	if len(f.Set) == 0 {
		return nil
	}
	d := &FactsDoc{NeverKnown: f.NeverKnown}
	for _, r := range f.Occurred {
		d.Occurred = append(d.Occurred, RangeDoc{From: dateDoc(r.From), To: dateDoc(r.To), Note: r.Note})
	}
	if a := f.Affected; a != nil {
		d.Affected = &AffectedDoc{Words: w.Affected(a), Count: a.Count, Min: a.Min, Max: a.Max, Estimate: a.Estimate, AsOf: dateDoc(a.AsOf), Who: a.Who}
	}
	list := func(name string) *[]string {
		if !f.Sets(name) {
			return nil
		}
		l := append([]string{}, facts.List(f, name)...)
		return &l
	}
	d.DataInvolved, d.DataPossiblyInvolved, d.DataNotInvolved = list("data_involved"), list("data_possibly_involved"), list("data_not_involved")
	for _, c := range st.By(u) {
		d.Changed = append(d.Changed, ChangeDoc{Fact: c.Fact, Was: w.Was(c, f)})
	}
	return d
}

// factsHTML lists, in the text of an entry whose update changes facts
// (a facts: block), every fact as of the update, as the incident's page
// shows them, with what the update changed. Other entries' text is the
// update's alone, so that editing the incident's front matter never
// rewrites an entry's text.
//
// The facts' names are in the entry's language (words); their values are
// the default language's words (internal/facts), and carry valueLang as
// their lang where that is not the entry's.
func factsHTML(st facts.State, u *content.Update, w *facts.Words, words *themewords.Words, valueLang string) string {
	f := st.Facts
	if len(f.Set) == 0 || !facts.Applies(u) || len(u.Facts.Set) == 0 {
		return ""
	}
	was := map[string]string{}
	for _, c := range st.By(u) {
		was[c.Fact] = w.Was(c, f)
	}
	var b strings.Builder
	b.WriteString("<p><strong>" + textEscaper.Replace(words.T("feed_facts_heading")) + "</strong></p>\n<ul class=\"facts\">\n")
	value := func(v string) string {
		if valueLang == "" {
			return textEscaper.Replace(v)
		}
		return `<span lang="` + html.EscapeString(valueLang) + `">` + textEscaper.Replace(v) + "</span>"
	}
	for _, name := range content.FactNames {
		if !f.Sets(name) {
			continue
		}
		old, changed := was[name]
		if strings.HasPrefix(name, "data_") && len(facts.List(f, name)) == 0 && !changed {
			continue // an empty group says nothing new
		}
		v := w.Value(f, name)
		if name == "affected" {
			v = upperFirst(v)
		}
		fmt.Fprintf(&b, "<li>%s: %s", textEscaper.Replace(factLabel(words, f, name)), value(v))
		if changed {
			fmt.Fprintf(&b, " (%s %s)", textEscaper.Replace(words.T("feed_fact_changed")), value(old))
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// factLabel is what the page calls the fact name (fact-group.html,
// facts.html), in the language of words: the group headings that tell "we
// know" from "we do not know yet".
func factLabel(words *themewords.Words, f content.Facts, name string) string {
	key := "fact_" + name
	if name == "data_possibly_involved" && f.NeverKnown != "" {
		key = "fact_data_possibly_involved_never"
	}
	if !words.Has(key) {
		return facts.Label(f, name)
	}
	return words.T(key)
}
