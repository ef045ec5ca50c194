package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/corpus"
)

func TestMeasureFeeds(t *testing.T) {
	tr := tree{
		"feed.xml":                           file(100, 1),
		"feed.xml.gz":                        file(30, 1), // a copy: not a feed
		"atom.xml":                           file(110, 1),
		"feed.json":                          file(90, 1),
		"archive/1/feed.xml":                 file(50, 1),
		"archive/1/atom.xml":                 file(55, 1),
		"archive/2/feed.json":                file(45, 1),
		"archive/1/index.html":               file(999, 1), // not a feed
		"incidents/a/feed.xml":               file(10, 1),
		"incidents/a/atom.xml":               file(11, 1),
		"incidents/a/feed.json":              file(12, 1),
		"incidents/b/feed.xml":               file(20, 1),
		"incidents/b/atom.xml":               file(21, 1),
		"incidents/b/feed.json":              file(22, 1),
		"incidents/b/archive/1/feed.xml":     file(5, 1),
		"incidents/b/archive/1/feed.xml.br":  file(2, 1),
		"incidents/b/2024-01-01/index.html":  file(500, 1),
		"incidents/b/2024-01-01/feed.xml":    file(7, 1), // an update has no feed of its own; not b's
		"incidents/c/archive/10/atom.xml":    file(200, 1),
		"incidents/index.html":               file(70, 1),
		"incidents/b/archive/1/feed.xml.tmp": file(9, 1),
	}
	site, largest := measureFeeds(tr)
	if site != (feedSizes{RSS: 100, Atom: 110, JSON: 90, ArchiveFiles: 3, ArchiveBytes: 150}) {
		t.Errorf("site feeds %+v", site)
	}
	// c has only an archived page of 200 bytes, more than b's 68: the
	// largest is by bytes of feeds and archives together.
	if largest != (feedSizes{Channel: "incidents/c/", ArchiveFiles: 1, ArchiveBytes: 200}) {
		t.Errorf("largest incident feeds %+v", largest)
	}
	delete(tr, "incidents/c/archive/10/atom.xml")
	if _, largest = measureFeeds(tr); largest != (feedSizes{Channel: "incidents/b/", RSS: 20, Atom: 21, JSON: 22, ArchiveFiles: 1, ArchiveBytes: 5}) {
		t.Errorf("largest incident feeds %+v", largest)
	}
}

func TestUploadedKeys(t *testing.T) {
	out := "verified public: 12 files match the signed manifest\n" +
		"upload css/site.css (text/css; charset=utf-8, gzip)\n" +
		"upload incidents/a b/index.html (text/html; charset=utf-8, gzip)\n" +
		"upload logo.png (image/png)\n" +
		"uploaded nothing here\n" +
		"3 uploaded, 9 unchanged, 0 deleted\n"
	want := []string{"css/site.css", "incidents/a b/index.html", "logo.png"}
	if got := uploadedKeys(out); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestAddNewUpdate(t *testing.T) {
	dir := t.TempDir()
	site, err := corpus.Generate(dir, corpus.Options{Incidents: 1, Updates: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	inc := site.Incidents[0]
	addr, err := addNewUpdate(inc)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := os.ReadFile(inc.Updates[len(inc.Updates)-1].File)
	matches, _ := filepath.Glob(filepath.Join(inc.Dir, "*-long-weekend-hours.md"))
	if len(matches) != 1 {
		t.Fatalf("new update files %q", matches)
	}
	src, _ := os.ReadFile(matches[0])
	status := func(b []byte) string {
		_, s, _ := strings.Cut(string(b), "\nstatus: ")
		s, _, _ = strings.Cut(s, "\n")
		return s
	}
	if status(src) == "" || status(src) != status(last) {
		t.Errorf("status %q, want the last update's %q", status(src), status(last))
	}
	if !strings.HasPrefix(addr, "/incidents/"+inc.Slug+"/") || !strings.HasSuffix(addr, "/") {
		t.Errorf("address %q", addr)
	}
	if _, err := addNewUpdate(inc); err == nil {
		t.Error("a second new update at the same time was written over the first")
	}
}
