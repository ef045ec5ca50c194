package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
)

// expectedPages are the pages a build of site must have rendered, below
// the site root: the home page, the 404 page, the list of incidents, and
// every incident and published update at its address.
func expectedPages(site *content.Site) []string {
	pages := []string{"index.html", "404.html", "incidents/index.html"}
	for _, inc := range site.Incidents {
		pages = append(pages, inc.Path()+"index.html")
		for _, u := range inc.Published() {
			pages = append(pages, u.Path()+"index.html")
		}
	}
	return pages
}

// checkRendered refuses a render that left out a page people need: a
// site's own layout that makes nothing (Hugo only warns) would otherwise
// publish a site of feeds with no page to read.
func checkRendered(stage string, pages []string) error {
	var missing []string
	for _, p := range pages {
		if st, err := os.Stat(filepath.Join(stage, filepath.FromSlash(p))); err != nil || st.Size() == 0 {
			missing = append(missing, "/"+strings.TrimSuffix(p, "index.html"))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	more := ""
	if len(missing) > 5 {
		more = fmt.Sprintf(" and %d more", len(missing)-5)
		missing = missing[:5]
	}
	return fmt.Errorf("build: the templates made no page for %s%s; a file in the site's layouts/ (home.html, 404.html, section.html, page.html or baseof.html) replaces the built-in theme's and made nothing: fix it, or remove it to use the theme's", strings.Join(missing, ", "), more)
}
