package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/manifest"
)

// sourceDirs are the folders of a site that hold what its writers and
// designers wrote (Hugo's, and .git): an output directory never lies in one.
var sourceDirs = []string{"content", "layouts", "static", "assets", "data", "i18n", "archetypes", "themes", "config", ".git"}

// checkTarget refuses an output directory that publishing must not
// replace, since publishing replaces it whole: the site or anything in its
// sources, a folder that holds the site, the home directory, and any
// directory that is neither empty nor a site that a build wrote (one
// holding a manifest.json that lists every file in it). It says which
// directory and why.
func checkTarget(siteDir, out string) error {
	site, err := resolve(siteDir)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	target, err := resolve(out)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if target == site {
		return fmt.Errorf("build: the output directory %s is the site itself; publishing would replace it whole: choose another, like %s", out, filepath.Join(out, "public"))
	}
	if within(site, target) {
		return fmt.Errorf("build: the output directory %s holds the site (%s); publishing would replace it whole: choose a new directory, like %s", out, siteDir, filepath.Join(siteDir, "public"))
	}
	if rel, ok := relWithin(target, site); ok {
		first := strings.Split(rel, string(filepath.Separator))[0]
		for _, d := range sourceDirs {
			if first == d || first == content.ConfigFile {
				return fmt.Errorf("build: the output directory %s is inside the site's %s/; publishing would replace what is written there, uncommitted work included: choose another, like %s", out, first, filepath.Join(siteDir, "public"))
			}
		}
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := resolve(home); err == nil && (h == target || within(h, target)) {
			return fmt.Errorf("build: the output directory %s is your home directory or holds it; publishing would replace it whole: choose a directory for the site, like %s", out, filepath.Join(siteDir, "public"))
		}
	}
	return nil
}

// madeByBuild refuses an existing out that is not empty and not a site an
// earlier build wrote: one with a manifest.json that lists every file in
// it. A file that no build wrote (a document someone saved there) would be
// deleted by publishing, so it is named. It returns the manifest it read,
// with its parts (nil for an empty or new out), for the previous step.
func madeByBuild(out string) (*manifest.Manifest, error) {
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("build: %w", err)
	case st.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("build: the output directory %s is a symbolic link; publishing would replace the link, not what it points to: give the directory itself", out)
	case !st.IsDir():
		return nil, fmt.Errorf("build: the output %s is a file, not a directory; choose a directory, like public", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if len(entries) == 0 {
		return nil, nil
	}
	data, err := os.ReadFile(filepath.Join(out, manifest.Name))
	if err != nil {
		return nil, fmt.Errorf("build: %s is not empty and holds no %s, so no build wrote it; publishing would replace it whole, deleting %s: choose an empty or new directory", out, manifest.Name, entries[0].Name())
	}
	m, err := manifest.Parse(data)
	if err == nil {
		m, err = manifest.Load(context.Background(), out) // with its parts
	}
	if err != nil {
		return nil, fmt.Errorf("build: %s holds a %s that is not a disclose manifest (%v), so no build wrote it; publishing would replace it whole: choose an empty or new directory", out, manifest.Name, err)
	}
	listed := map[string]bool{manifest.Name: true, manifest.SigName: true}
	for _, f := range slices.Concat(m.Files, m.ManifestFiles()) {
		listed[f.Path] = true
	}
	stray := ""
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		if !listed[filepath.ToSlash(rel)] {
			stray = rel
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if stray != "" {
		return nil, fmt.Errorf("build: %s holds %s, which is not in its %s, so no build wrote it; publishing would delete it: move it out, or choose another directory", out, stray, manifest.Name)
	}
	return m, nil
}

// resolve is p made absolute with every symbolic link in the part of it
// that exists followed, so that two names of one directory compare equal.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether inner lies below outer (not at it).
func within(inner, outer string) bool {
	_, ok := relWithin(inner, outer)
	return ok
}

// relWithin is inner's path below outer, when it lies below it.
func relWithin(inner, outer string) (string, bool) {
	rel, err := filepath.Rel(outer, inner)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return "", false
	}
	return rel, true
}
