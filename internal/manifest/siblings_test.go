package manifest_test

import (
	"context"
	"slices"
	"testing"

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

func TestCheckFindsCopiesThatDoNotUnpackToTheirFile(t *testing.T) {
	// The copies are made by the build's own compressors.
	gz := func(s string) string { return string(publish.Gzip([]byte(s))) }
	br := func(s string) string { return string(publish.Brotli([]byte(s))) }
	page := "<p>We are investigating an incident.</p>\n"
	dir := t.TempDir()
	sitetest.WriteFiles(t, dir, map[string]string{
		"index.html":        page,
		"index.html.gz":     gz(page),
		"index.html.br":     br(page),
		"old/index.html":    page,
		"old/index.html.gz": gz("<p>All clear, nothing was taken.</p>\n"), // another text
		"old/index.html.br": br(page + "<p>And more.</p>\n"),              // the text and more
		"cut/index.html":    page,
		"cut/index.html.gz": gz(page)[:20], // cut short: not a whole gzip stream
		"cut/index.html.br": br(page[:10]), // the start only
		"alone.txt.gz":      "not gzip at all, but no alone.txt beside it",
		"notes.gz.txt":      "not a copy",
	})
	files, err := manifest.Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	site, err := manifest.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	res, err := site.Check(context.Background(), &manifest.Manifest{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"cut/index.html.br", "cut/index.html.gz", "old/index.html.br", "old/index.html.gz"}
	if !slices.Equal(res.BadCopies, want) {
		t.Errorf("bad copies %q, want %q", res.BadCopies, want)
	}
	if res.OK() {
		t.Error("OK() with bad copies")
	}
	if len(res.Changed)+len(res.Added)+len(res.Removed) != 0 {
		t.Errorf("the files match the manifest, but Check says %+v", res)
	}

	// A file already found changed is reported as that, not also as a bad copy.
	sitetest.WriteFiles(t, dir, map[string]string{"old/index.html": "<p>Edited after the build.</p>\n"})
	res, err = site.Check(context.Background(), &manifest.Manifest{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"cut/index.html.br", "cut/index.html.gz"}; !slices.Equal(res.BadCopies, want) || !slices.Equal(res.Changed, []string{"old/index.html"}) {
		t.Errorf("after an edit: bad copies %q (want %q), changed %q", res.BadCopies, want, res.Changed)
	}
}
