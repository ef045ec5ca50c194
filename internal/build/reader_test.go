package build_test

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/internal/browser"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// -screenshots rewrites the README's screenshots (docs/screenshots/) from
// the example site: go test ./internal/build -run TestReader -screenshots
var screenshots = flag.Bool("screenshots", false, "rewrite docs/screenshots/ from the example site")

// The phone every first-screen rule is measured on (CSS px), and the
// widths axe-core and the overflow rule run at.
const (
	phoneW, phoneH = 390, 844
	narrowW        = 320
	desktopW       = 1280
)

// axeTags are the axe-core rules run: WCAG 2.0, 2.1 and 2.2, A and AA,
// and axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// testTools is where scripts/setup-test-tools.sh installs the npm packages
// the browser tests use (axe-core, vnu-jar).
func testTools() string {
	if d := os.Getenv("DISCLOSE_TEST_TOOLS"); d != "" {
		return d
	}
	return filepath.Join(sitetest.RepoRoot(), ".test-tools")
}

// need skips a test without a tool, and fails it in CI, where
// scripts/test.sh has installed every tool.
func need(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing: run scripts/setup-test-tools.sh", what)
	}
	t.Skipf("%s is missing: run scripts/setup-test-tools.sh", what)
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// page is one page type of a built site.
type page struct {
	kind     string
	path     string
	incident *content.Incident // the incident the page is about, or nil
	// status is the status its first screen says: the incident's current
	// one on its own page, the status at that update on an update's page
	// (which never says where things stand now, so that it stays as it
	// was when later updates are published).
	status content.Status
	// asOf is whether the page is an update's (or a page of older
	// updates), whose first screen links the incident's page for the
	// latest.
	asOf bool
	// lang is the language of the page's site: "" for the default.
	lang string
}

// inLanguages is pages again in each of langs, at their addresses there.
func inLanguages(pages []page, langs ...string) []page {
	var out []page
	for _, l := range langs {
		for _, p := range pages {
			p.kind, p.path, p.lang = l+": "+p.kind, "/"+l+p.path, l
			out = append(out, p)
		}
	}
	return out
}

// themeWord is the theme's words for key in lang ("" for English), from
// the theme's i18n/<lang>.toml, or the tests' own Arabic (testdata).
func themeWord(t *testing.T, lang, key string) string {
	t.Helper()
	if lang == "" {
		lang = "en"
	}
	var b []byte
	var err error
	if lang == "ar" {
		b, err = os.ReadFile(filepath.Join("testdata", "ar.toml"))
	} else {
		b, err = fs.ReadFile(disclose.Theme, "i18n/"+lang+".toml")
	}
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := toml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m[key] == "" {
		t.Fatalf("i18n/%s.toml has no %s", lang, key)
	}
	return m[key]
}

// readerSite is a built site and its page types.
type readerSite struct {
	name  string
	out   string
	site  *content.Site
	pages []page
}

// pageTypes picks one page of each type from a loaded site: home, every
// incident, the list of incidents, a page of an incident's older updates,
// its latest and oldest update, a revised one, a withdrawn one, an
// earlier version, the 404 page and the page for journalists.
func pageTypes(t *testing.T, out string, site *content.Site) []page {
	t.Helper()
	ps := []page{{kind: "home", path: "/"}, {kind: "archive", path: "/incidents/"}}
	var revised, withdrawn *content.Update
	for _, inc := range site.Incidents {
		var pub []*content.Update
		for _, u := range inc.Updates {
			if !u.Draft {
				pub = append(pub, u)
			}
		}
		if len(pub) == 0 {
			continue
		}
		latest := pub[len(pub)-1]
		kind := "incident"
		if latest.Status == content.Resolved {
			kind = "incident (resolved)"
		}
		ps = append(ps, page{kind: kind, path: "/" + inc.Path(), incident: inc, status: latest.Status},
			page{kind: "update (latest)", path: "/" + latest.Path(), incident: inc, status: latest.Status, asOf: true},
			page{kind: "update (older)", path: "/" + pub[0].Path(), incident: inc, status: pub[0].Status, asOf: true})
		if older := public.OlderUpdates(inc.Slug, 1, pages.PerPage); exists(filepath.Join(out, older, "index.html")) {
			// Its first screen says the status at the newest of its updates.
			ps = append(ps, page{kind: "incident, older updates", path: "/" + older, incident: inc, status: pub[pages.PerPage-1].Status, asOf: true})
		}
		for _, u := range pub {
			if revised == nil && len(u.Revisions) > 0 {
				revised = u
				ps = append(ps, page{kind: "update (revised)", path: "/" + u.Path(), incident: inc, status: u.Status, asOf: true})
			}
			if withdrawn == nil && u.Withdrawn != nil {
				withdrawn = u
				ps = append(ps, page{kind: "update (withdrawn)", path: "/" + u.Path(), incident: inc, status: u.Status, asOf: true})
			}
			// An earlier version's status is its own; the corrections
			// these sites make keep the update's status.
			if v := public.EarlierVersion(u.Path(), 1); exists(filepath.Join(out, v, "index.html")) {
				ps = append(ps, page{kind: "earlier version", path: "/" + v, incident: inc, status: u.Status, asOf: true})
			}
		}
	}
	ps = append(ps, page{kind: "404", path: "/404.html"}, page{kind: "verify", path: "/verify/"})
	// One of each kind per site, so the test stays quick on a large site.
	seen := map[string]bool{}
	var one []page
	for _, p := range ps {
		if !seen[p.kind] {
			seen[p.kind] = true
			one = append(one, p)
		}
	}
	return one
}

// generatedSite is a corpus site of many updates (more than a page of them
// per incident, revisions and withdrawals among them) with one correction
// committed to git, so that an earlier version is published too.
func generatedSite(t *testing.T) readerSite {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	gen, err := corpus.Generate(dir, corpus.Options{Incidents: 2, Updates: 45, Seed: 16, ThemeDir: sitetest.RepoRoot()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("git"); err == nil {
		gitIn(t, dir, "init", "-q")
		gitIn(t, dir, "add", ".")
		gitIn(t, dir, "commit", "-qm", "first statements")
		// Correct the first update that has neither revisions nor a withdrawal.
		for _, u := range gen.Incidents[0].Updates {
			b, err := os.ReadFile(u.File)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			if strings.Contains(s, "\nrevisions:") || strings.Contains(s, "\nwithdrawn:") {
				continue
			}
			m := regexp.MustCompile(`(?m)^date: (\S+)$`).FindStringSubmatch(s)
			when, err := time.Parse(time.RFC3339, m[1])
			if err != nil {
				t.Fatal(err)
			}
			rev := fmt.Sprintf("revisions:\n  - date: %s\n    note: \"Corrected the helpline hours\"\n", when.Add(time.Minute).Format(time.RFC3339))
			end := strings.Index(s[3:], "\n---\n") + 4 // the line that closes the front matter
			s = s[:end] + rev + s[end:]
			s += "\nThe helpline is open from 8 am to 6 pm.\n"
			if err := os.WriteFile(u.File, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			break
		}
		gitIn(t, dir, "commit", "-qam", "correct the helpline hours")
	}
	site, diags := content.Load(dir)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, dir, out); err != nil {
		t.Fatal(err)
	}
	return readerSite{name: "generated", out: out, site: site, pages: pageTypes(t, out, site)}
}

func exampleSite(t *testing.T) readerSite {
	out, site := example(t)
	return readerSite{name: "example", out: out, site: site, pages: pageTypes(t, out, site)}
}

// threeLanguageSite is threeLanguages built with its Arabic words.
func threeLanguageSite(t *testing.T) readerSite {
	site := sitetest.Write(t, threeLanguages+arabicWords(t))
	out := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, site, out)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	loaded, diags := content.Load(site)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	return readerSite{name: "three languages", out: out, site: loaded, pages: inLanguages(pageTypes(t, out, loaded), "mi", "ar")}
}

// e164 is a number of an en-AU site as the tests expect its tel: link:
// written with +, as written; else +61 and the number without its leading 0.
func e164(n string) string {
	d := regexp.MustCompile(`[^0-9]`).ReplaceAllString(n, "")
	if strings.HasPrefix(strings.TrimSpace(n), "+") {
		return "tel:+" + d
	}
	return "tel:+61" + strings.TrimPrefix(d, "0")
}

var anyE164 = regexp.MustCompile(`^tel:\+[1-9][0-9]{5,14}$`)

// openBrowser starts Debian's Chromium for t and opens a page in it, both
// ended with t; ctx ends after timeout. Without chromium the test is
// skipped (or fails in CI, need).
func openBrowser(t *testing.T, timeout time.Duration) (context.Context, *browser.Page) {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	need(t, err == nil, "chromium (Debian package chromium)")
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	b, err := browser.Start(ctx, chromium)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return ctx, p
}

// axeScript is axe-core's script from the test tools, for checkAxe.
func axeScript(t *testing.T) string {
	t.Helper()
	axeJS := filepath.Join(testTools(), "node_modules", "axe-core", "axe.min.js")
	need(t, exists(axeJS), "axe-core (npm, in "+testTools()+")")
	axe, err := os.ReadFile(axeJS)
	if err != nil {
		t.Fatal(err)
	}
	return string(axe)
}

// TestReaderOnAPhone opens every page type of the example site and of a
// generated site of many updates in Debian's Chromium and checks, from the
// boxes the browser lays out, what a frightened reader on a phone needs:
//
//   - at 390 x 844, without scrolling: where things stand (the status in
//     words and when it last changed) on every page about an incident, one
//     to three things to do now, the helpline as a tel: link, and the short
//     scam warning with a link to the full list; the header does not repeat
//     the H1;
//   - every tel: link has an E.164 href and stays on one line;
//   - no horizontal scroll at 320 px, nor at 320 px with text at 200 %;
//   - axe-core finds nothing (WCAG 2.0-2.2 A and AA, and best practice), in
//     light and dark, at 320, 390 and 1280 px.
//
// It logs where the phone number, "What to do now" and the scam warning
// are on each page (the table in issue 16).
func TestReaderOnAPhone(t *testing.T) {
	axe := axeScript(t)
	ctx, p := openBrowser(t, 15*time.Minute)
	for _, rs := range []func(*testing.T) readerSite{exampleSite, generatedSite, threeLanguageSite} {
		s := rs(t)
		srv := httptest.NewServer(http.FileServer(http.Dir(s.out)))
		t.Run(s.name, func(t *testing.T) {
			var table []string
			for _, pg := range s.pages {
				t.Run(strings.ReplaceAll(pg.kind, " ", "_"), func(t *testing.T) {
					url := srv.URL + pg.path
					w := checkFirstScreen(ctx, t, p, url, s.site, pg)
					table = append(table, fmt.Sprintf("| %s | %s | %d | %d | %d | %d |", pg.kind, pg.path, w.Height, w.Tel, w.Todo, w.Scam))
					checkOverflow(ctx, t, p, url)
					checkAxe(ctx, t, p, url, axe)
					if *screenshots && s.name == "example" {
						shoot(ctx, t, p, url, pg.kind)
					}
				})
			}
			t.Logf("where things are at %dx%d (px from the top; -1 is not on the page):\n| page | path | height | first tel: link | What to do now | scam warning |\n%s", phoneW, phoneH, strings.Join(table, "\n"))
		})
		srv.Close()
	}
}

func load(ctx context.Context, t *testing.T, p *browser.Page, url string, v browser.Viewport) {
	t.Helper()
	if err := p.SetViewport(ctx, v); err != nil {
		t.Fatal(err)
	}
	if err := p.Navigate(ctx, url); err != nil {
		t.Fatal(err)
	}
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func checkFirstScreen(ctx context.Context, t *testing.T, p *browser.Page, url string, site *content.Site, pg page) browser.Where {
	load(ctx, t, p, url, browser.Viewport{Width: phoneW, Height: phoneH})
	sc, err := p.FirstScreen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w, err := p.Measure(ctx)
	if err != nil {
		t.Fatal(err)
	}
	onScreen := func(what string, b *browser.Box) {
		t.Helper()
		switch {
		case b == nil || !b.Visible:
			t.Errorf("%s is not on the page", what)
		case b.Bottom > phoneH:
			t.Errorf("%s ends %d px down, below the first screen (%d px): %q", what, b.Bottom, phoneH, b.Text)
		}
	}
	if sc.H1 == nil {
		t.Fatal("the page has no h1")
	}
	if sc.Header != nil && (strings.Contains(norm(sc.H1.Text), norm(sc.Header.Text)) || strings.Contains(norm(sc.Header.Text), norm(sc.H1.Text))) {
		t.Errorf("the header (%q) repeats the h1 (%q)", sc.Header.Text, sc.H1.Text)
	}
	// Where things stand, on every page about an incident and on the home
	// page while one is open.
	inc, want := pg.incident, pg.status
	if pg.kind == "home" {
		for _, i := range site.Incidents {
			if l := latest(i); l != nil && l.Status != content.Resolved {
				inc, want = i, l.Status
			}
		}
	}
	if inc != nil {
		onScreen("the status", sc.Status)
		onScreen("when the status last changed", sc.When)
		if w := themeWord(t, pg.lang, "status_"+string(want)); sc.Status != nil && !strings.Contains(norm(sc.Status.Text), norm(w)) {
			t.Errorf("the status says %q, not %q", sc.Status.Text, w)
		}
	}
	// An update's page says where things stood at that update, and says
	// so, with a link to the incident's page for the latest.
	if pg.asOf {
		if w := strings.TrimSuffix(themeWord(t, pg.lang, "status_at_this_update"), ":"); sc.Status != nil && !strings.Contains(norm(sc.Status.Text), norm(w)) {
			t.Errorf("the status does not say it is the status at this update (%q): %q", w, sc.Status.Text)
		}
		incPath := "/" + inc.Path()
		if pg.lang != "" {
			incPath = "/" + pg.lang + incPath
		}
		var bottom int
		js := fmt.Sprintf(`(() => { const a = [...document.querySelectorAll('main .banner a')].find(a => a.getAttribute('href') === %q && a.textContent.includes(%q)); return a ? Math.ceil(a.getBoundingClientRect().bottom + scrollY) : -1 })()`, incPath, themeWord(t, pg.lang, "see_latest"))
		if err := p.Eval(ctx, js, &bottom); err != nil {
			t.Fatal(err)
		}
		switch {
		case bottom < 0:
			t.Errorf("the page does not link the incident's page (%s) for the latest", incPath)
		case bottom > phoneH:
			t.Errorf("the link to the latest on the incident's page ends %d px down, below the first screen (%d px)", bottom, phoneH)
		}
	}
	if n := len(sc.Todo); n < 1 || n > 3 {
		t.Errorf("%d things to do on the first screen, want 1 to 3", n)
	}
	for i, b := range sc.Todo {
		onScreen(fmt.Sprintf("thing to do %d", i+1), b)
	}
	onScreen("the helpline's tel: link", sc.Tel)
	if want := e164(site.Config.Contact.Phone); sc.Tel != nil && sc.Tel.Href != want {
		t.Errorf("the helpline links %q, want %q", sc.Tel.Href, want)
	}
	onScreen("the short scam warning", sc.Scam)
	if w := strings.ReplaceAll(themeWord(t, pg.lang, "scam_short_will_never"), "{{ .Name }}", site.Config.KnownAs); sc.Scam != nil && !strings.Contains(sc.Scam.Text, w) {
		t.Errorf("the short scam warning does not say what %s will never do (%q): %q", site.Config.KnownAs, w, sc.Scam.Text)
	}
	switch {
	case sc.ScamLink == nil || sc.ScamLink.Href != "#scams":
		t.Errorf("the short scam warning does not link the full list (#scams)")
	case sc.ScamTarget == nil:
		t.Errorf("the short scam warning links #scams, which is not on the page")
	}
	for _, b := range sc.AllTel {
		if !anyE164.MatchString(b.Href) {
			t.Errorf("the tel: link %q has href %q, not E.164", b.Text, b.Href)
		}
	}
	// Phone numbers never break across lines, even on the narrowest phone.
	load(ctx, t, p, url, browser.Viewport{Width: narrowW, Height: 640})
	narrow, err := p.FirstScreen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range narrow.AllTel {
		if b.Lines != 1 {
			t.Errorf("at %d px the number %q breaks across %d lines", narrowW, b.Text, b.Lines)
		}
	}
	return w
}

func latest(inc *content.Incident) *content.Update {
	for i := len(inc.Updates) - 1; i >= 0; i-- {
		if !inc.Updates[i].Draft {
			return inc.Updates[i]
		}
	}
	return nil
}

func checkOverflow(ctx context.Context, t *testing.T, p *browser.Page, url string) {
	for _, text := range []int{100, 200} {
		load(ctx, t, p, url, browser.Viewport{Width: narrowW, Height: 640})
		if text != 100 {
			if err := p.SetTextSize(ctx, text); err != nil {
				t.Fatal(err)
			}
		}
		n, err := p.Overflow(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			els, _ := p.Overflowing(ctx)
			t.Errorf("at %d px with text at %d %%, the page is %d px wider than the window: it scrolls sideways; too wide: %s", narrowW, text, n, strings.Join(els, ", "))
		}
	}
}

func checkAxe(ctx context.Context, t *testing.T, p *browser.Page, url, axe string) {
	for _, w := range []int{narrowW, phoneW, desktopW} {
		for _, dark := range []bool{false, true} {
			v := browser.Viewport{Width: w, Height: 900, Dark: dark}
			load(ctx, t, p, url, v)
			vs, err := p.Axe(ctx, axe, axeTags)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range vs {
				t.Errorf("axe-core at %s: %s", v, x)
			}
		}
	}
}

// shoot writes the README's screenshots of the home, incident and update
// pages at phone and desktop size.
func shoot(ctx context.Context, t *testing.T, p *browser.Page, url, kind string) {
	names := map[string]string{"home": "home", "incident": "incident", "update (latest)": "update"}
	name, ok := names[kind]
	if !ok {
		return
	}
	dir := filepath.Join(sitetest.RepoRoot(), "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		size string
		vp   browser.Viewport
	}{{"phone", browser.Viewport{Width: phoneW, Height: phoneH}}, {"desktop", browser.Viewport{Width: desktopW, Height: 900}}} {
		load(ctx, t, p, url, v.vp)
		png, err := p.Screenshot(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+v.size+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ownStylesheet is the one message the checker gives only because it reads
// the pages as files: to a file: page, the Content-Security-Policy's 'self'
// does not cover the site's own stylesheet, so it reports the stylesheet
// blocked. Served over HTTP it loads (TestPagesLoadCleanlyInABrowser); any
// other stylesheet, style or script the policy blocks is still reported.
var ownStylesheet = regexp.MustCompile(`: info warning: Resource violates Content Security Policy \(meta tag\): external stylesheet “/css/style\.min\.[0-9a-f]+(\.css|\.\.\.|…)” blocked by “style-src” directive\.$`)

// TestNuHtmlChecker runs the W3C Nu Html Checker (npm vnu-jar, on Debian's
// Java) over every page and the stylesheet of the example site (English
// and te reo Māori), of a generated site and of the three-language site
// (Arabic, right to left, among them): no error and no warning.
func TestNuHtmlChecker(t *testing.T) {
	java, err := exec.LookPath("java")
	need(t, err == nil, "java (Debian package default-jre-headless)")
	jar := filepath.Join(testTools(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	need(t, exists(jar), "vnu-jar (npm, in "+testTools()+")")
	for _, rs := range []func(*testing.T) readerSite{exampleSite, generatedSite, threeLanguageSite} {
		s := rs(t)
		t.Run(s.name, func(t *testing.T) {
			out, _ := exec.Command(java, "-jar", jar, "--skip-non-html", "--also-check-css", "--Werror", "--format", "gnu", s.out).CombinedOutput()
			var msgs []string
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				if l != "" && !ownStylesheet.MatchString(l) {
					msgs = append(msgs, strings.Replace(strings.TrimPrefix(l, "\"file:"+s.out), "\":", ":", 1))
				}
			}
			sort.Strings(msgs)
			for _, m := range msgs {
				t.Error(m)
			}
		})
	}
}

var (
	mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)
	pdfPage  = regexp.MustCompile(`/Type /Page\b[^s]`)
)

// TestPrint prints the example site's pages in Chromium: on A4 for its
// en-AU locale and on US Letter when the page says it is en-US, on no more
// pages than its content needs (no page left near empty by a rule that
// keeps a box whole), with each web address printed after its link.
func TestPrint(t *testing.T) {
	ctx, p := openBrowser(t, 5*time.Minute)
	s := exampleSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.out)))
	defer srv.Close()
	papers := []struct {
		lang          string
		w, h          float64 // points
		contentHeight float64 // CSS px inside the margins of style.css's @page
		contentWidth  int
	}{
		{"en-AU", 595.92, 842.88, (297 - 32) / 25.4 * 96, 680},
		{"en-US", 612, 792, (11 - 1.2) * 96, 700},
	}
	for _, pg := range s.pages {
		if pg.kind != "home" && pg.kind != "incident" && pg.kind != "update (latest)" {
			continue
		}
		for _, paper := range papers {
			t.Run(strings.ReplaceAll(pg.kind, " ", "_")+"/"+paper.lang, func(t *testing.T) {
				// The height of the page's content laid out at the paper's width.
				load(ctx, t, p, srv.URL+pg.path, browser.Viewport{Width: paper.contentWidth, Height: 800, Print: true})
				if err := p.Eval(ctx, fmt.Sprintf(`document.documentElement.lang = %q`, paper.lang), nil); err != nil {
					t.Fatal(err)
				}
				var height float64
				if err := p.Eval(ctx, `document.documentElement.scrollHeight`, &height); err != nil {
					t.Fatal(err)
				}
				var after string
				if err := p.Eval(ctx, `(() => { const a = [...document.querySelectorAll('main a[href^="http"]')].find(a => !a.classList.contains('url')); return a ? getComputedStyle(a, '::after').content + ' ' + a.href : 'none' })()`, &after); err != nil {
					t.Fatal(err)
				}
				if f := strings.Fields(after); len(f) > 0 && f[0] != "none" && !strings.Contains(after, strings.TrimSuffix(f[len(f)-1], "/")) {
					t.Errorf("a link prints without its address: %s", after)
				}
				pdf, err := p.PDF(ctx)
				if err != nil {
					t.Fatal(err)
				}
				m := mediaBox.FindSubmatch(pdf)
				if m == nil {
					t.Fatal("the PDF has no /MediaBox")
				}
				var w, h float64
				fmt.Sscan(string(m[1]), &w)
				fmt.Sscan(string(m[2]), &h)
				if abs(w-paper.w) > 2 || abs(h-paper.h) > 2 {
					t.Errorf("printed on %.0f x %.0f pt, want %.0f x %.0f (%s)", w, h, paper.w, paper.h, paper.lang)
				}
				n := len(pdfPage.FindAll(pdf, -1))
				need := int(height/paper.contentHeight) + 1
				t.Logf("%s on %s: %d pages for %.0f px of content (%.1f pages' worth)", pg.path, paper.lang, n, height, height/paper.contentHeight)
				if n > need {
					t.Errorf("%d pages printed for %.1f pages of content: a page is left near empty", n, height/paper.contentHeight)
				}
			})
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

var (
	titleTag = regexp.MustCompile(`<title>([^<]*)</title>`)
	descTag  = regexp.MustCompile(`<meta name="description" content="([^"]+)">`)
)

// TestPageHeads reads the head of every page of a generated site: every
// page has a title and a description; an earlier version's title says so,
// it is noindex and its canonical address is the current text's; a
// withdrawn update's title says it was withdrawn; robots.txt allows the
// pages and names the sitemap, which leaves earlier versions out.
func TestPageHeads(t *testing.T) {
	s := generatedSite(t)
	base := strings.TrimSuffix(s.site.Config.BaseURL, "/")
	sitemap := read(t, filepath.Join(s.out, "sitemap.xml"))
	robots := read(t, filepath.Join(s.out, "robots.txt"))
	if want := "Sitemap: " + base + "/sitemap.xml"; !strings.Contains(robots, want) || !strings.Contains(robots, "Allow: /") {
		t.Errorf("robots.txt lacks %q or Allow: /:\n%s", want, robots)
	}
	kinds := map[string]page{}
	for _, p := range s.pages {
		kinds[p.kind] = p
	}
	for _, k := range []string{"earlier version", "update (withdrawn)"} {
		if _, ok := kinds[k]; !ok {
			t.Fatalf("the generated site has no %s", k)
		}
	}
	err := filepath.WalkDir(s.out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(s.out, p)
		path := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		html := read(t, p)
		if strings.Contains(html, `http-equiv="refresh"`) {
			return nil // Hugo's redirect from page/1/ to the incident
		}
		title := titleTag.FindStringSubmatch(html)
		if title == nil || strings.TrimSpace(title[1]) == "" {
			t.Errorf("%s has no title", path)
		}
		if d := descTag.FindStringSubmatch(html); d == nil {
			t.Errorf("%s has no meta description", path)
		}
		earlier := strings.HasSuffix(path, "/v1/")
		if earlier {
			current := base + strings.TrimSuffix(path, "v1/")
			for _, want := range []string{"<title>Earlier version: ", `<meta name="robots" content="noindex">`, `<link rel="canonical" href="` + current + `">`} {
				if !strings.Contains(html, want) {
					t.Errorf("the earlier version %s lacks %q", path, want)
				}
			}
			if strings.Contains(sitemap, base+path) {
				t.Errorf("the sitemap lists the earlier version %s", path)
			}
		} else if strings.Contains(html, "noindex") {
			t.Errorf("%s is noindex", path)
		}
		if path == kinds["update (withdrawn)"].path && !strings.Contains(html, "<title>Withdrawn: ") {
			t.Errorf("the withdrawn update's title does not say so: %s", title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
