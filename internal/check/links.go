package check

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/public"
)

// siteFiles are the files every build writes besides the pages: the feeds
// (internal/feed), the manifest and its signature, security.txt, the
// public key, the 404 page and Hugo's sitemap.
var siteFiles = []string{
	"/" + public.RSS, "/" + public.Atom, "/" + public.JSONFeed, "/" + public.NotFound, "/" + public.Sitemap,
	"/" + public.Manifest, "/" + public.Signature,
	"/" + public.SecurityTxt, "/" + public.PublicKey,
}

// incidentFiles are the feeds each incident has beside its page.
var incidentFiles = public.Feeds

// langFile are the files of siteFiles and incidentFiles every language has
// in its own folder (/mi/feed.xml, /mi/incidents/<slug>/atom.xml).
var langFile = map[string]bool{public.RSS: true, public.Atom: true, public.JSONFeed: true, public.NotFound: true}

// addresses is every address the built site will have, and the addresses
// of drafts, which it will not.
type addresses struct {
	pages  map[string]bool
	drafts map[string]string // address → the draft's file
}

// sitePages lists the addresses the built site will have: in every
// language, each page and each feed, the 404 page and the page for
// journalists (the files only the default language has, such as the
// manifest, are not copied into another's folder).
func sitePages(site *content.Site) addresses {
	a := addresses{pages: map[string]bool{"/": true, "/" + public.IncidentsDir: true, "/" + public.Verify: true}, drafts: map[string]string{}}
	for _, f := range siteFiles {
		a.pages[f] = true
	}
	for _, inc := range site.Incidents {
		a.pages["/"+inc.Path()] = true
		for _, f := range incidentFiles {
			a.pages["/"+inc.Path()+f] = true
		}
		for _, r := range public.OlderPages(len(inc.Published())) {
			a.pages["/"+public.OlderUpdates(inc.Slug, r[0], r[1])] = true
		}
		for _, u := range inc.Updates {
			if u.Date.IsZero() {
				continue
			}
			if u.Draft {
				a.drafts["/"+u.Path()] = u.File
			} else {
				a.pages["/"+u.Path()] = true
			}
		}
	}
	if cfg := site.Config; cfg != nil {
		var pages []string
		for p := range a.pages {
			if strings.HasSuffix(p, "/") || langFile[path.Base(p)] {
				pages = append(pages, p)
			}
		}
		for _, lang := range cfg.Languages {
			if lang == cfg.DefaultLang {
				continue
			}
			for _, p := range pages {
				a.pages["/"+lang+p] = true
			}
		}
	}
	for _, f := range staticFiles(site.Dir) {
		a.pages[f] = true
	}
	return a
}

// staticFiles lists the addresses of the files under static/, except
// static/css, which the build fingerprints (internal/hugo's overlay).
func staticFiles(dir string) []string {
	if dir == "" {
		return nil
	}
	root := filepath.Join(dir, "static")
	var out []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, "css/") {
			out = append(out, "/"+rel)
		}
		return nil
	})
	return out
}

func fileExists(dir, rel string) bool {
	st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil && !st.IsDir()
}

// unsafeSchemes run code or hide content in the reader's browser.
var unsafeSchemes = map[string]string{
	"javascript": "runs code in the reader's browser",
	"vbscript":   "runs code in the reader's browser",
	"data":       "can hide anything, and browsers block it",
}

// link checks one link or image address written on page p.
func (c *checker) link(p page, dest string, pos diag.Pos, image bool) {
	what := "link"
	if image {
		what = "image"
	}
	scheme := schemeOf(dest)
	if why, bad := unsafeSchemes[scheme]; bad {
		fix := "link to an https:// page instead"
		if image {
			fix = "put the image file under static/ and write its address, like /images/letter.png"
		}
		c.diags.Add(pos, "markdown", "%s address starts with %s:, which %s; %s", what, scheme, why, fix)
		return
	}
	if strings.TrimSpace(dest) == "" {
		c.diags.Add(pos, "markdown", "%s has no address; write it between the ( )", what)
		return
	}
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		c.diags.Add(pos, "markdown", "%q is not a valid address; check it for spaces or stray characters", dest)
		return
	}
	switch {
	case u.Scheme == "" && u.Host == "":
		c.internal(p, u, pos, what)
	case u.Scheme == "" || u.Scheme == "https" || u.Scheme == "http":
		if c.ownHost(u) {
			c.internal(p, u, pos, what)
		} else if image {
			c.diags.Add(pos, "markdown", "image is loaded from another host (%s), which the site never does; put the file under static/ and write /%s", u.Host, path.Base(u.Path))
			return
		}
		if u.Scheme == "http" {
			c.diags.Warn(pos, "markdown", "%s uses http://, which can be changed on its way to the reader; use https:// if the site offers it", what)
		}
	case image:
		c.diags.Add(pos, "markdown", "image address %q is not a file of this site; put the file under static/", dest)
	case u.Scheme == "mailto" || u.Scheme == "tel" || u.Scheme == "sms":
	default:
		c.diags.Add(pos, "markdown", "%s scheme %s: is not one readers can open; link to an https:// page", what, u.Scheme)
	}
}

// schemeOf is dest's scheme, lower case, as a browser reads it: ignoring
// the blanks and control characters it ignores.
func schemeOf(dest string) string {
	var b strings.Builder
	for _, r := range dest {
		switch {
		case r <= ' ' || r == 0x7f:
			continue
		case r == ':':
			return strings.ToLower(b.String())
		case r == '/' || r == '?' || r == '#':
			return ""
		}
		b.WriteRune(r)
	}
	return ""
}

// ownHost reports whether u is an absolute address on this site.
func (c *checker) ownHost(u *url.URL) bool {
	base, err := url.Parse(c.cfg.BaseURL)
	return err == nil && base.Host != "" && strings.EqualFold(base.Host, u.Host)
}

// internal checks that an address on this site leads to a page or file
// that the build will write.
func (c *checker) internal(p page, u *url.URL, pos diag.Pos, what string) {
	if u.Path == "" {
		return // "#section" or "?x": the page itself
	}
	target := u.Path
	if !strings.HasPrefix(target, "/") {
		target = (&url.URL{Path: p.path}).ResolveReference(&url.URL{Path: target}).Path
	} else if base, err := url.Parse(c.cfg.BaseURL); err == nil && base.Path != "" && base.Path != "/" {
		target = "/" + strings.TrimPrefix(target, base.Path)
	}
	if c.pages.has(target) {
		return
	}
	if strings.HasSuffix(target, ".md") {
		for _, inc := range c.site.Incidents {
			for _, u := range inc.Updates {
				if path.Base(u.File) == path.Base(target) && !u.Date.IsZero() {
					c.diags.Add(pos, "markdown", "%s leads to the file %s; link to the update's address instead: /%s", what, path.Base(target), u.Path())
					return
				}
			}
		}
	}
	if f, ok := c.pages.drafts[withSlash(target)]; ok {
		c.diags.Add(pos, "markdown", "%s leads to %s, a draft, which is not published; publish it first, or remove the %s", what, f, what)
		return
	}
	if what == "image" {
		hint := "put the file under static/, at static" + target
		if s := c.pages.closest(target); s != "" {
			hint = "did you mean " + s + "?"
		}
		c.diags.Add(pos, "markdown", "image %s is not a file of this site; %s", target, hint)
		return
	}
	if s := c.pages.closest(target); s != "" {
		c.diags.Add(pos, "markdown", "%s leads to %s, which is not a page of this site; did you mean %s?", what, target, s)
		return
	}
	c.diags.Add(pos, "markdown", "%s leads to %s, which is not a page of this site; link to an incident (/incidents/<folder>/), an update (/incidents/<folder>/2024-05-16-0900/) or a file under static/", what, target)
}

func withSlash(p string) string {
	if strings.HasSuffix(p, "/") {
		return p
	}
	return p + "/"
}

// has reports whether target is an address of the site, allowing the
// forms a web server serves a page under: with or without the last "/",
// or with index.html.
func (a addresses) has(target string) bool {
	if a.pages[target] || a.pages[withSlash(target)] {
		return true
	}
	if strings.HasSuffix(target, "/index.html") {
		return a.pages[strings.TrimSuffix(target, "index.html")]
	}
	return false
}

// closest is the site's address nearest target, when target looks like a
// slip of the keyboard, or "".
func (a addresses) closest(target string) string {
	if len(target) > 200 {
		return "" // no slip of the keyboard is that long
	}
	all := make([]string, 0, len(a.pages))
	for p := range a.pages {
		all = append(all, p)
	}
	sort.Strings(all)
	best, bestDist := "", 4
	for _, p := range all {
		if d := content.EditDistance(withSlash(target), withSlash(p)); d < bestDist {
			best, bestDist = p, d
		}
	}
	return best
}

// frontMatterURL checks an address written in a front matter or config
// field, which templates turn into a link.
func (c *checker) frontMatterURL(file string, pos diag.Pos, key, raw string) {
	if raw == "" {
		return
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	scheme := schemeOf(raw)
	switch {
	case err != nil || u.Host == "" && scheme != "":
		c.diags.Add(pos, key, "%q is not a web address; write it like https://www.example.gov.au/advice", raw)
	case scheme == "https":
	case scheme == "http":
		c.diags.Warn(pos, key, "%q uses http://, which can be changed on its way to the reader; use https:// if the site offers it", raw)
	case scheme == "":
		c.diags.Add(pos, key, "%q is not a full address; write it with https:// in front", raw)
	default:
		c.diags.Add(pos, key, "%q is not a web page readers can open; write an https:// address", raw)
	}
}
