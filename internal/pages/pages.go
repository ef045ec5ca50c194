// Package pages writes what Hugo lays out: one generated content file per
// page, carrying only fields the loader validated and the body the
// renderer made from the tree the checker read. Hugo never reads a file
// the author wrote; it reads these, whose front matter is JSON written
// here, and whose Markdown body is empty (the HTML is a parameter, so Hugo's
// Markdown, shortcodes and summaries never touch it).
package pages

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/facts"
	"github.com/disclose-dev/disclose/internal/history"
	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/render"
)

// ContentDir is where, below the directory Write is given, the generated
// content lives: Hugo's contentDir.
const ContentDir = "content"

// Options says which pages to write.
type Options struct {
	// Drafts writes draft updates too, marked as drafts (disclose serve).
	Drafts bool
	// Versions are the earlier published texts of revised updates, by
	// update (history.Find); each is rendered once, by render.Source.
	Versions map[*content.Update][]history.Version
	// OmitUnchecked leaves out the page of a body the checker would not
	// parse (past markdown's limits), instead of failing: the preview
	// shows the rest of the site while the writer fixes it. A build never
	// sets it, since such a site is refused.
	OmitUnchecked bool
}

// Files returns every generated content file of site, by its slash path
// below ContentDir, and the author's file each was made from. A body the
// checker did not render, but that has text, is an error: nothing
// unchecked reaches a page.
func Files(site *content.Site, bodies *render.Bodies, opts Options) (files map[string][]byte, sources map[string]string, err error) {
	files, sources = map[string][]byte{}, map[string]string{}
	add := func(name, source string, fm any) error {
		sources[name] = source
		// Hugo takes a page's url as written, in every language.
		if f, ok := fm.(frontMatter); ok && f.URL != "" {
			if lang := langOf(name); lang != "" {
				f.URL = "/" + public.InLanguage(lang, strings.TrimPrefix(f.URL, "/"))
				fm = f
			}
		}
		b, err := encode(fm)
		if err != nil {
			return fmt.Errorf("pages: %s: %w", name, err)
		}
		files[name] = b
		return nil
	}
	words := facts.NewWords(site.Config)
	others := site.Config.OtherLangs()
	// omitted is whether err is a page left out (Options.OmitUnchecked).
	omitted := func(err error) bool { return opts.OmitUnchecked && errors.Is(err, errUnchecked) }
	for _, inc := range site.Incidents {
		dir := strings.TrimSuffix(inc.Path(), "/")
		st := facts.Current(inc)
		pub := written(inc, opts.Drafts)
		older := olderPages(pub)
		html, err := body(bodies, inc.File, inc.Body)
		checked := err == nil
		switch {
		case omitted(err):
		case err != nil:
			return nil, nil, err
		default:
			fm := incidentPage(inc, st, words, html)
			if len(older) > 0 {
				fm.Params["older"] = olderParams(inc, older)
			}
			if err := add(path.Join(dir, "_index.md"), inc.File, fm); err != nil {
				return nil, nil, err
			}
		}
		if err := addOlder(add, inc, pub, older, others, site.Config.DefaultLang); err != nil {
			return nil, nil, err
		}
		// In every other language the statement is not translated into,
		// the incident page is the source's, marked untranslated, so that
		// no language's site leaves an incident out.
		for _, lang := range others {
			if checked && inc.Translations[lang] == nil {
				fm := untranslated(incidentPage(inc, st, words, html), site.Config.DefaultLang)
				if len(older) > 0 {
					fm.Params["older"] = olderParams(inc, older)
				}
				if err := add(path.Join(dir, "_index."+lang+".md"), inc.File, fm); err != nil {
					return nil, nil, err
				}
			}
		}
		for _, lang := range slices.Sorted(maps.Keys(inc.Translations)) {
			t := inc.Translations[lang]
			html, err := body(bodies, t.File, t.Body)
			if omitted(err) {
				continue
			}
			if err != nil {
				return nil, nil, err
			}
			// A translation's facts as written, changed by its source's updates.
			tst := facts.AsOf(&content.Incident{Facts: t.Facts, Updates: inc.Updates}, nil)
			fm := incidentPage(t, tst, words, html)
			if len(older) > 0 {
				fm.Params["older"] = olderParams(inc, older)
			}
			if err := add(path.Join(dir, "_index."+lang+".md"), t.File, fm); err != nil {
				return nil, nil, err
			}
		}
		for _, u := range inc.Updates {
			if u.Draft && !opts.Drafts {
				continue
			}
			name := strings.TrimSuffix(u.Path(), "/")
			vs := opts.Versions[u]
			since := statusSince(u, pub)
			if err := addUpdate(add, bodies, pageFile(name, ""), u, u, since); err != nil && !omitted(err) {
				return nil, nil, err
			}
			for _, lang := range slices.Sorted(maps.Keys(u.Translations)) {
				if err := addUpdate(add, bodies, pageFile(name, lang), u.Translations[lang], u, since); err != nil && !omitted(err) {
					return nil, nil, err
				}
			}
			// Untranslated, the update is still on every language's site,
			// in its own words: its status and date are the same in each.
			for _, lang := range others {
				if u.Translations[lang] != nil {
					continue
				}
				err := addUpdate(func(name, source string, fm any) error {
					return add(name, source, untranslated(fm.(frontMatter), site.Config.DefaultLang))
				}, bodies, pageFile(name, lang), u, u, since)
				if err != nil && !omitted(err) {
					return nil, nil, err
				}
			}
			for _, v := range vs {
				html, err := render.Source(v.Body)
				if err != nil {
					return nil, nil, fmt.Errorf("pages: %s, version %d: %w", u.File, v.N, err)
				}
				if err := add(pageFile(fmt.Sprintf("%s--version-%d", name, v.N), ""), u.File, versionPage(u, v, html)); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	// How to check the site is genuine, for journalists: the footer links it.
	// Its words are all the theme's (verify.html), so it is in every
	// language's own.
	if err := add(pageFile("verify", ""), content.ConfigFile, verifyPage()); err != nil {
		return nil, nil, err
	}
	for _, lang := range others {
		if err := add(pageFile("verify", lang), content.ConfigFile, verifyPage()); err != nil {
			return nil, nil, err
		}
	}
	return files, sources, nil
}

// langOf is the language of the generated file name ("" for the default):
// "mi" for ".../index.mi.md" and ".../_index.mi.md".
func langOf(name string) string {
	base := strings.TrimSuffix(path.Base(name), ".md")
	if i := strings.IndexByte(base, '.'); i >= 0 {
		return base[i+1:]
	}
	return ""
}

// untranslated marks fm, a page in the default language, as the page of a
// language it is not translated into: params untranslated is the default
// language's code, which the templates give the page's text as its lang
// and use to say it is not translated yet.
func untranslated(fm frontMatter, defaultLang string) frontMatter {
	p := maps.Clone(fm.Params)
	p["untranslated"] = defaultLang
	fm.Params = p
	return fm
}

// pageFile is the generated file of the page at dir (a slash path below
// ContentDir, without extension) in lang ("" for the authoritative one):
// "incidents/x/2024-05-08-1730/index.md". Every page but a section's is a
// folder of its own (a Hugo leaf bundle) because Hugo's server, given two
// changed files of one folder in one rebuild, reads only the first of them
// again (hugo v0.165.0 hugolib/pages_capture.go, collectDir and its
// seenDirs) and shows the other as it was: the page of a saved update and
// the update before it, whose "next" link names it, change together.
func pageFile(dir, lang string) string {
	if lang == "" {
		return dir + "/index.md"
	}
	return dir + "/index." + lang + ".md"
}

func addUpdate(add func(string, string, any) error, bodies *render.Bodies, name string, u, src *content.Update, since string) error {
	var html []byte
	if u.Withdrawn == nil {
		var err error
		if html, err = body(bodies, u.File, u.Body); err != nil {
			return err
		}
	}
	return add(name, u.File, updatePage(u, src, bodies, html, since))
}

// errUnchecked is a body with text that the checker did not hand to the
// renderer.
var errUnchecked = errors.New("the text was not checked, so it is not published")

// body is the rendered HTML of a file's body, refusing a body with text
// that the checker did not hand to the renderer.
func body(bodies *render.Bodies, file string, b content.Body) ([]byte, error) {
	html := bodies.HTML(file)
	if html == nil && len(bytes.TrimSpace(b.Source)) > 0 {
		return nil, fmt.Errorf("pages: %s: %w", file, errUnchecked)
	}
	return html, nil
}

// Write makes dir/content hold exactly Files(site, bodies, opts): a file
// whose bytes are already there is left alone (so that Hugo's server
// rebuilds only what changed), and a generated file no longer wanted is
// removed. dir is the tool's own; nothing else may live in it. It returns
// the author's file of each generated page (Files).
func Write(dir string, site *content.Site, bodies *render.Bodies, opts Options) (map[string]string, error) {
	files, sources, err := Files(site, bodies, opts)
	if err != nil {
		return nil, err
	}
	root := filepath.Join(dir, ContentDir)
	names := slices.Sorted(maps.Keys(files))
	err = par.Each(len(names), func(i int) error {
		_, err := writeFile(filepath.Join(root, filepath.FromSlash(names[i])), files[names[i]])
		return err
	})
	if err != nil {
		return nil, err
	}
	var stale []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			stale = append(stale, p)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("pages: %w", err)
	}
	for _, p := range stale {
		if err := os.Remove(p); err != nil {
			return nil, fmt.Errorf("pages: %w", err)
		}
		// The page's own folder goes with it once empty; a folder that
		// still holds a page stays (Remove refuses it).
		os.Remove(filepath.Dir(p))
	}
	return sources, nil
}

// WriteNew is Write into dir that holds no pages yet (a build's own new
// folder): each page is written once, with nothing read or renamed, and
// Sums gives the SHA-256 of each, by its slash path below ContentDir, so
// that what the pages hold is known without reading them back.
func WriteNew(dir string, site *content.Site, bodies *render.Bodies, opts Options) (sources map[string]string, sums map[string][sha256.Size]byte, err error) {
	files, sources, err := Files(site, bodies, opts)
	if err != nil {
		return nil, nil, err
	}
	root := filepath.Join(dir, ContentDir)
	names := slices.Sorted(maps.Keys(files))
	// Each folder is made once, before any page is written into it.
	made := map[string]bool{}
	for _, n := range names {
		d := filepath.Dir(filepath.Join(root, filepath.FromSlash(n)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return nil, nil, fmt.Errorf("pages: %w", err)
			}
			made[d] = true
		}
	}
	out := make([][sha256.Size]byte, len(names))
	err = par.Each(len(names), func(i int) error {
		f, err := os.OpenFile(filepath.Join(root, filepath.FromSlash(names[i])), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("pages: %w", err)
		}
		_, err = f.Write(files[names[i]])
		if err2 := f.Close(); err == nil {
			err = err2
		}
		if err != nil {
			return fmt.Errorf("pages: %w", err)
		}
		out[i] = sha256.Sum256(files[names[i]])
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sums = make(map[string][sha256.Size]byte, len(names))
	for i, n := range names {
		sums[n] = out[i]
	}
	return sources, sums, nil
}

// encode writes fm as a content file Hugo reads: JSON front matter and an
// empty body. Go's encoder escapes <, > and & in strings, and Hugo's JSON
// front matter reader follows quotes and escapes, so no value can end the
// front matter early.
func encode(fm any) ([]byte, error) {
	b, err := json.MarshalIndent(fm, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// when is how a time is written for Hugo: RFC 3339 with its own offset,
// to the second, as the writer wrote it.
func when(t time.Time) string { return t.Format(time.RFC3339) }

// date is a front-matter date for the templates: a bare date stays a bare
// "2006-01-02" (partial date.html shows it as written), a time is a time.
func date(d content.Date) string {
	if d.DateOnly {
		return d.Time.Format(time.DateOnly)
	}
	return when(d.Time)
}

func dateRange(r *content.Range) any {
	if r == nil {
		return nil
	}
	m := map[string]string{"from": date(r.From)}
	if !r.To.IsZero() {
		m["to"] = date(r.To)
	}
	return m
}

// WriteUpdate writes the generated page of one update (not a
// translation), as Write would write it: the preview's way to show a saved
// update before the whole site is written again. It reports whether the
// page changed.
func WriteUpdate(dir string, u *content.Update, bodies *render.Bodies, opts Options) (bool, error) {
	if u.Draft && !opts.Drafts {
		return false, nil
	}
	name := pageFile(strings.TrimSuffix(u.Path(), "/"), "")
	var page []byte
	err := addUpdate(func(_, _ string, fm any) error {
		b, err := encode(fm)
		page = b
		return err
	}, bodies, name, u, u, statusSince(u, written(u.Incident, opts.Drafts)))
	if err != nil {
		return false, err
	}
	return writeFile(filepath.Join(dir, ContentDir, filepath.FromSlash(name)), page)
}

// writeFile makes p hold b, leaving it alone when it already does (so that
// Hugo's server rebuilds only what changed), and reports whether it wrote.
//
// A page that is there already is written in place. Written beside and
// renamed, it would reach Hugo's watcher as a new file, and Hugo's server
// counts a new page as a change to its whole section: at 10,000 updates
// that is 2.2 s of dependency search per save, against 0.2 s for a changed
// page (BENCHMARKS.md, finding 22). Should Hugo read the page
// between the truncation and the write, the write's own event brings a
// second rebuild with the whole page. A new page is written beside and
// renamed, so that Hugo never reads half of one.
func writeFile(p string, b []byte) (bool, error) {
	old, err := os.ReadFile(p)
	if err == nil && bytes.Equal(old, b) {
		return false, nil
	}
	if err == nil {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return false, fmt.Errorf("pages: %w", err)
		}
		return true, nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return false, fmt.Errorf("pages: %w", err)
	}
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return false, fmt.Errorf("pages: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		return false, fmt.Errorf("pages: %w", err)
	}
	return true, nil
}
