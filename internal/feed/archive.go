package feed

import (
	"fmt"
	"slices"
	"time"
)

// ArchiveDir is the folder, below a feed's own, of its archived pages:
// "archive/1/" holds its oldest entries (RFC 5005, section 4).
const ArchiveDir = "archive/"

// historyNS is RFC 5005's namespace, for the <fh:archive/> element that
// marks an archived page.
const historyNS = "http://purl.org/syndication/history/1.0"

// paged splits ch, whose Entries are every entry newest first, into
// archived pages of exactly n entries each, oldest first, and the
// subscription feed with the rest: the newest n at least, and fewer than
// 2n. Page k always holds the entries numbered (k-1)n+1 to kn in order of
// publication, and is written only once the feed has n more, so a page
// never changes once written (unless one of its updates is revised or
// withdrawn): a new update changes the subscription feed alone, and every
// n updates a new page is added, changing no other. (A page being filled
// instead would change with every new update, and with it three more
// files a feed.) Each page links the subscription feed (rel="current") and
// the page of older entries (prev-archive); the subscription feed links
// the newest page; JSON Feed's next_url leads to the next page of older
// entries. So a reader walks from the feed back to the oldest page, and a
// full page, once written, stays byte for byte the same.
//
// Each page's dates are its own entries' (fallback when it has none), so a
// revision of an old update changes only the page that holds it.
func paged(ch *Channel, n int, fallback func() time.Time) []*Channel {
	dated := func(c *Channel) *Channel {
		c.Updated = newest(c.Entries, fallback)
		c.Published = newestPublished(c)
		return c
	}
	if n <= 0 || len(ch.Entries) < 2*n {
		return []*Channel{dated(ch)}
	}
	pages := len(ch.Entries)/n - 1
	keep := len(ch.Entries) - pages*n        // n to 2n-1
	older := slices.Clone(ch.Entries[keep:]) // newest first
	slices.Reverse(older)                    // oldest first
	current := *ch
	current.Entries = ch.Entries[:keep]
	out := []*Channel{dated(&current)}
	base := ch.base()
	pageURL := func(k int) string { return fmt.Sprintf("%s%s%d/", base, ArchiveDir, k) }
	current.PrevArchive = pageURL(pages)
	current.Base = ch.Base
	for k := 1; k <= pages; k++ {
		a := *ch
		a.Dir = fmt.Sprintf("%s%s%d/", ch.Dir, ArchiveDir, k)
		a.Base = pageURL(k)
		a.Archive = true
		a.Current = base
		entries := slices.Clone(older[(k-1)*n : k*n])
		slices.Reverse(entries) // newest first, as in every feed
		a.Entries = entries
		dated(&a)
		if k > 1 {
			a.PrevArchive = pageURL(k - 1)
		}
		// No next-archive link (RFC 5005 makes it optional): with one,
		// the newest page would change once more, when the next page
		// starts, after it was full.
		out = append(out, &a)
	}
	return out
}

// archiveLinks are the links of an archived or paged feed in the format
// of file: to the subscription feed (current), and to the page of older
// entries (prev-archive).
func archiveLinks[L any](ch *Channel, file, typ string, link func(href, rel, typ string) L) []L {
	var out []L
	if ch.Archive {
		out = append(out, link(ch.Current+file, "current", typ))
	}
	if ch.PrevArchive != "" {
		out = append(out, link(ch.PrevArchive+file, "prev-archive", typ))
	}
	return out
}
