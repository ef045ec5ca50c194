package feed

import (
	"github.com/gorilla/feeds"

	"github.com/disclose-dev/disclose/internal/public"
)

// gorillaFeed is ch as gorilla/feeds' format-neutral feed, the input of
// its RSS, Atom and JSON builders. The author is left out here: each
// format gets its own (gorilla writes it in forms the validators reject).
func gorillaFeed(ch *Channel) *feeds.Feed {
	f := &feeds.Feed{
		Title:       ch.Title,
		Link:        &feeds.Link{Href: ch.Home, Rel: "alternate", Type: "text/html"},
		Description: ch.Description,
		Id:          ch.URL(public.Atom),
		Created:     ch.Published,
		Updated:     ch.Updated,
	}
	for _, e := range ch.Entries {
		f.Items = append(f.Items, &feeds.Item{
			Title:       e.Title,
			Link:        &feeds.Link{Href: e.ID, Rel: "alternate", Type: "text/html"},
			Description: e.Summary,
			Id:          e.ID,
			IsPermaLink: "true",
			Created:     e.Published,
			Updated:     e.Updated,
			Content:     e.HTML,
		})
	}
	return f
}
