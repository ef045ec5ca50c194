package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/facts"
)

// told is the file a list of facts was last written in: the incident's
// front matter (prefix "") or an update's facts: block (prefix "facts.").
type told struct {
	file   string
	prefix string
	posOf  func(string) diag.Pos
}

func (w told) pos(name string, i int) (string, diag.Pos) {
	key := fmt.Sprintf("%s%s[%d]", w.prefix, name, i)
	return key, w.posOf(key)
}

// facts checks the incident's facts as first told and as each update
// changes them: counts that cannot be, information in two groups at once,
// a change to a fact that was never stated, and a resolved incident that
// still says "we cannot confirm yet" (docs/checks.md).
func (c *checker) facts(inc *content.Incident) {
	known := c.knownPhones(inc)
	own := told{inc.File, "", inc.PosOf}
	c.factText(inc.Facts, own, inc.Pos, known)
	c.affected(inc.Facts.Affected, nil, own, inc.Pos)
	from := map[string]told{}
	for _, name := range facts.Lists {
		from[name] = own
	}
	c.overlap(inc.Facts, from, nil)
	for _, lang := range sortedKeys(inc.Translations) {
		t := inc.Translations[lang]
		tw := told{t.File, "", t.PosOf}
		c.affected(t.Facts.Affected, nil, tw, t.Pos)
		c.overlap(t.Facts, map[string]told{"data_involved": tw, "data_possibly_involved": tw, "data_not_involved": tw}, nil)
	}
	state := facts.State{Facts: inc.Facts}
	var newest *content.Update
	for _, u := range inc.Updates {
		for _, lang := range sortedKeys(u.Translations) {
			if t := u.Translations[lang]; t.Facts != nil {
				c.diags.Add(t.PosOf("facts"), "facts", "a translation carries its source's facts; remove this block, and change the facts in %s", u.File)
			}
		}
		if !u.Draft {
			newest = u
		}
		f := u.Facts
		if f == nil {
			continue
		}
		w := told{u.File, "facts.", u.PosOf}
		c.factText(*f, w, u.Pos, known)
		c.occurred(f.Occurred, u.PosOf, inc.Discovered)
		if f.Sets("affected") {
			c.affected(f.Affected, state.Affected, w, u.Pos)
		}
		for _, name := range f.Set {
			if state.Sets(name) && facts.Same(state.Facts, *f, name) {
				c.diags.Warn(u.PosOf("facts."+name), "facts."+name, "is the same as before, so it changes nothing and the page shows no change; remove it from facts:")
			}
			if !state.Sets(name) {
				c.diags.Add(u.PosOf("facts."+name), "facts."+name, "changes a fact %s never stated, so there is no earlier value to show; write the value first told under %s in %s (%s), and let this block say what changed", inc.File, name, inc.File, firstTold(name))
			}
		}
		if !facts.Applies(u) {
			continue
		}
		state = facts.AsOf(inc, u)
		for _, name := range f.Set {
			from[name] = w
		}
		c.overlap(state.Facts, from, u)
	}
	c.stillPossible(state.Facts, newest, from["data_possibly_involved"])
}

// firstTold is how the incident's front matter says a fact was not known
// at first, so that an update may give it later.
func firstTold(name string) string {
	switch name {
	case "affected":
		return "an affected: with only who: says the number was not known yet"
	case "occurred":
		return "give the dates known then; an update may add the intrusions found later"
	case "never_known":
		return `never_known: "" says nothing yet`
	}
	return name + ": [] says none was listed"
}

// affected checks a count of people: count or a range, and a range whose
// lower end is not above its upper. was is the count it replaces, if any.
func (c *checker) affected(a, was *content.Affected, w told, written map[string]diag.Pos) {
	if a == nil {
		return
	}
	p := w.prefix + "affected"
	if a.Count > 0 && (a.Min > 0 || a.Max > 0) {
		c.diags.Add(w.posOf(p+".count"), p+".count", "give count or min and max, not both; remove count, or remove min and max")
	}
	if a.Min > 0 && a.Max > 0 && a.Min > a.Max {
		c.diags.Add(w.posOf(p+".min"), p+".min", "%d is more than max (%d); swap them, or correct the numbers", a.Min, a.Max)
	}
	if !a.AsOf.IsZero() && a.AsOf.Time.After(c.now) && w.prefix != "" {
		c.diags.Add(w.posOf(p+".as_of"), p+".as_of", "%s is in the future; a count can only be as of today or earlier", c.show(a.AsOf))
	}
	if _, ok := written[p+".as_of"]; !ok && a.Known() && (a.Count == 0 || w.prefix != "") {
		key := p + ".count"
		if a.Count == 0 {
			key = p + ".min"
			if a.Min == 0 {
				key = p + ".max"
			}
		}
		c.diags.Warn(w.posOf(key), key, "say when this count was made: add as_of: with the date under %s", p)
	}
	if was != nil && was.Who != "" && a.Who == "" {
		c.diags.Warn(w.posOf(p), p, "has no who:, so the page would no longer say who is counted (it said %q); a facts: block gives the whole of affected: write who: again", was.Who)
	}
}

// occurred checks each intrusion's dates: in order, and before discovery.
func (c *checker) occurred(rs []content.Range, posOf func(string) diag.Pos, discovered time.Time) {
	for _, r := range rs {
		key := r.Key + ".from"
		if !r.From.IsZero() && !r.To.IsZero() && r.From.Time.After(r.To.Time) {
			c.diags.Add(posOf(key), key, "%s is after %s.to (%s); swap them, or correct the date", c.show(r.From), r.Key, c.show(r.To))
		}
		if !r.From.IsZero() && !discovered.IsZero() && c.dayAfter(r.From, discovered) {
			c.diags.Add(posOf(key), key, "%s is after the incident was discovered (%s); a breach cannot be found before it happens", c.show(r.From), discovered.In(c.zone()).Format(dayLayout))
		}
	}
}

// groups are the pairs of lists an item may not be in at once.
var groups = [][2]string{
	{"data_involved", "data_not_involved"},
	{"data_involved", "data_possibly_involved"},
	{"data_possibly_involved", "data_not_involved"},
}

// overlap reports an item in two of the groups at once, at the second:
// the page would say both "we know" and "we cannot confirm" (or "was not
// involved"). by is the update whose facts: block made f, nil for the
// incident's own: then only the pairs it wrote are reported, once.
func (c *checker) overlap(f content.Facts, from map[string]told, by *content.Update) {
	for _, g := range groups {
		if by != nil && !by.Facts.Sets(g[0]) && !by.Facts.Sets(g[1]) {
			continue
		}
		seen := map[string]int{}
		for i, s := range facts.List(f, g[0]) {
			if k := sameItem(s); k != "" {
				if _, dup := seen[k]; !dup {
					seen[k] = i
				}
			}
		}
		for j, s := range facts.List(f, g[1]) {
			i, ok := seen[sameItem(s)]
			if !ok || sameItem(s) == "" {
				continue
			}
			c.twice([2]string{facts.List(f, g[0])[i], s}, g, from, i, j, by)
		}
	}
}

// twice reports the item at g[0][i] and g[1][j], at the later of the two
// in one file, or in by's when they are in two.
func (c *checker) twice(item, g [2]string, from map[string]told, i, j int, by *content.Update) {
	w0, w1 := from[g[0]], from[g[1]]
	k0, p0 := w0.pos(g[0], i)
	k1, p1 := w1.pos(g[1], j)
	second, secondPos, other, firstPos, s := k1, p1, g[0], p0, item[1]
	if (w0.file == w1.file && before(p1, p0)) || (w0.file != w1.file && by != nil && w0.file == by.File) {
		second, secondPos, other, firstPos, s = k0, p0, g[1], p1, item[0]
	}
	s = strings.TrimSpace(s)
	why := "information is either known to be involved, possibly involved or not involved: keep it in one list"
	if g == groups[0] {
		why = "information is either involved or not: remove it from one list"
	}
	if w0.file == w1.file {
		c.diags.Add(secondPos, second, "%q is also listed under %s (line %d); %s", s, other, firstPos.Line, why)
		return
	}
	c.diags.Add(secondPos, second, "%q is still listed under %s (%s:%d); a facts: block that moves an item gives every list it changes: add %s: to this block without it", s, other, firstPos.File, firstPos.Line, other)
}

// stillPossible warns when the newest update says the incident is
// resolved while information is still "may have been accessed; we cannot
// confirm yet", and nothing says it will never be known.
func (c *checker) stillPossible(f content.Facts, newest *content.Update, w told) {
	if newest == nil || newest.Status != content.Resolved || len(f.DataPossiblyInvolved) == 0 || !blank(f.NeverKnown) {
		return
	}
	n := len(f.DataPossiblyInvolved)
	what := fmt.Sprintf("%d kinds of information are", n)
	if n == 1 {
		what = fmt.Sprintf("%q is", f.DataPossiblyInvolved[0])
	}
	c.diags.Warn(newest.PosOf("status"), "status", "the incident is resolved, but %s still listed as possibly involved (%s%s); if it will never be known, say so in never_known: (like never_known: \"Experts tell us we are likely never to know whether this was seen\"), or move each to data_involved or data_not_involved in a facts: block", what, w.prefix, "data_possibly_involved")
}

// factText checks the words of the facts as the eyes check other front
// matter text: addresses and phone numbers that are not the site's own.
func (c *checker) factText(f content.Facts, w told, written map[string]diag.Pos, known []string) {
	var fields []textField
	for _, r := range f.Occurred {
		fields = append(fields, textField{r.Key + ".note", r.Note, ""})
	}
	if w.prefix != "" {
		// The incident's own affected.who and data lists are the eyes'.
		if a := f.Affected; a != nil {
			fields = append(fields, textField{w.prefix + "affected.who", a.Who, ""})
		}
		for _, name := range []string{"data_involved", "data_not_involved"} {
			for i, s := range facts.List(f, name) {
				fields = append(fields, textField{fmt.Sprintf("%s%s[%d]", w.prefix, name, i), s, `write the kind of information, or remove the "- " line`})
			}
		}
	}
	for i, s := range f.DataPossiblyInvolved {
		fields = append(fields, textField{fmt.Sprintf("%sdata_possibly_involved[%d]", w.prefix, i), s, `write the kind of information, or remove the "- " line`})
	}
	fields = append(fields, textField{w.prefix + "never_known", f.NeverKnown, ""})
	c.fields(w.posOf, written, fields, known)
}
