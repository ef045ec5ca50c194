package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// arabicWords is the site's own i18n/ar.toml: the theme has no words in
// Arabic, and check refuses a language without its words. They are the
// tests' own (testdata/ar.toml), not reviewed by a fluent speaker.
func arabicWords(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "ar.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return "-- i18n/ar.toml --\n" + string(b)
}

// themeWords are a few of the theme's words in each language of
// threeLanguages, as its pages show them.
var themeWords = map[string]struct{ notTranslated, official, status, contained string }{
	"mi": {"Kāore anō tēnei whārangi kia whakamāoritia", "whaimana", "Tūnga:", "Kua aukatia"},
	"ar": {"لم تُترجم بعد", "الرسمية", "الحالة:", "تم الاحتواء"},
}

// threeLanguages is a site in English, te reo Māori and Arabic with one
// open incident and three updates: the statement and the second update
// are translated into te reo Māori, the third update into Arabic; the
// rest is in English only.
const threeLanguages = `
-- config.toml --
baseURL = "https://updates.example.org/"
title = "Example: cyber incident updates"
locale = "en-AU"
timeZone = "Australia/Melbourne"

[languages.en]
languageName = "English"
[languages.mi]
languageName = "Te reo Māori"
locale = "mi-NZ"
[languages.ar]
languageName = "العربية"
[languages.ar.params.contact]
phone_hours = "من 8 صباحًا إلى 8 مساءً، كل أيام الأسبوع"
[[languages.ar.params.we_will_never]]
text = "أن تطلب كلمة المرور الخاصة بك"

[params]
organisation = "Example Pty Ltd"
known_as = "Example"
jurisdictions = ["au"]

[params.contact]
phone = "1800 000 000"
email = "incident@example.org"

[[params.we_will_never]]
text = "ask for your password"
-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-05-06T14:20:00+10:00
affected:
  count: 312
---
Someone got into our systems.
-- content/incidents/x/_index.mi.md --
---
title: He take haumarutanga
discovered: 2024-05-06T14:20:00+10:00
---
I uru tētahi ki ā mātou pūnaha.
-- content/incidents/x/2024-05-16-first.md --
---
title: What we know so far
date: 2024-05-16T09:00:00+10:00
status: investigating
---
We found someone in our systems and we are looking into it.
-- content/incidents/x/2024-05-18-second.md --
---
title: Call our helpline
date: 2024-05-18T09:00:00+10:00
status: investigating
---
Call us for help with your account.
-- content/incidents/x/2024-05-18-second.mi.md --
---
title: Waea mai
date: 2024-05-18T09:00:00+10:00
status: investigating
---
Waea mai ki a mātou mō tō pūkete.
-- content/incidents/x/2024-05-20-third.md --
---
title: We have contained it
date: 2024-05-20T09:00:00+10:00
status: contained
---
The person can no longer get in.
-- content/incidents/x/2024-05-20-third.ar.md --
---
title: لقد احتوينا الأمر
date: 2024-05-20T09:00:00+10:00
status: contained
---
لم يعد بإمكان الشخص الدخول.
`

// TestEveryLanguageHasEveryPage builds the three-language site and reads
// each language's pages as a reader would: every incident and update is
// in every language, at its address, marked untranslated (in English, with
// its lang and a note linking the English page) where it is not
// translated, and no language's home page says nothing is open.
func TestEveryLanguageHasEveryPage(t *testing.T) {
	site := sitetest.Write(t, threeLanguages+arabicWords(t))
	out := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, site, out); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	const base = "https://updates.example.org"
	prefix := map[string]string{"en": "/", "mi": "/mi/", "ar": "/ar/"}
	locale := map[string]string{"en": "en-AU", "mi": "mi-NZ", "ar": "ar"}
	// Each page below the language's root, and the languages it is
	// translated into (beside English, the source).
	pages := []struct {
		path       string
		translated []string
		text       map[string]string // words of its text in a language
	}{
		{"", nil, nil},
		{"incidents/", nil, nil},
		{"incidents/x/", []string{"mi"}, map[string]string{"en": "Someone got into our systems.", "mi": "I uru tētahi ki ā mātou pūnaha."}},
		{"incidents/x/2024-05-16-0900/", nil, map[string]string{"en": "We found someone in our systems"}},
		{"incidents/x/2024-05-18-0900/", []string{"mi"}, map[string]string{"en": "Call us for help with your account.", "mi": "Waea mai ki a mātou mō tō pūkete."}},
		{"incidents/x/2024-05-20-0900/", []string{"ar"}, map[string]string{"en": "The person can no longer get in.", "ar": "لم يعد بإمكان الشخص الدخول."}},
		{"verify/", nil, nil},
	}
	// The default language has no folder of its own: its addresses do not
	// change when a language is added. Hugo's sitemap of each language,
	// listed by /sitemap.xml, is the one file there.
	filepath.WalkDir(filepath.Join(out, "en"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), "sitemap.xml") {
			t.Errorf("%s: the default language has a page below /en/", p)
		}
		return nil
	})
	for _, p := range pages {
		for _, lang := range []string{"en", "mi", "ar"} {
			addr := prefix[lang] + p.path
			t.Run(strings.Trim(addr, "/")+"/", func(t *testing.T) {
				b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(addr), "index.html"))
				if err != nil {
					t.Fatalf("no page at %s: %v", addr, err)
				}
				doc, err := html.Parse(strings.NewReader(string(b)))
				if err != nil {
					t.Fatal(err)
				}
				page := string(b)
				root := find(doc, "html")
				if got := attr(root, "lang"); got != locale[lang] {
					t.Errorf("<html lang=%q>, want %q", got, locale[lang])
				}
				if got, want := attr(root, "dir"), map[bool]string{true: "rtl"}[lang == "ar"]; got != want {
					t.Errorf("<html dir=%q>, want %q", got, want)
				}
				// Reciprocal hreflang links to every language, x-default
				// to the English page.
				links := map[string]string{}
				for _, l := range findAll(doc, "link") {
					if attr(l, "rel") == "alternate" && attr(l, "hreflang") != "" {
						links[attr(l, "hreflang")] = attr(l, "href")
					}
				}
				for _, other := range []string{"en", "mi", "ar"} {
					if got, want := links[locale[other]], base+prefix[other]+p.path; got != want {
						t.Errorf(`<link rel="alternate" hreflang=%q href=%q>, want href %q`, locale[other], got, want)
					}
				}
				if got, want := links["x-default"], base+"/"+p.path; got != want {
					t.Errorf(`hreflang="x-default" href=%q, want %q`, got, want)
				}
				// The menu names each language in itself, linking the others.
				nav := findWhere(doc, func(n *html.Node) bool { return n.Data == "nav" && attr(n, "class") == "langs" })
				if nav == nil {
					t.Fatal("no language menu")
				}
				menu := nodeText(nav)
				for _, name := range []string{"English", "Te reo Māori", "العربية"} {
					if !strings.Contains(menu, name) {
						t.Errorf("the language menu %q does not name %s", menu, name)
					}
				}
				for _, a := range findAll(nav, "a") {
					if !strings.HasPrefix(attr(a, "href"), "/") || strings.TrimPrefix(attr(a, "href"), "/") == strings.TrimPrefix(addr, "/") {
						t.Errorf("the menu links %q", attr(a, "href"))
					}
				}
				main := find(doc, "main")
				untranslated := lang != "en" && p.text != nil && !slices.Contains(p.translated, lang)
				switch {
				case untranslated:
					// The author's words are in English, and say so; the
					// theme's around them are the page's language.
					h1 := find(main, "h1")
					if attr(h1, "lang") != "en-AU" && attr(find(h1, "span"), "lang") != "en-AU" {
						t.Errorf("untranslated, the title %q is not marked en-AU", nodeText(h1))
					}
					for _, n := range textNodes(main, p.text["en"]) {
						if got := langOf(n); got != "en-AU" {
							t.Errorf("untranslated, the English text %q is in lang %q", n.Data, got)
						}
					}
					banner := findWhere(main, func(n *html.Node) bool { return strings.Contains(attr(n, "class"), "now-status") })
					if got, want := langOf(banner), attr(find(doc, "html"), "lang"); banner != nil && got != want {
						t.Errorf("untranslated, the theme's status words are in lang %q, want the page's %q", got, want)
					}
					if attr(main, "lang") != "" {
						t.Errorf("untranslated, <main lang=%q>: the theme's words in it are the page's language", attr(main, "lang"))
					}
					note := findWhere(doc, func(n *html.Node) bool { return n.Data == "p" && strings.Contains(attr(n, "class"), "untranslated") })
					if note == nil || !strings.Contains(nodeText(note), themeWords[lang].notTranslated) {
						t.Fatalf("untranslated, the page has no note saying so")
					}
					if a := find(note, "a"); a == nil || attr(a, "href") != "/"+p.path || attr(a, "lang") != "en-AU" {
						t.Errorf("the note does not link the English page /%s: %s", p.path, nodeText(note))
					}
					if !strings.Contains(page, p.text["en"]) {
						t.Errorf("untranslated, the page does not show the English text %q", p.text["en"])
					}
				case lang != "en" && p.text != nil:
					if attr(main, "lang") != "" {
						t.Errorf("translated, <main lang=%q>: the page's text is in its own language", attr(main, "lang"))
					}
					if !strings.Contains(page, p.text[lang]) {
						t.Errorf("translated, the page does not show its text %q", p.text[lang])
					}
					if strings.Contains(page, themeWords[lang].notTranslated) {
						t.Error("a translated page says it is not translated")
					}
					note := findWhere(doc, func(n *html.Node) bool { return n.Data == "p" && attr(n, "class") == "translation" })
					if note == nil || !strings.Contains(nodeText(note), themeWords[lang].official) {
						t.Fatal("a translation does not say which version is the official one")
					}
					if a := find(note, "a"); a == nil || attr(a, "href") != "/"+p.path {
						t.Errorf("the translation's note does not link the official page /%s", p.path)
					}
				}
				// The config's words are the language's where it gives
				// them (Arabic), else in English, saying so wherever they
				// are shown (te reo Māori).
				english := textNodes(doc, "ask for your password")
				switch lang {
				case "ar":
					if len(english) > 0 {
						t.Errorf("the page shows params.we_will_never in English, not [languages.ar.params]'s words")
					}
					for _, n := range textNodes(doc, "أن تطلب كلمة المرور الخاصة بك") {
						if got := langOf(n); got != "ar" {
							t.Errorf("the Arabic words %q are in lang %q", n.Data, got)
						}
					}
					if !strings.Contains(page, "أن تطلب كلمة المرور الخاصة بك") || !strings.Contains(page, "من 8 صباحًا إلى 8 مساءً") {
						t.Error("the page does not show [languages.ar.params]'s words")
					}
				default:
					if len(english) == 0 {
						t.Error("the page does not show params.we_will_never")
					}
					for _, n := range english {
						if got := langOf(n); got != "en-AU" {
							t.Errorf("the config's words %q are in lang %q, want en-AU", n.Data, got)
						}
					}
				}
				for _, none := range []string{"There are no open incidents", "Kāore he takahanga e tuwhera tonu ana"} {
					if strings.Contains(page, none) {
						t.Errorf("the page says %q while one is open", none)
					}
				}
			})
		}
	}
	// Words in another language than the text around them say so: the
	// Arabic update listed on the incident page not translated into
	// Arabic, and the Māori statement's title named on a page not
	// translated into te reo Māori.
	for _, tc := range []struct{ page, want string }{
		{"ar/incidents/x/", `<span lang="ar" dir="rtl">لقد احتوينا الأمر</span>`},
		{"ar/incidents/x/", `<p lang="ar" dir="rtl">لم يعد بإمكان الشخص الدخول.</p>`},
		{"mi/incidents/x/", `<span lang="en-AU" dir="ltr">What we know so far</span>`},
		{"mi/incidents/x/", `<h3><a href="/mi/incidents/x/2024-05-18-0900/">Waea mai</a>`},
		{"mi/incidents/x/2024-05-16-0900/", `<a href="/mi/incidents/x/" lang="mi-NZ" dir="ltr">He take haumarutanga</a>`},
		{"ar/incidents/x/2024-05-20-0900/", `<a href="/ar/incidents/x/" lang="en-AU" dir="ltr">Cyber security incident</a>`},
		// Left-to-right runs in right-to-left text keep their order: a
		// phone number's groups, a time of day and its zone.
		{"ar/incidents/x/2024-05-20-0900/", `<a class="tel" dir="ltr" href="tel:&#43;611800000000">1800 000 000</a>`},
		{"ar/incidents/x/2024-05-20-0900/", `2024, <span dir="ltr">9:00 am AEST</span></time>`},
	} {
		if page := read(t, filepath.Join(out, tc.page, "index.html")); !strings.Contains(page, tc.want) {
			t.Errorf("/%s lacks %s", tc.page, tc.want)
		}
	}
	// The home page of every language shows the open incident and its
	// status, and lists the untranslated updates in English with their lang.
	for _, lang := range []string{"mi", "ar"} {
		home := read(t, filepath.Join(out, lang, "index.html"))
		for _, want := range []string{themeWords[lang].status, `href="/` + lang + `/incidents/x/2024-05-16-0900/"`, `lang="en-AU"`} {
			if !strings.Contains(home, want) {
				t.Errorf("/%s/: the home page lacks %q", lang, want)
			}
		}
		if !strings.Contains(home, themeWords[lang].contained) {
			t.Errorf("/%s/: the home page does not say the incident is contained", lang)
		}
	}
}

// textNodes are the text nodes below n that contain s.
func textNodes(n *html.Node, s string) []*html.Node {
	var out []*html.Node
	if n.Type == html.TextNode && strings.Contains(n.Data, s) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, textNodes(c, s)...)
	}
	return out
}

// langOf is the language n is in: the lang of its nearest element that
// has one.
func langOf(n *html.Node) string {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "lang" {
					return a.Val
				}
			}
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func findWhere(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findWhere(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func find(n *html.Node, tag string) *html.Node {
	return findWhere(n, func(n *html.Node) bool { return n.Data == tag })
}

func findAll(n *html.Node, tag string) []*html.Node {
	var l []*html.Node
	if n.Type == html.ElementNode && n.Data == tag {
		l = append(l, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l = append(l, findAll(c, tag)...)
	}
	return l
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestLanguageWordsFromTheSite: the menu's and the notes' words come from
// the site's i18n/<lang>.toml where it gives them, through Hugo's T, and
// are the theme's where it does not (te reo Māori), and the site's where
// the theme has none (Arabic).
func TestLanguageWordsFromTheSite(t *testing.T) {
	site := sitetest.Write(t, threeLanguages+arabicWords(t)+`-- i18n/mi.toml --
read_this_in = "Pānuihia i te reo:"
untranslated_notice = "Kāore anō tēnei whārangi kia whakamāoritia, nō reira kei tōna reo taketake"
translation_notice = "He whakamāoritanga tēnei. Ko te putanga mana kei te reo"
`)
	out := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, site, out); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	for _, tc := range []struct{ page, want, not string }{
		{"mi/incidents/x/2024-05-16-0900/", `Pānuihia i te reo:`, "Read this in:"},
		{"mi/incidents/x/2024-05-16-0900/", `Kāore anō tēnei whārangi kia whakamāoritia, nō reira kei tōna reo taketake: <a href="/incidents/x/2024-05-16-0900/"`, "not translated yet"},
		{"mi/incidents/x/2024-05-18-0900/", `He whakamāoritanga tēnei. Ko te putanga mana kei te reo: <a href="/incidents/x/2024-05-18-0900/"`, "This is a translation"},
		{"ar/incidents/x/2024-05-16-0900/", `هذه الصفحة لم تُترجم بعد، لذا تُعرض بلغتها الأصلية: <a href="/incidents/x/2024-05-16-0900/"`, "This page is not translated yet"},
		{"incidents/x/", `Read this in:`, "Pānuihia"},
	} {
		page := read(t, filepath.Join(out, tc.page, "index.html"))
		if !strings.Contains(page, tc.want) {
			t.Errorf("/%s lacks %q", tc.page, tc.want)
		}
		if strings.Contains(page, tc.not) {
			t.Errorf("/%s has %q", tc.page, tc.not)
		}
	}
}

// TestLanguageWithoutTheThemesWords: a language the theme has no words for,
// and the site gives none, is refused before anything is built, at its
// [languages.<lang>] line: its pages would otherwise frame the translation
// in English without a word.
func TestLanguageWithoutTheThemesWords(t *testing.T) {
	site := sitetest.Write(t, threeLanguages)
	out := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, site, out)
	if err == nil {
		t.Fatal("built a site in Arabic without the theme's words in Arabic")
	}
	want := regexp.MustCompile(`config\.toml:11:12: languages\.ar: the theme's words are not translated into ar: (\d+) of (\d+) missing \([a-z_]+, .*\); add them to i18n/ar\.toml \(see i18n/en\.toml for the English\)`)
	if m := want.FindStringSubmatch(res.Diags.Error()); m == nil || m[1] != m[2] {
		t.Errorf("diagnostics:\n%s\nwant every word missing: %s", res.Diags.Error(), want)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
		t.Error("the refused site was written")
	}
}
