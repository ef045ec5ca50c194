package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	xhtml "golang.org/x/net/html"

	"github.com/disclose-dev/disclose/internal/public"
)

// sites are the sites every validation runs on: the example at the
// repository root, the hand-built one, and one full of hostile text.
func sites(t *testing.T) map[string]map[string][]byte {
	return map[string]map[string][]byte{
		"example": writeFeeds(t, loadSite(t, "../..")),
		"hand":    writeFeeds(t, handSite()),
		"hostile": writeFeeds(t, hostileSite()),
	}
}

// eachFile runs f on every file called name in every site.
func eachFile(t *testing.T, name string, f func(t *testing.T, b []byte)) {
	all := sites(t)
	for _, s := range []string{"example", "hand", "hostile"} {
		for _, p := range sortedKeys(all[s]) {
			if path.Base(p) == name {
				t.Run(s+"/"+p, func(t *testing.T) { f(t, all[s][p]) })
			}
		}
	}
}

func TestAtomValidatesAgainstRFC4287(t *testing.T) {
	rng := schemas(t, "atom.rng")
	eachFile(t, public.Atom, func(t *testing.T, b []byte) {
		if err := xmllint(t, b, "--relaxng", rng); err != nil {
			t.Error(err)
		}
	})
}

func TestAtomGrammarCatchesAMissingID(t *testing.T) {
	rng := schemas(t, "atom.rng")
	b := writeFeeds(t, handSite())[public.Atom]
	bad := regexp.MustCompile(`(?s)<id>[^<]*</id>`).ReplaceAll(b, nil)
	if err := xmllint(t, bad, "--relaxng", rng); err == nil {
		t.Fatal("xmllint accepted an Atom feed without ids: the grammar check proves nothing")
	}
}

// atomDoc is what the two Schematron rules of RFC 4287 look at.
type atomDoc struct {
	Authors []atomPerson `xml:"http://www.w3.org/2005/Atom author"`
	Entries []struct {
		ID      string       `xml:"http://www.w3.org/2005/Atom id"`
		Authors []atomPerson `xml:"http://www.w3.org/2005/Atom author"`
		Links   []struct {
			Rel string `xml:"rel,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Content []struct{} `xml:"http://www.w3.org/2005/Atom content"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomPerson struct {
	Name string `xml:"http://www.w3.org/2005/Atom name"`
}

// atomRules checks the rules RFC 4287 states but its RELAX NG grammar
// leaves to Schematron: an author on the feed or on every entry (4.1.1),
// and on every entry an alternate link or content (4.1.2).
func atomRules(b []byte) []string {
	var doc atomDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		return []string{err.Error()}
	}
	var problems []string
	feedAuthor := len(doc.Authors) > 0 && doc.Authors[0].Name != ""
	for _, e := range doc.Entries {
		if !feedAuthor && len(e.Authors) == 0 {
			problems = append(problems, fmt.Sprintf("entry %s: no author, and none on the feed", e.ID))
		}
		alternate := false
		for _, l := range e.Links {
			alternate = alternate || l.Rel == "" || l.Rel == "alternate"
		}
		if !alternate && len(e.Content) == 0 {
			problems = append(problems, fmt.Sprintf("entry %s: neither an alternate link nor content", e.ID))
		}
	}
	return problems
}

func TestAtomSchematronRules(t *testing.T) {
	eachFile(t, public.Atom, func(t *testing.T, b []byte) {
		var doc atomDoc
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Authors) != 1 || doc.Authors[0].Name == "" {
			t.Errorf("feed authors %+v, want the organisation", doc.Authors)
		}
		for _, p := range atomRules(b) {
			t.Error(p)
		}
	})
}

func TestAtomRulesCatchWhatTheyAreFor(t *testing.T) {
	b := writeFeeds(t, handSite())[public.Atom]
	noAuthor := regexp.MustCompile(`(?s)<author>.*?</author>`).ReplaceAll(b, nil)
	noLinks := regexp.MustCompile(`(?s)<content .*?</content>|<link [^>]*rel="alternate"[^>]*></link>`).ReplaceAll(b, nil)
	for _, tt := range []struct {
		name string
		b    []byte
		want string
	}{
		{"no author anywhere", noAuthor, "no author"},
		{"no link and no content", noLinks, "neither an alternate link nor content"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if p := atomRules(tt.b); len(p) == 0 || !strings.Contains(p[0], tt.want) {
				t.Errorf("atomRules = %q, want %q", p, tt.want)
			}
		})
	}
}

func jsonFeedSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(schemas(t, "jsonfeed-1.1.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateJSON(sch *jsonschema.Schema, b []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

func TestJSONFeedValidatesAgainstSchema(t *testing.T) {
	sch := jsonFeedSchema(t)
	eachFile(t, public.JSONFeed, func(t *testing.T, b []byte) {
		if err := validateJSON(sch, b); err != nil {
			t.Error(err)
		}
	})
}

func TestJSONFeedSchemaCatchesARelativeURL(t *testing.T) {
	sch := jsonFeedSchema(t)
	b := writeFeeds(t, handSite())[public.JSONFeed]
	bad := bytes.Replace(b, []byte(`"url": "https://updates.example.org/breach/incidents/`), []byte(`"url": "/incidents/`), 1)
	if err := validateJSON(sch, bad); err == nil {
		t.Fatal("the schema accepted a relative item url: the check proves nothing")
	}
}

func TestJSONFeedWritesItemsWhenEmpty(t *testing.T) {
	site := handSite()
	inc := addIncident(site, "quiet-2025", "Nothing published yet", "2025-01-02T09:00:00+11:00")
	d := addUpdate(inc, "2025-01-03-draft.md", "Draft", "2025-01-03T09:00:00+11:00", "investigating", "Draft.\n")
	d.Draft = true
	sortIncidents(site)
	files := writeFeeds(t, site)
	b := files["incidents/quiet-2025/"+public.JSONFeed]
	if err := validateJSON(jsonFeedSchema(t), b); err != nil {
		t.Errorf("%v\n%s", err, b)
	}
	if f := parseFeed(t, files["incidents/quiet-2025/"+public.Atom]); f.Updated != "2025-01-02T09:00:00+11:00" {
		t.Errorf("empty Atom feed updated %q, want the incident's discovery, never the clock", f.Updated)
	}
}

// rssDocCheck is what the W3C Feed Validation Service looks at in RSS 2.0.
type rssDocCheck struct {
	XMLName xml.Name
	Version string `xml:"version,attr"`
	Channel struct {
		// Before Link: encoding/xml gives an element to the first field
		// that matches, and "link" matches <atom:link> too.
		AtomLinks []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
			Type string `xml:"type,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Title          string `xml:"title"`
		Link           string `xml:"link"`
		Description    string `xml:"description"`
		Language       string `xml:"language"`
		ManagingEditor string `xml:"managingEditor"`
		PubDate        string `xml:"pubDate"`
		LastBuildDate  string `xml:"lastBuildDate"`
		Items          []struct {
			Title       string   `xml:"title"`
			Link        string   `xml:"link"`
			Description string   `xml:"description"`
			Content     string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Authors     []string `xml:"author"`
			GUID        struct {
				ID          string `xml:",chardata"`
				IsPermaLink string `xml:"isPermaLink,attr"`
			} `xml:"guid"`
			PubDate string `xml:"pubDate"`
		} `xml:"item"`
	} `xml:"channel"`
}

var (
	rfc822   = regexp.MustCompile(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$`)
	langCode = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z]{2,3})?$`)
	editor   = regexp.MustCompile(`^[^@\s()]+@[^@\s()]+\.[^@\s()]+ \([^()]+\)$`)
)

// rssRules checks the RSS at feedURL for what the W3C validator reports as
// errors or warnings.
func rssRules(b []byte, feedURL string) []string {
	var doc rssDocCheck
	if err := xml.Unmarshal(b, &doc); err != nil {
		return []string{err.Error()}
	}
	var p []string
	bad := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	if doc.XMLName.Local != "rss" || doc.Version != "2.0" {
		bad("root <%s version=%q>, want <rss version=\"2.0\">", doc.XMLName.Local, doc.Version)
	}
	ch := doc.Channel
	if ch.Title == "" || ch.Description == "" || !absoluteHTTP(ch.Link) {
		bad("channel title %q, link %q, description %q: all required, the link absolute", ch.Title, ch.Link, ch.Description)
	}
	self := false
	for _, l := range ch.AtomLinks {
		self = self || l.Rel == "self" && l.Type == "application/rss+xml" && l.Href == feedURL
	}
	if !self {
		bad("no atom:link rel=\"self\" type=\"application/rss+xml\" href=%q (found %+v)", feedURL, ch.AtomLinks)
	}
	if !langCode.MatchString(ch.Language) {
		bad("language %q is not a language code", ch.Language)
	}
	if ch.ManagingEditor != "" && !editor.MatchString(ch.ManagingEditor) {
		bad("managingEditor %q is not \"email (Name)\"", ch.ManagingEditor)
	}
	for _, d := range []string{ch.PubDate, ch.LastBuildDate} {
		if d != "" && !rfc822Date(d) {
			bad("channel date %q is not RFC 822 with a 4-digit year", d)
		}
	}
	for _, it := range ch.Items {
		if it.Title == "" && it.Description == "" {
			bad("item without title or description")
		}
		if !absoluteHTTP(it.Link) {
			bad("item link %q is not absolute", it.Link)
		}
		if it.GUID.IsPermaLink != "true" || !absoluteHTTP(it.GUID.ID) {
			bad("item guid %q isPermaLink=%q, want an absolute URL and \"true\"", it.GUID.ID, it.GUID.IsPermaLink)
		}
		if !rfc822Date(it.PubDate) {
			bad("item pubDate %q is not RFC 822 with a 4-digit year", it.PubDate)
		}
		for _, a := range it.Authors {
			if !strings.Contains(a, "@") {
				bad("item author %q has no email address", a)
			}
		}
		for _, h := range []string{it.Description, it.Content} {
			for _, u := range relativeURLs(h) {
				bad("item %s: relative URL %q", it.GUID.ID, u)
			}
			for _, r := range riskyHTML(h) {
				bad("item %s: %s", it.GUID.ID, r)
			}
		}
	}
	// Channel elements after the items are "misplaced" (MisplacedItem).
	if k, end := bytes.LastIndex(b, []byte("</item>")), bytes.Index(b, []byte("</channel>")); k >= 0 && len(bytes.TrimSpace(b[k+len("</item>"):end])) > 0 {
		bad("channel elements after the items: %q", bytes.TrimSpace(b[k+len("</item>"):end]))
	}
	// The validator reads content:encoded without a description before it
	// as a missing description (NeedDescriptionBeforeContent).
	for _, item := range regexp.MustCompile(`(?s)<item>.*?</item>`).FindAll(b, -1) {
		d, c := bytes.Index(item, []byte("<description>")), bytes.Index(item, []byte("<content:encoded>"))
		if c >= 0 && (d < 0 || d > c) {
			bad("item: content:encoded without a description before it")
		}
	}
	if k := strings.IndexFunc(string(b), func(r rune) bool { return r >= 0x80 && r <= 0x9F || r == 0xFFFD }); k >= 0 {
		bad("bad character %q at byte %d", []rune(string(b[k:]))[0], k)
	}
	return p
}

var (
	riskyElements = map[string]bool{"script": true, "style": true, "iframe": true, "object": true, "embed": true,
		"applet": true, "frame": true, "frameset": true, "link": true, "meta": true, "base": true}
	safeStyle = regexp.MustCompile(`^text-align:\s*(left|right|center);?$`)
)

// riskyHTML lists what the W3C validator reports as a security risk in
// the HTML h: script-like elements, event handlers, attributes outside its
// list (role is the one goldmark writes) and styles beyond text-align.
func riskyHTML(h string) []string {
	var out []string
	z := xhtml.NewTokenizer(strings.NewReader(h))
	for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if riskyElements[tok.Data] {
			out = append(out, "element <"+tok.Data+">")
		}
		for _, a := range tok.Attr {
			switch {
			case a.Key == "role", strings.HasPrefix(a.Key, "on"), a.Key == "style" && !safeStyle.MatchString(a.Val):
				out = append(out, fmt.Sprintf("attribute %s=%q on <%s>", a.Key, a.Val, tok.Data))
			}
		}
	}
	return out
}

func rfc822Date(s string) bool {
	if !rfc822.MatchString(s) {
		return false
	}
	t, err := time.Parse(time.RFC1123Z, s)
	return err == nil && t.Format(time.RFC1123Z) == s // the weekday agrees
}

func absoluteHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// relativeURLs lists every href and src in the HTML h that is not absolute.
func relativeURLs(h string) []string {
	var out []string
	z := xhtml.NewTokenizer(strings.NewReader(h))
	for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			if a.Key != "href" && a.Key != "src" {
				continue
			}
			if u, err := url.Parse(a.Val); err != nil || !u.IsAbs() {
				out = append(out, a.Val)
			}
		}
	}
	return out
}

func TestRSSMeetsW3CValidatorRules(t *testing.T) {
	site := loadSite(t, "../..")
	hand, hostile := handSite(), hostileSite()
	for name, s := range map[string]*struct {
		base  string
		files map[string][]byte
	}{
		"example": {site.Config.BaseURL, writeFeeds(t, site)},
		"hand":    {hand.Config.BaseURL, writeFeeds(t, hand)},
		"hostile": {hostile.Config.BaseURL, writeFeeds(t, hostile)},
	} {
		for _, p := range sortedKeys(s.files) {
			if path.Base(p) != public.RSS {
				continue
			}
			t.Run(name+"/"+p, func(t *testing.T) {
				for _, problem := range rssRules(s.files[p], s.base+p) {
					t.Error(problem)
				}
			})
		}
	}
}

func TestRSSRulesCatchWhatTheyAreFor(t *testing.T) {
	b := writeFeeds(t, handSite())[public.RSS]
	self := "https://updates.example.org/breach/feed.xml"
	for _, tt := range []struct {
		name, old, new, want string
	}{
		{"no self link", `rel="self"`, `rel="related"`, "no atom:link"},
		{"two-digit year", "Fri, 24 May 2024", "Fri, 24 May 24", "4-digit year"},
		{"author without email", "<dc:creator>", "<author>Example Health</author><dc:creator>", "no email address"},
		{"relative link in content", `href="https://updates.example.org/breach/incidents/ransomware-2024/"`, `href="/incidents/ransomware-2024/"`, "relative URL"},
		{"guid not a permalink", `isPermaLink="true"`, `isPermaLink="false"`, "isPermaLink"},
		{"bad language", "<language>en-AU</language>", "<language>English</language>", "not a language code"},
		{"ARIA role in content", `class="footnote-ref"`, `class="footnote-ref" role="doc-noteref"`, "attribute role="},
		{"script in content", "<p>We found a problem", "<script>alert(1)</script><p>We found a problem", "element <script>"},
		{"content before description", "</link>\n      <description>", "</link><content:encoded>x</content:encoded><description>", "without a description before it"},
		{"channel element after the items", "</channel>", "<ttl>60</ttl></channel>", "after the items"},
		{"C1 control character", "<title>Example Health", "<title>\u0085Example Health", "bad character"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(b, []byte(tt.old)) {
				t.Fatalf("the feed has no %q to break", tt.old)
			}
			bad := bytes.Replace(b, []byte(tt.old), []byte(tt.new), 1)
			p := rssRules(bad, self)
			if !strings.Contains(strings.Join(p, "\n"), tt.want) {
				t.Errorf("rssRules = %q, want a problem saying %q", p, tt.want)
			}
		})
	}
}
