package feed

import (
	"os"
	"path/filepath"

	"github.com/disclose-dev/disclose/internal/content"
)

// iconFiles are the files under static/ that give a feed its pictures:
// JSON Feed's icon (large and square, for a timeline) and favicon.
var iconFiles = struct{ icon, favicon []string }{
	icon:    []string{"icon.png", "apple-touch-icon.png"},
	favicon: []string{"favicon.ico", "favicon.png", "favicon.svg"},
}

// icons are the addresses of the site's icon and favicon, each "" when
// static/ has none.
func icons(site *content.Site) (icon, favicon string) {
	find := func(names []string) string {
		if site.Dir == "" {
			return ""
		}
		for _, n := range names {
			if st, err := os.Stat(filepath.Join(site.Dir, "static", n)); err == nil && st.Mode().IsRegular() {
				return site.URL(n)
			}
		}
		return ""
	}
	return find(iconFiles.icon), find(iconFiles.favicon)
}
