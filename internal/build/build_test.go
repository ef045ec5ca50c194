package build_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// now is the present for the checker in these tests: after every example
// update, so that none counts as dated in the future.
var now = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func buildSite(t *testing.T, siteDir, out string) (*build.Result, error) {
	t.Helper()
	return build.Build(context.Background(), build.Options{SiteDir: siteDir, OutDir: out, Now: now, CacheDir: t.TempDir()})
}

// exampleBuild builds the example site once per test binary.
var exampleOut string

func example(t *testing.T) (string, *content.Site) {
	t.Helper()
	site, diags := content.Load(sitetest.RepoRoot())
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	if exampleOut == "" {
		dir, err := os.MkdirTemp("", "disclose-example-")
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "public")
		if _, err := buildSite(t, sitetest.RepoRoot(), out); err != nil {
			t.Fatal(err)
		}
		exampleOut = out
	}
	return exampleOut, site
}

func TestMain(m *testing.M) {
	// verify remembers the sites it checked in the user's config
	// directory: the tests' own, not the real one.
	config, err := os.MkdirTemp("", "disclose-build-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", config)
	code := m.Run()
	if exampleOut != "" {
		os.RemoveAll(filepath.Dir(exampleOut))
	}
	os.RemoveAll(config)
	os.Exit(code)
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var zoneTime = regexp.MustCompile(`<time datetime="(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}))"[^>]*>([^<]*\b(?:AEST|AEDT))</time>`)

func TestIncidentPagesListEveryUpdateNewestFirst(t *testing.T) {
	out, site := example(t)
	for _, inc := range site.Incidents {
		page := read(t, filepath.Join(out, inc.Path(), "index.html"))
		last := -1
		published := inc.Published()
		for i := len(published) - 1; i >= 0; i-- { // newest first
			u := published[i]
			anchor := `id="` + u.Date.Format(public.UpdateStamp) + `"`
			at := strings.Index(page, anchor)
			if at < 0 {
				t.Errorf("%s: update %q (%s) is not on its incident page", inc.Slug, u.Title, anchor)
				continue
			}
			if at < last {
				t.Errorf("%s: update %q is out of order: want newest first", inc.Slug, u.Title)
			}
			last = at
			article := page[at:]
			if end := strings.Index(article, "</article>"); end > 0 {
				article = article[:end]
			}
			if !strings.Contains(article, html.EscapeString(u.Title)) {
				t.Errorf("%s: the entry for %s does not show its title %q", inc.Slug, anchor, u.Title)
			}
			if !strings.Contains(strings.ToLower(article), string(u.Status)) {
				t.Errorf("%s: the entry for %s does not say its status %q", inc.Slug, anchor, u.Status)
			}
			m := zoneTime.FindStringSubmatch(article)
			if m == nil {
				t.Errorf("%s: the entry for %s has no <time> with a zone abbreviation:\n%s", inc.Slug, anchor, article)
				continue
			}
			if when, err := time.Parse(time.RFC3339, m[1]); err != nil || !when.Equal(u.Date) {
				t.Errorf("%s: datetime %q, want %s", anchor, m[1], u.Date.Format(time.RFC3339))
			}
		}
		// Each update has its own page at its permanent address.
		for _, u := range published {
			p := read(t, filepath.Join(out, u.Path(), "index.html"))
			if !strings.Contains(p, html.EscapeString(u.Title)) || zoneTime.FindString(p) == "" {
				t.Errorf("%s: the update page lacks its title or its time", u.Path())
			}
		}
	}
}

func TestNoScriptsAndNothingFromAnotherHost(t *testing.T) {
	out, site := example(t)
	own, _ := url.Parse(site.Config.BaseURL)
	n := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		switch filepath.Ext(p) {
		case ".html":
			n++
			checkHTML(t, rel, read(t, p), own)
		case ".css":
			for _, m := range regexp.MustCompile(`(?i)(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)`).FindAllStringSubmatch(read(t, p), -1) {
				if foreign(m[1], own) {
					t.Errorf("%s loads %s from another host", rel, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d HTML files were built", n)
	}
}

func foreign(ref string, own *url.URL) bool {
	u, err := url.Parse(ref)
	if err != nil {
		return true
	}
	return u.Host != "" && u.Host != own.Host || strings.HasPrefix(ref, "//") && u.Host != own.Host
}

// checkHTML fails on any script and on anything the browser would load
// from another host: stylesheets, icons, images, media, frames, fonts.
func checkHTML(t *testing.T, name, src string, own *url.URL) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s> is JavaScript", name, n.Data, a.Key)
				}
				if strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
					t.Errorf("%s: <%s %s=%q> is JavaScript", name, n.Data, a.Key, a.Val)
				}
				if a.Key == "style" {
					t.Errorf("%s: <%s style=...>: inline styles break the Content-Security-Policy", name, n.Data)
				}
			}
			switch n.Data {
			case "script":
				t.Errorf("%s: has a <script>", name)
			case "style":
				t.Errorf("%s: has a <style> element: the Content-Security-Policy allows only the stylesheet", name)
			case "link":
				rel := strings.ToLower(attr["rel"])
				if rel != "alternate" && rel != "canonical" && foreign(attr["href"], own) {
					t.Errorf("%s: <link rel=%q href=%q> loads from another host", name, rel, attr["href"])
				}
			case "img", "iframe", "embed", "source", "audio", "video", "track", "input":
				for _, k := range []string{"src", "srcset", "poster"} {
					if v, ok := attr[k]; ok && foreign(strings.Fields(v + " x")[0], own) {
						t.Errorf("%s: <%s %s=%q> loads from another host", name, n.Data, k, v)
					}
				}
			case "object":
				if foreign(attr["data"], own) {
					t.Errorf("%s: <object data=%q> loads from another host", name, attr["data"])
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestHomePageFitsTheFirstRoundTrip(t *testing.T) {
	out, _ := example(t)
	home := read(t, filepath.Join(out, "index.html"))
	css := regexp.MustCompile(`<link rel="?stylesheet"? href="([^"]+)"`).FindStringSubmatch(home)
	if css == nil {
		t.Fatal("the home page links no stylesheet")
	}
	total := gzipSize(t, []byte(home)) + gzipSize(t, []byte(read(t, filepath.Join(out, filepath.FromSlash(css[1])))))
	t.Logf("home page and stylesheet: %d bytes gzip", total)
	if total >= 14*1024 {
		t.Errorf("home page and stylesheet are %d bytes gzip; they must stay under 14 KB (14336 bytes)", total)
	}
}

func gzipSize(t *testing.T, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// snapshot is every file under dir with its hash, so that two trees can be
// compared byte for byte.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(t *testing.T, want, got map[string]string) {
	t.Helper()
	var diffs []string
	for p, h := range want {
		if got[p] != h {
			diffs = append(diffs, "changed or removed: "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "added: "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("the output differs:\n%s", strings.Join(diffs, "\n"))
	}
}

func TestFailedBuildLeavesThePreviousSite(t *testing.T) {
	site := sitetest.CopyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, site, out); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	update := filepath.Join(site, "content", "incidents", "prescription-data-2024", "2024-05-24-information-offered-for-sale.md")
	index := filepath.Join(site, "content", "incidents", "prescription-data-2024", "_index.md")
	layout := filepath.Join(site, "layouts", "404.html")
	// refused builds with a broken site and checks what it says and that
	// the published site did not change.
	refused := func(t *testing.T, wantContent bool, want ...string) {
		t.Helper()
		res, err := buildSite(t, site, out)
		var ce *build.ContentError
		switch {
		case wantContent && !errors.As(err, &ce):
			t.Fatalf("want a content error, got %v", err)
		case wantContent:
			err = res.Diags
		case err == nil:
			t.Fatal("the build succeeded")
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("the build's error does not say %q:\n%s", w, err)
			}
		}
		sameTree(t, before, snapshot(t, out))
	}

	t.Run("bad content", func(t *testing.T) {
		editFile(t, update, func(b []byte) []byte { return bytes.Replace(b, []byte("status:"), []byte("stauts:"), 1) })
		refused(t, true, "2024-05-24-information-offered-for-sale.md:", "did you mean status?")
	})
	// The rules that read the text run beside the render: what they find
	// stops the build as surely, and wins over what the render says.
	t.Run("text the rules refuse, found during the render", func(t *testing.T) {
		// The incident's own statement: an edit to it is no revision the
		// previous manifest would refuse first.
		editFile(t, index, func(b []byte) []byte { return append(b, "\n<script>alert(1)</script>\n"...) })
		editFile(t, layout, func([]byte) []byte { return []byte("{{ .NoSuchThing.Oops }") })
		refused(t, true, "prescription-data-2024/_index.md:", "<script>")
	})
	t.Run("template error", func(t *testing.T) {
		// An error in the site's own template is the site's: a content
		// error at the template's line (TestTemplateErrorsNameTheSitesFile).
		editFile(t, layout, func([]byte) []byte { return []byte("{{ .NoSuchThing.Oops }") })
		refused(t, true, "layouts/404.html:1:")
	})
	t.Run("nothing left beside it", func(t *testing.T) {
		entries, _ := os.ReadDir(filepath.Dir(out))
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("want only public/ beside the output, got %v", names)
		}
	})
}

// editFile changes the file at p with edit until the test ends.
func editFile(t *testing.T, p string, edit func([]byte) []byte) {
	t.Helper()
	orig, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, edit(bytes.Clone(orig)), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.WriteFile(p, orig, 0o644) })
}

func TestRefusesToReplaceTheSite(t *testing.T) {
	site := sitetest.CopyExample(t)
	for _, out := range []string{site, filepath.Dir(site)} {
		_, err := buildSite(t, site, out)
		if err == nil || !strings.Contains(err.Error(), "choose") {
			t.Errorf("building into %s: want a refusal, got %v", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "config.toml")); err != nil {
		t.Fatal("the site was harmed:", err)
	}
}

// setLocal makes zone the process's local time zone, as TZ would.
func setLocal(t *testing.T, zone string) (restore func()) {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	local := time.Local
	time.Local = loc
	return func() { time.Local = local }
}

func TestTwoBuildsAreByteIdentical(t *testing.T) {
	site := sitetest.CopyExample(t)
	var trees []map[string]string
	for _, zone := range []string{"UTC", "Pacific/Auckland"} {
		defer setLocal(t, zone)()
		out := filepath.Join(t.TempDir(), "elsewhere-"+strings.ReplaceAll(zone, "/", "-"), "public")
		if _, err := build.Build(context.Background(), build.Options{SiteDir: site, OutDir: out, Now: now.Add(time.Duration(len(trees)) * 48 * time.Hour), CacheDir: t.TempDir()}); err != nil {
			t.Fatal(err)
		}
		trees = append(trees, snapshot(t, out))
	}
	sameTree(t, trees[0], trees[1])
}
