package pages

import (
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/history"
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

// incidentPage is an incident's section page: its facts and statement.
func incidentPage(inc *content.Incident, html []byte) frontMatter {
	p := map[string]any{"body_html": string(html)}
	set := func(k string, v any, ok bool) {
		if ok {
			p[k] = v
		}
	}
	set("occurred", dateRange(inc.Occurred), inc.Occurred != nil)
	set("discovered", when(inc.Discovered), !inc.Discovered.IsZero())
	set("data_window", dateRange(inc.DataWindow), inc.DataWindow != nil)
	if a := inc.Affected; a != nil {
		m := map[string]any{}
		if a.Count > 0 {
			m["count"] = a.Count
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
	set("what_to_do", inc.WhatToDo, len(inc.WhatToDo) > 0)
	set("data_involved", inc.DataInvolved, len(inc.DataInvolved) > 0)
	set("data_not_involved", inc.DataNotInvolved, len(inc.DataNotInvolved) > 0)
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
	return frontMatter{Title: inc.Title, Params: p}
}

// updatePage is an update at its permanent address. u is the update or its
// translation, src the source-language update whose address, date and
// status it carries.
func updatePage(u, src *content.Update, bodies *render.Bodies, html []byte) frontMatter {
	p := map[string]any{
		"status":       string(src.Status),
		"list_summary": bodies.Summary(u),
		"body_html":    string(html),
	}
	if s := trimmed(u.Summary); s != "" {
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
		URL:     "/" + history.Path(u, v.N),
		Build:   map[string]any{"list": "never"},
		Sitemap: map[string]any{"disable": true},
		Params:  p,
	}
}

// verifyPage is the page for journalists on how to check that the site is
// the organisation's (layouts/verify.html); the signing key comes from the
// site's params, set by disclose build.
func verifyPage() frontMatter {
	return frontMatter{Title: "How to check this site is genuine", URL: "/verify/", Layout: "verify", Params: map[string]any{}}
}
