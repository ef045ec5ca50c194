package build_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/feed"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestPublishedPagesStayAsTheyWere builds a generated site of 1,000
// updates, adds one update (the newest, to one incident), builds again and
// compares the two trees. A published page changes only when it is revised
// or withdrawn, when the update after it is published (its "next" link), or
// when something site-wide changes; so one new update changes only the new
// update's page, the one before it, its incident's page (and a page of its
// older updates, once one is full), the home page, /incidents/, the
// incident's and the site's feeds, sitemap.xml and the manifest: at most
// 16 files, not counting compressed copies.
//
// The feeds' archived pages (internal/feed, RFC 5005) are written only
// when full and never change after, so none may change here; a new one is
// added every feed_items updates (1,000 is a multiple of 50, but adding
// the 1,001st starts no page), and then _headers names its Content-Type.
func TestPublishedPagesStayAsTheyWere(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	gen, err := corpus.Generate(dir, corpus.Options{Incidents: 4, Updates: 250, Seed: 1, ThemeDir: sitetest.RepoRoot()})
	if err != nil {
		t.Fatal(err)
	}
	if n := gen.Updates(); n != 1000 {
		t.Fatalf("the generated site has %d updates, want 1,000", n)
	}
	before := filepath.Join(t.TempDir(), "before")
	if _, err := buildSite(t, dir, before); err != nil {
		t.Fatal(err)
	}

	site, diags := content.Load(dir)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	inc := site.Incidents[1]
	pub := inc.Published()
	prev := pub[len(pub)-1]
	var newest time.Time
	for _, i := range site.Incidents {
		for _, u := range i.Updates {
			if u.Date.After(newest) {
				newest = u.Date
			}
		}
	}
	when := newest.Add(2 * time.Hour).Truncate(time.Minute)
	if !when.Before(now) {
		t.Fatalf("the new update's date %s is not before the build's present %s", when, now)
	}
	file := filepath.Join(dir, "content", "incidents", inc.Slug, when.Format("2006-01-02")+"-one-more.md")
	text := fmt.Sprintf("---\ntitle: \"One more thing to tell you\"\ndate: %s\nstatus: %s\n---\n\nWe have checked the letters we sent last week and found that every one arrived.\n", when.Format(time.RFC3339), prev.Status)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	after := filepath.Join(t.TempDir(), "after")
	// Built as a publisher would: against the site already published.
	opts := build.Options{SiteDir: dir, OutDir: after, Previous: before, Now: now, CacheDir: t.TempDir()}
	if _, err := build.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}

	changed := changedFiles(t, before, after)
	newPage := public.Update(inc.Slug, when) + "index.html"
	allowed := func(name string) bool {
		base := path.Base(name)
		switch {
		case name == newPage, name == prev.Path()+"index.html",
			name == inc.Path()+"index.html", name == "index.html", name == "incidents/index.html",
			name == "sitemap.xml":
			return true
		case strings.HasPrefix(base, "manifest") || strings.HasSuffix(base, "manifest.json"):
			return true
		case strings.HasPrefix(name, inc.Path()+"updates/"):
			return true // a page of older updates, newly full
		}
		return feedDoc.MatchString(name) || strings.HasPrefix(name, inc.Path()) && feedDoc.MatchString(strings.TrimPrefix(name, inc.Path()))
	}
	var unexpected, added []string
	for _, c := range changed {
		name := strings.Fields(c)[0]
		switch {
		case archiveDoc.MatchString(name) && strings.HasSuffix(c, "(added)"):
			added = append(added, c)
		case archiveDoc.MatchString(name):
			t.Errorf("%s, an archived page of a feed, changed: a page is written once, when full", c)
		case !allowed(name):
			unexpected = append(unexpected, c)
		}
	}
	if !slices.Contains(changed, newPage+" (added)") {
		t.Errorf("the new update's page %s was not added", newPage)
	}
	if len(added) > 0 {
		t.Errorf("archived pages were added (%v), but adding update 251 of an incident and 1,001 of the site fills no page of 50", added)
	}
	if len(changed) > 16 || len(unexpected) > 0 {
		t.Errorf("one new update changed %d published files (want at most 16), %d of them unexpected (%s):\n%s", len(changed), len(unexpected), strings.Join(unexpected, ", "), strings.Join(changed, "\n"))
	}
	t.Logf("one new update changed %d published files:\n%s", len(changed), strings.Join(changed, "\n"))

	// The pages of older updates, counted from the first, hold the same
	// updates as before, and every update is on one of them or on the
	// incident's own page.
	page := read(t, filepath.Join(after, inc.Path(), "index.html"))
	first := public.OlderUpdates(inc.Slug, 1, pages.PerPage)
	if !strings.Contains(page, `href="/`+first+`"`) {
		t.Errorf("the incident's page does not link its oldest updates at /%s", first)
	}
	if older := read(t, filepath.Join(after, first, "index.html")); !strings.Contains(older, `href="/`+pub[0].Path()+`"`) || !strings.Contains(older, `href="/`+pub[pages.PerPage-1].Path()+`"`) {
		t.Errorf("/%s does not list updates 1 and %d", first, pages.PerPage)
	}
}

// feedDoc is a subscription feed's name below the site's or an incident's
// folder; archiveDoc an archived page of one, with that folder and the
// page's number.
var (
	feedDoc    = regexp.MustCompile(`^(feed\.xml|atom\.xml|feed\.json)$`)
	archiveDoc = regexp.MustCompile(`^((?:incidents/[^/]+/)?)` + regexp.QuoteMeta(feed.ArchiveDir) + `([0-9]+)/(?:feed\.xml|atom\.xml|feed\.json)$`)
)

// changedFiles lists, sorted, the files of after that are new or differ
// from before's, and those only before has, by slash path with
// "(added)", "(changed)" or "(removed)"; compressed copies are left out.
func changedFiles(t *testing.T, before, after string) []string {
	t.Helper()
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br") {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			m[filepath.ToSlash(rel)] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, b := files(before), files(after)
	var out []string
	for name, nb := range b {
		switch ob, ok := a[name]; {
		case !ok:
			out = append(out, name+" (added)")
		case !bytes.Equal(ob, nb):
			out = append(out, name+" (changed)")
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			out = append(out, name+" (removed)")
		}
	}
	slices.Sort(out)
	return out
}
