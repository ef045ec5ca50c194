package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// feedFiles are the feed documents below out (subscription feeds and
// archived pages, every language), by slash path.
func feedFiles(t *testing.T, out string) map[string][]byte {
	t.Helper()
	m := publishedFiles(t, out)
	for name := range m {
		switch path.Base(name) {
		case public.RSS, public.Atom, public.JSONFeed:
		default:
			delete(m, name)
		}
	}
	return m
}

func sameFeeds(t *testing.T, what string, want, got map[string][]byte) {
	t.Helper()
	for name, b := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is missing", what, name)
		} else if !bytes.Equal(g, b) {
			t.Errorf("%s: %s differs from the build with an empty cache", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s was written, but the build with an empty cache does not write it", what, name)
		}
	}
}

// TestCachedFeedsAreTheColdBuildsBytes builds a generated site (two
// incidents of 120 updates: archived pages in every feed), corrects one
// update, and builds again with the feed cache the first build filled:
// every feed document is byte for byte what a build with an empty cache
// writes, and the documents the correction did not touch came from the
// cache (hard links to its entries). A cache entry changed behind the
// build's back is not published.
func TestCachedFeedsAreTheColdBuildsBytes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	_, err := corpus.Generate(dir, corpus.Options{Incidents: 2, Updates: 120, Seed: 3, ThemeDir: sitetest.RepoRoot()})
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	first := filepath.Join(t.TempDir(), "first")
	if _, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: first, Now: now, CacheDir: cache}); err != nil {
		t.Fatal(err)
	}

	// One update of the first incident, from its middle, corrected as a
	// writer does: a sentence and a revisions entry.
	site, diags := content.Load(dir)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	var u *content.Update
	for _, p := range site.Incidents[0].Published()[60:] {
		if p.Withdrawn == nil && len(p.Revisions) == 0 {
			u = p
			break
		}
	}
	when := now.Add(-time.Hour).Format(time.RFC3339)
	editFile(t, filepath.Join(dir, filepath.FromSlash(u.File)), func(b []byte) []byte {
		s := string(b)
		end := strings.Index(s[4:], "\n---\n") + 4
		return []byte(s[:end] + "\nrevisions:\n  - date: " + when + "\n    note: \"We added a sentence about the helpline.\"" +
			s[end:] + "\nWe added this sentence to say the helpline now opens on Saturdays.\n")
	})

	build1 := func(out, cache string) map[string][]byte {
		t.Helper()
		if res, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: out, Previous: first, Now: now, CacheDir: cache}); err != nil {
			t.Fatal(err, res.Diags.Error())
		}
		return feedFiles(t, out)
	}
	warmOut := filepath.Join(t.TempDir(), "warm")
	warm := build1(warmOut, cache)
	cold := build1(filepath.Join(t.TempDir(), "cold"), t.TempDir())
	if len(cold) < 24 {
		t.Fatalf("the site has %d feed documents; want archived pages in every feed", len(cold))
	}
	sameFeeds(t, "warm cache", cold, warm)

	before := feedFiles(t, first)
	var reused, changed int
	for name, b := range warm {
		var st syscall.Stat_t
		if err := syscall.Stat(filepath.Join(warmOut, filepath.FromSlash(name)), &st); err != nil {
			t.Fatal(err)
		}
		linked := st.Nlink > 1
		switch {
		case bytes.Equal(before[name], b) && linked:
			reused++
		case bytes.Equal(before[name], b):
			t.Errorf("%s did not change, yet it was not taken from the cache", name)
		default:
			changed++
		}
	}
	if changed == 0 || changed > 12 {
		t.Errorf("one corrected update changed %d feed documents; want its incident's and the site's (1 to 12)", changed)
	}
	t.Logf("%d feed documents from the cache, %d encoded again", reused, changed)

	// Every entry of the cache, rewritten behind the build's back: none is
	// published, and the bytes are still the cold build's.
	var entries int
	filepath.WalkDir(filepath.Join(cache, "feeds"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chmod(p, 0o644)
			if os.WriteFile(p, []byte("<rss>not this</rss>"), 0o644) == nil {
				entries++
			}
		}
		return nil
	})
	if entries != len(cold) {
		t.Errorf("the cache holds %d entries after the build; want one per document, %d", entries, len(cold))
	}
	sameFeeds(t, "tampered cache", cold, build1(filepath.Join(t.TempDir(), "tampered"), cache))
}
