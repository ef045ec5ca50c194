package content

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/internal/frontmatter"
)

// Language is one of the site's languages: a [languages.<code>] table of
// config.toml, or the default language when the config declares none.
type Language struct {
	// Code is the table's key, in lower case ("mi", "zh-hans"): the suffix
	// of translated files (2024-05-16-first.mi.md) and Hugo's language key.
	Code string
	// Name is languageName, the language's name in itself ("Te reo Māori");
	// "" when not set.
	Name string
	// Weight is the language's place in the site's order; 0 when not set.
	Weight int
	// Title is the site's title in this language; the top-level title when
	// not set.
	Title string
	// Locale is the language and region ("mi-NZ"): for the default language
	// the top-level locale when not set, for others the code.
	Locale string
	// Direction is "ltr" or "rtl"; when not set, "rtl" for the languages
	// written right to left (rtlLanguages) and "ltr" for every other.
	Direction string
	// Words are [params]'s words in this language, where the config
	// gives them ([languages.<code>.params]); the rest are shown in the
	// default language's words.
	Words LangWords
}

// LangWords are the words of [params] translated into a language. A text
// is "" and a list nil where the config gives none.
type LangWords struct {
	PhoneHours, Postal, PrivacyOfficer string
	// WeWillNever and SupportAbout are in the order of [params]'s lists,
	// one for each of their entries.
	WeWillNever, SupportAbout []string
}

// Has reports whether the words translate anything.
func (w LangWords) Has() bool {
	return w.PhoneHours != "" || w.Postal != "" || w.PrivacyOfficer != "" || w.WeWillNever != nil || w.SupportAbout != nil
}

// reLangCode is a language code as Hugo keys it: a BCP 47 tag in lower case
// ("en", "mi", "zh-hans", "pt-br").
var reLangCode = regexp.MustCompile(`^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$`)

// reLocale is a BCP 47 tag in any case ("mi-NZ", "en-AU", "zh-Hans-CN").
var reLocale = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)

// rtlLanguages are the languages usually written right to left.
var rtlLanguages = map[string]bool{"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true, "ps": true, "sd": true, "ug": true, "ur": true, "yi": true}

// IsLocale reports whether s is written as a BCP 47 language tag ("en",
// "mi-NZ", "zh-Hans-CN"); check uses it for params.security.language.
func IsLocale(s string) bool { return reLocale.MatchString(s) }

// langCodeProblem says what is wrong with a language code, and the fix
// written as in the layout fix ("[languages.%s]"); "" if it is a code.
func langCodeProblem(code, fix string) string {
	if reLangCode.MatchString(code) {
		return ""
	}
	fixed := strings.ToLower(strings.ReplaceAll(code, "_", "-"))
	if reLangCode.MatchString(fixed) {
		return fmt.Sprintf("language codes are lower case, with - between parts; write "+fix, fixed)
	}
	return fmt.Sprintf("%q is not a language code; write a code like en, mi or zh-hans (BCP 47, lower case)", code)
}

// languages checks the [languages] tables: each key a language code, each
// table of langFields. The codes are kept, in the order written, under path.
func (d *decoder) languages(n *frontmatter.Node, f field, path string) {
	if n.Kind != frontmatter.Map {
		d.diags.Add(d.valuePos(n), path, "should be one table per language, like [languages.mi] with weight = 2 below it")
		return
	}
	var codes []string
	seen := map[string]*frontmatter.Node{}
	for _, c := range n.Children {
		code := strings.ToLower(strings.ReplaceAll(c.Key, "_", "-"))
		if msg := langCodeProblem(c.Key, "[languages.%s]"); msg != "" {
			d.diags.Add(d.keyPos(c), join(path, c.Key), "%s", msg)
			if !reLangCode.MatchString(code) {
				continue
			}
		}
		if prev := seen[code]; prev != nil {
			d.diags.Add(d.keyPos(c), join(path, c.Key), "is the language of line %d again; keep one [languages.%s]", d.keyPos(prev).Line, code)
			continue
		}
		seen[code] = c
		p := join(path, code)
		d.pos[p] = d.keyPos(c)
		if c.Kind != frontmatter.Map {
			d.diags.Add(d.valuePos(c), p, "should be a table of the language's settings (%s), like [languages.%s] with weight = 2 below it", fieldNames(f.fields), code)
			continue
		}
		d.walk(c, f.fields, p, d.keyPos(c))
		codes = append(codes, code)
	}
	d.vals[path] = codes
}

// langs builds the site's languages from the decoded tables: every one
// declared, and the default language even if it is not, in the site's
// order (by weight, unweighted last, as Hugo orders them; then by code).
func (d *decoder) langs(cfg *Config) []Language {
	codes, _ := d.vals["languages"].([]string)
	var out []Language
	hasDefault := false
	for _, code := range codes {
		p := "languages." + code + "."
		l := Language{Code: code, Name: d.str(p + "languageName"), Title: d.str(p + "title"), Locale: d.str(p + "locale"), Direction: d.str(p + "direction")}
		w := p + "params."
		l.Words = LangWords{PhoneHours: d.str(w + "contact.phone_hours"), Postal: d.str(w + "contact.postal"), PrivacyOfficer: d.str(w + "contact.privacy_officer")}
		for i := 0; i < d.count(w+"we_will_never"); i++ {
			l.Words.WeWillNever = append(l.Words.WeWillNever, d.str(fmt.Sprintf("%swe_will_never[%d].text", w, i)))
		}
		for i := 0; i < d.count(w+"support"); i++ {
			l.Words.SupportAbout = append(l.Words.SupportAbout, d.str(fmt.Sprintf("%ssupport[%d].about", w, i)))
		}
		if v, ok := d.vals[p+"weight"].(int64); ok {
			l.Weight = int(v)
		}
		l.Locale = d.checkLocale(l.Locale, p+"locale")
		if l.Locale != "" && primary(l.Locale) != primary(code) {
			d.diags.Add(d.pos[p+"locale"], p+"locale", "%q is not a locale of %s; write a locale that starts with %s, like %s", l.Locale, code, primary(code), code)
			l.Locale = ""
		}
		if l.Direction != "" && l.Direction != "ltr" && l.Direction != "rtl" {
			msg := fmt.Sprintf("%q is not a direction; write ltr (left to right) or rtl (right to left)", l.Direction)
			if low := strings.ToLower(strings.TrimSpace(l.Direction)); low == "ltr" || low == "rtl" {
				msg = fmt.Sprintf("write %s, in lower case", low)
			}
			d.diags.Add(d.pos[p+"direction"], p+"direction", "%s", msg)
			l.Direction = ""
		}
		if pos, ok := d.pos[p+"params"]; ok && code == cfg.DefaultLang {
			d.diags.Add(pos, p+"params", "%s is the default language: its words are the ones under [params]; write them there, and another language's under [languages.<code>.params]", code)
			l.Words = LangWords{}
		}
		hasDefault = hasDefault || code == cfg.DefaultLang
		out = append(out, l)
	}
	if len(codes) > 0 && !hasDefault {
		key, pos := "defaultContentLanguage", d.pos["defaultContentLanguage"]
		msg := fmt.Sprintf("%q is not one of the site's languages (%s); write one of them, or add [languages.%s]", cfg.DefaultLang, strings.Join(codes, ", "), cfg.DefaultLang)
		if _, set := d.pos[key]; !set {
			key, pos = "languages", d.pos["languages"]
			msg = fmt.Sprintf("the default language is %s (defaultContentLanguage, en when not set), which is not among these (%s); add [languages.%s], or set defaultContentLanguage to one of them", cfg.DefaultLang, strings.Join(codes, ", "), cfg.DefaultLang)
		}
		d.diags.Add(pos, key, "%s", msg)
	}
	if !hasDefault {
		out = append(out, Language{Code: cfg.DefaultLang})
	}
	for i := range out {
		l := &out[i]
		if l.Title == "" {
			l.Title = cfg.Title
		}
		if l.Code == cfg.DefaultLang {
			d.defaultLocale(cfg, l, len(codes) > 0)
		}
		if l.Locale == "" {
			l.Locale = l.Code
		}
		if l.Direction == "" {
			l.Direction = "ltr"
			if rtlLanguages[primary(l.Code)] {
				l.Direction = "rtl"
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		wa, wb := out[a].Weight, out[b].Weight
		if wa != wb {
			return wb == 0 || wa != 0 && wa < wb
		}
		return out[a].Code < out[b].Code
	})
	return out
}

// defaultLocale makes the top-level locale and the default language's
// agree: one, when only one is written; the default language's code when
// neither is. The top-level locale is what every page and feed says its
// language is, so it must name the default language.
func (d *decoder) defaultLocale(cfg *Config, l *Language, multilingual bool) {
	top := cfg.Locale // locale, or languageCode, at the top
	switch {
	case top != "" && l.Locale != "" && !strings.EqualFold(top, l.Locale):
		d.diags.Add(d.pos["languages."+l.Code+".locale"], "languages."+l.Code+".locale", "%q differs from the top-level locale %q; the default language has one locale: keep one of them", l.Locale, top)
	case top != "":
		l.Locale = top
	case l.Locale != "":
		cfg.Locale = l.Locale
	default:
		cfg.Locale, l.Locale = l.Code, l.Code
	}
	// A site that names no language is English unless its locale says
	// otherwise; one that names its languages must agree with itself.
	if _, set := d.pos["defaultContentLanguage"]; top != "" && (set || multilingual) && primary(top) != primary(l.Code) {
		key := "locale"
		if _, ok := d.pos[key]; !ok {
			key = "languageCode"
		}
		d.diags.Add(d.pos[key], key, "%q is not a locale of the default language, %s; write a locale that starts with %s, like %s", top, l.Code, primary(l.Code), l.Code)
	}
}

// primary is a tag's language, its first part in lower case: "mi" for
// "mi-NZ".
func primary(tag string) string {
	return strings.ToLower(strings.SplitN(tag, "-", 2)[0])
}

// checkLocale reports a locale that is not a language tag, and gives it
// back if it is one, else "".
func (d *decoder) checkLocale(s, key string) string {
	if s == "" || reLocale.MatchString(s) {
		return s
	}
	msg := fmt.Sprintf("%q is not a locale; write a language and region like en-AU or mi-NZ", s)
	if fixed := strings.ReplaceAll(strings.TrimSpace(s), "_", "-"); reLocale.MatchString(fixed) {
		msg = fmt.Sprintf("%q is not a locale; write %s, with - between its parts", s, fixed)
	}
	d.diags.Add(d.pos[key], key, "%s", msg)
	return ""
}

// siteLanguage sets the config's locale, default language and languages
// from locale (or its old name languageCode), defaultContentLanguage and
// the [languages] tables.
func (d *decoder) siteLanguage(cfg *Config) {
	cfg.Locale = d.checkLocale(cfg.Locale, "locale")
	if code := d.checkLocale(d.str("languageCode"), "languageCode"); code != "" {
		if cfg.Locale != "" && !strings.EqualFold(cfg.Locale, code) {
			d.diags.Add(d.pos["languageCode"], "languageCode", "%q differs from locale %q; languageCode is Hugo's old name for locale, so keep only locale", code, cfg.Locale)
		}
		if cfg.Locale == "" {
			cfg.Locale = code
		}
	}
	if cfg.DefaultLang != "" {
		if msg := langCodeProblem(cfg.DefaultLang, `defaultContentLanguage = "%s"`); msg != "" {
			d.diags.Add(d.pos["defaultContentLanguage"], "defaultContentLanguage", "%s", msg)
		}
		cfg.DefaultLang = strings.ToLower(strings.ReplaceAll(cfg.DefaultLang, "_", "-"))
	}
	if !reLangCode.MatchString(cfg.DefaultLang) {
		cfg.DefaultLang = "en" // Hugo's default; a code that is none was reported above
	}
	cfg.Langs = d.langs(cfg)
	if codes, _ := d.vals["languages"].([]string); len(codes) > 0 {
		cfg.Languages = append([]string(nil), codes...)
		sort.Strings(cfg.Languages)
	}
}

// OtherLangs are the codes of the site's languages other than the
// default, in the site's order: each is the folder of its pages.
func (c *Config) OtherLangs() []string {
	var l []string
	for _, lang := range c.Langs {
		if lang.Code != c.DefaultLang {
			l = append(l, lang.Code)
		}
	}
	return l
}
