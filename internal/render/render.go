// Package render turns each body the checker parsed into the HTML that
// every output carries: the page Hugo lays out and the feed entry a reader
// subscribes to are made from one render of one parse, so their text and
// heading ids are the same by construction. Nothing here parses Markdown
// that the checker has not parsed.
package render

import (
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/history"
	"github.com/disclose-dev/disclose/internal/markdown"
	"github.com/disclose-dev/disclose/internal/public"
)

// Bodies holds the rendered HTML of every body of a site, keyed by the
// file it is the body of (content.Update.File, content.Incident.File). Its
// methods may be called from several goroutines at once.
type Bodies struct {
	mu   sync.Mutex
	html map[string][]byte
	errs []error
	// earlier holds, by update file, the numbers of its earlier texts
	// that the build publishes (SetEarlier).
	earlier map[string]map[int]bool
	// tel maps the site's own phone numbers, as written, to their tel:
	// addresses (Phones): in a body's text they become tap-to-call links.
	tel map[string]string
}

// New returns an empty Bodies.
func New() *Bodies { return &Bodies{html: map[string][]byte{}} }

// NewFor returns an empty Bodies for the site cfg configures: the site's
// own phone numbers (Phones) in the text of a body are tap-to-call links,
// on the page and in the feeds alike. No other number is: check has held
// every number that looks like one of them to being one of them.
func NewFor(cfg *content.Config) *Bodies {
	r := New()
	r.tel = Phones(cfg)
	return r
}

// Phones maps each of the site's phone numbers (params.contact phone and
// international, each params.support phone), as written, to its E.164
// tel: address for the site's locale (markdown.TelHref). Templates get it
// as site.Params.disclose.tel, so a number has one address everywhere.
func Phones(cfg *content.Config) map[string]string {
	m := map[string]string{}
	add := func(n string) {
		if strings.TrimSpace(n) != "" {
			m[strings.TrimSpace(n)] = markdown.TelHref(n, cfg.Locale)
		}
	}
	add(cfg.Contact.Phone)
	add(cfg.Contact.International)
	for _, s := range cfg.Support {
		add(s.Phone)
	}
	return m
}

// Add renders the body of file from doc, the tree markdown.Parse made of
// src. It is the checker's callback (check.SiteParsed): the checker hands
// over each tree once its rules have read it, and the tree is not kept.
func (r *Bodies) Add(file string, src []byte, doc ast.Node) {
	html, err := markdown.RenderPage(src, doc)
	if err == nil {
		html, err = markdown.LinkNumbers(html, r.tel)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s: %w", file, err))
		return
	}
	r.html[file] = html
}

// Err is the first body that failed to render, if any.
func (r *Bodies) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.errs) > 0 {
		return fmt.Errorf("render: %w", r.errs[0])
	}
	return nil
}

// HTML is the body of file as a page shows it: addresses as the writer
// wrote them. An empty body, which the checker does not parse, has none.
func (r *Bodies) HTML(file string) []byte {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.html[file]
}

// Feed is the body of file as a feed entry carries it, published at
// pageURL on the site at baseURL: the page's HTML with every address made
// absolute and no ARIA roles (the W3C feed validator calls them a risk,
// and readers strip them). Only attributes change; the text is the page's.
func (r *Bodies) Feed(file, pageURL, baseURL string) ([]byte, error) {
	return markdown.ForFeed(r.HTML(file), pageURL, baseURL)
}

// Summary is what lists and feeds say of an update: its summary, else the
// first paragraph of its text, else its title, on one line.
func (r *Bodies) Summary(u *content.Update) string {
	s := u.Summary
	if strings.TrimSpace(s) == "" {
		s = markdown.FirstParagraphOf(r.HTML(u.File))
	}
	if strings.TrimSpace(s) == "" {
		s = u.Title
	}
	return strings.Join(strings.Fields(s), " ")
}

// Source renders a body that is published but not checked again: the
// earlier text of a revised update, as it was published then (package
// history). It is parsed once, here, and rendered as any other body.
func Source(src []byte) ([]byte, error) {
	return markdown.RenderPage(src, markdown.Parse(src))
}

// SetEarlier records which earlier texts of revised updates the build
// publishes (history.Find), so that every revision note, on the page and
// in the feeds, links the text it replaced: revision i (from 1) to version
// i, at public.EarlierVersion. Without it the notes carry no links.
func (r *Bodies) SetEarlier(found map[*content.Update][]history.Version) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.earlier = map[string]map[int]bool{}
	for u, vs := range found {
		r.earlier[u.File] = map[int]bool{}
		for _, v := range vs {
			r.earlier[u.File][v.N] = true
		}
	}
}

// Earlier is the address, below the site root, of the text revision n
// (from 1) of u replaced, when the build publishes it; else "".
func (r *Bodies) Earlier(u *content.Update, n int) string {
	if r == nil {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.earlier[u.File][n] {
		return public.EarlierVersion(u.Path(), n)
	}
	return ""
}
