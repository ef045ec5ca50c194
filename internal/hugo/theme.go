package hugo

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/disclose-dev/disclose"
)

// ThemeFiles are the built-in theme's files, slash paths below the
// repository's root (layouts/home.html, static/css/style.css), sorted.
func ThemeFiles() []string {
	var files []string
	fs.WalkDir(disclose.Theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	return files
}

// IsThemeFile says whether data is the built-in theme's file at the slash
// path p (layouts/page.html): a site's copy of the theme, made by
// `disclose theme`, holds only such files until the site changes one.
func IsThemeFile(p string, data []byte) bool {
	b, err := fs.ReadFile(disclose.Theme, p)
	return err == nil && bytes.Equal(b, data)
}

// WriteTheme writes the built-in theme's layouts/, i18n/ and static/ into dir.
// With keep, a file that is already there is left as it is and named in
// the error (theme export never overwrites a site's own change); without
// it, dir is expected to be empty.
func WriteTheme(dir string, keep bool) (written []string, err error) {
	var kept []string
	for _, p := range ThemeFiles() {
		b, err := fs.ReadFile(disclose.Theme, p)
		if err != nil {
			return written, fmt.Errorf("theme: %w", err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return written, fmt.Errorf("theme: %w", err)
		}
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if keep {
			flags = os.O_WRONLY | os.O_CREATE | os.O_EXCL
		}
		f, err := os.OpenFile(dst, flags, 0o644)
		if keep && errors.Is(err, fs.ErrExist) {
			kept = append(kept, p)
			continue
		}
		if err != nil {
			return written, fmt.Errorf("theme: %w", err)
		}
		_, err = f.Write(b)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, fmt.Errorf("theme: %w", err)
		}
		written = append(written, p)
	}
	if len(kept) > 0 {
		return written, &KeptError{Files: kept}
	}
	return written, nil
}

// KeptError names the files WriteTheme left alone because they were there.
type KeptError struct{ Files []string }

func (e *KeptError) Error() string {
	return fmt.Sprintf("theme: %d file(s) already there were left as they are, first %s", len(e.Files), e.Files[0])
}

// ThemeName is the built-in theme's name in Hugo's config.
const ThemeName = "disclose"

// themeConfig is the built-in theme's own Hugo config: its words in each
// language (i18n/, under the site's own i18n/ files of the same name), and
// its stylesheet also as an asset, so that templates can fingerprint it for
// long caching, as the site's own static/css is (Config).
const themeConfig = `{"module": {"mounts": [
  {"source": "layouts", "target": "layouts"},
  {"source": "i18n", "target": "i18n"},
  {"source": "static", "target": "static", "files": ["! css/**"]},
  {"source": "static/css", "target": "assets/css"}
]}}
`

// writeThemeModule writes the built-in theme and its config into dir, a
// folder of the run's own temporary project (Args): made afresh for every
// run and removed after it, so no stale or altered copy is ever read.
func writeThemeModule(dir string) error {
	if _, err := WriteTheme(dir, false); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.json"), []byte(themeConfig), 0o644); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	return nil
}
