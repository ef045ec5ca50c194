package feed

import (
	"os"
	"path/filepath"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/history"
)

// SetEarlier tells the feeds which earlier texts the build publishes
// (history.Find's result), so that each revision note in an entry links to
// the text it replaced, as the update's page does: revision i (from 1) to
// version i, at history.Path. Without it the notes carry no links.
func (b *Bodies) SetEarlier(found map[*content.Update][]history.Version) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.earlier = map[*content.Update]map[int]bool{}
	for u, vs := range found {
		b.earlier[u] = map[int]bool{}
		for _, v := range vs {
			b.earlier[u][v.N] = true
		}
	}
}

// earlierText is the address of version n of u, when the build publishes
// it, or "".
func (b *Bodies) earlierText(site *content.Site, u *content.Update, n int) string {
	if b == nil {
		return ""
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.earlier[u][n] {
		return site.URL(history.Path(u, n))
	}
	return ""
}

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
