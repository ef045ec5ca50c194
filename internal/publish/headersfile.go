package publish

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/public"
)

// HeadersFileName is the file Netlify and Cloudflare Pages read their
// response headers from.
const HeadersFileName = "_headers"

// writtenLater are files a build may write after _headers (the manifest
// must, to list _headers): they get their rules whether or not they exist
// yet. A rule for a file that never comes is harmless. The manifest's
// part for each incident (manifest.PartNames) is written later too.
var writtenLater = []string{public.SecurityTxt, public.Manifest, public.Signature}

// WriteHeadersFile writes outDir/_headers for Netlify and Cloudflare Pages
// from the policy and the files in outDir.
//
// Both hosts apply every rule whose pattern matches and join the values of a
// header set twice with a comma, so no two rules that can match one path may
// set the same header: the security headers sit in "/*" alone, and
// Cache-Control is set once per directory whose files all share it, else
// once per file. Content-Type is set only where the host would guess it
// wrong from the extension (feeds, signatures, keys).
func WriteHeadersFile(outDir string) error {
	files, err := SiteFiles(outDir)
	if err != nil {
		return err
	}
	return WriteHeadersFileFor(outDir, files)
}

// WriteHeadersFileFor is WriteHeadersFile for a caller that has listed
// the site's files already (SiteFiles), so that the build walks its
// output once for this and for compression.
func WriteHeadersFileFor(outDir string, files []string) error {
	text := headersFileOf(slices.Clone(files))
	if err := os.WriteFile(filepath.Join(outDir, HeadersFileName), []byte(text), 0o644); err != nil {
		return fmt.Errorf("publish: write _headers: %w", err)
	}
	return nil
}

// HeadersFile returns what WriteHeadersFile writes.
func HeadersFile(outDir string) (string, error) {
	files, err := SiteFiles(outDir)
	if err != nil {
		return "", err
	}
	return headersFileOf(files), nil
}

// headersFileOf is the _headers file of the site whose files (SiteFiles)
// are files, which it may reorder and append to.
func headersFileOf(files []string) string {
	for _, late := range slices.Concat(writtenLater, manifest.PartNames(files)) {
		if !slices.Contains(files, late) {
			files = append(files, late)
		}
	}
	slices.Sort(files)
	root := &dirNode{url: "/"}
	for _, f := range files {
		root.add(f)
	}
	rules := map[string][]Header{}
	for _, s := range SecurityHeaders {
		rules["/*"] = append(rules["/*"], s)
	}
	root.cacheRules(rules)
	for _, f := range files {
		u := "/" + f
		if r := RuleFor(u); r.ContentType != "" && path.Ext(u) != ".html" {
			rules[u] = append(rules[u], Header{"Content-Type", r.ContentType})
		}
	}
	patterns := make([]string, 0, len(rules))
	for p := range rules {
		if p != "/*" {
			patterns = append(patterns, p)
		}
	}
	sort.Strings(patterns)
	patterns = append([]string{"/*"}, patterns...)

	var b strings.Builder
	b.WriteString("# Written by disclose from its header policy; the same policy as\n")
	b.WriteString("# `disclose deploy` and the nginx and Caddy snippets. Do not edit.\n")
	for _, p := range patterns {
		fmt.Fprintf(&b, "\n%s\n", p)
		for _, h := range rules[p] {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
	}
	return b.String()
}

// dirNode is a directory of the site, for grouping Cache-Control rules.
type dirNode struct {
	url   string   // "/incidents/x/"
	files []string // URL paths of the files directly in it, sorted
	dirs  map[string]*dirNode
}

func (d *dirNode) add(rel string) {
	dir, _ := path.Split(rel)
	n := d
	for _, part := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if part == "" {
			continue
		}
		if n.dirs == nil {
			n.dirs = map[string]*dirNode{}
		}
		c, ok := n.dirs[part]
		if !ok {
			c = &dirNode{url: n.url + part + "/"}
			n.dirs[part] = c
		}
		n = c
	}
	n.files = append(n.files, "/"+rel)
}

// uniform returns the Cache-Control every file under d shares, or "".
func (d *dirNode) uniform() string {
	cc := ""
	for _, f := range d.files {
		c := RuleFor(f).CacheControl
		if cc != "" && c != cc {
			return ""
		}
		cc = c
	}
	for _, c := range d.dirs {
		u := c.uniform()
		if u == "" || (cc != "" && u != cc) {
			return ""
		}
		cc = u
	}
	return cc
}

func (d *dirNode) cacheRules(rules map[string][]Header) {
	if cc := d.uniform(); cc != "" {
		rules[d.url+"*"] = append(rules[d.url+"*"], Header{"Cache-Control", cc})
		return
	}
	for _, f := range d.files {
		h := Header{"Cache-Control", RuleFor(f).CacheControl}
		rules[f] = append(rules[f], h)
		if path.Base(f) == "index.html" {
			rules[d.url] = append(rules[d.url], h)
		}
	}
	for _, c := range d.dirs {
		c.cacheRules(rules)
	}
}

// SiteFiles returns the slash-separated paths, relative to outDir and
// sorted, of the files the site serves: every regular file except _headers
// and the .gz and .br siblings that Precompress writes.
func SiteFiles(outDir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(outDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(outDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == HeadersFileName || isSibling(outDir, rel) {
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("publish: list files: %w", err)
	}
	sort.Strings(files)
	return files, nil
}

// isSibling reports whether rel is a .gz or .br copy of a file beside it.
func isSibling(outDir, rel string) bool {
	for _, ext := range public.Compressed {
		if orig, ok := strings.CutSuffix(rel, ext); ok {
			if fi, err := os.Stat(filepath.Join(outDir, filepath.FromSlash(orig))); err == nil && fi.Mode().IsRegular() {
				return true
			}
		}
	}
	return false
}
