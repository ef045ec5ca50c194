package feed

import (
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
)

const (
	hostileIncident = `Fish & "chips" <b>not bold</b> ]]> 'quoted'`
	hostileTitle    = "Ünïcödé 🔐 emoji, حادث أمني (right to left) and Pneumonoultramicroscopicsilicovolcanoconiosis" + "\u0001\u0085\uFFFD" + "]]>"
	hostileSummary  = `A & B < C > D ]]> "E" 'F' 🔐 مرحبا`
)

// hostileSite is a site whose text tries to break every format.
func hostileSite() *content.Site {
	site := handSite()
	site.Config.Title = `Example & Co <script>: "updates" ]]>`
	site.Config.Organisation = `O'Brien & <Sons> ]]>`
	inc := addIncident(site, "hostile", hostileIncident, "2024-06-01T09:00:00+10:00")
	u := addUpdate(inc, "2024-06-02-hostile.md", hostileTitle, "2024-06-02T09:00:00+10:00", content.Investigating,
		"Text with ]]> and & and <i>raw</i> and "+strings.Repeat("x", 300)+" 🔐 مرحبا بالعالم.\n\n"+
			"```\n]]><![CDATA[ <script>alert(1)</script>\n```\n\n[link](a]]>b.html)\n")
	u.Summary = hostileSummary
	u.Revisions = []content.Revision{{Date: mustTime("2024-06-03T09:00:00+10:00"), Note: `fixed "]]>" & <tags>`}}
	sortIncidents(site)
	return site
}

// TestHostileTextRoundTrip reads the hostile feeds back with gofeed and
// checks the text arrives as written, in every format, and that xmllint
// finds the XML well-formed.
func TestHostileTextRoundTrip(t *testing.T) {
	files := writeFeeds(t, hostileSite())
	wantTitle := hostileIncident + " — " + strings.Replace(hostileTitle, "\u0001\u0085\uFFFD", "", 1)
	for _, name := range []string{public.RSS, public.Atom, public.JSONFeed} {
		for _, dir := range []string{"", "incidents/hostile/"} {
			t.Run(dir+name, func(t *testing.T) {
				b := files[dir+name]
				if name != public.JSONFeed {
					if err := xmllint(t, b); err != nil {
						t.Fatal(err)
					}
				}
				f := parseFeed(t, b)
				it := item(t, f, "https://updates.example.org/breach/incidents/hostile/2024-06-02-0900/")
				if it.Title != wantTitle {
					t.Errorf("title\n got %q\nwant %q", it.Title, wantTitle)
				}
				summary := it.Description
				if name == public.RSS {
					summary = unescapeText(summary)
				}
				if summary != hostileSummary {
					t.Errorf("summary\n got %q\nwant %q", summary, hostileSummary)
				}
				for _, want := range []string{
					"Text with ]]&gt; and &amp; and <!-- raw HTML omitted -->raw<!-- raw HTML omitted --> and " + strings.Repeat("x", 300) + " 🔐 مرحبا بالعالم.",
					"]]&gt;&lt;![CDATA[ &lt;script&gt;alert(1)&lt;/script&gt;",
					`Revised 3 June 2024, 9:00 am AEST: fixed "]]&gt;" &amp; &lt;tags&gt;`,
					`<a href="https://updates.example.org/breach/incidents/hostile/2024-06-02-0900/a%5D%5D%3Eb.html">link</a>`,
				} {
					if !strings.Contains(it.Content, want) {
						t.Errorf("content\n%s\nwant it to contain\n%s", it.Content, want)
					}
				}
				if dir == "" && !strings.Contains(f.Title, `Example & Co <script>: "updates" ]]>`) {
					t.Errorf("feed title %q", f.Title)
				}
			})
		}
	}
}

// unescapeText undoes the HTML escaping of an RSS description.
func unescapeText(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// TestCDATAEndInsideContent feeds raw "]]>" in an entry's HTML straight to
// the encoders: RSS wraps content in CDATA, which must be split around it.
func TestCDATAEndInsideContent(t *testing.T) {
	ch := &Channel{
		Title: "t", Description: "d", Home: "https://h.example/", Language: "en",
		Author: "A", AuthorURL: "https://h.example/",
		Published: mustTime("2024-01-01T00:00:00Z"), Updated: mustTime("2024-01-01T00:00:00Z"),
		Entries: []*Entry{{
			ID: "https://h.example/a/", Title: "]]>", Summary: "]]>",
			HTML:      "<p>one ]]> two ]]]]> three ]]</p>]]>",
			Published: mustTime("2024-01-01T00:00:00Z"), Updated: mustTime("2024-01-01T00:00:00Z"),
		}},
	}
	for name, enc := range map[string]func(*Channel) ([]byte, error){public.RSS: RSS, public.Atom: Atom, public.JSONFeed: JSON} {
		t.Run(name, func(t *testing.T) {
			b, err := enc(ch)
			if err != nil {
				t.Fatal(err)
			}
			if name != public.JSONFeed {
				if err := xmllint(t, b); err != nil {
					t.Fatal(err)
				}
			}
			want := ch.Entries[0].HTML
			if name == public.RSS { // the same HTML, without a CDATA end in it
				want = strings.ReplaceAll(want, "]]>", "]]&gt;")
			}
			f := parseFeed(t, b)
			if got := f.Items[0].Content; got != want {
				t.Errorf("content\n got %q\nwant %q", got, want)
			}
		})
	}
}
