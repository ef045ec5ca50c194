package check

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/themewords"
	toml "github.com/pelletier/go-toml/v2"
)

// i18nDir is where the theme's words in each language are, in the theme
// (package disclose) and in a site, whose file of a language overrides the
// theme's key by key, as Hugo reads them.
const i18nDir = "i18n"

// listedMissing is how many missing keys a finding names.
const listedMissing = 5

// i18n reports, for each of the site's languages, the theme's words that
// are in English (the theme's i18n/en.toml) and not in that language,
// neither in the theme's i18n/<lang>.toml nor in the site's. Hugo would show
// them in English on that language's pages without a word: a page half in
// another language is one a reader cannot trust.
func (c *checker) i18n() {
	en, err := themeWords("en")
	if err != nil || len(en) == 0 {
		// The theme's own file: its tests keep it readable.
		c.diags.Add(c.cfg.PosOf("languages"), "languages", "the theme's English words cannot be read: %v", err)
		return
	}
	c.i18nFiles()
	keys := make([]string, 0, len(en))
	for k := range en {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, l := range c.cfg.Langs {
		code := strings.ToLower(l.Code)
		if code == "" || code == "en" {
			continue
		}
		have, _ := themeWords(code)
		if have == nil {
			have = map[string]bool{}
		}
		file := path.Join(i18nDir, code+".toml")
		own, err := c.siteWords(file)
		if err != nil {
			continue // reported at the file
		}
		for k, ok := range own {
			have[k] = ok
		}
		var missing []string
		for _, k := range keys {
			if !have[k] {
				missing = append(missing, k)
			}
		}
		if len(missing) == 0 {
			continue
		}
		pos := c.cfg.PosOf("languages." + code)
		if pos.Line == 0 {
			pos = c.cfg.PosOf("defaultContentLanguage")
		}
		named := missing
		if len(named) > listedMissing {
			named = append(append([]string{}, named[:listedMissing]...), "...")
		}
		c.diags.Add(pos, "languages."+code, "the theme's words are not translated into %s: %d of %d missing (%s); add them to %s (see %s for the English)",
			code, len(missing), len(keys), strings.Join(named, ", "), file, path.Join(i18nDir, "en.toml"))
	}
}

// themeWords are the keys the theme's i18n/<code>.toml translates; nil if
// the theme has no file for the language.
func themeWords(code string) (map[string]bool, error) {
	b, err := fs.ReadFile(disclose.Theme, path.Join(i18nDir, code+".toml"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return words(b)
}

// siteWords are the keys the site's own file (a slash path below the site)
// translates; none if it has no such file. A file Hugo could not read is
// reported at the line where reading stopped.
func (c *checker) siteWords(file string) (map[string]bool, error) {
	if c.site == nil || c.site.Dir == "" {
		return nil, nil
	}
	b, err := os.ReadFile(filepath.Join(c.site.Dir, filepath.FromSlash(file)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		c.diags.Add(diag.Pos{File: file}, "i18n", "%v", err)
		return nil, err
	}
	w, err := words(b)
	if err != nil {
		line, col := 0, 0
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col = de.Position()
		}
		c.diags.Add(diag.Pos{File: file, Line: line, Col: col}, "i18n", "%v; write each translation as key = \"words\"", err)
		return nil, err
	}
	return w, nil
}

// words are the keys of a Hugo i18n TOML file, each true when it has words:
// key = "words", or a table whose "other" (Hugo's plural form) has them. A
// key with only spaces, or a table without "other", translates nothing.
func words(b []byte) (map[string]bool, error) {
	m, err := themewords.Parse(b)
	if err != nil {
		return nil, err
	}
	w := make(map[string]bool, len(m))
	for k, s := range m {
		w[k] = strings.TrimSpace(s) != ""
	}
	return w, nil
}

// i18nFiles refuses what the site's i18n/ folder holds that is not one of
// its languages' TOML files: Hugo would read a YAML or JSON file of words
// that this check does not, and a file for a language the site does not
// have, or a folder, is words no page shows. A copy of the theme's own
// file (written by disclose theme export) is left alone.
func (c *checker) i18nFiles() {
	if c.site == nil || c.site.Dir == "" {
		return
	}
	entries, err := os.ReadDir(filepath.Join(c.site.Dir, i18nDir))
	if err != nil {
		return // none, or reported by the build
	}
	langs := map[string]bool{}
	codes := []string{}
	for _, l := range c.cfg.Langs {
		langs[strings.ToLower(l.Code)] = true
		codes = append(codes, strings.ToLower(l.Code))
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") {
			continue // hidden files and editor backups, as under content/
		}
		file := path.Join(i18nDir, name)
		code, ext, _ := strings.Cut(name, ".")
		ext = "." + ext
		switch {
		case e.IsDir():
			c.diags.Add(diag.Pos{File: file}, "i18n", "a folder here is not read; put each language's words in i18n/<lang>.toml, like i18n/%s.toml", c.cfg.DefaultLang)
		case ext != ".toml":
			c.diags.Add(diag.Pos{File: file}, "i18n", "only TOML is read here; write these words as %s.toml, each as key = \"words\"", path.Join(i18nDir, strings.ToLower(code)))
		case code != strings.ToLower(code):
			c.diags.Add(diag.Pos{File: file}, "i18n", "language codes are lower case here; rename it to %s.toml", path.Join(i18nDir, strings.ToLower(code)))
		case !langs[code] && !sameAsTheme(filepath.Join(c.site.Dir, filepath.FromSlash(file)), file):
			c.diags.Add(diag.Pos{File: file}, "i18n", "%s is not one of the site's languages (%s), so no page shows these words; add [languages.%s] to config.toml, or remove the file", code, strings.Join(codes, ", "), code)
		}
	}
}

// sameAsTheme is whether the file at name holds exactly the theme's file
// at the slash path file.
func sameAsTheme(name, file string) bool {
	theirs, err := fs.ReadFile(disclose.Theme, file)
	if err != nil {
		return false
	}
	ours, err := os.ReadFile(name)
	return err == nil && string(ours) == string(theirs)
}

// headingWords are the notice headings (the keys of noticeHeadings) in lang
// ("" for the default language): the theme's i18n/<lang>.toml under the
// site's own, as Hugo reads them (package themewords). A language with
// neither has none, and its statements are read for the English headings
// (i18n reports the missing words).
func (c *checker) headingWords(lang string) map[string]string {
	if lang == "" {
		lang = c.cfg.DefaultLang
	}
	lang = strings.ToLower(lang)
	if w, ok := c.headings[lang]; ok {
		return w
	}
	dir := ""
	if c.site != nil {
		dir = c.site.Dir
	}
	tw := themewords.For(dir, lang, "")
	w := map[string]string{}
	for _, key := range noticeHeadings {
		if tw.Has(key) {
			w[key] = tw.T(key)
		}
	}
	if c.headings == nil {
		c.headings = map[string]map[string]string{}
	}
	c.headings[lang] = w
	return w
}
