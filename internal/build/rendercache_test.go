package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// publishedFiles are every file below out, by slash path.
func publishedFiles(t *testing.T, out string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		m[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sameSite reports every file that differs between want and got.
func sameSite(t *testing.T, what string, want, got map[string][]byte) {
	t.Helper()
	var names []string
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	bad := 0
	for _, name := range names {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is missing", what, name)
			bad++
		} else if !bytes.Equal(g, want[name]) {
			t.Errorf("%s: %s differs from the build without a render cache", what, name)
			bad++
		}
		if bad > 10 {
			t.Fatalf("%s: and more", what)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s was written, but the build without a render cache does not write it", what, name)
		}
	}
}

// TestRenderCacheIsTheFullRender builds a site of two incidents in three
// languages again and again, each time after one more kind of change a
// writer or an owner makes, once with the render cache the earlier builds
// filled and once with an empty one: every published file, pages,
// compressed copies, feeds and manifest, is byte for byte the same, and
// Hugo rendered only the incidents the change touched. A site with a
// template of its own is rendered whole; a cache entry changed behind the
// build's back is not published.
func TestRenderCacheIsTheFullRender(t *testing.T) {
	archive := threeLanguages + arabicWords(t)
	// A second incident, y, a copy of x with its own title.
	var second strings.Builder
	for _, part := range strings.Split(archive, "\n-- ")[1:] {
		name, body, _ := strings.Cut(part, " --\n")
		if rest, ok := strings.CutPrefix(name, "content/incidents/x/"); ok {
			second.WriteString("-- content/incidents/y/" + rest + " --\n" + strings.Replace(body, "title: ", "title: Second ", 1) + "\n")
		}
	}
	dir := sitetest.Write(t, archive+"\n"+second.String())

	cache := t.TempDir()
	warmOut := filepath.Join(t.TempDir(), "warm")
	coldOut := filepath.Join(t.TempDir(), "cold")
	step := func(what string, rendered int) {
		t.Helper()
		res, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: coldOut, Now: now, CacheDir: t.TempDir()})
		if err != nil {
			t.Fatalf("%s: %v\n%s", what, err, res.Diags.Error())
		}
		if res.Rendered != 2 {
			t.Errorf("%s: with an empty cache Hugo rendered %d incidents; want both", what, res.Rendered)
		}
		res, err = build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: warmOut, Now: now, CacheDir: cache})
		if err != nil {
			t.Fatalf("%s: %v\n%s", what, err, res.Diags.Error())
		}
		if res.Rendered != rendered {
			t.Errorf("%s: Hugo rendered %d incidents; want %d", what, res.Rendered, rendered)
		}
		sameSite(t, what, publishedFiles(t, coldOut), publishedFiles(t, warmOut))
	}
	write := func(name, text string) {
		t.Helper()
		sitetest.WriteFiles(t, dir, map[string]string{name: text})
	}
	edit := func(name, old, new string) {
		t.Helper()
		editFile(t, filepath.Join(dir, filepath.FromSlash(name)), func(b []byte) []byte {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s does not hold %q", name, old)
			}
			return bytes.Replace(b, []byte(old), []byte(new), 1)
		})
	}

	step("the first build", 2)
	step("nothing changed", 0)

	edit("content/incidents/x/2024-05-18-second.md", "status: investigating\n---\n",
		"status: investigating\nrevisions:\n  - date: 2026-11-21T09:00:00+10:00\n    note: We added the helpline's hours.\n---\nThe helpline is open until 8 pm.\n")
	step("an update corrected", 1)

	write("content/incidents/y/2024-05-22-fourth.md", "---\ntitle: It is over\ndate: 2024-05-22T09:00:00+10:00\nstatus: resolved\n---\nWe have finished.\n")
	step("a new update", 1)

	write("content/incidents/y/2024-05-20-third.mi.md", "---\ntitle: Kua aukatia\ndate: 2024-05-20T09:00:00+10:00\nstatus: contained\n---\nKāore e taea e ia te uru mai anō.\n")
	step("a translation added", 1)

	edit("config.toml", `phone_hours = "من 8 صباحًا`, `phone_hours = "من 9 صباحًا`)
	edit("config.toml", "text = \"ask for your password\"\n", "text = \"ask for your password\"\n\n[[params.revisions]]\ndate = 2026-11-21T10:00:00+10:00\nnote = \"The helpline opens an hour later.\"\n")
	step("a language's words in config.toml", 2)

	write("i18n/mi.toml", "[where_things_stand]\nother = \"Te āhua o nāianei\"\n")
	step("a word of the theme, given by the site", 2)

	write("layouts/_partials/prev-next.html", "<nav>{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav>\n")
	step("a template of the site's own", 2)
	// It may read any page from any page: the whole site is rendered.
	step("nothing changed, with that template", 2)
	if err := os.Remove(filepath.Join(dir, "layouts", "_partials", "prev-next.html")); err != nil {
		t.Fatal(err)
	}
	// A copy of the theme's own template is the theme's.
	theme, err := os.ReadFile(filepath.Join(sitetest.RepoRoot(), "layouts", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	write("layouts/page.html", string(theme))
	step("the template removed, and a copy of the theme's", 2)
	step("nothing changed, with the theme's copy", 0)

	// A static file in an incident's folder is copied by Hugo beside the
	// incident's pages on every build: that incident is rendered each time.
	write("static/incidents/y/letter.txt", "The letter we posted.\n")
	step("a static file in an incident's folder", 2)
	step("nothing changed, with that file", 1)

	// Every page in the cache, rewritten behind the build's back.
	var entries int
	filepath.WalkDir(filepath.Join(cache), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(filepath.ToSlash(p), "/rendered/") && strings.HasSuffix(p, ".html") {
			os.Chmod(p, 0o644)
			if os.WriteFile(p, []byte("<p>not this</p>"), 0o644) == nil {
				entries++
			}
		}
		return nil
	})
	if entries == 0 {
		t.Fatal("the render cache holds no pages")
	}
	step("a changed cache", 2)
}
