package pages_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

const site = `
-- content/incidents/x/_index.md --
---
title: "Cyber security incident"
discovered: 2024-05-06T14:20:00+10:00
---
## What happened

Someone reached our systems.
-- content/incidents/x/2024-05-08-first.md --
---
title: "First"
date: 2024-05-08T17:30:00+10:00
status: investigating
---
We found a problem.
-- content/incidents/x/2024-05-09-draft.md --
---
title: "Not yet"
date: 2024-05-09T09:00:00+10:00
status: identified
draft: true
---
Embargoed until approved.
`

func load(t *testing.T, dir string) (*content.Site, map[string][]byte) {
	t.Helper()
	s, diags := content.Load(dir)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	_, bodies := check.Checked(s, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	files, _, err := pages.Files(s, bodies, pages.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, files
}

// TestFilesCarryOnlyWhatWasRead: drafts are left out of a build's pages,
// and every page's body is the HTML the renderer made, in JSON front
// matter whose Markdown body is empty.
func TestFilesCarryOnlyWhatWasRead(t *testing.T) {
	dir := sitetest.Write(t, site)
	_, files := load(t, dir)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	want := "incidents/x/2024-05-08-1730/index.md incidents/x/_index.md verify/index.md"
	slices.Sort(names)
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("files %s, want %s", got, want)
	}
	page := string(files["incidents/x/2024-05-08-1730/index.md"])
	for _, w := range []string{`"body_html": "\u003cp\u003eWe found a problem.\u003c/p\u003e\n"`, `"url": "/incidents/x/2024-05-08-1730/"`, `"date": "2024-05-08T17:30:00+10:00"`} {
		if !strings.Contains(page, w) {
			t.Errorf("the update's page lacks %s:\n%s", w, page)
		}
	}
	if !strings.HasPrefix(page, "{") || !strings.HasSuffix(page, "}\n") {
		t.Errorf("not JSON front matter with an empty body:\n%s", page)
	}
}

// TestWriteChangesOnlyWhatChanged: a second Write leaves unchanged pages
// untouched (Hugo's server rebuilds only what changed) and removes the
// page of an update that is gone.
func TestWriteChangesOnlyWhatChanged(t *testing.T) {
	dir := sitetest.Write(t, site)
	out := t.TempDir()
	write := func() {
		t.Helper()
		s, diags := content.Load(dir)
		if diags.Errors() > 0 {
			t.Fatal(diags.Error())
		}
		_, bodies := check.Checked(s, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		if _, err := pages.Write(out, s, bodies, pages.Options{Drafts: true}); err != nil {
			t.Fatal(err)
		}
	}
	write()
	index := filepath.Join(out, "content", "incidents", "x", "_index.md")
	draft := filepath.Join(out, "content", "incidents", "x", "2024-05-09-0900", "index.md")
	if b, err := os.ReadFile(draft); err != nil || !strings.Contains(string(b), `"draft": true`) {
		t.Fatalf("the preview's draft page: %v\n%s", err, b)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(index, old, old)
	os.Remove(filepath.Join(dir, "content", "incidents", "x", "2024-05-09-draft.md"))
	write()
	if st, _ := os.Stat(index); !st.ModTime().Equal(old) {
		t.Error("an unchanged page was written again")
	}
	if _, err := os.Stat(draft); !os.IsNotExist(err) {
		t.Error("the page of a removed update is still there")
	}
}

// TestUncheckedTextIsRefused: a body with text that the checker did not
// render is never published, not even as an empty page.
func TestUncheckedTextIsRefused(t *testing.T) {
	dir := sitetest.Write(t, site)
	s, _ := content.Load(dir)
	_, err := pages.Write(t.TempDir(), s, nil, pages.Options{})
	if err == nil || !strings.Contains(err.Error(), "content/incidents/x/_index.md: the text was not checked, so it is not published") {
		t.Fatalf("err = %v", err)
	}
}

// TestOlderUpdatesStayOnTheirPage: an incident's older updates are on
// pages of PerPage counted from its first update, written only when full,
// so that a new update adds no update to a page already published; each
// update's page carries when its status began, from the updates before it
// only.
func TestOlderUpdatesStayOnTheirPage(t *testing.T) {
	tree := func(n int) string {
		var b strings.Builder
		b.WriteString("-- content/incidents/x/_index.md --\n---\ntitle: \"Cyber security incident\"\ndiscovered: 2024-05-06T14:20:00+10:00\n---\nSomeone reached our systems.\n")
		for k := range n {
			status := "investigating"
			if k >= 3 {
				status = "contained"
			}
			at := time.Date(2024, 5, 8, 9, 0, 0, 0, time.FixedZone("AEST", 10*3600)).Add(time.Duration(k) * 24 * time.Hour)
			fmt.Fprintf(&b, "-- content/incidents/x/%s-u.md --\n---\ntitle: \"Update %d\"\ndate: %s\nstatus: %s\n---\nText %d.\n", at.Format("2006-01-02"), k+1, at.Format(time.RFC3339), status, k+1)
		}
		return b.String()
	}
	older := func(files map[string][]byte) []string {
		var l []string
		for n := range files {
			if strings.HasPrefix(n, "incidents/x/updates/") {
				l = append(l, n)
			}
		}
		slices.Sort(l)
		return l
	}
	for _, tt := range []struct {
		updates int
		want    string
	}{
		{pages.PerPage, ""}, // all on the incident's page
		{pages.PerPage + 1, "incidents/x/updates/1-20/index.md"},
		{2 * pages.PerPage, "incidents/x/updates/1-20/index.md"},
		{2*pages.PerPage + 1, "incidents/x/updates/1-20/index.md incidents/x/updates/21-40/index.md"},
		{3*pages.PerPage - 1, "incidents/x/updates/1-20/index.md incidents/x/updates/21-40/index.md"},
	} {
		t.Run(fmt.Sprint(tt.updates), func(t *testing.T) {
			_, files := load(t, sitetest.Write(t, tree(tt.updates)))
			if got := strings.Join(older(files), " "); got != tt.want {
				t.Errorf("pages of older updates: %q, want %q", got, tt.want)
			}
			if p, ok := files["incidents/x/updates/1-20/index.md"]; ok {
				for _, w := range []string{`"/incidents/x/2024-05-08-0900"`, `"/incidents/x/2024-05-27-0900"`, `"list": "never"`, `"url": "/incidents/x/updates/1-20/"`} {
					if !strings.Contains(string(p), w) {
						t.Errorf("the page of updates 1 to 20 lacks %s:\n%s", w, p)
					}
				}
				if strings.Contains(string(p), `"/incidents/x/2024-05-28-0900"`) {
					t.Errorf("the page of updates 1 to 20 lists update 21:\n%s", p)
				}
				if !strings.Contains(string(files["incidents/x/_index.md"]), `"page": "/incidents/x/updates/1-20"`) {
					t.Errorf("the incident's page does not list the page of updates 1 to 20")
				}
			}
			// Updates 4 onwards are contained, since update 4 (11 May).
			if p := string(files["incidents/x/2024-05-14-0900/index.md"]); !strings.Contains(p, `"status_since": "2024-05-11T09:00:00+10:00"`) {
				t.Errorf("update 7 does not say its status began with update 4:\n%s", p)
			}
		})
	}
}

// TestUntranslatedPagesInEveryLanguage: in a language an update or
// statement is not translated into, its page is the source's, marked
// untranslated, at the language's address; a translation is not marked,
// and a draft has no page in any language.
func TestUntranslatedPagesInEveryLanguage(t *testing.T) {
	dir := sitetest.Write(t, site+`-- content/incidents/x/2024-05-08-first.mi.md --
---
title: "Tuatahi"
date: 2024-05-08T17:30:00+10:00
status: investigating
---
I kitea he raruraru.
-- content/incidents/x/2024-05-10-second.md --
---
title: "Second"
date: 2024-05-10T09:00:00+10:00
status: contained
---
We stopped it.
-- config.toml --
`+strings.Replace(sitetest.Config, "[params]", "[languages.en]\n[languages.mi]\n[languages.ar]\n\n[params]", 1))
	_, files := load(t, dir)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{
		"incidents/x/2024-05-08-1730/index.ar.md", "incidents/x/2024-05-08-1730/index.md", "incidents/x/2024-05-08-1730/index.mi.md",
		"incidents/x/2024-05-10-0900/index.ar.md", "incidents/x/2024-05-10-0900/index.md", "incidents/x/2024-05-10-0900/index.mi.md",
		"incidents/x/_index.ar.md", "incidents/x/_index.md", "incidents/x/_index.mi.md",
		"verify/index.ar.md", "verify/index.md", "verify/index.mi.md",
	}
	if !slices.Equal(names, want) {
		t.Fatalf("files\n%s\nwant\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	for _, tc := range []struct {
		name         string
		untranslated bool
		want         []string
	}{
		{"incidents/x/2024-05-10-0900/index.mi.md", true, []string{`"url": "/mi/incidents/x/2024-05-10-0900/"`, `"title": "Second"`, `"status": "contained"`, `"date": "2024-05-10T09:00:00+10:00"`, `We stopped it.`}},
		{"incidents/x/2024-05-10-0900/index.ar.md", true, []string{`"url": "/ar/incidents/x/2024-05-10-0900/"`, `We stopped it.`}},
		{"incidents/x/2024-05-08-1730/index.ar.md", true, []string{`"url": "/ar/incidents/x/2024-05-08-1730/"`, `We found a problem.`}},
		{"incidents/x/2024-05-08-1730/index.mi.md", false, []string{`"url": "/mi/incidents/x/2024-05-08-1730/"`, `"title": "Tuatahi"`, `I kitea he raruraru.`}},
		{"incidents/x/_index.mi.md", true, []string{`"title": "Cyber security incident"`, `Someone reached our systems.`}},
		{"incidents/x/2024-05-10-0900/index.md", false, []string{`"url": "/incidents/x/2024-05-10-0900/"`}},
		// The page for journalists is all the theme's words, in every
		// language its own.
		{"verify/index.mi.md", false, []string{`"url": "/mi/verify/"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := string(files[tc.name])
			for _, w := range tc.want {
				if !strings.Contains(page, w) {
					t.Errorf("lacks %s:\n%s", w, page)
				}
			}
			if got := strings.Contains(page, `"untranslated": "en"`); got != tc.untranslated {
				t.Errorf("marked untranslated: %v, want %v:\n%s", got, tc.untranslated, page)
			}
		})
	}
}

// TestOlderUpdatesInEveryLanguage: the pages of an incident's older
// updates are in every language too, untranslated where the statement is.
func TestOlderUpdatesInEveryLanguage(t *testing.T) {
	files := map[string]string{
		"config.toml":                   strings.Replace(sitetest.Config, "[params]", "[languages.en]\n[languages.mi]\n\n[params]", 1),
		"content/incidents/x/_index.md": "---\ntitle: Incident\ndiscovered: 2024-05-06T14:20:00+10:00\n---\nSomeone got in.\n",
	}
	for i := 1; i <= 21; i++ {
		files[fmt.Sprintf("content/incidents/x/2024-06-%02d-u.md", i)] = fmt.Sprintf("---\ntitle: Update %d\ndate: 2024-06-%02dT09:00:00+10:00\nstatus: investigating\n---\nWe are still looking.\n", i, i)
	}
	_, got := load(t, sitetest.WriteFiles(t, t.TempDir(), files))
	page, ok := got["incidents/x/updates/1-20/index.mi.md"]
	if !ok {
		t.Fatal("no te reo Māori page of updates 1 to 20")
	}
	for _, w := range []string{`"url": "/mi/incidents/x/updates/1-20/"`, `"untranslated": "en"`, `"title": "Incident: updates 1 to 20"`} {
		if !strings.Contains(string(page), w) {
			t.Errorf("lacks %s:\n%s", w, page)
		}
	}
	if _, ok := got["incidents/x/updates/1-20/index.md"]; !ok {
		t.Error("no page of updates 1 to 20 in the default language")
	}
}
