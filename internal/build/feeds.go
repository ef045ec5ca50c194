package build

import (
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/feed"
)

// writeFeeds writes the site-wide and per-incident feeds into dir.
func writeFeeds(site *content.Site, dir string) error { return feed.Write(site, dir) }
