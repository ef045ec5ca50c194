// Package themewords reads the theme's words in one language as Hugo's T
// gives them to the templates, for the text the program writes itself
// (the feeds' entries, check's notice headings): the theme's
// i18n/<lang>.toml, under the site's own file of the same name, key by
// key; and the language's month names from Hugo's locale data, as the
// pages name them (month.html).
package themewords

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/bep/golocales"
	toml "github.com/pelletier/go-toml/v2"

	"github.com/disclose-dev/disclose"
)

// Words are the theme's words in one language.
type Words struct {
	words  map[string]string
	months []string // January first; nil for English
}

// For reads the words of the language lang (its code, as the i18n files
// are named; "" for the language of loc) with the locale loc ("mi-NZ"),
// for the site at siteDir ("" for the theme's alone). A file that cannot be read gives no words: check
// reports it, and refuses a language without them.
func For(siteDir, lang, loc string) *Words {
	lang = strings.ToLower(lang)
	if lang == "" {
		lang = primary(loc) // a config made by hand, without its default language
	}
	if lang == "" {
		lang = "en"
	}
	w := &Words{words: map[string]string{}}
	file := path.Join("i18n", lang+".toml")
	read := func(b []byte, err error) {
		if err != nil {
			return
		}
		m, err := Parse(b)
		if err != nil {
			return
		}
		for k, s := range m {
			if strings.TrimSpace(s) != "" {
				w.words[k] = s
			}
		}
	}
	read(fs.ReadFile(disclose.Theme, file))
	if siteDir != "" {
		b, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(file)))
		if !errors.Is(err, fs.ErrNotExist) {
			read(b, err)
		}
	}
	for _, key := range []string{loc, lang} {
		if key == "" {
			continue
		}
		if tr := golocales.New(key); tr != nil {
			if primary(key) != "en" {
				w.months = tr.MonthsWide()
			}
			break
		}
	}
	return w
}

// Parse reads a Hugo i18n TOML file: each key's words, as key = "words"
// or a table whose "other" (Hugo's plural form) has them; a key of another
// kind, or a table without "other", has "" (no words). Its error is the
// TOML decoder's, which says where reading stopped.
func Parse(b []byte) (map[string]string, error) {
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[k] = v
		case map[string]any:
			out[k], _ = v["other"].(string)
		default:
			out[k] = ""
		}
	}
	return out, nil
}

func primary(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	return p
}

// T is the words of key with each {{ .Name }} replaced by its value, given
// as pairs ("Name", "Example"); the key itself if the language has none.
func (w *Words) T(key string, pairs ...string) string {
	s, ok := w.words[key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{{ ."+pairs[i]+" }}", pairs[i+1])
	}
	return s
}

// Has reports whether the language has words for key.
func (w *Words) Has(key string) bool { _, ok := w.words[key]; return ok }

// Month replaces the English month name in s, formatted from t, with the
// language's: "14 May 2024" becomes "14 Mei 2024" in te reo Māori.
func (w *Words) Month(s string, t time.Time) string {
	if len(w.months) != 12 {
		return s
	}
	return strings.Replace(s, t.Month().String(), w.months[t.Month()-1], 1)
}
