package build

import (
	"github.com/disclose-dev/disclose/internal/content"
)

// writeFeeds is where the feed step joins the pipeline.
func writeFeeds(site *content.Site, dir string) error { return nil }
