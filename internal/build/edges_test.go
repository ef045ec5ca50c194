package build_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestOutputDirectoriesBuildMayNotReplace: publishing replaces the output
// directory whole, so build refuses every directory it did not make, and
// leaves it as it was. Each case names the directory and says why.
func TestOutputDirectoriesBuildMayNotReplace(t *testing.T) {
	site := sitetest.CopyExample(t)
	home := t.TempDir() // an empty home: refused for what it is, not for what it holds
	t.Setenv("HOME", home)
	unrelated := sitetest.WriteFiles(t, t.TempDir(), map[string]string{"notes/letter.docx": "our lawyer's draft"})
	link := filepath.Join(t.TempDir(), "site-link")
	if err := os.Symlink(site, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, out string
		want      []string // in the error
	}{
		{"an unrelated folder with a document in it", unrelated, []string{unrelated, "holds no manifest.json, so no build wrote it", "deleting notes"}},
		{"-o content/incidents", filepath.Join(site, "content", "incidents"), []string{"is inside the site's content/", "uncommitted work included"}},
		{"-o layouts", filepath.Join(site, "layouts"), []string{"is inside the site's layouts/"}},
		{"a new folder inside content", filepath.Join(site, "content", "new"), []string{"is inside the site's content/"}},
		{"-o static/css", filepath.Join(site, "static", "css"), []string{"is inside the site's static/"}},
		{"-o .git", filepath.Join(site, ".git"), []string{"is inside the site's .git/"}},
		{"-o $HOME", home, []string{home, "is your home directory"}},
		{"-o .. (the folder that holds the site)", filepath.Join(site, ".."), []string{"holds the site"}},
		{"-o / ", "/", []string{"holds the site"}},
		{"the site by another name", link, []string{"is the site itself"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, site)
			var beforeOut map[string]string
			if _, err := os.Stat(tt.out); err == nil && tt.out != "/" && tt.out != link && !strings.HasPrefix(site, filepath.Clean(tt.out)+"/") {
				beforeOut = snapshot(t, tt.out)
			}
			_, err := buildSite(t, site, tt.out)
			if err == nil {
				t.Fatalf("building into %s succeeded", tt.out)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the error does not say %q:\n%s", w, err)
				}
			}
			sameTree(t, before, snapshot(t, site))
			if beforeOut != nil {
				sameTree(t, beforeOut, snapshot(t, tt.out))
			}
		})
	}
	t.Run("-o .. written as ..", func(t *testing.T) {
		t.Chdir(site)
		_, err := build.Build(context.Background(), build.Options{SiteDir: ".", OutDir: "..", Now: now, CacheDir: t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), "holds the site") {
			t.Errorf("got %v, want a refusal", err)
		}
	})
}

// TestOutputDirectoriesBuildMayReplace: an empty directory, and one an
// earlier build made, are built into; a file added to a built site since
// stops the next build, which names it.
func TestOutputDirectoriesBuildMayReplace(t *testing.T) {
	site := sitetest.CopyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := buildSite(t, site, out); err != nil {
		t.Fatalf("an empty directory: %v", err)
	}
	if _, err := buildSite(t, site, out); err != nil {
		t.Fatalf("the directory of an earlier build: %v", err)
	}
	if err := os.WriteFile(filepath.Join(out, "incidents", "minutes.txt"), []byte("board minutes"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	_, err := buildSite(t, site, out)
	if err == nil || !strings.Contains(err.Error(), "holds incidents/minutes.txt, which is not in its manifest.json") {
		t.Errorf("got %v, want a refusal naming incidents/minutes.txt", err)
	}
	sameTree(t, before, snapshot(t, out))
}

// TestKilledBuildsLeftoversAreRemoved: what a killed build leaves beside
// the output (its staging and work directories) is removed by the next
// build, and a build leaves nothing in the temporary directory.
func TestKilledBuildsLeftoversAreRemoved(t *testing.T) {
	site := sitetest.CopyExample(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// What kill -9 in the middle of a build leaves.
	sitetest.WriteFiles(t, parent, map[string]string{
		".public.new-1234/index.html":              "half a site",
		".public.new-1234.feeds/feed.xml":          "<rss/>",
		".public.work-5678/disclose-hugo-9/x.toml": "overlay",
		".public.work-5678/history/incidents/a.md": "earlier text",
		"unrelated/keep.txt":                       "not the build's",
		".other.new-1/keep.txt":                    "another output's",
	})
	if _, err := buildSite(t, site, out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".other.new-1", "public", "unrelated"}; !slices.Equal(names, want) {
		t.Errorf("beside the output: %v, want %v", names, want)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the build left %d entries in the temporary directory, first %s", len(left), left[0].Name())
	}
}

// TestPreviousManifestIsReadUnderTheLock: while another build holds the
// publish lock, a build stops before it reads the previous manifest, which
// the other build is about to replace.
func TestPreviousManifestIsReadUnderTheLock(t *testing.T) {
	site := sitetest.CopyExample(t)
	parent := t.TempDir()
	fd, err := unix.Open(parent, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	if err := unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	res, err := buildSite(t, site, filepath.Join(parent, "public"))
	if err == nil || !strings.Contains(err.Error(), "another build is publishing") {
		t.Fatalf("got %v, want the lock refused", err)
	}
	for _, s := range res.Steps {
		if s.Name == "previous" {
			t.Error("the previous manifest was read before the lock was taken")
		}
	}
}

// TestTamperedCacheEntryIsNotPublished: a cache entry whose bytes were
// changed in place (written through a published hard link, which keeps
// its name and may keep its size) is found when used, not published and
// not given to the manifest, which is signed; the cache gets the true
// entry again. Entries written under a forged name need write access to
// the cache, which only its owner has (TestSharedCacheIsRefused).
func TestTamperedCacheEntryIsNotPublished(t *testing.T) {
	cache := t.TempDir()
	if _, err := build.PrecompressCached(pcWriteTree(t, cacheSite), cache); err != nil {
		t.Fatal(err)
	}
	page := []byte(cacheSite["index.html"])
	source := pcHex(sha256.Sum256(page))
	for _, c := range publish.Compressors {
		entry := pcEntry(t, cache, source, c.Ext)
		good, err := os.ReadFile(entry)
		if err != nil {
			t.Fatal(err)
		}
		// A fake of the same size: the old check, by size alone, let it by.
		fake := bytes.Repeat([]byte("X"), len(good))
		copy(fake, c.Compress([]byte("<p>Call 1800 000 999 to claim your refund.</p>")))
		os.Chmod(entry, 0o644)
		if err := os.WriteFile(entry, fake, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := pcWriteTree(t, cacheSite)
	hashed, err := build.PrecompressCached(site, cache)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range publish.Compressors {
		want := c.Compress(page)
		if got, _ := os.ReadFile(filepath.Join(site, "index.html"+c.Ext)); !bytes.Equal(got, want) {
			t.Errorf("index.html%s is not the page compressed: the tampered entry was published", c.Ext)
		}
		if h := hashed["index.html"+c.Ext]; h.SHA256 != pcHex(sha256.Sum256(want)) || h.Size != int64(len(want)) {
			t.Errorf("the manifest would sign %d bytes %s for index.html%s, not the true ones", h.Size, h.SHA256, c.Ext)
		}
		if got, _ := os.ReadFile(pcEntry(t, cache, source, c.Ext)); !bytes.Equal(got, want) {
			t.Errorf("the cache's %s entry was not made again", c.Ext)
		}
	}
}

// TestSharedCacheIsRefused: a cache directory others may write to is not
// used at all.
func TestSharedCacheIsRefused(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(cache, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(cache, 0o777)
	_, err := build.PrecompressCached(pcWriteTree(t, cacheSite), cache)
	if err == nil || !strings.Contains(err.Error(), "may be written by other users") {
		t.Errorf("got %v, want the shared cache refused", err)
	}
}
