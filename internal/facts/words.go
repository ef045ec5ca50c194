package facts

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/disclose-dev/disclose/internal/content"
)

// Words says facts in the site's words: numbers grouped for its locale,
// dates in its zone.
type Words struct {
	loc *time.Location
	p   *message.Printer
}

// NewWords says facts as cfg's site shows them (locale and time zone).
func NewWords(cfg *content.Config) *Words {
	tag, err := language.Parse(cfg.Locale)
	if err != nil {
		tag = language.English
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	return &Words{loc: loc, p: message.NewPrinter(tag)}
}

// Number is n for a reader: "648,000" (grouped for the locale), and whole
// millions as "1 million", never rounded.
func (w *Words) Number(n int64) string {
	if n >= 1_000_000 && n%1_000_000 == 0 {
		return w.p.Sprintf("%d", n/1_000_000) + " million"
	}
	return w.p.Sprintf("%d", n)
}

// Affected says how many people: "about 1.2 million people", "between
// 648,000 and about 1 million people", "at least 648,000 people", "up to
// 5,000 people"; "not known yet" when no number is given. An estimate is
// "about" its count, or its max (the upper count is the one that is
// estimated in a range; the lower is who is known).
func (w *Words) Affected(a *content.Affected) string {
	if a == nil || !a.Known() {
		return "not known yet"
	}
	about := ""
	if a.Estimate {
		about = "about "
	}
	switch {
	case a.Count > 0:
		return about + w.people(a.Count)
	case a.Min > 0 && a.Max > 0:
		return "between " + w.Number(a.Min) + " and " + about + w.people(a.Max)
	case a.Min > 0:
		return "at least " + w.people(a.Min)
	}
	return "up to " + about + w.people(a.Max)
}

func (w *Words) people(n int64) string {
	if n == 1 {
		return "1 person"
	}
	return w.Number(n) + " people"
}

// Date is d as the pages show a date: "2 May 2024".
func (w *Words) Date(d content.Date) string {
	t := d.Time
	if !d.DateOnly {
		t = t.In(w.loc)
	}
	return t.Format("2 January 2006")
}

// Range is r in words: "1 March 2019 to 31 March 2019", "1 March 2019",
// "from 1 March 2019" when it has not been found to end, its note after.
func (w *Words) Range(r content.Range) string {
	var s string
	switch {
	case r.To.IsZero():
		s = "from " + w.Date(r.From)
	case r.From.IsZero() || w.Date(r.From) == w.Date(r.To):
		s = w.Date(r.To)
		if !r.From.IsZero() {
			s = w.Date(r.From)
		}
	default:
		s = w.Date(r.From) + " to " + w.Date(r.To)
	}
	if r.Note != "" {
		s += " (" + r.Note + ")"
	}
	return s
}

// Value is the fact name of f in words, as "was ..." says an old value.
func (w *Words) Value(f content.Facts, name string) string {
	switch name {
	case "occurred":
		if len(f.Occurred) == 0 {
			return "not known yet"
		}
		var parts []string
		for _, r := range f.Occurred {
			parts = append(parts, w.Range(r))
		}
		return strings.Join(parts, "; ")
	case "affected":
		s := w.Affected(f.Affected)
		if a := f.Affected; a != nil && !a.AsOf.IsZero() {
			s += ", as of " + w.Date(a.AsOf)
		}
		return s
	case "never_known":
		if f.NeverKnown == "" {
			return "not said"
		}
		return f.NeverKnown
	}
	if l := List(f, name); len(l) > 0 {
		return strings.Join(l, "; ")
	}
	return "none listed"
}

// Label is what the page and the feeds call the fact name, given the
// facts it is part of: the group headings that tell "we know" from "we
// do not know yet".
func Label(f content.Facts, name string) string {
	switch name {
	case "occurred":
		return "When it happened"
	case "affected":
		return "How many people"
	case "data_involved":
		return "We know this was taken or seen"
	case "data_possibly_involved":
		if f.NeverKnown != "" {
			return "This may have been accessed; we may never know"
		}
		return "This may have been accessed; we cannot confirm yet"
	case "data_not_involved":
		return "This was not involved"
	case "never_known":
		return "What we may never know"
	}
	return name
}

// Was is the fact name's value before a change, as "was ..." says it:
// Value, and for affected the people it counted when the change counts
// others ("not known yet, counting people given a prescription").
func (w *Words) Was(c Change, now content.Facts) string {
	s := w.Value(c.Was, c.Fact)
	if c.Fact != "affected" {
		return s
	}
	before, after := c.Was.Affected, now.Affected
	if before != nil && before.Who != "" && (after == nil || after.Who != before.Who) {
		s += ", counting " + lowerFirst(before.Who)
	}
	return s
}

// lowerFirst puts a who that starts a sentence into one: "People given"
// becomes "people given"; a name in capitals ("NHI") stays.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}
