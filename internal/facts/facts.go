// Package facts computes an incident's facts as of each update, from the
// incident's front matter (the facts as first told) and each published
// update's facts: block (what it changes), and says them in words. The
// page, the feeds and the JSON Feed's _disclose object all read them
// here, so that each says the same thing.
package facts

import (
	"fmt"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
)

// Change is one update's change to one fact.
type Change struct {
	Fact   string          // one of content.FactNames: "affected"
	Update *content.Update // the update that changed it
	Was    content.Facts   // every fact just before the change
}

// State is an incident's facts as of one update, and how they came to be.
type State struct {
	content.Facts // the values; Set names the facts that have a value
	// Changes are every change up to here, oldest first.
	Changes []Change
}

// Applies reports whether u's facts: block counts: a draft is not
// published and a withdrawn update's facts are taken back with it.
func Applies(u *content.Update) bool {
	return u.Facts != nil && !u.Draft && u.Withdrawn == nil
}

// Current is inc's facts as of its newest published update.
func Current(inc *content.Incident) State { return AsOf(inc, nil) }

// AsOf is inc's facts as of update through, its changes included; with
// through nil, as of the newest published update. A translation's facts
// are its source's.
func AsOf(inc *content.Incident, through *content.Update) State {
	s := State{Facts: inc.Facts}
	s.Set = append([]string(nil), inc.Facts.Set...)
	for _, u := range inc.Updates {
		if Applies(u) {
			for _, name := range u.Facts.Set {
				if s.Facts.Sets(name) && Same(s.Facts, *u.Facts, name) {
					continue // a value given again is no change
				}
				s.Changes = append(s.Changes, Change{Fact: name, Update: u, Was: s.Facts})
				set(&s.Facts, name, u.Facts)
			}
		}
		if u == through {
			break
		}
	}
	return s
}

// Of lists the changes to the fact name, oldest first.
func (s State) Of(name string) []Change {
	var out []Change
	for _, c := range s.Changes {
		if c.Fact == name {
			out = append(out, c)
		}
	}
	return out
}

// By lists the facts update u changed, in content.FactNames order.
func (s State) By(u *content.Update) []Change {
	var out []Change
	for _, c := range s.Changes {
		if c.Update == u {
			out = append(out, c)
		}
	}
	return out
}

// set copies the fact name from src into f, and marks it given.
func set(f *content.Facts, name string, src *content.Facts) {
	switch name {
	case "occurred":
		f.Occurred = src.Occurred
	case "affected":
		f.Affected = src.Affected
	case "data_involved":
		f.DataInvolved = src.DataInvolved
	case "data_possibly_involved":
		f.DataPossiblyInvolved = src.DataPossiblyInvolved
	case "data_not_involved":
		f.DataNotInvolved = src.DataNotInvolved
	case "never_known":
		f.NeverKnown = src.NeverKnown
	}
	if !f.Sets(name) {
		// A new slice: the incident's Set is shared by every state.
		f.Set = append(append([]string(nil), f.Set...), name)
	}
}

// Same reports whether a and b say the same of the fact name: the same
// dates and notes, numbers and who, or items (as written, in order).
func Same(a, b content.Facts, name string) bool {
	return key(a, name) == key(b, name)
}

func key(f content.Facts, name string) string {
	switch name {
	case "occurred":
		var b strings.Builder
		for _, r := range f.Occurred {
			fmt.Fprintf(&b, "%v|%v|%v|%v|%q;", r.From.Time.Unix(), r.From.DateOnly, r.To.Time.Unix(), r.To.DateOnly, r.Note)
		}
		return b.String()
	case "affected":
		if a := f.Affected; a != nil {
			return fmt.Sprintf("%d|%d|%d|%v|%v|%v|%q", a.Count, a.Min, a.Max, a.AsOf.Time.Unix(), a.AsOf.DateOnly, a.Estimate, a.Who)
		}
		return "-"
	case "never_known":
		return f.NeverKnown
	}
	return fmt.Sprintf("%q", List(f, name))
}

// List is the text list the fact name holds ("data_involved"...), or nil.
func List(f content.Facts, name string) []string {
	switch name {
	case "data_involved":
		return f.DataInvolved
	case "data_possibly_involved":
		return f.DataPossiblyInvolved
	case "data_not_involved":
		return f.DataNotInvolved
	}
	return nil
}

// Lists are the facts that are lists of kinds of information, in the
// order the page shows their groups.
var Lists = []string{"data_involved", "data_possibly_involved", "data_not_involved"}
