package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var reAlternate = regexp.MustCompile(`<link rel="?alternate"? type="?([^" ]+)"?[^>]*href="?([^" >]+)"?`)

// TestPagesLinkTheirFeeds: a feed reader pointed at any page finds the
// feeds (<link rel="alternate">), incident and update pages offer their
// incident's own feeds, every linked feed exists, and the page says in words
// how to subscribe.
func TestPagesLinkTheirFeeds(t *testing.T) {
	out, site := example(t)
	inc := site.Incidents[len(site.Incidents)-1]
	pages := map[string]string{
		"index.html":                         "",
		inc.Path() + "index.html":            "/" + inc.Path(),
		inc.Updates[0].Path() + "index.html": "/" + inc.Path(),
	}
	for page, own := range pages {
		html := read(t, filepath.Join(out, filepath.FromSlash(page)))
		links := map[string]bool{}
		for _, m := range reAlternate.FindAllStringSubmatch(html, -1) {
			links[m[1]+" "+m[2]] = true
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(m[2], "/")))); err != nil {
				t.Errorf("%s links %s, which was not published", page, m[2])
			}
		}
		for _, base := range []string{"/", own} {
			if base == "" {
				continue
			}
			for _, f := range []string{"application/rss+xml " + base + "feed.xml", "application/atom+xml " + base + "atom.xml", "application/feed+json " + base + "feed.json"} {
				if !links[f] {
					t.Errorf("%s does not link %s as rel=alternate (has %v)", page, f, links)
				}
			}
		}
		if !strings.Contains(html, "feed reader") {
			t.Errorf("%s does not say in words how to subscribe", page)
		}
	}
}
