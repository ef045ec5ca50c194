package disclose_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/internal/content"
)

// TestThemeHoldsEveryFile: every file of layouts/, i18n/ and static/ is in the
// program, including those in folders go:embed leaves out unless named
// (a leading underscore, like layouts/_partials): a new folder of the
// theme must be added to theme.go's go:embed line.
func TestThemeHoldsEveryFile(t *testing.T) {
	n := 0
	for _, root := range []string{"layouts", "i18n", "static"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			want, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got, err := fs.ReadFile(disclose.Theme, filepath.ToSlash(p))
			if err != nil {
				t.Errorf("%s is not in the built-in theme; name its folder in theme.go's go:embed line", p)
				return nil
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from the built-in theme's", p)
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 10 {
		t.Fatalf("only %d theme files found", n)
	}
}

// TestThemeWords: the theme's English words are the ones the pages showed
// before they were in i18n/en.toml (the status meanings are
// content.Status.Meaning()), and every other language of the theme has
// exactly en.toml's keys, each with words: a key spelt wrong would leave
// the word in English on that language's pages.
func TestThemeWords(t *testing.T) {
	read := func(lang string) map[string]any {
		b, err := fs.ReadFile(disclose.Theme, "i18n/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(b, &m); err != nil {
			t.Fatalf("i18n/%s.toml: %v", lang, err)
		}
		return m
	}
	en := read("en")
	for _, s := range content.Statuses {
		if got, want := en["status_"+string(s)+"_meaning"], s.Meaning(); got != want {
			t.Errorf("en.toml: status_%s_meaning = %q, want %q (content.Status.Meaning)", s, got, want)
		}
		if got, want := en["status_"+string(s)], strings.ToUpper(string(s)[:1])+string(s)[1:]; got != want {
			t.Errorf("en.toml: status_%s = %q, want %q", s, got, want)
		}
	}
	langs, err := fs.Glob(disclose.Theme, "i18n/*.toml")
	if err != nil || len(langs) < 2 {
		t.Fatalf("the theme's languages: %v %v", langs, err)
	}
	for _, f := range langs {
		lang := strings.TrimSuffix(path.Base(f), ".toml")
		m := read(lang)
		for k := range en {
			if s, _ := m[k].(string); strings.TrimSpace(s) == "" {
				t.Errorf("i18n/%s.toml: %s has no words", lang, k)
			}
		}
		for k := range m {
			if _, ok := en[k]; !ok {
				t.Errorf("i18n/%s.toml: %s is not a key of en.toml", lang, k)
			}
		}
	}
	// Every word a template asks for is in en.toml, with no English of
	// the template's own to fall back on, and every partial cached is
	// cached per language (but the stylesheet's link, which has no words).
	keyRE := regexp.MustCompile(`\bT "([^"]*)"`)
	cachedRE := regexp.MustCompile(`partialCached "([^"]+)"[^}]*`)
	fallbackRE := regexp.MustCompile(`\bwith T\b|\bT "[^"]*"[^}]*\| *default`)
	err = fs.WalkDir(disclose.Theme, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Theme, p)
		if err != nil {
			return err
		}
		for _, m := range keyRE.FindAllStringSubmatch(string(b), -1) {
			if _, ok := en[m[1]]; !ok {
				t.Errorf("%s: T %q is not a key of i18n/en.toml", p, m[1])
			}
		}
		for _, m := range cachedRE.FindAllStringSubmatch(string(b), -1) {
			if m[1] != "stylesheet.html" && !strings.Contains(m[0], "site.Language.Lang") {
				t.Errorf("%s: %s is not keyed by the language: its words or month names would show in the language of the page that called it first", p, m[0])
			}
		}
		if m := fallbackRE.FindString(string(b)); m != "" {
			t.Errorf("%s: %q falls back to the template's own words; the word is in i18n/en.toml", p, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestThemeHasNoWordsOfItsOwn: no template writes words of its own, outside
// T: a word written into a template is English on every language's pages
// (facts.html said "Key facts" and "When we found out" on the te reo Māori
// pages). What is left of a template once its actions, comments, code
// examples and tags are taken out must hold no word, and no attribute a
// reader hears (aria-label, title, alt) may either. Names are not words
// to translate.
func TestThemeHasNoWordsOfItsOwn(t *testing.T) {
	names := map[string]bool{"Scamwatch": true}
	comment := regexp.MustCompile(`(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}`)
	action := regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	code := regexp.MustCompile(`(?s)<code[^>]*>.*?</code>`)
	heard := regexp.MustCompile(`\b(?:aria-label|title|alt|placeholder)="([^"]*)"`)
	tag := regexp.MustCompile(`(?s)<[^>]*>`)
	word := regexp.MustCompile(`\p{L}{2,}`)
	err := fs.WalkDir(disclose.Theme, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := fs.ReadFile(disclose.Theme, p)
		if err != nil {
			return err
		}
		s := action.ReplaceAllString(comment.ReplaceAllString(string(b), ""), " ")
		s = code.ReplaceAllString(s, " ")
		for _, m := range heard.FindAllStringSubmatch(s, -1) {
			if word.MatchString(m[1]) {
				t.Errorf("%s: %s is the template's own words; use T with a key of i18n/en.toml", p, m[0])
			}
		}
		for _, w := range word.FindAllString(tag.ReplaceAllString(s, " "), -1) {
			if !names[w] {
				t.Errorf("%s: %q is the template's own word; use T with a key of i18n/en.toml", p, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
