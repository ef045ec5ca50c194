package build_test

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/publish"
)

// writeTree writes files (slash path → text) under a new directory.
func pcWriteTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
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
	if err := build.PrecompressCached(cached, cache); err != nil {
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

	// A second build takes the siblings of unchanged files from the cache:
	// an entry changed behind its back shows up in the output, which proves
	// it was read rather than compressed again. A changed file is
	// compressed afresh.
	sum := sha256.Sum256([]byte(cacheSite["index.html"]))
	var entry string
	_ = filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, filepath.FromSlash("/"+pcHex(sum)+".br")) {
			entry = p
		}
		return nil
	})
	if entry == "" {
		t.Fatal("no cache entry for index.html.br")
	}
	if err := os.WriteFile(entry, []byte("from the cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	next := map[string]string{}
	for k, v := range cacheSite {
		next[k] = v
	}
	next["incidents/x/index.html"] += "<p>One more line.</p>"
	again := pcWriteTree(t, next)
	if err := build.PrecompressCached(again, cache); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(again, "index.html.br")); string(data) != "from the cache" {
		t.Errorf("index.html.br was compressed again although its bytes were in the cache")
	}
	if data, _ := os.ReadFile(filepath.Join(again, "incidents/x/index.html.gz")); !bytes.Equal(data, publish.Gzip([]byte(next["incidents/x/index.html"]))) {
		t.Errorf("a changed file did not get fresh siblings")
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
	if err := build.PrecompressCached(site, cache); err != nil {
		t.Fatal(err)
	}
	first := count()
	if first != 4 {
		t.Fatalf("want a .gz and a .br entry for each of 2 pages, got %d files", first)
	}
	os.WriteFile(filepath.Join(site, "index.html"), []byte(page+"<p>Corrected.</p>\n"), 0o644)
	if err := build.PrecompressCached(site, cache); err != nil {
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
