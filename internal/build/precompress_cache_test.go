package build_test

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// pcWriteTree writes files (slash path → text) under a new directory.
func pcWriteTree(t *testing.T, files map[string]string) string {
	t.Helper()
	return sitetest.WriteFiles(t, t.TempDir(), files)
}

func pcSnapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var cacheSite = map[string]string{
	"index.html":              "<!doctype html><title>Updates</title>" + strings.Repeat("<p>We are writing to everyone whose details were involved.</p>\n", 40),
	"incidents/x/index.html":  "<!doctype html><title>Incident</title>" + strings.Repeat("<li>Call the helpline if you are worried.</li>\n", 30),
	"feed.xml":                "<?xml version=\"1.0\"?><rss>" + strings.Repeat("<item><title>Update</title></item>", 50) + "</rss>",
	"tiny.txt":                "ok", // not worth compressing: no siblings
	"image.png":               "\x89PNG not text",
	"incidents/x/old.html.gz": "a stale sibling of a file that is gone is not the cache's business",
}

func TestPrecompressCachedWritesWhatPrecompressWrites(t *testing.T) {
	plain, cached := pcWriteTree(t, cacheSite), pcWriteTree(t, cacheSite)
	if err := publish.Precompress(plain); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	hashed, err := build.PrecompressCached(cached, cache)
	if err != nil {
		t.Fatal(err)
	}
	want, got := pcSnapshot(t, plain), pcSnapshot(t, cached)
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from publish.Precompress's", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s was written, but publish.Precompress does not write it", name)
		}
	}
	if _, ok := got["index.html.br"]; !ok {
		t.Errorf("index.html.br was not written")
	}
	if _, ok := got["image.png.gz"]; ok {
		t.Errorf("image.png is not text, yet it was compressed")
	}

	// What it returns for the manifest is what reading the files says:
	// every text file and every sibling, and nothing that is not there.
	scanned, err := manifest.Scan(cached)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range scanned {
		h, ok := hashed[f.Path]
		if !ok {
			if publish.IsText(f.Path) || strings.HasSuffix(f.Path, ".br") || f.Path == "index.html.gz" {
				t.Errorf("%s is not in what PrecompressCached returned", f.Path)
			}
			continue
		}
		if h.Size != f.Size || h.SHA256 != f.SHA256 {
			t.Errorf("%s: PrecompressCached says %d bytes %s, the file has %d bytes %s", f.Path, h.Size, h.SHA256, f.Size, f.SHA256)
		}
		delete(hashed, f.Path)
	}
	for p := range hashed {
		t.Errorf("PrecompressCached returned %s, which is not in the site", p)
	}

	// A second build takes the siblings of unchanged files from the cache
	// (the published sibling is the cache's file, not one compressed
	// again), and compresses a changed file afresh.
	sum := sha256.Sum256([]byte(cacheSite["index.html"]))
	entry := pcEntry(t, cache, pcHex(sum), ".br")
	next := map[string]string{}
	for k, v := range cacheSite {
		next[k] = v
	}
	next["incidents/x/index.html"] += "<p>One more line.</p>"
	again := pcWriteTree(t, next)
	if _, err := build.PrecompressCached(again, cache); err != nil {
		t.Fatal(err)
	}
	ei, err1 := os.Stat(entry)
	si, err2 := os.Stat(filepath.Join(again, "index.html.br"))
	if err1 != nil || err2 != nil || !os.SameFile(ei, si) {
		t.Errorf("index.html.br was not taken from the cache (%v, %v)", err1, err2)
	}
	if data, _ := os.ReadFile(filepath.Join(again, "incidents/x/index.html.gz")); !bytes.Equal(data, publish.Gzip([]byte(next["incidents/x/index.html"]))) {
		t.Errorf("a changed file did not get fresh siblings")
	}
}

// pcEntry is the cache entry for the source hash and extension.
func pcEntry(t *testing.T, cache, source, ext string) string {
	t.Helper()
	var entry string
	_ = filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(filepath.Base(p), source+"-") && strings.HasSuffix(p, ext) {
			entry = p
		}
		return nil
	})
	if entry == "" {
		t.Fatalf("no cache entry %s...%s", source, ext)
	}
	return entry
}

// TestPrecompressCachedDropsAnEntryChangedBehindItsBack: an entry that
// no longer holds what its name says (written through a published link,
// say) is not published, and the manifest gets the true hash.
func TestPrecompressCachedDropsAnEntryChangedBehindItsBack(t *testing.T) {
	cache := t.TempDir()
	if _, err := build.PrecompressCached(pcWriteTree(t, cacheSite), cache); err != nil {
		t.Fatal(err)
	}
	entry := pcEntry(t, cache, pcHex(sha256.Sum256([]byte(cacheSite["index.html"]))), ".br")
	os.Remove(entry)
	if err := os.WriteFile(entry, []byte("not what the name says"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := pcWriteTree(t, cacheSite)
	hashed, err := build.PrecompressCached(site, cache)
	if err != nil {
		t.Fatal(err)
	}
	want := publish.Brotli([]byte(cacheSite["index.html"]))
	if got, _ := os.ReadFile(filepath.Join(site, "index.html.br")); !bytes.Equal(got, want) {
		t.Errorf("index.html.br holds %q, not the page compressed", got)
	}
	if h := hashed["index.html.br"]; h.SHA256 != pcHex(sha256.Sum256(want)) || h.Size != int64(len(want)) {
		t.Errorf("the manifest would get %d bytes %s for index.html.br", h.Size, h.SHA256)
	}
}

func pcHex(sum [sha256.Size]byte) string {
	const digits = "0123456789abcdef"
	var b strings.Builder
	for _, c := range sum {
		b.WriteByte(digits[c>>4])
		b.WriteByte(digits[c&15])
	}
	return b.String()
}

// TestPrecompressCacheHoldsOneSite: after a page changes, the cache keeps
// the new page's siblings and drops the old page's, so it never grows
// beyond one site.
func TestPrecompressCacheHoldsOneSite(t *testing.T) {
	page := strings.Repeat("<p>We are investigating a cyber security incident.</p>\n", 40)
	site := pcWriteTree(t, map[string]string{"index.html": page, "feed.xml": strings.Repeat("<item>x</item>\n", 80)})
	cache := t.TempDir()
	count := func() int {
		n := 0
		filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return err
		})
		return n
	}
	if _, err := build.PrecompressCached(site, cache); err != nil {
		t.Fatal(err)
	}
	first := count()
	if first != 4 {
		t.Fatalf("want a .gz and a .br entry for each of 2 pages, got %d files", first)
	}
	os.WriteFile(filepath.Join(site, "index.html"), []byte(page+"<p>Corrected.</p>\n"), 0o644)
	if _, err := build.PrecompressCached(site, cache); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != first {
		t.Errorf("the cache holds %d files after a change, want %d: old entries were kept", got, first)
	}
	gz, _ := os.ReadFile(filepath.Join(site, "index.html.gz"))
	if !bytes.Equal(gz, publish.Gzip([]byte(page+"<p>Corrected.</p>\n"))) {
		t.Error("index.html.gz is not the changed page compressed")
	}
}

// TestPrecompressCachedSiblingsStayTheirOwn: siblings taken from the cache
// share its bytes, so recompressing a published site in place must not
// reach into the cache and, through it, into the next build's siblings.
func TestPrecompressCachedSiblingsStayTheirOwn(t *testing.T) {
	cache := t.TempDir()
	first := pcWriteTree(t, cacheSite)
	if _, err := build.PrecompressCached(first, cache); err != nil {
		t.Fatal(err)
	}
	// Someone edits the published page and recompresses it there.
	edited := "<!doctype html><title>Edited</title>" + strings.Repeat("<p>Edited by hand after the build.</p>\n", 40)
	if err := os.WriteFile(filepath.Join(first, "index.html"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := publish.Precompress(first); err != nil {
		t.Fatal(err)
	}
	if gz, _ := os.ReadFile(filepath.Join(first, "index.html.gz")); !bytes.Equal(gz, publish.Gzip([]byte(edited))) {
		t.Fatal("publish.Precompress did not recompress the edited page")
	}
	next := pcWriteTree(t, cacheSite)
	if _, err := build.PrecompressCached(next, cache); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ext      string
		compress func([]byte) []byte
	}{{".gz", publish.Gzip}, {".br", publish.Brotli}} {
		got, _ := os.ReadFile(filepath.Join(next, "index.html"+c.ext))
		if !bytes.Equal(got, c.compress([]byte(cacheSite["index.html"]))) {
			t.Errorf("index.html%s of the next build is not the page's own: the edit reached it through the cache", c.ext)
		}
	}
}

// TestPrecompressCachedAcrossFilesystems: where the cache and the site are
// on different filesystems (a CI runner's cache volume, a container's
// bind mount), a sibling cannot be a link to its cache entry; it is
// copied, with the same bytes and the same hashes for the manifest.
func TestPrecompressCachedAcrossFilesystems(t *testing.T) {
	var shm, tmp syscall.Statfs_t
	site := pcWriteTree(t, cacheSite)
	if syscall.Statfs("/dev/shm", &shm) != nil || syscall.Statfs(site, &tmp) != nil || shm.Fsid == tmp.Fsid {
		t.Skip("needs /dev/shm on another filesystem than the test's temporary directory")
	}
	cache, err := os.MkdirTemp("/dev/shm", "disclose-test-cache-")
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { os.RemoveAll(cache) })
	plain := pcWriteTree(t, cacheSite)
	if err := publish.Precompress(plain); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second time, every sibling comes from the cache
		hashed, err := build.PrecompressCached(site, cache)
		if err != nil {
			t.Fatal(err)
		}
		want, got := pcSnapshot(t, plain), pcSnapshot(t, site)
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s differs from publish.Precompress's", name)
			}
		}
		if st, err := os.Stat(filepath.Join(site, "index.html.br")); err != nil {
			t.Fatal(err)
		} else if n := st.Sys().(*syscall.Stat_t).Nlink; n != 1 {
			t.Fatalf("index.html.br has %d links: the copy path was not taken", n)
		}
		scanned, err := manifest.Scan(site)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range scanned {
			if h, ok := hashed[f.Path]; ok && (h.Size != f.Size || h.SHA256 != f.SHA256) {
				t.Errorf("%s: PrecompressCached says %d bytes %s, the file has %d bytes %s", f.Path, h.Size, h.SHA256, f.Size, f.SHA256)
			}
		}
	}
}

// TestPrecompressCachedEntryGoneMidBuild: two sites built at once share
// the cache, and each prunes what it did not use. An entry that goes away
// between the listing and the link is made again, not an error.
func TestPrecompressCachedEntryGoneMidBuild(t *testing.T) {
	cache := t.TempDir()
	if _, err := build.PrecompressCached(pcWriteTree(t, cacheSite), cache); err != nil {
		t.Fatal(err)
	}
	// The cache as the next build lists it, then every entry removed
	// behind its back: the build sees an index of entries that are gone.
	var entries []string
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			entries = append(entries, p)
		}
		return nil
	})
	if len(entries) == 0 {
		t.Fatal("the first build left no cache entries")
	}
	site := pcWriteTree(t, cacheSite)
	defer build.SetAfterCacheIndex(func() {
		for _, e := range entries {
			os.Remove(e)
		}
	})()
	hashed, err := build.PrecompressCached(site, cache)
	if err != nil {
		t.Fatalf("an entry pruned mid-build failed the build: %v", err)
	}
	if gz, _ := os.ReadFile(filepath.Join(site, "index.html.gz")); !bytes.Equal(gz, publish.Gzip([]byte(cacheSite["index.html"]))) {
		t.Error("index.html.gz is not the page compressed")
	}
	if h := hashed["index.html.br"]; h.SHA256 != pcHex(sha256.Sum256(publish.Brotli([]byte(cacheSite["index.html"])))) {
		t.Error("the manifest would get the wrong hash for index.html.br")
	}
}
