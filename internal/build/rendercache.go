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
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/internal/cachedir"
	"github.com/disclose-dev/disclose/internal/hugo"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/publish"
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
	// fresh are the files Hugo wrote for each incident it rendered that
	// can be cached, by slash path; Checked are the files linked from the
	// cache, compressed copies included, each read back and checked.
	fresh   map[string][]string
	Checked map[string]manifest.File
	seen    map[string]fs.FileInfo // each of Checked as link left it
}

const renderLayout = "v1"

// planRender names each incident's entry and finds those the cache holds.
// It returns nil where nothing can be cached: a program that cannot name
// itself, or a site with templates of its own.
func planRender(ho hugo.Options, slugs, langs []string, sums map[string][sha256.Size]byte) (*renderCache, error) {
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
	ownLayouts := false
	for _, d := range []string{"layouts", "i18n", "static"} {
		if err := hashTree(global, filepath.Join(ho.SiteDir, d), d, func(rel string, data []byte) {
			// The theme's templates read other incidents only from the
			// pages every build renders; a template of the site's own
			// may read them from any page, so such a site is rendered
			// whole every time.
			if d == "layouts" && !hugo.IsThemeFile(rel, data) {
				ownLayouts = true
			}
			// A static file in an incident's folder is copied by Hugo
			// on every build, beside that incident's pages.
			if d == "static" {
				if slug := manifest.IncidentOf(rel[len("static/"):]); slug != "" {
					known[slug] = false
				}
			}
		}); err != nil {
			return nil, err
		}
	}
	if ownLayouts {
		return nil, nil
	}
	// The generated pages (by the SHA-256 of each, as pages.WriteNew
	// wrote them): each incident's apart, the rest for all.
	names := slices.Sorted(maps.Keys(sums))
	var own []string
	mine := map[string][]string{}
	for _, n := range names {
		if r, ok := strings.CutPrefix(n, public.IncidentsDir); ok {
			if slug, _, ok := strings.Cut(r, "/"); ok && known[slug] {
				if mine[slug] == nil {
					own = append(own, slug)
				}
				mine[slug] = append(mine[slug], n)
				continue
			}
		}
		sum := sums[n]
		fmt.Fprintf(global, "content/%s\x00", n)
		global.Write(sum[:])
	}
	g := global.Sum(nil)
	keys := make([]string, len(own))
	for i, slug := range own {
		h := sha256.New()
		h.Write(g)
		fmt.Fprintf(h, "%s\x00", slug)
		for _, n := range mine[slug] {
			sum := sums[n]
			fmt.Fprintf(h, "content/%s\x00", n)
			h.Write(sum[:])
		}
		keys[i] = hex.EncodeToString(h.Sum(nil))
	}
	rc := &renderCache{dir: dir, keys: map[string]string{}, langs: langs, before: map[string]bool{}}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		rc.before[e.Name()] = true
	}
	for i, s := range own {
		rc.keys[s] = keys[i]
		if rc.before[keys[i]] {
			rc.hits = append(rc.hits, s)
		}
	}
	return rc, nil
}

// hashTree writes every file below dir into h, in path order, by its slash
// path (prefix/...), size and bytes; seen is told each path and its
// bytes. A missing dir is an empty one.
func hashTree(h io.Writer, dir, prefix string, seen func(rel string, data []byte)) error {
	files, err := filesBelow(dir, dir)
	if err != nil {
		return err
	}
	sort.Strings(files) // WalkDir's order is by name in each folder, not by path
	for _, f := range files {
		rel := prefix + "/" + f
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
		seen(rel, data)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
		h.Write(data)
	}
	return nil
}

// filesBelow are the files below root, by slash path from base; a missing
// root holds none.
func filesBelow(root, base string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(base, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("build: render cache: %w", err)
	}
	return files, nil
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

// link puts every hit's files into stage, where Hugo wrote none of them,
// and checks each, read back from there, against its entry's list.
func (rc *renderCache) link(stage string) error {
	checked := make([][]manifest.File, len(rc.hits))
	seen := make([][]fs.FileInfo, len(rc.hits))
	err := par.Each(len(rc.hits), func(i int) error {
		entry := filepath.Join(rc.dir, rc.keys[rc.hits[i]])
		list, err := readRenderIndex(entry)
		if err != nil {
			return errCacheChanged
		}
		made := map[string]bool{}
		for _, f := range list {
			src := filepath.Join(entry, "files", filepath.FromSlash(f.Path))
			dst := filepath.Join(stage, filepath.FromSlash(f.Path))
			if d := filepath.Dir(dst); !made[d] {
				if err := os.MkdirAll(d, 0o755); err != nil {
					return fmt.Errorf("build: %w", err)
				}
				made[d] = true
			}
			if err := os.Link(src, dst); errors.Is(err, fs.ErrExist) {
				return errCacheChanged // Hugo wrote it: the whole site is rendered
			} else if err != nil {
				// Another filesystem: a copy.
				data, err := os.ReadFile(src)
				if err != nil {
					return errCacheChanged
				}
				if err := os.WriteFile(dst, data, 0o644); err != nil {
					return fmt.Errorf("build: %w", err)
				}
			}
			b, err := readPooled(dst)
			if err != nil {
				return errCacheChanged
			}
			ok := int64(b.Len()) == f.Size && hexSum(b.Bytes()) == f.SHA256
			readBufs.Put(b)
			if !ok {
				return errCacheChanged
			}
			st, err := os.Lstat(dst)
			if err != nil {
				return errCacheChanged
			}
			seen[i] = append(seen[i], st)
		}
		checked[i] = list
		return nil
	})
	if err != nil {
		return err
	}
	rc.Checked = map[string]manifest.File{}
	rc.seen = map[string]fs.FileInfo{}
	for i, list := range checked {
		for j, f := range list {
			rc.Checked[f.Path] = f
			rc.seen[f.Path] = seen[i][j]
		}
	}
	return nil
}

// untouched checks, once Hugo is done, that it wrote over none of the
// files link put in stage while it rendered.
func (rc *renderCache) untouched(stage string) error {
	for p, was := range rc.seen {
		st, err := os.Lstat(filepath.Join(stage, filepath.FromSlash(p)))
		if err != nil || !os.SameFile(st, was) || st.Size() != was.Size() || !st.ModTime().Equal(was.ModTime()) {
			return errCacheChanged
		}
	}
	return nil
}

// drop removes the entries of every hit, for a build that found one
// changed: it renders every incident again.
func (rc *renderCache) drop() {
	for _, s := range rc.hits {
		os.RemoveAll(filepath.Join(rc.dir, rc.keys[s]))
		delete(rc.before, rc.keys[s])
	}
	rc.hits, rc.Checked, rc.seen = nil, nil, nil
}

// readRenderIndex reads an entry's list of files: a line of SHA-256,
// size and slash path for each.
func readRenderIndex(entry string) ([]manifest.File, error) {
	data, err := os.ReadFile(filepath.Join(entry, "index"))
	if err != nil {
		return nil, err
	}
	var list []manifest.File
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		sum, rest, ok1 := strings.Cut(sc.Text(), " ")
		size, path, ok2 := strings.Cut(rest, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok1 || !ok2 || err != nil || len(sum) != sha256.Size*2 || !fs.ValidPath(path) {
			return nil, errCacheChanged
		}
		list = append(list, manifest.File{Path: path, Size: n, SHA256: sum})
	}
	return list, nil
}

// listFresh lists the files Hugo wrote for each incident it rendered that
// can be cached, before anything else is written beside them.
func (rc *renderCache) listFresh(stage string) error {
	hit := map[string]bool{}
	for _, s := range rc.hits {
		hit[s] = true
	}
	rc.fresh = map[string][]string{}
	for slug := range rc.keys {
		if hit[slug] {
			continue
		}
		var files []string
		for _, folder := range rc.folders(slug) {
			f, err := filesBelow(filepath.Join(stage, filepath.FromSlash(folder)), stage)
			if err != nil {
				return err
			}
			files = append(files, f...)
		}
		rc.fresh[slug] = files
	}
	return nil
}

// store keeps the files Hugo wrote for each incident it rendered, with
// their compressed copies, once the build has searched them for secret
// keys: hashed is what compress read and wrote. An entry is made whole in
// a temporary folder and renamed into place, so that a build that is
// killed, or another at once, never leaves half of one. Its files are
// links to the new site's (read-only from now on) where they can be.
func (rc *renderCache) store(stage string, hashed map[string]manifest.File) error {
	var todo []string
	for s := range rc.fresh {
		todo = append(todo, s)
	}
	sort.Strings(todo)
	return par.Each(len(todo), func(i int) error {
		return rc.storeOne(stage, todo[i], hashed)
	})
}

func (rc *renderCache) storeOne(stage, slug string, hashed map[string]manifest.File) error {
	final := filepath.Join(rc.dir, rc.keys[slug])
	if _, err := os.Stat(final); err == nil {
		return nil // another build made it meanwhile
	}
	var list []manifest.File
	for _, rel := range rc.fresh[slug] {
		f, ok := hashed[rel]
		if !ok {
			// Not a text file: compress did not read it.
			data, err := os.ReadFile(filepath.Join(stage, filepath.FromSlash(rel)))
			if err != nil {
				return fmt.Errorf("build: render cache: %w", err)
			}
			f = manifest.File{Path: rel, Size: int64(len(data)), SHA256: hexSum(data)}
		}
		list = append(list, f)
		for _, c := range publish.Compressors {
			if sib, ok := hashed[rel+c.Ext]; ok {
				list = append(list, sib)
			}
		}
	}
	tmp, err := os.MkdirTemp(rc.dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("build: render cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	var index bytes.Buffer
	made := map[string]bool{}
	for _, f := range list {
		src := filepath.Join(stage, filepath.FromSlash(f.Path))
		dst := filepath.Join(tmp, "files", filepath.FromSlash(f.Path))
		if d := filepath.Dir(dst); !made[d] {
			if err := os.MkdirAll(d, 0o700); err != nil {
				return fmt.Errorf("build: render cache: %w", err)
			}
			made[d] = true
		}
		if err := os.Chmod(src, 0o444); err != nil {
			return fmt.Errorf("build: render cache: %w", err)
		}
		if os.Link(src, dst) != nil {
			data, err := os.ReadFile(src)
			if err != nil {
				return fmt.Errorf("build: render cache: %w", err)
			}
			if err := os.WriteFile(dst, data, 0o444); err != nil {
				return fmt.Errorf("build: render cache: %w", err)
			}
		}
		fmt.Fprintf(&index, "%s %d %s\n", f.SHA256, f.Size, f.Path)
	}
	if err := os.WriteFile(filepath.Join(tmp, "index"), index.Bytes(), 0o444); err != nil {
		return fmt.Errorf("build: render cache: %w", err)
	}
	if err := os.Rename(tmp, final); err != nil {
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
// the render cache holds taken from it instead, and counts the incidents
// Hugo rendered in rendered. A cache entry found changed is dropped and
// the whole site rendered. What Hugo rendered is kept by the returned
// cache's store, once the build has searched it; the cache is nil when
// there is none.
func renderCached(ho hugo.Options, slugs, langs []string, sums map[string][sha256.Size]byte, rendered *int) (*renderCache, error) {
	rc, err := planRender(ho, slugs, langs, sums)
	if err != nil {
		return nil, err
	}
	ho.Skip = rc.Hits()
	*rendered = len(slugs) - len(ho.Skip)
	// The hits are linked and checked while Hugo renders, on the core it
	// leaves idle for most of a render of few pages; that Hugo wrote
	// over none of them is checked after.
	linked := make(chan error, 1)
	go func() {
		if rc == nil {
			linked <- nil
			return
		}
		linked <- rc.link(ho.OutDir)
	}()
	err = hugo.Build(ho) // which lets go of Hugo's site (hugo/leak.go)
	lerr := <-linked
	if err != nil {
		return nil, err
	}
	if rc == nil {
		return nil, nil
	}
	if lerr == nil {
		lerr = rc.untouched(ho.OutDir)
	}
	if err := lerr; errors.Is(err, errCacheChanged) {
		rc.drop()
		if err := emptyDir(ho.OutDir); err != nil {
			return nil, err
		}
		ho.Skip = nil
		*rendered = len(slugs)
		if err := hugo.Build(ho); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	return rc, rc.listFresh(ho.OutDir)
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
