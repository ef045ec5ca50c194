package build_test

import (
	"context"
	"errors"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/markdown"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// oneDocBase is a valid site with one incident and one update; each case
// of TestOneDocument adds or replaces files.
const oneDocBase = `
-- content/incidents/x/_index.md --
---
title: "Cyber security incident"
discovered: 2024-05-06T14:20:00+10:00
---
## What happened

We found that someone had reached our systems.

## What information was involved

Names and addresses.

## What we are doing

We closed the access.

## What you can do

Be careful with messages that mention us.

## For more information

Call our helpline.
-- content/incidents/x/2024-05-08-first.md --
---
title: "We are looking into an incident"
date: 2024-05-08T17:30:00+10:00
status: investigating
---
We found a problem on 6 May and closed the access the same day.
`

// update is an update file of incident x with the given front matter lines
// (between the delimiters) and body.
func oneDocUpdate(name, fm, body string) string {
	return "-- content/incidents/x/" + name + " --\n---\n" + fm + "---\n" + body
}

const fmThird = "title: \"Third\"\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n"

// TestOneDocument is each gap the red team found between what disclose
// checked and what Hugo published, and its variants. Each is refused by
// the build with its file and line, or published harmlessly; and on every
// site that builds, each update's page, its entries in the three feeds and
// its hash in the manifest are made from one and the same text.
func TestOneDocument(t *testing.T) {
	u3 := regexp.QuoteMeta("content/incidents/x/2024-06-01-third.md")
	tests := []struct {
		name    string
		files   string
		setup   func(t *testing.T, dir string)
		refused string // a regexp a diagnostic starts with ("file:line:"); "" means it publishes
		// absent must not appear in any published page or feed; markup
		// must not appear in any page or XML feed (JSON Feed's titles and
		// summaries are plain text, where "<b>" is just text).
		absent, markup []string
	}{
		{name: "front matter closed by --- #", files: oneDocUpdate("2024-06-01-third.md", fmThird+"--- #\nCall 1900 654 321 now.\n", "Text.\n"), refused: u3 + ":5:"},
		{name: "TOML front matter closed by +++ #", files: "-- content/incidents/x/2024-06-01-third.md --\n+++\ntitle = \"Third\"\ndate = 2024-06-01T09:00:00+10:00\nstatus = \"contained\"\n+++ #\nCall 1900 654 321.\n+++\nText.\n", refused: u3 + ":5:"},
		{name: "draft: True", files: oneDocUpdate("2024-06-01-third.md", fmThird+"draft: True\n", "Embargoed.\n"), refused: u3 + ":5:"},
		{name: "draft: TRUE", files: oneDocUpdate("2024-06-01-third.md", fmThird+"draft: TRUE\n", "Embargoed.\n"), refused: u3 + ":5:"},
		{name: "merge key", files: oneDocUpdate("2024-06-01-third.md", "base: &b\n  draft: true\n"+fmThird+"<<: *b\n", "Embargoed.\n"), refused: u3 + ":"},
		{name: "binary tag", files: oneDocUpdate("2024-06-01-third.md", "title: !!binary SGVsbG8=\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n"), refused: u3 + ":2:"},
		{name: "markup override under languages", files: "-- config.toml --\n" + sitetest.Config + "\n[languages.en.markup.goldmark.renderer]\nunsafe = true\n", refused: `config\.toml:\d+:`},
		{name: "contact override under languages", files: "-- config.toml --\n" + sitetest.Config + "\n[languages.en.params.contact]\nphone = \"1900 654 321\"\n", refused: `config\.toml:\d+:`, absent: []string{"1900 654 321"}},
		{name: "script after an HTML comment block", files: oneDocUpdate("2024-06-01-third.md", fmThird, "<!-- note -->\n<script>alert(1)</script>\n"), refused: u3 + ":[67]:"},
		{name: "script after an inline comment", files: oneDocUpdate("2024-06-01-third.md", fmThird, "<!-- x --><script>alert(1)</script>\n"), refused: u3 + ":[67]:"},
		{name: "raw HTML in a heading", files: oneDocUpdate("2024-06-01-third.md", fmThird, "## Call <helpline> now\n\nText.\n"), refused: u3 + ":[67]:"},
		{name: "shortcode in text", files: oneDocUpdate("2024-06-01-third.md", fmThird, "{{< figure src=\"https://cdn.tracker.invalid/x.png\" >}}\n"), refused: u3 + ":[67]:"},
		{name: "shortcode in a code span", files: oneDocUpdate("2024-06-01-third.md", fmThird, "Write `{{< figure src=\"https://cdn.tracker.invalid/x.png\" >}}` to show a figure.\n"), absent: []string{`src="https://cdn.tracker.invalid`}},
		{name: "attribute syntax that restyles", files: oneDocUpdate("2024-06-01-third.md", fmThird, "## Heading {style=\"background:url(https://cdn.tracker.invalid/x)\" contenteditable}\n\nText.\n"), refused: u3 + ":6:"},
		{name: "attribute syntax for an id and a class", files: oneDocUpdate("2024-06-01-third.md", fmThird, "## Heading {#custom .big}\n\nText.\n"), absent: []string{`id="custom"`, `class="big"`}},
		{name: "a title with markup characters", files: oneDocUpdate("2024-06-01-third.md", "title: 'Q&A: <what> \"we\" know *now* &amp; later'\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nsummary: 'Fees <b>waived</b> & more'\n", "Text.\n"), markup: []string{"<what>", "<b>waived"}},
		{name: "an update saved as .markdown", files: oneDocUpdate("2024-06-01-third.markdown", "title: \"Resolved\"\ndate: 2024-06-01T09:00:00+10:00\nstatus: resolved\n", "All done.\n"), refused: regexp.QuoteMeta("content/incidents/x/2024-06-01-third.markdown:")},
		{name: "a page in static/", files: "-- static/help.html --\n<script>alert(1)</script>\n", refused: regexp.QuoteMeta("static/help.html:")},
		{name: "a script in static/", files: "-- static/js/app.js --\nalert(1)\n", refused: regexp.QuoteMeta("static/js/app.js:")},
		{name: "an SVG in static/", files: "-- static/logo.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n", refused: regexp.QuoteMeta("static/logo.svg:")},
		{name: "a link in static/ to a file outside the site", setup: func(t *testing.T, dir string) {
			outside := filepath.Join(t.TempDir(), "x.png")
			os.WriteFile(outside, []byte("png"), 0o644)
			os.MkdirAll(filepath.Join(dir, "static", "images"), 0o755)
			if err := os.Symlink(outside, filepath.Join(dir, "static", "images", "x.png")); err != nil {
				t.Fatal(err)
			}
		}, refused: regexp.QuoteMeta("static/images/x.png:")},
		{name: "a page beside the incidents", files: "-- content/about.md --\n---\ntitle: About\n---\nCall 1900 654 321.\n", refused: regexp.QuoteMeta("content/about.md:")},
		{name: "an upper-case slug", files: strings.ReplaceAll(oneDocBase, "content/incidents/x/", "content/incidents/X-2024/"), refused: regexp.QuoteMeta("content/incidents/X-2024:")},
		{name: "a symlink to a file outside the site", setup: func(t *testing.T, dir string) {
			outside := filepath.Join(t.TempDir(), "secret.md")
			os.WriteFile(outside, []byte("---\n"+fmThird+"---\nNot ours.\n"), 0o644)
			if err := os.Symlink(outside, filepath.Join(dir, "content/incidents/x/2024-06-01-third.md")); err != nil {
				t.Fatal(err)
			}
		}, refused: u3 + ":"},
		{name: "a FIFO named like an update", setup: func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "content/incidents/x/2024-06-01-third.md"), 0o644); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}, refused: u3 + ":"},
		{name: "bidi override in the text", files: oneDocUpdate("2024-06-01-third.md", fmThird, "Call 1800 \u202e123 654\u202c now.\n"), refused: u3 + ":[67]:"},
		{name: "bidi override in the title", files: oneDocUpdate("2024-06-01-third.md", "title: \"Third \u202eetadpu\"\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n"), refused: u3 + ":2:"},
		{name: "invalid UTF-8 in the text", files: oneDocUpdate("2024-06-01-third.md", fmThird, "Caf\xe9 opens at 9.\n"), refused: u3 + ":[67]:"},
		{name: "Hugo's config environment", setup: func(t *testing.T, dir string) {
			t.Setenv("HUGO_PARAMS_CONTACT_PHONE", "1900 654 321")
			t.Setenv("HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE", "true")
		}, absent: []string{"1900 654 321"}},
		{name: "a config folder Hugo would merge", files: "-- config/_default/params.toml --\n[contact]\nphone = \"1900 654 321\"\n", refused: `config:`},
		{name: "a hugo.toml Hugo would read", files: "-- hugo.toml --\n[params.contact]\nphone = \"1900 654 321\"\n", refused: `hugo\.toml:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Write(t, oneDocBase+tt.files)
			sitetest.CopyTheme(t, dir)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			out := filepath.Join(t.TempDir(), "public")
			res, err := buildSite(t, dir, out)
			if tt.refused != "" {
				var ce *build.ContentError
				if !errors.As(err, &ce) {
					t.Fatalf("built (err %v); want it refused with %s", err, tt.refused)
				}
				if !regexp.MustCompile(`(?m)^` + tt.refused).MatchString(res.Diags.Error()) {
					t.Fatalf("refused, but no diagnostic starts with %q:\n%s", tt.refused, res.Diags.Error())
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Fatalf("a refused build left %s behind", out)
				}
				return
			}
			if err != nil {
				t.Fatalf("build: %v\n%s", err, res.Diags.Error())
			}
			published, marked := publishedText(t, out)
			for _, s := range tt.absent {
				if strings.Contains(published, s) {
					t.Errorf("%q is published", s)
				}
			}
			for _, s := range tt.markup {
				if strings.Contains(marked, s) {
					t.Errorf("%q is published as markup", s)
				}
			}
			sameText(t, dir, out)
		})
	}
}

// publishedText is every page and feed of a built site, joined, and the
// pages and XML feeds alone.
func publishedText(t *testing.T, out string) (all, markup string) {
	t.Helper()
	var a, m strings.Builder
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".xml":
			m.WriteString(read(t, p))
			fallthrough
		case ".json":
			a.WriteString(read(t, p))
		}
		return nil
	})
	return a.String(), m.String()
}

var (
	pageBody  = regexp.MustCompile(`(?s)<div class="body">\n(.*)\n</div>\n</article>`)
	pageTitle = regexp.MustCompile(`(?s)<h1>(.*?)</h1>`)
)

// sameText asserts that every published update's page, its entries in the
// site's RSS, Atom and JSON feeds, and its hash in the manifest come from
// the text the loader read: the page's body is that text rendered, each
// feed entry is the page's body with its addresses made absolute, and the
// manifest's hash is of that text.
func sameText(t *testing.T, dir, out string) {
	t.Helper()
	site, diags := content.Load(dir)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	m, err := manifest.Load(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	hashes := map[string]string{}
	for _, u := range m.Updates {
		hashes[u.ID] = u.SourceSHA256
	}
	feeds := map[string]*gofeed.Feed{}
	for _, f := range []string{"feed.xml", "atom.xml", "feed.json"} {
		parsed, err := gofeed.NewParser().ParseString(read(t, filepath.Join(out, f)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		feeds[f] = parsed
	}
	pubs := site.AllPublished()
	if len(pubs) == 0 {
		t.Fatal("nothing published")
	}
	for _, u := range pubs {
		id := site.URL(u.Path())
		page := read(t, filepath.Join(out, filepath.FromSlash(u.Path()), "index.html"))
		m := pageBody.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no body on the page", u.Path())
		}
		want, err := markdown.RenderPage(u.Body.Source, markdown.Parse(u.Body.Source))
		if err != nil {
			t.Fatal(err)
		}
		if m[1] != string(want) {
			t.Errorf("%s: the page's body is not the text the loader read:\npage: %s\nread: %s", u.Path(), m[1], want)
		}
		if h := pageTitle.FindStringSubmatch(page); h == nil || html.UnescapeString(h[1]) != u.Title {
			t.Errorf("%s: the page's title is not %q: %v", u.Path(), u.Title, h)
		}
		entry, err := markdown.ForFeed([]byte(m[1]), id, site.Config.BaseURL)
		if err != nil {
			t.Fatal(err)
		}
		for name, f := range feeds {
			var got *gofeed.Item
			for _, it := range f.Items {
				if it.GUID == id || it.Link == id {
					got = it
				}
			}
			if got == nil {
				t.Errorf("%s: no entry for %s", name, id)
				continue
			}
			text := got.Content
			if text == "" {
				text = got.Description
			}
			if strings.TrimSpace(text) != strings.TrimSpace(string(entry)) {
				t.Errorf("%s: the entry for %s is not the page's body:\nfeed: %s\npage: %s", name, id, text, entry)
			}
			if !strings.HasSuffix(got.Title, u.Title) {
				t.Errorf("%s: the entry's title %q is not the page's %q", name, got.Title, u.Title)
			}
		}
		if hashes[id] != manifest.SourceHash(u.Title, u.Summary, string(u.Body.Source)) {
			t.Errorf("%s: the manifest's hash is not of the text the loader read", id)
		}
		if _, err := url.Parse(id); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHeadingIDsAreTheSameInPagesAndFeeds: a reader who follows a link to
// a heading from a feed entry lands on the same heading on the page.
func TestHeadingIDsAreTheSameInPagesAndFeeds(t *testing.T) {
	body := "## What happened?\n\nText.\n\n## What happened?\n\nMore.\n\n## Kōrero mō te whānau\n\n## Costs: $5 (or less) & more!\n\n## What happened?\n\n## 2024–25 “results”\n"
	dir := sitetest.Write(t, oneDocBase+oneDocUpdate("2024-06-01-third.md", fmThird, body))
	sitetest.CopyTheme(t, dir)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, dir, out); err != nil {
		t.Fatal(err)
	}
	ids := regexp.MustCompile(`<h2 id="([^"]*)"`)
	all := func(s string) []string {
		var l []string
		for _, m := range ids.FindAllStringSubmatch(s, -1) {
			l = append(l, m[1])
		}
		return l
	}
	page := pageBody.FindStringSubmatch(read(t, filepath.Join(out, "incidents/x/2024-06-01-0900/index.html")))
	if page == nil {
		t.Fatal("no body on the page")
	}
	got := all(page[1])
	want := []string{"what-happened", "what-happened-1", "kōrero-mō-te-whānau", "costs-5-or-less--more", "what-happened-2", "202425-results"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("page ids %q, want %q", got, want)
	}
	for _, f := range []string{"feed.xml", "atom.xml", "feed.json", "incidents/x/feed.xml", "incidents/x/atom.xml", "incidents/x/feed.json"} {
		parsed, err := gofeed.NewParser().ParseString(read(t, filepath.Join(out, f)))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, it := range parsed.Items {
			if !strings.HasSuffix(it.Link, "/2024-06-01-0900/") {
				continue
			}
			found = true
			text := it.Content
			if text == "" {
				text = it.Description
			}
			if e := all(text); strings.Join(e, " ") != strings.Join(got, " ") {
				t.Errorf("%s: entry ids %q, page ids %q", f, e, got)
			}
		}
		if !found {
			t.Errorf("%s: no entry for the update", f)
		}
	}
}

// TestRefusesASiteWithoutPages: a site whose own templates (over the
// built-in theme's) make no pages is not published as a site of feeds with
// nothing to read.
func TestRefusesASiteWithoutPages(t *testing.T) {
	dir := sitetest.Write(t, oneDocBase+"-- layouts/home.html --\n-- layouts/404.html --\n-- layouts/page.html --\n")
	out := filepath.Join(t.TempDir(), "public")
	_, err := buildSite(t, dir, out)
	if err == nil || !strings.Contains(err.Error(), "the templates made no page for /, /404.html, /incidents/x/2024-05-08-1730/;") {
		t.Fatalf("err = %v; want the pages that were not made named", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("published anyway")
	}
}

// TestTemplateErrorsNameTheSitesFile: Hugo failing on one of the site's
// templates is a diagnostic at that template's line, naming the page being
// made by its author's file, with nothing of the tool's temporary folders.
func TestTemplateErrorsNameTheSitesFile(t *testing.T) {
	dir := sitetest.Write(t, oneDocBase)
	sitetest.CopyTheme(t, dir)
	p := filepath.Join(dir, "layouts", "_partials", "update.html")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(b), "{{ else }}{{ .Title }}{{ end }}</h1>", "{{ else }}{{ .Title.Nope }}{{ end }}</h1>", 1)), 0o644)
	res, err := buildSite(t, dir, filepath.Join(t.TempDir(), "public"))
	var ce *build.ContentError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v; want a content error", err)
	}
	want := "layouts/_partials/update.html:6:168: template: can't evaluate field Nope in type string (while making the page of content/incidents/x/2024-05-08-first.md)"
	if got := res.Diags.Error(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// TestBuildIntoAFolderWithACommaInItsName: Hugo takes a comma-separated
// list of config files; the build's own folders beside the output may
// have a comma in their names and still build.
func TestBuildIntoAFolderWithACommaInItsName(t *testing.T) {
	dir := sitetest.Write(t, oneDocBase)
	sitetest.CopyTheme(t, dir)
	out := filepath.Join(t.TempDir(), "a,b", "public")
	if _, err := buildSite(t, dir, out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "incidents", "x", "2024-05-08-1730", "index.html")); err != nil {
		t.Fatal(err)
	}
}
