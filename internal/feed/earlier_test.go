package feed

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/history"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestRevisionNotesLinkTheEarlierText: a revision note in an entry links
// to the text it replaced, at public.EarlierVersion, as the update's page does;
// a note whose earlier text the build does not publish has no link.
func TestRevisionNotesLinkTheEarlierText(t *testing.T) {
	site := loadSite(t, filepath.Join("..", ".."))
	var revised *content.Update
	for _, u := range site.AllPublished() {
		if len(u.Revisions) > 0 {
			revised = u
		}
	}
	if revised == nil {
		t.Fatal("the example site has no revised update")
	}
	entryHTML := func(found map[*content.Update][]history.Version) string {
		bodies := checked(site)
		bodies.SetEarlier(found)
		chans, err := Channels(site, bodies)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range chans[0].Entries {
			if e.ID == site.URL(revised.Path()) {
				return e.HTML
			}
		}
		t.Fatal("the revised update is not in the site's feed")
		return ""
	}
	link := `(<a href="` + site.URL(public.EarlierVersion(revised.Path(), 1)) + `">read the text before this change</a>)</li>`
	if got := entryHTML(map[*content.Update][]history.Version{revised: {{N: 1}}}); !strings.Contains(got, link) {
		t.Errorf("the entry does not link the earlier text %s:\n%s", link, got)
	}
	if got := entryHTML(nil); strings.Contains(got, "read the text before this change") {
		t.Errorf("the entry links an earlier text the build does not publish:\n%s", got)
	}
}

// TestJSONFeedIcons: JSON Feed's icon and favicon are the site's own files
// under static/, and are left out when it has none.
func TestJSONFeedIcons(t *testing.T) {
	tests := []struct {
		name          string
		static        map[string]string
		icon, favicon string
	}{
		{"none", nil, "", ""},
		{"favicon only", map[string]string{"static/favicon.ico": "ico"}, "", "https://updates.example.org/breach/favicon.ico"},
		{"both", map[string]string{"static/favicon.ico": "ico", "static/icon.png": "png"}, "https://updates.example.org/breach/icon.png", "https://updates.example.org/breach/favicon.ico"},
		{"a folder named like an icon is no icon", map[string]string{"static/icon.png/x": "x"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := handSite()
			site.Dir = t.TempDir()
			sitetest.WriteFiles(t, site.Dir, tt.static)
			got := writeFeeds(t, site)
			var doc struct {
				Icon    string `json:"icon"`
				Favicon string `json:"favicon"`
			}
			if err := json.Unmarshal(got[public.JSONFeed], &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Icon != tt.icon || doc.Favicon != tt.favicon {
				t.Errorf("icon %q, favicon %q; want %q, %q", doc.Icon, doc.Favicon, tt.icon, tt.favicon)
			}
		})
	}
}
