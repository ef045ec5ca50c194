package check_test

import (
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose"
)

// TestThemeWordsInEveryLanguage: a language of the site without every one
// of the theme's words (i18n/en.toml), from the theme's file for it or the
// site's own i18n/<lang>.toml, is an error at its [languages.<lang>] line,
// never English shown on its pages without a word.
func TestThemeWordsInEveryLanguage(t *testing.T) {
	b, err := fs.ReadFile(disclose.Theme, "i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	en := string(b)
	var keys []string
	for _, m := range regexp.MustCompile(`(?m)^([a-z_]+) = `).FindAllStringSubmatch(en, -1) {
		keys = append(keys, m[1])
	}
	sort.Strings(keys)
	total := len(keys)
	if total < 40 {
		t.Fatalf("the theme's en.toml has only %d keys", total)
	}
	langs := bilingual
	line := strings.Count(configText, "\n") + 8 // [languages.ar], after the lines above
	withAr := langs + "[languages.ar]\nweight = 3\n[languages.ar.params.contact]\nphone_hours = \"من 8 صباحًا إلى 8 مساءً، 7 أيام\"\n"
	pos := "config.toml:" + itoa(line) + ":12: languages.ar: " // at "ar" in [languages.ar]
	tests := []struct {
		name  string
		files string
		want  []string
	}{
		{"English only", "", nil},
		{"te reo Māori: the theme has every word", langs, nil},
		{"a language the theme does not have", withAr, []string{
			pos + "the theme's words are not translated into ar: " + itoa(total) + " of " + itoa(total) + " missing (" + strings.Join(keys[:5], ", ") + ", ...); add them to i18n/ar.toml (see i18n/en.toml for the English)",
		}},
		{"the site's own file gives every word", withAr + "-- i18n/ar.toml --\n" + en, nil},
		{"the site's own file gives some", withAr + "-- i18n/ar.toml --\n" + dropKeys(en, "nav_help", "status_resolved_meaning"), []string{
			pos + "the theme's words are not translated into ar: 2 of " + itoa(total) + " missing (nav_help, status_resolved_meaning); add them to i18n/ar.toml (see i18n/en.toml for the English)",
		}},
		{"an empty translation is none", langs + "-- i18n/mi.toml --\nnav_help = \"  \"\n[status_resolved]\none = \"Kua oti\"\n", []string{
			"config.toml:" + itoa(line-4) + ":12: languages.mi: the theme's words are not translated into mi: 2 of " + itoa(total) + " missing (nav_help, status_resolved); add them to i18n/mi.toml (see i18n/en.toml for the English)",
		}},
		{"a plural table with other", withAr + "-- i18n/ar.toml --\n" + dropKeys(en, "nav_help") + "[nav_help]\nother = \"Help\"\n", nil},
		{"a site file that is not TOML", langs + "-- i18n/mi.toml --\nnav_help = \"Āwhina\nnav_latest = \"Ngā mea hou\"\n", []string{
			"i18n/mi.toml:1:20: i18n: toml: basic strings cannot have new lines; write each translation as key = \"words\"",
		}},
		{"words in YAML", langs + "-- i18n/mi.yaml --\nnav_help: Āwhina\n", []string{
			"i18n/mi.yaml: i18n: only TOML is read here; write these words as i18n/mi.toml, each as key = \"words\"",
		}},
		{"a language code in capitals", langs + "-- i18n/MI.toml --\nnav_help = \"Āwhina\"\n", []string{
			"i18n/MI.toml: i18n: language codes are lower case here; rename it to i18n/mi.toml",
		}},
		{"words for a language the site does not have", langs + "-- i18n/fr.toml --\nnav_help = \"Aide\"\n", []string{
			"i18n/fr.toml: i18n: fr is not one of the site's languages (en, mi), so no page shows these words; add [languages.fr] to config.toml, or remove the file",
		}},
		{"a file with two extensions", langs + "-- i18n/mi.toml.bak --\nnav_help = \"Āwhina\"\n-- i18n/mi.toml~ --\nnav_help = \"Āwhina\"\n", []string{
			"i18n/mi.toml.bak: i18n: only TOML is read here; write these words as i18n/mi.toml, each as key = \"words\"",
		}},
		{"the theme's own file, exported, for a language the site does not have", "-- i18n/mi.toml --\n" + themeFile(t, "mi"), nil},
		{"the theme's file for a language the site does not have, changed", "-- i18n/mi.toml --\n" + themeFile(t, "mi") + "nav_site = \"Pae\"\n", []string{
			"i18n/mi.toml: i18n: mi is not one of the site's languages (en), so no page shows these words; add [languages.mi] to config.toml, or remove the file",
		}},
		{"the English words of an English-only site", "-- i18n/en.toml --\nnav_help = \"Get help\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, tt.files)
			got.Sort()
			var lines []string
			for _, d := range got {
				lines = append(lines, d.String())
			}
			if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// themeFile is the theme's i18n/<lang>.toml.
func themeFile(t *testing.T, lang string) string {
	b, err := fs.ReadFile(disclose.Theme, "i18n/"+lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dropKeys is an i18n file without the lines of keys.
func dropKeys(file string, keys ...string) string {
	for _, k := range keys {
		file = regexp.MustCompile(`(?m)^`+k+` = .*\n`).ReplaceAllString(file, "")
	}
	return file
}

func itoa(n int) string {
	s := ""
	for ; n > 0 || s == ""; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
