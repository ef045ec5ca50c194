package content_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// sitetest.Config is 16 lines: a key written before it is on line 1, and
// a table after it starts on line 17.
func TestConfigRefusesWhatItDoesNotRead(t *testing.T) {
	tests := []struct {
		name, before, after string
		old, new            string   // a replacement in sitetest.Config, if old is set
		want                []string // every diagnostic, sorted
	}{
		{"unsafe HTML for one language", "", "[languages.en.markup.goldmark.renderer]\nunsafe = true\n", "", "", []string{
			"config.toml:17:15: languages.en.markup: markup settings are the tool's own and the same in every language; remove this",
		}},
		{"contact details for one language", "", "[languages.en]\nweight = 1\n[languages.en.params.contact]\nphone = \"1900 654 321\"\n", "", "", []string{
			"config.toml:19:15: languages.en.params: en is the default language: its words are the ones under [params]; write them there, and another language's under [languages.<code>.params]",
			"config.toml:20:1: languages.en.params.contact.phone: the same in every language; set it once under [params], and translate only the words (phone_hours, postal, privacy_officer, we_will_never, each support service's about)",
		}},
		{"words and numbers for another language", "", "[languages.en]\n[languages.mi]\n[languages.mi.params]\norganisation = \"Te Rōpū\"\n[languages.mi.params.contact]\nphone_hours = \"8 am ki 8 pm\"\nemail = \"kōrero@example.org\"\n[[languages.mi.params.support]]\nname = \"IDCARE\"\nabout = \"he tautoko\"\n", "", "", []string{
			"config.toml:20:1: languages.mi.params.organisation: the same in every language; set it once under [params], and translate only the words (phone_hours, postal, privacy_officer, we_will_never, each support service's about)",
			"config.toml:23:1: languages.mi.params.contact.email: the same in every language; set it once under [params], and translate only the words (phone_hours, postal, privacy_officer, we_will_never, each support service's about)",
			"config.toml:25:1: languages.mi.params.support[0].name: the same in every language; set it once under [params], and translate only the words (phone_hours, postal, privacy_officer, we_will_never, each support service's about)",
		}},
		{"markup at the top", "", "[markup.goldmark.renderer]\nunsafe = true\n", "", "", []string{
			"config.toml:17:2: markup: markup settings are the tool's own (raw HTML is never published); remove this",
		}},
		{"outputs", "", "[outputs]\nhome = [\"html\", \"rss\"]\n", "", "", []string{
			"config.toml:17:2: outputs: which files a build writes is the tool's own (disclose writes the feeds itself); remove this",
		}},
		{"disableKinds, in Hugo's case", "disablekinds = [\"404\"]\n", "", "", "", []string{
			"config.toml:1:1: disableKinds: which files a build writes is the tool's own (disclose writes the feeds itself); remove this",
		}},
		{"copyright and a theme", "copyright = \"(c) Example\"\ntheme = \"ananke\"\n", "", "", "", []string{
			"config.toml:1:1: copyright: the site shows no copyright line or author; remove this",
			"config.toml:2:1: theme: the site's templates and folders are the tool's own; remove this",
		}},
		{"the tool's own params", "", "[params.disclose]\ntimeZone = \"UTC\"\n", "", "", []string{
			"config.toml:17:9: params.disclose: params.disclose is what the tool tells its own templates (the time zone, the signing key), not a setting; remove this",
		}},
		{"misspelt Hugo key", "timeZome = \"UTC\"\n", "", "", "", []string{
			"config.toml:1:1: timeZome: unknown field; did you mean timeZone?",
		}},
		{"one key in two cases", "BaseURL = \"https://evil.example/\"\n", "", "", "", []string{
			`config.toml:2:1: duplicate key "baseURL"; "BaseURL" is already set on line 1`,
		}},
		{"security contact with a line break", "", "[params.security]\ncontact = [\"mailto:security@example.org\\nExpires: 2099-01-01T00:00:00Z\"]\nexpires = \"2027-06-30T00:00:00+10:00\"\n", "", "", []string{
			`config.toml:18:12: params.security.contact[0]: has a line break (U+000A) at character 28 of the value, after "security@example.org"; write the value on one line without it`,
		}},
		{"organisation with a direction override", "", "", `"Example Pty Ltd"`, "\"Example \\u202eDTL ytP\\u202c\"", []string{
			`config.toml:7:16: params.organisation: has an invisible direction override (U+202E) at character 9 of the value, after "Example "; write the value on one line without it`,
		}},
		{"postal address with a tab", "", "postal = \"PO Box 1,\\tMelbourne\"\n", "", "", []string{
			`config.toml:17:10: params.contact.postal: has a tab (U+0009) at character 10 of the value, after "PO Box 1,"; write the value on one line without it`,
		}},
		{"support name with a direction isolate", "", "[[params.support]]\nname = \"Help\\u2067line\"\n", "", "", []string{
			`config.toml:18:8: params.support[0].name: has an invisible direction override (U+2067) at character 5 of the value, after "Help"; write the value on one line without it`,
		}},
		{"upper-case language code", "", "[languages.EN]\nweight = 1\n", "", "", []string{
			"config.toml:17:12: languages.EN: language codes are lower case, with - between parts; write [languages.en]",
		}},
		{"not a language code", "", "[languages.en]\n[languages.english]\n", "", "", []string{
			`config.toml:18:12: languages.english: "english" is not a language code; write a code like en, mi or zh-hans (BCP 47, lower case)`,
		}},
		{"a language's settings", "", "[languages.en]\n[languages.ar]\nlanguageName = \"العربية\"\nweight = \"2\"\nlocale = \"ar_AE\"\ndirection = \"RTL\"\nlanguageCode = \"ar\"\ncolour = \"red\"\n", "", "", []string{
			"config.toml:20:10: languages.ar.weight: should be a whole number without commas or spaces; write 2",
			`config.toml:21:10: languages.ar.locale: "ar_AE" is not a locale; write ar-AE, with - between its parts`,
			"config.toml:22:13: languages.ar.direction: write rtl, in lower case",
			`config.toml:23:1: languages.ar.languageCode: disclose calls this locale; write locale instead, like locale = "mi-NZ"`,
			"config.toml:24:1: languages.ar.colour: unknown field; the fields here are: languageName, weight, title, locale, direction, params",
		}},
		{"a language's locale in another language", "", "[languages.en]\n[languages.mi]\nlocale = \"en-NZ\"\n", "", "", []string{
			`config.toml:19:10: languages.mi.locale: "en-NZ" is not a locale of mi; write a locale that starts with mi, like mi`,
		}},
		{"the default language's locale in two places", "", "[languages.en]\nlocale = \"en-NZ\"\n", "", "", []string{
			`config.toml:18:10: languages.en.locale: "en-NZ" differs from the top-level locale "en-AU"; the default language has one locale: keep one of them`,
		}},
		{"negative weight", "", "[languages.en]\nweight = -1\n", "", "", []string{
			"config.toml:18:10: languages.en.weight: should be a whole number, 0 or more, like 2",
		}},
		{"default language not declared", "", "[languages.mi]\nweight = 1\n", "", "", []string{
			"config.toml:17:2: languages: the default language is en (defaultContentLanguage, en when not set), which is not among these (mi); add [languages.en], or set defaultContentLanguage to one of them",
		}},
		{"defaultContentLanguage not declared", "defaultContentLanguage = \"fr\"\n", "[languages.en]\n[languages.mi]\n", "", "", []string{
			`config.toml:1:26: defaultContentLanguage: "fr" is not one of the site's languages (en, mi); write one of them, or add [languages.fr]`,
			`config.toml:4:10: locale: "en-AU" is not a locale of the default language, fr; write a locale that starts with fr, like fr`,
		}},
		{"defaultContentLanguage not a code", "defaultContentLanguage = \"te reo\"\n", "", "", "", []string{
			`config.toml:1:26: defaultContentLanguage: "te reo" is not a language code; write a code like en, mi or zh-hans (BCP 47, lower case)`,
		}},
		{"defaultContentLanguage in capitals", "defaultContentLanguage = \"MI\"\nlanguageCode = \"mi-NZ\"\n", "", "", "", []string{
			`config.toml:1:26: defaultContentLanguage: language codes are lower case, with - between parts; write defaultContentLanguage = "mi"`,
			`config.toml:2:16: languageCode: "mi-NZ" differs from locale "en-AU"; languageCode is Hugo's old name for locale, so keep only locale`,
			`config.toml:5:10: locale: "en-AU" is not a locale of the default language, mi; write a locale that starts with mi, like mi`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := sitetest.Config
			if tt.old != "" {
				cfg = strings.Replace(cfg, tt.old, tt.new, 1)
			}
			cfg = tt.before + cfg + tt.after
			_, diags := content.LoadConfig(sitetest.Write(t, "-- config.toml --\n"+cfg))
			diags.Sort()
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestOtherConfigFiles: Hugo reads hugo.toml and config/ as well as
// config.toml; what they hold would reach the site unread.
func TestOtherConfigFiles(t *testing.T) {
	dir := sitetest.Write(t, "-- hugo.toml --\n[markup.goldmark.renderer]\nunsafe = true\n-- config/_default/params.toml --\n[contact]\nphone = \"1900 654 321\"\n")
	_, diags := content.LoadConfig(dir)
	diags.Sort()
	want := []string{
		"config: Hugo would read its settings as well as config.toml's; disclose reads only config.toml: move what you need into it and remove this folder",
		"hugo.toml: Hugo would read its settings as well as config.toml's; disclose reads only config.toml: move what you need into it and remove this file",
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestConfigLanguages(t *testing.T) {
	cfg, diags := content.LoadConfig(sitetest.Write(t, "-- config.toml --\n"+sitetest.Config+`
[languages.mi]
languageName = "Te reo Māori"
weight = 2
title = "Example: ngā pānui mō te take haumaru ipurangi"
locale = "mi-NZ"

[languages.en]
languageName = "English"
weight = 1
`))
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
	want := []content.Language{
		{Code: "en", Name: "English", Weight: 1, Title: "Example: cyber incident updates", Locale: "en-AU", Direction: "ltr"},
		{Code: "mi", Name: "Te reo Māori", Weight: 2, Title: "Example: ngā pānui mō te take haumaru ipurangi", Locale: "mi-NZ", Direction: "ltr"},
	}
	if !reflect.DeepEqual(cfg.Langs, want) {
		t.Errorf("Langs:\n got %+v\nwant %+v", cfg.Langs, want)
	}
	if !reflect.DeepEqual(cfg.Languages, []string{"en", "mi"}) || cfg.DefaultLang != "en" || cfg.Locale != "en-AU" {
		t.Errorf("Languages %q, DefaultLang %q, Locale %q", cfg.Languages, cfg.DefaultLang, cfg.Locale)
	}
}

func TestConfigLanguageDefaults(t *testing.T) {
	tests := []struct {
		name, config string
		want         []content.Language
	}{
		{"none declared", sitetest.Config, []content.Language{
			{Code: "en", Title: "Example: cyber incident updates", Locale: "en-AU", Direction: "ltr"},
		}},
		{"no locale anywhere", strings.Replace(sitetest.Config, "locale = \"en-AU\"\n", "", 1), []content.Language{
			{Code: "en", Title: "Example: cyber incident updates", Locale: "en", Direction: "ltr"},
		}},
		// Hugo puts a language without a weight after every weighted one.
		{"unweighted last, right to left by default", sitetest.Config + "[languages.ar]\n[languages.en]\nweight = 3\n[languages.zh-hans]\nweight = 2\n", []content.Language{
			{Code: "zh-hans", Weight: 2, Title: "Example: cyber incident updates", Locale: "zh-hans", Direction: "ltr"},
			{Code: "en", Weight: 3, Title: "Example: cyber incident updates", Locale: "en-AU", Direction: "ltr"},
			{Code: "ar", Title: "Example: cyber incident updates", Locale: "ar", Direction: "rtl"},
		}},
		{"the default language's locale from its table", strings.Replace(sitetest.Config, "locale = \"en-AU\"\n", "defaultContentLanguage = \"mi\"\n", 1) + "[languages.mi]\nlocale = \"mi-NZ\"\ndirection = \"ltr\"\n", []content.Language{
			{Code: "mi", Title: "Example: cyber incident updates", Locale: "mi-NZ", Direction: "ltr"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := content.LoadConfig(sitetest.Write(t, "-- config.toml --\n"+tt.config))
			if len(diags) > 0 {
				t.Fatal(diags.Error())
			}
			if !reflect.DeepEqual(cfg.Langs, tt.want) {
				t.Errorf("Langs:\n got %+v\nwant %+v", cfg.Langs, tt.want)
			}
			if cfg.Locale != tt.want[0].Locale && tt.want[0].Code == cfg.DefaultLang {
				t.Errorf("Locale %q, want the default language's %q", cfg.Locale, tt.want[0].Locale)
			}
		})
	}
}

// TestConfigOfEveryTestSite loads the config.toml of every test site under
// testdata/check but the one whose mistakes are the point (config): none
// may use a key the loader refuses.
func TestConfigOfEveryTestSite(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sitetest.RepoRoot(), "testdata", "*", "*", "config.toml"))
	if err != nil || len(files) < 5 {
		t.Fatalf("%d test sites (%v)", len(files), err)
	}
	for _, f := range files {
		dir := filepath.Dir(f)
		if filepath.Base(dir) == "config" {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if _, diags := content.LoadConfig(dir); len(diags) > 0 {
				t.Error(diags.Error())
			}
		})
	}
}
