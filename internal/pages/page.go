package pages

import (
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/facts"
	"github.com/disclose-dev/disclose/internal/history"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/render"
)

// frontMatter is a generated page's front matter: Hugo's own keys, and
// params for the templates. Empty fields are left out.
type frontMatter struct {
	Title   string         `json:"title"`
	Date    string         `json:"date,omitempty"`
	URL     string         `json:"url,omitempty"`
	Draft   bool           `json:"draft,omitempty"`
	Layout  string         `json:"layout,omitempty"`
	Build   map[string]any `json:"build,omitempty"`
	Sitemap map[string]any `json:"sitemap,omitempty"`
	Params  map[string]any `json:"params"`
}

// incidentPage is an incident's section page: its facts, as of its newest
// published update, and statement. st is the incident's current facts
// (facts.Current), w says them in the site's words.
func incidentPage(inc *content.Incident, st facts.State, w *facts.Words, html []byte) frontMatter {
	p := map[string]any{"body_html": string(html)}
	set := func(k string, v any, ok bool) {
		if ok {
			p[k] = v
		}
	}
	set("discovered", when(inc.Discovered), !inc.Discovered.IsZero())
	set("data_window", dateRange(inc.DataWindow), inc.DataWindow != nil)
	factParams(p, st, w)
	set("what_to_do", inc.WhatToDo, len(inc.WhatToDo) > 0)
	if len(inc.Notified) > 0 {
		var l []map[string]string
		for _, n := range inc.Notified {
			m := map[string]string{"body": n.Body}
			if !n.Date.IsZero() {
				m["date"] = date(n.Date)
			}
			if n.URL != "" {
				m["url"] = n.URL
			}
			l = append(l, m)
		}
		p["notified"] = l
	}
	if len(inc.OfficialAdvice) > 0 {
		var l []map[string]string
		for _, a := range inc.OfficialAdvice {
			l = append(l, map[string]string{"title": a.Title, "url": a.URL})
		}
		p["official_advice"] = l
	}
	if n := inc.Notice; n != nil {
		m := map[string]any{"official": n.Official}
		if !n.DisplayUntil.IsZero() {
			m["display_until"] = date(n.DisplayUntil)
		}
		p["notice"] = m
	}
	set("successor", inc.Successor, inc.Successor != "")
	set("revisions", changeList(inc.Revisions), len(inc.Revisions) > 0)
	return frontMatter{Title: inc.Title, Params: p}
}

// updatePage is an update at its permanent address. u is the update or its
// translation, src the source-language update whose address, date and
// status it carries; since is when that status began (statusSince). The
// page says only what a later update cannot change: where things stood at
// this update, not where they stand now.
func updatePage(u, src *content.Update, bodies *render.Bodies, html []byte, since string) frontMatter {
	p := map[string]any{
		"status":       string(src.Status),
		"status_since": since,
		"list_summary": bodies.Summary(u),
		"body_html":    string(html),
	}
	if s := strings.TrimSpace(u.Summary); s != "" {
		p["summary"] = s
	}
	if len(u.Revisions) > 0 {
		var l []map[string]string
		for i, r := range u.Revisions {
			m := map[string]string{"date": when(r.Date), "note": r.Note}
			// The text revision i+1 replaced, as the feeds link it.
			if old := bodies.Earlier(src, i+1); old != "" {
				m["earlier"] = "/" + old
			}
			l = append(l, m)
		}
		p["revisions"] = l
	}
	if w := u.Withdrawn; w != nil {
		p["withdrawn"] = map[string]string{"date": when(w.Date), "note": w.Note}
	}
	return frontMatter{
		Title:  u.Title,
		Date:   when(src.Date),
		URL:    "/" + src.Path(),
		Draft:  u.Draft,
		Params: p,
	}
}

// versionPage is an earlier text of a revised update, kept out of every
// list and the sitemap.
func versionPage(u *content.Update, v history.Version, html []byte) frontMatter {
	p := map[string]any{
		"status":     v.Status,
		"version":    v.N,
		"version_of": "/" + u.Path(),
		"body_html":  string(html),
	}
	if !v.Until.IsZero() {
		p["superseded"] = when(v.Until)
	}
	return frontMatter{
		Title:   v.Title,
		Date:    when(u.Date),
		URL:     "/" + public.EarlierVersion(u.Path(), v.N),
		Build:   map[string]any{"list": "never"},
		Sitemap: map[string]any{"disable": true},
		Params:  p,
	}
}

// factParams adds the incident's current facts to the page's params, each
// with the changes that made it (newest first). The theme says them in the
// page's language (affected-words.html says what facts.Words.Affected says
// in the feeds); an old value ("was") is said here, in the default
// language's words:
//
//	occurred:      [{from, to, note}]
//	affected:      {as_of, who, count, min, max, estimate}
//	fact_groups:   [{fact, items}] for data_involved, data_possibly_involved, data_not_involved (the theme names each: fact-group.html)
//	never_known:   "Experts tell us ..."
//	changes:       {<fact>: [{date, url, was}]}
func factParams(p map[string]any, st facts.State, w *facts.Words) {
	f := st.Facts
	if len(f.Occurred) > 0 {
		var l []map[string]string
		for _, r := range f.Occurred {
			m := map[string]string{"from": date(r.From)}
			if !r.To.IsZero() {
				m["to"] = date(r.To)
			}
			if r.Note != "" {
				m["note"] = r.Note
			}
			l = append(l, m)
		}
		p["occurred"] = l
	}
	if a := f.Affected; a != nil {
		m := map[string]any{} // the theme says them in words: affected-words.html
		for k, v := range map[string]int64{"count": a.Count, "min": a.Min, "max": a.Max} {
			if v > 0 {
				m[k] = v
			}
		}
		if !a.AsOf.IsZero() {
			m["as_of"] = date(a.AsOf)
		}
		if a.Estimate {
			m["estimate"] = true
		}
		if a.Who != "" {
			m["who"] = a.Who
		}
		p["affected"] = m
	}
	var groups []map[string]any
	for _, name := range facts.Lists {
		items := facts.List(f, name)
		if len(items) == 0 && len(st.Of(name)) == 0 {
			continue
		}
		groups = append(groups, map[string]any{"fact": name, "items": items})
		p[name] = items // the lists as written, for anything else that reads them
	}
	if len(groups) > 0 {
		p["fact_groups"] = groups
	}
	if f.NeverKnown != "" {
		p["never_known"] = f.NeverKnown
	}
	changes := map[string]any{}
	for _, name := range content.FactNames {
		ch := st.Of(name)
		var l []map[string]string
		for k := len(ch) - 1; k >= 0; k-- {
			u := ch[k].Update
			l = append(l, map[string]string{"date": when(u.Date), "url": "/" + u.Path(), "was": w.Was(ch[k], f)})
		}
		if len(l) > 0 {
			changes[name] = l
		}
	}
	if len(changes) > 0 {
		p["changes"] = changes
	}
}

// changeList is a list of dated notes for the templates.
func changeList(rs []content.Revision) []map[string]string {
	var l []map[string]string
	for _, r := range rs {
		l = append(l, map[string]string{"date": when(r.Date), "note": r.Note})
	}
	return l
}

// verifyPage is the page for journalists on how to check that the site is
// the organisation's (layouts/verify.html); the signing key comes from the
// site's params, set by disclose build.
func verifyPage() frontMatter {
	return frontMatter{Title: "How to check this site is genuine", URL: "/" + public.Verify, Layout: "verify", Params: map[string]any{}}
}
