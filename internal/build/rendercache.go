package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/internal/cachedir"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/hugo"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
)

// The render cache keeps the pages Hugo made for each incident, keyed by
// everything Hugo read to make them, so that a build after one corrected
// update renders one incident and the pages every build renders (home,
// lists, sitemap, 404, verify) instead of the whole site (BENCHMARKS.md,
// finding 31).
//
// An incident's pages (every file below incidents/<slug>/, in every
// language) are made from the generated pages of that incident (package
// pages, below content/incidents/<slug>/) and from what every page is
// made from: Hugo's configuration (hugo.RenderKey), the program (theme,
// Hugo and this code: cachedir.CodeID), the site's layouts/, i18n/ and
// static/ files, and the generated pages of no incident. The theme's
// templates look nowhere else from an incident's pages: only home.html and
// section.html read other incidents, and those pages are always rendered.
// TestRenderCacheIsTheFullRender holds the cache to that: after each kind
// of change, a build with the cache writes the bytes a build without it
// writes.
//
// A hit is linked into the new site (read-only, as the compressed copies
// are) and its bytes, read back from there, must have the SHA-256 the
// entry lists; else the entry is dropped and the whole site rendered
// again. So the cache can only save time.
type renderCache struct {
	dir    string            // this program's folder of entries
	keys   map[string]string // incident slug -> entry name, for incidents that can be cached
	hits   []string          // incidents whose entry is there, sorted
	langs  []string          // the output folders of the languages that have one
	before map[string]bool   // the entries there when the build began
}

const renderLayout = "v1"

// planRender names each incident's entry and finds those the cache holds.
// It returns nil where nothing can be cached (a program that cannot name
// itself).
func planRender(ho hugo.Options, slugs, langs []string) (*renderCache, error) {
	id := cachedir.CodeID()
	if id == "" {
		return nil, nil
	}
	dir, err := cachedir.Only(ho.CacheDir, "rendered", renderLayout+"-"+id[:32])
	if err != nil {
		return nil, err
	}
	conf, err := hugo.RenderKey(ho)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, s := range slugs {
		known[s] = hugo.SkippableName(s)
	}
	global := sha256.New()
	fmt.Fprintf(global, "disclose render cache %s\x00%s\x00%d\x00", renderLayout, id, len(conf))
	global.Write(conf)
	// The site's own files, which Hugo reads for every page.
	for _, d := range []string{"layouts", "i18n", "static"} {
		if err := hashTree(global, filepath.Join(ho.SiteDir, d), d, func(rel string) {
			// A static file in an incident's folder is copied by Hugo
			// on every build, beside that incident's pages.
			if d == "static" {
				if slug := incidentOf(rel[len("static/"):], langs); slug != "" {
					known[slug] = false
				}
			}
		}); err != nil {
			return nil, err
		}
	}
	// The generated pages: each incident's apart, the rest for all.
	content := filepath.Join(ho.PagesDir, pages.ContentDir)
	var own []string
	if err := hashTree(global, content, "content", func(rel string) {}, func(rel string) bool {
		slug, _, _ := strings.Cut(strings.TrimPrefix(rel, "content/"+public.IncidentsDir), "/")
		if strings.HasPrefix(rel, "content/"+public.IncidentsDir) && known[slug] && strings.Contains(rel[len("content/"+public.IncidentsDir):], "/") {
			return true // hashed with its incident below
		}
		return false
	}); err != nil {
		return nil, err
	}
	g := global.Sum(nil)
	for s, ok := range known {
		if ok {
			own = append(own, s)
		}
	}
	sort.Strings(own)
	names := make([]string, len(own))
	err = par.Each(len(own), func(i int) error {
		h := sha256.New()
		h.Write(g)
		fmt.Fprintf(h, "%s\x00", own[i])
		rel := "content/" + public.Incident(own[i])
		if err := hashTree(h, filepath.Join(content, filepath.FromSlash(public.Incident(own[i]))), strings.TrimSuffix(rel, "/"), func(string) {}); err != nil {
			return err
		}
		names[i] = hex.EncodeToString(h.Sum(nil))
		return nil
	})
	if err != nil {
		return nil, err
	}
	rc := &renderCache{dir: dir, keys: map[string]string{}, langs: langs, before: map[string]bool{}}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		rc.before[e.Name()] = true
	}
	for i, s := range own {
		rc.keys[s] = names[i]
		if rc.before[names[i]] {
			rc.hits = append(rc.hits, s)
		}
	}
	return rc, nil
}

// hashTree writes every file below dir into h, in path order, by its slash
// path (prefix/...), size and bytes; seen is told each path, and a path
// skip says yes to is left out. A missing dir is an empty one.
func hashTree(h io.Writer, dir, prefix string, seen func(rel string), skip ...func(rel string) bool) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = prefix + "/" + filepath.ToSlash(rel)
		for _, s := range skip {
			if s(rel) {
				return nil
			}
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		return fmt.Errorf("build: render cache: %w", err)
	}
	sort.Strings(files) // WalkDir's order is by name in each folder, not by path
	for _, rel := range files {
		seen(rel)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(rel, prefix+"/"))))
		if err != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
		h.Write(data)
	}
	return nil
}

// incidentOf is the incident whose pages the published path rel
// (incidents/<slug>/... or <lang>/incidents/<slug>/...) is among, or "".
func incidentOf(rel string, langs []string) string {
	for _, l := range langs {
		if r, ok := strings.CutPrefix(rel, l+"/"); ok {
			rel = r
			break
		}
	}
	r, ok := strings.CutPrefix(rel, public.IncidentsDir)
	if !ok {
		return ""
	}
	slug, _, ok := strings.Cut(r, "/")
	if !ok {
		return ""
	}
	return slug
}

// Hits are the incidents whose pages Hugo need not render.
func (rc *renderCache) Hits() []string {
	if rc == nil {
		return nil
	}
	return rc.hits
}

// folders are the published folders of an incident's pages.
func (rc *renderCache) folders(slug string) []string {
	f := []string{public.Incident(slug)}
	for _, l := range rc.langs {
		f = append(f, public.InLanguage(l, public.Incident(slug)))
	}
	return f
}

// errCacheChanged is a cache entry whose files are not the ones it lists.
var errCacheChanged = errors.New("render cache entry changed")

// link puts every hit's pages into stage, where Hugo wrote none of them,
// and checks each, read back from there, against its entry's list.
func (rc *renderCache) link(stage string) error {
	return par.Each(len(rc.hits), func(i int) error {
		entry := filepath.Join(rc.dir, rc.keys[rc.hits[i]])
		list, err := readRenderIndex(entry)
		if err != nil {
			return errCacheChanged
		}
		for _, f := range list {
			src := filepath.Join(entry, "files", filepath.FromSlash(f.path))
			dst := filepath.Join(stage, filepath.FromSlash(f.path))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return fmt.Errorf("build: %w", err)
			}
			if _, err := os.Lstat(dst); err == nil {
				return fmt.Errorf("build: render cache: Hugo wrote %s, a page of incident %s that it was to leave out", f.path, rc.hits[i])
			}
			if err := os.Link(src, dst); err != nil {
				// Another filesystem: a copy.
				data, err := os.ReadFile(src)
				if err != nil {
					return errCacheChanged
				}
				if err := os.WriteFile(dst, data, 0o644); err != nil {
					return fmt.Errorf("build: %w", err)
				}
			}
			data, err := os.ReadFile(dst)
			if err != nil || int64(len(data)) != f.size || hexSum(data) != f.sum {
				return errCacheChanged
			}
		}
		return nil
	})
}

// drop removes the entries of every hit, for a build that found one
// changed: it renders every incident again.
func (rc *renderCache) drop() {
	for _, s := range rc.hits {
		os.RemoveAll(filepath.Join(rc.dir, rc.keys[s]))
		delete(rc.before, rc.keys[s])
	}
	rc.hits = nil
}

type renderFile struct {
	path string
	size int64
	sum  string
}

// readRenderIndex reads an entry's list of files: a line of SHA-256,
// size and slash path for each.
func readRenderIndex(entry string) ([]renderFile, error) {
	data, err := os.ReadFile(filepath.Join(entry, "index"))
	if err != nil {
		return nil, err
	}
	var list []renderFile
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		sum, rest, ok1 := strings.Cut(sc.Text(), " ")
		size, path, ok2 := strings.Cut(rest, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok1 || !ok2 || err != nil || len(sum) != sha256.Size*2 || !fs.ValidPath(path) {
			return nil, errCacheChanged
		}
		list = append(list, renderFile{path, n, sum})
	}
	return list, nil
}

// store keeps the pages of every incident Hugo rendered, as an entry made
// whole in a temporary folder and renamed into place, so that a build that
// is killed, or another at once, never leaves half of one. The files are
// links to the new site's (read-only from now on) where they can be.
func (rc *renderCache) store(stage string) error {
	hit := map[string]bool{}
	for _, s := range rc.hits {
		hit[s] = true
	}
	var todo []string
	for s := range rc.keys {
		if !hit[s] {
			todo = append(todo, s)
		}
	}
	sort.Strings(todo)
	return par.Each(len(todo), func(i int) error {
		return rc.storeOne(stage, todo[i])
	})
}

func (rc *renderCache) storeOne(stage, slug string) error {
	final := filepath.Join(rc.dir, rc.keys[slug])
	if _, err := os.Stat(final); err == nil {
		return nil // another build made it meanwhile
	}
	tmp, err := os.MkdirTemp(rc.dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("build: render cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	var index bytes.Buffer
	var files []string
	for _, folder := range rc.folders(slug) {
		root := filepath.Join(stage, filepath.FromSlash(folder))
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return filepath.SkipDir
				}
				return err
			}
			if d.IsDir() {
				// Another incident's folder inside this one's language
				// folder cannot be: slugs hold no slash.
				return nil
			}
			rel, err := filepath.Rel(stage, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
			return nil
		})
		if err != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
	}
	sort.Strings(files)
	for _, rel := range files {
		src := filepath.Join(stage, filepath.FromSlash(rel))
		dst := filepath.Join(tmp, "files", filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
		if err := os.Chmod(src, 0o444); err != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
		if os.Link(src, dst) != nil {
			if err := os.WriteFile(dst, data, 0o444); err != nil {
				return fmt.Errorf("build: render cache: %w", err)
			}
		}
		fmt.Fprintf(&index, "%s %d %s\n", hexSum(data), len(data), rel)
	}
	if err := os.WriteFile(filepath.Join(tmp, "index"), index.Bytes(), 0o444); err != nil {
		return fmt.Errorf("build: render cache: %w", err)
	}
	if err := os.Rename(tmp, final); err != nil && !errors.Is(err, fs.ErrExist) {
		if _, serr := os.Stat(final); serr != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
	}
	return nil
}

// prune removes the entries there when the build began that it did not
// use, so that the cache holds one site's worth; entries written since,
// this build's or another's, are left.
func (rc *renderCache) prune() {
	used := map[string]bool{}
	for _, k := range rc.keys {
		used[k] = true
	}
	for name := range rc.before {
		if !used[name] {
			os.RemoveAll(filepath.Join(rc.dir, name))
		}
	}
}

// renderCached renders the site into ho.OutDir with Hugo, every incident
// the render cache holds taken from it instead, keeps what Hugo rendered
// for the next build, and counts the incidents Hugo rendered in rendered.
// A cache entry found changed is dropped and the whole site rendered.
func renderCached(ho hugo.Options, slugs, langs []string, rendered *int) error {
	rc, err := planRender(ho, slugs, langs)
	if err != nil {
		return err
	}
	ho.Skip = rc.Hits()
	*rendered = len(slugs) - len(ho.Skip)
	if err := hugo.Build(ho); err != nil { // which lets go of Hugo's site (hugo/leak.go)
		return err
	}
	if rc == nil {
		return nil
	}
	if err := rc.link(ho.OutDir); errors.Is(err, errCacheChanged) {
		rc.drop()
		if err := emptyDir(ho.OutDir); err != nil {
			return err
		}
		ho.Skip = nil
		*rendered = len(slugs)
		if err := hugo.Build(ho); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if err := rc.store(ho.OutDir); err != nil {
		return err
	}
	rc.prune()
	return nil
}

// otherLangs are the codes of the site's languages but its default, each
// the folder of its pages.
func otherLangs(cfg *content.Config) []string {
	var l []string
	for _, lang := range cfg.Langs {
		if lang.Code != cfg.DefaultLang {
			l = append(l, lang.Code)
		}
	}
	return l
}

// emptyDir removes everything in dir.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("build: %w", err)
		}
	}
	return nil
}
