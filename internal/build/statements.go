package build

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/manifest"
)

// statement is one published statement with what the comparison needs to
// point at its source: the manifest record and where each field is.
type statement struct {
	manifest.Statement
	pos       func(field string) diag.Pos
	revisions []content.Revision
	withdrawn *content.Withdrawal
	date      time.Time // an update's date as written, zero otherwise
	kind      string    // "update", "incident", "config"
}

// utc is a time as the statements hash it: the instant, whatever offset
// it was written with.
func utc(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func dateValue(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	if d.DateOnly {
		return d.Time.Format(time.DateOnly)
	}
	return utc(d.Time)
}

func rangeValue(r *content.Range) any {
	if r == nil {
		return nil
	}
	return [2]string{dateValue(r.From), dateValue(r.To)}
}

// occurredValue is every intrusion, as hashed.
func occurredValue(rs []content.Range) any {
	var l [][3]string
	for _, r := range rs {
		l = append(l, [3]string{dateValue(r.From), dateValue(r.To), r.Note})
	}
	return l
}

// affectedValue is how many people, as hashed.
func affectedValue(a *content.Affected) map[string]any {
	return map[string]any{"count": a.Count, "min": a.Min, "max": a.Max, "as_of": dateValue(a.AsOf), "estimate": a.Estimate, "who": a.Who}
}

// factsValue is an update's facts: block, as hashed: each fact it sets.
func factsValue(f *content.Facts) any {
	v := map[string]any{}
	for _, name := range f.Set {
		switch name {
		case "occurred":
			v[name] = occurredValue(f.Occurred)
		case "affected":
			if f.Affected != nil {
				v[name] = affectedValue(f.Affected)
			}
		case "data_involved":
			v[name] = f.DataInvolved
		case "data_possibly_involved":
			v[name] = f.DataPossiblyInvolved
		case "data_not_involved":
			v[name] = f.DataNotInvolved
		case "never_known":
			v[name] = f.NeverKnown
		}
	}
	return v
}

func changes(rs []content.Revision) []string {
	var out []string
	for _, r := range rs {
		out = append(out, manifest.HashValue([2]string{utc(r.Date), r.Note}))
	}
	return out
}

// bodyPos is where a file's Markdown starts.
func bodyPos(file string, b content.Body) diag.Pos {
	return diag.Pos{File: file, Line: max(b.Line, 1), Col: 1}
}

// Statements lists every statement the site publishes, sorted by ID: each
// published update and its translations, each incident and its
// translations, and the site's contact details.
func Statements(site *content.Site) []manifest.Statement {
	var out []manifest.Statement
	for _, s := range statements(site) {
		out = append(out, s.Statement)
	}
	return out
}

func statements(site *content.Site) []statement {
	var out []statement
	for _, inc := range site.Incidents {
		out = append(out, incidentStatement(site, inc, ""))
		for _, lang := range slices.Sorted(maps.Keys(inc.Translations)) {
			out = append(out, incidentStatement(site, inc.Translations[lang], lang))
		}
		for _, u := range inc.Published() {
			out = append(out, updateStatement(site, u, u, ""))
			for _, lang := range slices.Sorted(maps.Keys(u.Translations)) {
				if t := u.Translations[lang]; !t.Draft {
					out = append(out, updateStatement(site, t, u, lang))
				}
			}
		}
	}
	out = append(out, configStatement(site.Config))
	slices.SortFunc(out, func(a, b statement) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return out
}

func statementID(kind, address, lang string) string {
	if lang != "" {
		return fmt.Sprintf("%s %s (%s)", kind, address, lang)
	}
	return kind + " " + address
}

// updateStatement is u (an update or its translation) at the address of
// src, its source-language update, whose date and status it shows.
func updateStatement(site *content.Site, u, src *content.Update, lang string) statement {
	values := []manifest.Hashed{
		{Name: "title", Value: u.Title},
		{Name: "summary", Value: u.Summary},
		{Name: "body", Value: u.Body.Source, Lines: true},
	}
	if lang == "" {
		// A translation shows its source's status and time: a change to
		// either is the source's, and is refused or noted there.
		values = append(values, manifest.Hashed{Name: "status", Value: string(src.Status)}, manifest.Hashed{Name: "date", Value: utc(src.Date)})
		// The facts it changes are what it tells readers too (package
		// facts): the incident page shows them as changed by it.
		if f := src.Facts; f != nil {
			values = append(values, manifest.Hashed{Name: "facts", Value: factsValue(f)})
		}
	}
	st := manifest.NewStatement(statementID("update", site.URL(src.Path()), lang), u.File, values)
	st.Published = utc(src.Date)
	st.Revisions = changes(u.Revisions)
	if w := u.Withdrawn; w != nil {
		st.Withdrawn = manifest.HashValue([2]string{utc(w.Date), w.Note})
	}
	return statement{
		Statement: st,
		pos: func(field string) diag.Pos {
			if field == "body" {
				return bodyPos(u.File, u.Body)
			}
			return nearest(u.Pos, field, u.PosOf)
		},
		revisions: u.Revisions,
		withdrawn: u.Withdrawn,
		date:      u.Date,
		kind:      "update",
	}
}

// listFields are the incident's lists, hashed entry by entry as well, so
// that a change is shown at the entry that changed.
var listFields = map[string]bool{"what_to_do": true, "data_involved": true, "data_possibly_involved": true, "data_not_involved": true, "notified": true, "official_advice": true}

// incidentValue is the value of the incident's field name, as hashed:
// every field of _index.md is part of the statement, shown or not, so
// that a field a template starts showing is already protected.
func incidentValue(inc *content.Incident, name string) (any, bool) {
	switch name {
	case "title":
		return inc.Title, true
	case "occurred":
		// Every intrusion, with its note (content.Facts).
		return occurredValue(inc.Facts.Occurred), true
	case "discovered":
		return utc(inc.Discovered), true
	case "data_window":
		return rangeValue(inc.DataWindow), true
	case "affected":
		a := inc.Affected
		if a == nil {
			a = &content.Affected{}
		}
		return affectedValue(a), true
	case "data_involved":
		return inc.DataInvolved, true
	case "data_possibly_involved":
		return inc.Facts.DataPossiblyInvolved, true
	case "what_to_do":
		return inc.WhatToDo, true
	case "never_known":
		return inc.Facts.NeverKnown, true
	case "facts":
		return nil, true // refused in _index.md (an update's block): always empty
	case "data_not_involved":
		return inc.DataNotInvolved, true
	case "notified":
		var l [][3]string
		for _, n := range inc.Notified {
			l = append(l, [3]string{n.Body, dateValue(n.Date), n.URL})
		}
		return l, true
	case "official_advice":
		return inc.OfficialAdvice, true
	case "notice":
		n := inc.Notice
		if n == nil {
			n = &content.Notice{}
		}
		return map[string]any{"official": n.Official, "display_until": dateValue(n.DisplayUntil), "mode": n.Mode, "posted": dateValue(n.Posted)}, true
	case "successor":
		return inc.Successor, true
	case "revisions":
		return nil, false // recorded entry by entry
	}
	return nil, false
}

func incidentStatement(site *content.Site, inc *content.Incident, lang string) statement {
	var values []manifest.Hashed
	for _, name := range content.IncidentFields() {
		v, ok := incidentValue(inc, name)
		if !ok {
			continue
		}
		// A map's fields are hashed one by one, so that a change is shown
		// at its own line: affected.count, not affected.
		if m, isMap := v.(map[string]any); isMap {
			for _, k := range slices.Sorted(maps.Keys(m)) {
				values = append(values, manifest.Hashed{Name: name + "." + k, Value: m[k]})
			}
			continue
		}
		_, list := listFields[name]
		values = append(values, manifest.Hashed{Name: name, Value: v, Lines: list})
	}
	values = append(values, manifest.Hashed{Name: "body", Value: inc.Body.Source, Lines: true})
	st := manifest.NewStatement(statementID("incident", site.URL(inc.Path()), lang), inc.File, values)
	st.Revisions = changes(inc.Revisions)
	return statement{
		Statement: st,
		pos: func(field string) diag.Pos {
			if field == "body" {
				return bodyPos(inc.File, inc.Body)
			}
			return nearest(inc.Pos, field, inc.PosOf)
		},
		revisions: inc.Revisions,
		kind:      "incident",
	}
}

// configStatement is what every page tells readers about reaching the
// organisation: the contact details, the scam warning and the support
// services.
func configStatement(cfg *content.Config) statement {
	c := cfg.Contact
	values := []manifest.Hashed{
		{Name: "params.contact.phone", Value: c.Phone},
		{Name: "params.contact.phone_hours", Value: c.PhoneHours},
		{Name: "params.contact.international", Value: c.International},
		{Name: "params.contact.email", Value: c.Email},
		{Name: "params.contact.media", Value: c.Media},
		{Name: "params.contact.postal", Value: c.Postal},
		{Name: "params.contact.privacy_officer", Value: c.PrivacyOfficer},
		{Name: "params.we_will_never", Value: cfg.WeWillNever, Lines: true},
		{Name: "params.support", Value: cfg.Support, Lines: true},
	}
	// A language's words for them are statements too, from when it
	// first gives them: a translation added later is not a change, a
	// change to one is.
	for _, l := range cfg.Langs {
		if l.Code == cfg.DefaultLang {
			continue
		}
		p, w := "languages."+l.Code+".params.", l.Words
		for _, f := range []struct{ name, v string }{{"contact.phone_hours", w.PhoneHours}, {"contact.postal", w.Postal}, {"contact.privacy_officer", w.PrivacyOfficer}} {
			if f.v != "" {
				values = append(values, manifest.Hashed{Name: p + f.name, Value: f.v})
			}
		}
		if w.WeWillNever != nil {
			values = append(values, manifest.Hashed{Name: p + "we_will_never", Value: w.WeWillNever, Lines: true})
		}
		if w.SupportAbout != nil {
			values = append(values, manifest.Hashed{Name: p + "support", Value: w.SupportAbout, Lines: true})
		}
	}
	st := manifest.NewStatement("site contact", cfg.File, values)
	st.Revisions = changes(cfg.Revisions)
	return statement{
		Statement: st,
		pos: func(field string) diag.Pos {
			return nearest(cfg.Pos, field, func(string) diag.Pos { return diag.Pos{File: cfg.File, Line: 1, Col: 1} })
		},
		revisions: cfg.Revisions,
		kind:      "config",
	}
}

// newest is the time of the newest dated entry among the statements.
func newest(sts []statement) string {
	var t time.Time
	see := func(u time.Time) {
		if u.After(t) {
			t = u
		}
	}
	for _, s := range sts {
		see(s.date)
		for _, r := range s.revisions {
			see(r.Date)
		}
		if s.withdrawn != nil {
			see(s.withdrawn.Date)
		}
	}
	return utc(t)
}

// nearest is where key is written, or else the nearest key that holds it
// (affected, for an affected.who that was removed), or else fallback's.
func nearest(pos map[string]diag.Pos, key string, fallback func(string) diag.Pos) diag.Pos {
	for k := key; k != ""; k = parent(k) {
		if p, ok := pos[k]; ok {
			return p
		}
	}
	return fallback(key)
}

// parent is the dotted key that holds key: "params.contact" for
// "params.contact.phone", "params" for "params.revisions[2]".
func parent(key string) string {
	if i := strings.LastIndexAny(key, ".["); i > 0 {
		return key[:i]
	}
	return ""
}
