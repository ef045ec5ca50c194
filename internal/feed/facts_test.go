package feed

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
)

// TestFactsInEveryFormat: an update that changes facts lists them in its
// entry, in every format, read back as a reader's software reads it, its
// text escaped (a note with markup in it arrives as text); the JSON
// Feed's _disclose object carries the same facts.
func TestFactsInEveryFormat(t *testing.T) {
	site := handSite()
	inc := addIncident(site, "facts", "Facts", "2024-06-01T09:00:00+10:00")
	inc.Facts = content.Facts{
		Occurred: []content.Range{{From: content.Date{Time: mustTime("2024-05-30T00:00:00+10:00"), DateOnly: true}, Note: `<b>first</b> & "found"`}},
		Affected: &content.Affected{Min: 1200},
		Set:      []string{"occurred", "affected"},
	}
	addUpdate(inc, "2024-06-02-a.md", "First", "2024-06-02T09:00:00+10:00", content.Investigating, "Text.\n")
	b := addUpdate(inc, "2024-06-03-b.md", "Second", "2024-06-03T09:00:00+10:00", content.Identified, "More.\n")
	b.Facts = &content.Facts{Affected: &content.Affected{Min: 1200, Max: 3_000_000, Estimate: true}, Set: []string{"affected"}}
	sortIncidents(site)
	files := writeFeeds(t, site)
	const id = "https://updates.example.org/breach/incidents/facts/2024-06-03-0900/"
	for _, name := range []string{public.RSS, public.Atom, public.JSONFeed} {
		t.Run(name, func(t *testing.T) {
			f := parseFeed(t, files["incidents/facts/"+name])
			got := item(t, f, id).Content
			for _, want := range []string{
				"<p><strong>Key facts as of this update</strong></p>",
				"<li>When it happened: from 30 May 2024 (&lt;b&gt;first&lt;/b&gt; &amp; \"found\")</li>",
				"<li>How many people: Between 1,200 and about 3 million people (changed in this update, was at least 1,200 people)</li>",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("content\n%s\nwant it to contain\n%s", got, want)
				}
			}
			if first := item(t, f, "https://updates.example.org/breach/incidents/facts/2024-06-02-0900/").Content; strings.Contains(first, "Key facts") {
				t.Errorf("an update that changes no facts lists them: %s", first)
			}
		})
	}
	var jf struct {
		Items []struct {
			ID       string          `json:"id"`
			Disclose json.RawMessage `json:"_disclose"`
		} `json:"items"`
	}
	if err := json.Unmarshal(files["incidents/facts/feed.json"], &jf); err != nil {
		t.Fatal(err)
	}
	want := `{"status":"identified","facts":{"occurred":[{"from":"2024-05-30","note":"<b>first</b> & \"found\""}],"affected":{"words":"between 1,200 and about 3 million people","min":1200,"max":3000000,"estimate":true},"changed":[{"fact":"affected","was":"at least 1,200 people"}]}}`
	var got bytes.Buffer
	if err := json.Compact(&got, jf.Items[0].Disclose); err != nil {
		t.Fatal(err)
	}
	if jf.Items[0].ID != id || got.String() != want {
		t.Errorf("%s _disclose\n got %s\nwant %s", jf.Items[0].ID, got.String(), want)
	}
}
