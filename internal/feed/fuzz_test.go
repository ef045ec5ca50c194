package feed

import (
	"encoding/json"
	"encoding/xml"
	"testing"
)

// FuzzChannelText checks that any title, summary and HTML comes out of
// every encoder as well-formed XML or JSON that gives the text back.
func FuzzChannelText(f *testing.F) {
	f.Add(hostileIncident, hostileSummary, "<p>]]> & <![CDATA[ x ]]]]></p>")
	f.Add("\x00\x01\ufffe", "\xff\xfe", "\U0001F510 مرحبا")
	f.Fuzz(func(t *testing.T, title, summary, body string) {
		at := mustTime("2024-05-16T09:00:00+10:00")
		ch := &Channel{
			Title: clean(title), Description: clean(summary), Home: "https://h.example/", Language: "en",
			Author: clean(title), AuthorURL: "https://h.example/", Published: at, Updated: at,
			Entries: []*Entry{{ID: "https://h.example/a/", Title: clean(title), Summary: clean(summary), HTML: clean(body), Published: at, Updated: at}},
		}
		for _, enc := range []func(*Channel) ([]byte, error){RSS, Atom} {
			b, err := enc(ch)
			if err != nil {
				t.Fatal(err)
			}
			var v struct {
				Title   string `xml:"title"`
				Channel struct {
					Title string `xml:"title"`
				} `xml:"channel"`
			}
			if err := xml.Unmarshal(b, &v); err != nil {
				t.Fatalf("not well-formed: %v\n%s", err, b)
			}
			if got := v.Title + v.Channel.Title; got != ch.Title {
				t.Fatalf("title %q, want %q", got, ch.Title)
			}
		}
		b, err := JSON(ch)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Items []struct {
				Title, Summary string
				HTML           string `json:"content_html"`
			}
		}
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		if it := v.Items[0]; it.Title != ch.Title || it.Summary != ch.Entries[0].Summary || it.HTML != ch.Entries[0].HTML {
			t.Fatalf("JSON gives back %+v", it)
		}
	})
}
