package build_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// feedparserLangs is a Python script that has Debian's python3-feedparser
// read the RSS or Atom feed named by its argument and print the feed's
// language, then each entry's id and the language of its title.
const feedparserLangs = `
import sys, feedparser
d = feedparser.parse(sys.argv[1])
if d.bozo:
    print("bozo", d.bozo_exception)
    sys.exit(1)
print(d.feed.get("language", ""))
for e in d.entries:
    print(e.id, e.title_detail.get("language") or "")
`

// TestEveryLanguageHasItsFeeds builds the three-language site with one
// update a page of a feed, so that every feed has archived pages, and reads
// each language's feeds as feed readers do: every language has the whole
// set of feeds at its own folder, in its language; an entry is in the
// feed's language where its update is translated, else in English and
// marked so; its id is its page's address in the feed's language; the
// default language's feeds mark no entry; and each language's pages link
// their own feeds, at the base URL's path too when it has one.
func TestEveryLanguageHasItsFeeds(t *testing.T) {
	for _, base := range []string{"https://updates.example.org/", "https://updates.example.org/breach/"} {
		t.Run(base, func(t *testing.T) { languageFeeds(t, base) })
	}
}

func languageFeeds(t *testing.T, base string) {
	config := strings.Replace(threeLanguages, "[params]\n", "[params]\nfeed_items = 1\n", 1)
	config = strings.Replace(config, `baseURL = "https://updates.example.org/"`, `baseURL = "`+base+`"`, 1)
	site := sitetest.Write(t, config+arabicWords(t))
	out := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, site, out); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	root := strings.TrimPrefix(base, "https://updates.example.org") // the base URL's path
	py := "/usr/bin/python3"
	haveFeedparser := exec.Command(py, "-c", "import feedparser").Run() == nil
	if !haveFeedparser {
		t.Log("python3-feedparser not installed (apt-get install python3-feedparser): reading with gofeed alone")
	}
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "..", "..", "shared", "schemas", "jsonfeed-1.1.schema.json"))
	if err != nil {
		t.Fatalf("the JSON Feed schema (../shared/schemas beside the repository): %v", err)
	}
	prefix := map[string]string{"en": "", "mi": "mi/", "ar": "ar/"}
	locale := map[string]string{"en": "en-AU", "mi": "mi-NZ", "ar": "ar"}
	// The updates by stamp, their English titles, and their title in the
	// one language each is translated into.
	titles := map[string]map[string]string{
		"2024-05-16-0900": {"en": "What we know so far"},
		"2024-05-18-0900": {"en": "Call our helpline", "mi": "Waea mai"},
		"2024-05-20-0900": {"en": "We have contained it", "ar": "لقد احتوينا الأمر"},
	}
	// The incident's title, which starts each entry's: translated into te
	// reo Māori only, and in an untranslated entry always the source's.
	incident := map[string]string{"en": "Cyber security incident", "mi": "He take haumarutanga"}
	for _, lang := range []string{"en", "mi", "ar"} {
		for _, dir := range []string{prefix[lang], prefix[lang] + "incidents/x/"} {
			t.Run(strings.TrimSuffix("/"+dir, "/")+"/", func(t *testing.T) {
				// Each format, walked from the subscription feed to its
				// oldest archived page: every update once.
				for _, file := range []string{"feed.xml", "atom.xml", "feed.json"} {
					seen := map[string]bool{}
					for page := dir + file; page != ""; {
						b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
						if err != nil {
							t.Fatalf("no feed at /%s: %v", page, err)
						}
						f, err := gofeed.NewParser().ParseString(string(b))
						if err != nil {
							t.Fatalf("/%s: gofeed: %v", page, err)
						}
						if f.Language != locale[lang] {
							t.Errorf("/%s: language %q, want %q", page, f.Language, locale[lang])
						}
						if file == "feed.json" {
							v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
							if err == nil {
								err = schema.Validate(v)
							}
							if err != nil {
								t.Errorf("/%s: JSON Feed 1.1 schema: %v", page, err)
							}
						}
						itemLang := itemLangs(t, page, b, f)
						if haveFeedparser && file != "feed.json" {
							itemLang = feedparserItemLangs(t, py, filepath.Join(out, filepath.FromSlash(page)), locale[lang], itemLang)
						}
						for _, it := range f.Items {
							stamp := strings.TrimSuffix(strings.TrimPrefix(it.GUID, base+prefix[lang]+"incidents/x/"), "/")
							want, ok := titles[stamp]
							if !ok {
								t.Errorf("/%s: entry id %q is not the address of a page of this language", page, it.GUID)
								continue
							}
							seen[stamp] = true
							text, wantLang := want[lang], ""
							if text == "" {
								text, wantLang = want["en"], locale["en"]
							}
							if lang == "en" {
								wantLang = ""
							}
							inc := incident[lang]
							if inc == "" || wantLang != "" {
								inc = incident["en"]
							}
							if wantTitle := inc + " — " + text; it.Title != wantTitle {
								t.Errorf("/%s: entry %s is titled %q, want %q", page, stamp, it.Title, wantTitle)
							}
							if file != "feed.xml" && itemLang[it.GUID] != wantLang { // RSS has no language of an item
								t.Errorf("/%s: entry %s in language %q, want %q", page, stamp, itemLang[it.GUID], wantLang)
							}
						}
						page = prevArchive(b, f, file, base)
					}
					if len(seen) != len(titles) {
						t.Errorf("/%s%s and its archives carry %d of the %d updates: %v", dir, file, len(seen), len(titles), seen)
					}
				}
			})
		}
	}
	// Each language's pages offer their own language's feeds, in the
	// <head> and in words, and no other language's.
	for _, lang := range []string{"en", "mi", "ar"} {
		p := prefix[lang]
		for _, page := range []string{p, p + "incidents/x/", p + "incidents/x/2024-05-16-0900/", p + "incidents/x/2024-05-18-0900/"} {
			html := read(t, filepath.Join(out, filepath.FromSlash(page), "index.html"))
			var links []string
			for _, m := range reAlternate.FindAllStringSubmatch(html, -1) {
				links = append(links, m[2])
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(m[2], root)))); err != nil {
					t.Errorf("/%s links %s, which was not published", page, m[2])
				}
			}
			var want []string
			for _, d := range []string{"", "incidents/x/"} {
				if d == "" || page != p {
					for _, f := range []string{"feed.xml", "atom.xml", "feed.json"} {
						want = append(want, root+p+d+f)
					}
				}
			}
			for _, w := range want {
				if !slices.Contains(links, w) {
					t.Errorf("/%s: no <link rel=alternate> to %s (has %v)", page, w, links)
				}
			}
			if len(links) != len(want) {
				t.Errorf("/%s: %d feeds linked, want %d: %v", page, len(links), len(want), links)
			}
			for _, w := range want {
				if strings.HasSuffix(w, "feed.xml") && !strings.Contains(html, `<a class="url" href="`+base+strings.TrimPrefix(w, root)+`">`) {
					t.Errorf("/%s: the words on subscribing do not give %s%s", page, base, strings.TrimPrefix(w, root))
				}
			}
		}
	}
}

// itemLangs is the language of each item of the feed b by id, where the
// format says it: Atom's entry xml:lang, as gofeed leaves it out, is
// read by feedparser (feedparserItemLangs); JSON Feed's item language is
// read here.
func itemLangs(t *testing.T, page string, b []byte, f *gofeed.Feed) map[string]string {
	t.Helper()
	langs := map[string]string{}
	if f.FeedType != "json" {
		return langs
	}
	var doc struct {
		Items []struct {
			ID       string `json:"id"`
			Language string `json:"language"`
		} `json:"items"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("/%s: %v", page, err)
	}
	for _, it := range doc.Items {
		langs[it.ID] = it.Language
	}
	return langs
}

// feedparserItemLangs has feedparser read the RSS or Atom feed at file,
// whose language is feedLang: the feed's language must be the same, and
// each entry's language is the one its title is in when it is not the
// feed's (feedparser gives each title the language it inherits).
func feedparserItemLangs(t *testing.T, py, file, feedLang string, langs map[string]string) map[string]string {
	t.Helper()
	b, err := exec.Command(py, "-c", feedparserLangs, file).CombinedOutput()
	if err != nil {
		t.Fatalf("feedparser: %s: %v\n%s", file, err, b)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if strings.ToLower(lines[0]) != strings.ToLower(feedLang) {
		t.Errorf("feedparser: %s: language %q, want %q", file, lines[0], feedLang)
	}
	for _, l := range lines[1:] {
		id, lang, _ := strings.Cut(l, " ")
		if strings.EqualFold(lang, feedLang) {
			lang = ""
		}
		langs[id] = lang
	}
	return langs
}

// prevArchive is the address below the site of the feed b's page of older
// entries (RFC 5005 prev-archive; JSON Feed's next_url), or "".
func prevArchive(b []byte, f *gofeed.Feed, file, base string) string {
	var u string
	if f.FeedType == "json" {
		var doc struct {
			Next string `json:"next_url"`
		}
		if json.Unmarshal(b, &doc) == nil {
			u = doc.Next
		}
	} else if m := reRel("prev-archive").FindSubmatch(b); m != nil {
		u = string(m[1])
	}
	if u == "" {
		return ""
	}
	return strings.TrimPrefix(u, base)
}

// reRel finds the href of an RSS atom:link or Atom link of the relation rel.
func reRel(rel string) *regexp.Regexp {
	return regexp.MustCompile(`href="([^"]+)" rel="` + regexp.QuoteMeta(rel) + `"`)
}
