package feed

import (
	"bytes"
	"encoding/json"

	"github.com/gorilla/feeds"

	"github.com/disclose-dev/disclose/internal/public"
)

// jsonDoc writes "items" even when there are none: JSON Feed requires it,
// and gorilla leaves it out when empty.
type jsonDoc struct {
	*feeds.JSONFeed
	Items []*jsonItem `json:"items"`
}

// jsonItem is an item with its _disclose extension object (JSON Feed 1.1
// "Extensions": a key starting with an underscore, which readers that do
// not know it ignore).
type jsonItem struct {
	*feeds.JSONItem
	Language string    `json:"language,omitempty"` // the item's, when not the feed's (Entry.Lang)
	Disclose *Disclose `json:"_disclose,omitempty"`
}

// JSON encodes ch as JSON Feed 1.1, adding what gorilla leaves out:
// feed_url, language, authors with a URL (the feed's and each item's),
// icon and favicon when the site has them, tags, and the entries' dates as
// written rather than as gorilla's pointers into its own items.
func JSON(ch *Channel) ([]byte, error) {
	jf := (&feeds.JSON{Feed: gorillaFeed(ch)}).JSONFeed()
	jf.HomePageUrl = ch.Home
	jf.FeedUrl = ch.URL(public.JSONFeed)
	jf.Language = ch.Language
	jf.Author = nil // deprecated in 1.1
	jf.Authors = []*feeds.JSONAuthor{{Name: ch.Author, Url: ch.AuthorURL}}
	jf.Icon, jf.Favicon = ch.Icon, ch.Favicon
	if ch.PrevArchive != "" {
		jf.NextUrl = ch.PrevArchive + public.JSONFeed // the next page of older items
	}
	for k, it := range jf.Items {
		e := ch.Entries[k]
		pub, upd := e.Published, e.Updated
		it.Id = e.ID
		it.Url = e.ID
		it.PublishedDate = &pub
		it.ModifiedDate = &upd
		it.Tags = e.Categories
		it.Author = nil         // deprecated in 1.1
		it.Authors = jf.Authors // readers that show an item alone show whose it is
	}
	doc := jsonDoc{JSONFeed: jf, Items: []*jsonItem{}}
	for k, it := range jf.Items {
		doc.Items = append(doc.Items, &jsonItem{JSONItem: it, Language: ch.Entries[k].Lang, Disclose: ch.Entries[k].Disclose})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // a feed is not a script: keep its HTML readable
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
