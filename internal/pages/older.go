package pages

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
)

// PerPage is how many updates an incident's page lists (its newest), and
// how many each page of its older updates holds.
const PerPage = public.PerPage

// An incident's older updates are on pages of PerPage each, counted from
// its first update: updates 1 to 20, 21 to 40, and so on. Only a full page
// is written, so a page, once published, holds the same updates for good
// and changes only when one of them is revised or withdrawn; a new update
// changes the incident's page and, every PerPage updates, adds one page.
// (Pages counted from the newest, as Hugo paginates, would all shift on
// every new update.) The newest PerPage updates are on the incident's own
// page, so together they list every update.

// olderPage is one page of an incident's older updates: the 1-based
// numbers of its first and last update, oldest first.
type olderPage struct{ from, to int }

// olderPages are the pages of inc's older updates among pub (its written
// updates, oldest first): every full page that holds an update the
// incident's own page does not list.
func olderPages(pub []*content.Update) []olderPage {
	var l []olderPage
	for _, r := range public.OlderPages(len(pub)) {
		l = append(l, olderPage{r[0], r[1]})
	}
	return l
}

// olderParams is the incident page's list of its older pages, newest
// first: [{page, from, to}], page being the content path for
// site.GetPage, so that a translation links its own.
func olderParams(inc *content.Incident, ps []olderPage) []map[string]any {
	var l []map[string]any
	for i := len(ps) - 1; i >= 0; i-- {
		l = append(l, map[string]any{"page": olderID(inc, ps[i]), "from": ps[i].from, "to": ps[i].to})
	}
	return l
}

// olderID is the content path of a page of older updates, for
// site.GetPage: "/incidents/<slug>/updates/21-40".
func olderID(inc *content.Incident, p olderPage) string {
	return "/" + strings.TrimSuffix(public.OlderUpdates(inc.Slug, p.from, p.to), "/")
}

// olderUpdatesPage is one page of older updates (layouts/updates.html):
// params updates (the content paths of its updates, newest first, for
// site.GetPage), from, to, and older (the content path of the page before
// it).
// It is kept out of every list and the sitemap, like an earlier version.
func olderUpdatesPage(inc *content.Incident, title string, pub []*content.Update, p olderPage) frontMatter {
	var ids []string
	for i := p.to - 1; i >= p.from-1; i-- {
		ids = append(ids, "/"+strings.TrimSuffix(pub[i].Path(), "/"))
	}
	params := map[string]any{"updates": ids, "from": p.from, "to": p.to}
	if p.from > 1 {
		params["older"] = olderID(inc, olderPage{p.from - PerPage, p.from - 1})
	}
	return frontMatter{
		Title:   fmt.Sprintf("%s: updates %d to %d", title, p.from, p.to),
		URL:     "/" + public.OlderUpdates(inc.Slug, p.from, p.to),
		Layout:  "updates",
		Build:   map[string]any{"list": "never"},
		Sitemap: map[string]any{"disable": true},
		Params:  params,
	}
}

// addOlder writes inc's pages of older updates, in its own language and in
// each language its statement is translated into.
// In a language the statement is not translated into, the page is the
// source's, marked untranslated.
func addOlder(add func(string, string, any) error, inc *content.Incident, pub []*content.Update, ps []olderPage, others []string, defaultLang string) error {
	for _, p := range ps {
		dir := olderID(inc, p)[1:]
		if err := add(pageFile(dir, ""), inc.File, olderUpdatesPage(inc, inc.Title, pub, p)); err != nil {
			return err
		}
		for _, lang := range slices.Sorted(maps.Keys(inc.Translations)) {
			t := inc.Translations[lang]
			if err := add(pageFile(dir, lang), t.File, olderUpdatesPage(inc, t.Title, pub, p)); err != nil {
				return err
			}
		}
		for _, lang := range others {
			if inc.Translations[lang] != nil {
				continue
			}
			if err := add(pageFile(dir, lang), inc.File, untranslated(olderUpdatesPage(inc, inc.Title, pub, p), defaultLang)); err != nil {
				return err
			}
		}
	}
	return nil
}

// written are the updates of inc that get a page, oldest first: the
// published ones, and the drafts too when opts.Drafts.
func written(inc *content.Incident, drafts bool) []*content.Update {
	var l []*content.Update
	for _, u := range inc.Updates {
		if drafts || !u.Draft {
			l = append(l, u)
		}
	}
	return l
}

// statusSince is when u's status began: the date of the oldest update in
// the run of updates before it, among pub (oldest first), with the same
// status. It depends on u and the updates before it only, so a later
// update never changes u's page.
func statusSince(u *content.Update, pub []*content.Update) string {
	i := slices.Index(pub, u)
	if i < 0 {
		return when(u.Date)
	}
	for i > 0 && pub[i-1].Status == u.Status {
		i--
	}
	return when(pub[i].Date)
}
