// Package check finds what a careful editor or a regulator would catch in a
// breach transparency site before it is published: timelines that make no
// sense, Markdown that would be dropped or would be unsafe, notices that
// leave out what the law asks for, hard reading, and config mistakes.
//
// The structural problems (front matter syntax, unknown or missing fields,
// wrong kinds, times without an offset) are the content loader's; Site
// checks a site the loader has decoded, and CheckSite runs both.
package check

import (
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zone offsets are checked even where the system has no zone files
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/render"
)

// CheckSite loads the site in dir and checks it as of now: the loader's
// diagnostics, then Site's. It is the one path by which check, build and
// deploy judge content; the site is nil only when it could not be loaded.
func CheckSite(dir string, now time.Time) (*content.Site, diag.List) {
	site, diags := content.Load(dir)
	if site != nil {
		diags = append(diags, Site(site, now)...)
	}
	diags.Sort()
	return site, diags
}

// Site checks a loaded site against every rule that needs the decoded
// content, as of now (for dates in the future). It never changes site.
func Site(site *content.Site, now time.Time) diag.List {
	return SiteParsed(site, now, nil)
}

// SiteParsed is Site, and hands parsed every body of the site (each
// incident's statement, each update's text, and their translations) as the
// Markdown tree (markdown.Parse of src) the rules read, with the file it is
// the body of, so that the
// renderer makes the published HTML from the very tree that was checked
// instead of parsing the body a second time. parsed may be called from
// several goroutines at once, and not at all for a body that is empty. The
// tree is the caller's: the checker keeps no reference to it.
func SiteParsed(site *content.Site, now time.Time, parsed func(file string, src []byte, doc ast.Node)) diag.List {
	if site == nil {
		return nil
	}
	c := &checker{site: site, now: now, cfg: site.Config, parsed: parsed}
	if c.cfg == nil {
		c.cfg = &content.Config{File: content.ConfigFile, Location: time.UTC}
	}
	c.pages = sitePages(site)
	c.own = ownOf(site, c.cfg)
	c.config()
	for _, inc := range site.Incidents {
		c.incident(inc)
	}
	return c.diags
}

// checker holds what every rule needs while one site is checked.
type checker struct {
	site  *content.Site
	cfg   *content.Config
	now   time.Time
	pages addresses // every address the built site will have: "/incidents/x/"
	diags diag.List
	// parsed, if set, is given each parsed body (SiteParsed).
	parsed func(file string, src []byte, doc ast.Node)
	own    *ownSite // the addresses the site gives on purpose (own.go)
	// headings are the notice headings of each language read so far
	// (headingWords).
	headings map[string]map[string]string
}

func (c *checker) zone() *time.Location {
	if c.cfg.Location != nil {
		return c.cfg.Location
	}
	return time.UTC
}

// incident runs every rule on an incident, its updates and translations.
func (c *checker) incident(inc *content.Incident) {
	c.timeline(inc)
	known := c.knownPhones(inc)
	statement := c.markdown(page{file: inc.File, body: inc.Body, parse: true, path: "/" + inc.Path(), plain: c.english(""), known: &known})
	translated := map[string]ast.Node{}
	for _, lang := range sortedKeys(inc.Translations) {
		t := inc.Translations[lang]
		translated[lang] = c.markdown(page{file: t.File, body: t.Body, parse: true, path: "/" + lang + "/" + inc.Path(), plain: c.english(lang), known: &known})
	}
	c.notice(inc, statement, translated)
	c.eyes(inc)
	c.facts(inc)
	// Updates are checked on every core, each by a checker of its own
	// (rules only read the site and known), and their findings joined in
	// the order of the updates: the result is what one core would find.
	found := make([]diag.List, len(inc.Updates))
	par.Each(len(inc.Updates), func(i int) error {
		uc := &checker{site: c.site, cfg: c.cfg, now: c.now, pages: c.pages, parsed: c.parsed, own: c.own}
		uc.update(inc.Updates[i], &known)
		found[i] = uc.diags
		return nil
	})
	for _, d := range found {
		c.diags = append(c.diags, d...)
	}
}

// update runs the Markdown rules on an update and its translations.
func (c *checker) update(u *content.Update, known *[]string) {
	p := page{file: u.File, body: u.Body, path: "/" + u.Path(), plain: c.english(""), update: true, withdrawn: u.Withdrawn != nil, draft: u.Draft, known: known, parse: true}
	c.markdown(p)
	for _, lang := range sortedKeys(u.Translations) {
		t := u.Translations[lang]
		c.translation(u, t)
		c.markdown(page{file: t.File, body: t.Body, parse: true, path: "/" + lang + "/" + u.Path(), plain: c.english(lang), update: true, withdrawn: t.Withdrawn != nil, known: known})
	}
}

// english reports whether the plain-language rules, which are written for
// English, apply to text in lang ("" for the default language).
func (c *checker) english(lang string) bool {
	if lang == "" {
		lang = c.cfg.Locale // "en-AU"; the loader makes it "en" when unset
		if lang == "" {
			lang = c.cfg.DefaultLang
		}
	}
	lang = strings.ToLower(lang)
	return lang == "" || lang == "en" || strings.HasPrefix(lang, "en-") || strings.HasPrefix(lang, "en_")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// bodyPos turns a byte offset in a Markdown body into the position the
// author sees in the whole file: lines from 1, columns in runes from 1.
func bodyPos(file string, b content.Body, off int) diag.Pos {
	return newLineIndex(b).pos(file, off)
}

// lineIndex knows where each line of a body starts, so that a body with
// many problems is not read again for each. It remembers the last offset
// it placed, so that many problems along one long line cost that line's
// length, not its length for each; it is not for use by several
// goroutines at once.
type lineIndex struct {
	body     content.Body
	starts   []int // byte offset of each line's first byte
	off, col int   // the last offset placed and its column, off < 0 for none
}

func newLineIndex(b content.Body) *lineIndex {
	x := &lineIndex{body: b, starts: []int{0}, off: -1}
	for i, ch := range b.Source {
		if ch == '\n' {
			x.starts = append(x.starts, i+1)
		}
	}
	return x
}

func (x *lineIndex) pos(file string, off int) diag.Pos {
	src := x.body.Source
	off = max(0, min(off, len(src)))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	from, col := x.starts[i], 1
	if x.off >= from && x.off <= off && (x.off == len(src) || utf8.RuneStart(src[x.off])) {
		from, col = x.off, x.col
	}
	x.off, x.col = off, col+utf8.RuneCount(src[from:off])
	return diag.Pos{File: file, Line: max(x.body.Line, 1) + i, Col: x.col}
}

// Summary counts the problems in words, as `disclose check` ends its
// report: "2 errors, 1 warning", or "no problems found".
func Summary(l diag.List) string {
	if len(l) == 0 {
		return "no problems found"
	}
	return plural(l.Errors(), "error") + ", " + plural(l.Warnings(), "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// Checked checks site as Site does and renders every body the rules read,
// from the tree they read: the diagnostics, and the HTML that the pages and
// the feeds are made from (package render). It is the one way a body
// reaches anything published.
func Checked(site *content.Site, now time.Time) (diag.List, *render.Bodies) {
	bodies := render.NewFor(site.Config)
	return SiteParsed(site, now, bodies.Add), bodies
}

// CheckedUpdate is Checked for one update of site (u, read again after a
// save, with u.Incident its incident in site): the rules that read that
// update alone, and its body rendered from the tree they read. The preview
// uses it to show a saved update at once, before the whole site is checked
// again; rules across updates (the timeline, the notice laws) wait for
// that.
func CheckedUpdate(site *content.Site, u *content.Update, now time.Time) (diag.List, *render.Bodies) {
	bodies := render.NewFor(site.Config)
	c := &checker{site: site, now: now, cfg: site.Config, parsed: bodies.Add}
	c.pages = sitePages(site)
	c.own = ownOf(site, c.cfg)
	known := c.knownPhones(u.Incident)
	c.update(u, &known)
	return c.diags, bodies
}
