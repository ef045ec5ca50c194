package feed

import (
	"time"

	"github.com/gorilla/feeds"

	"github.com/disclose-dev/disclose/internal/public"
)

// atomFeed is gorilla's Atom feed with what RFC 4287 and readers need and
// it does not write: xml:lang, rel="self" beside rel="alternate" (gorilla
// has room for one link), and entries with <published> and categories.
type atomFeed struct {
	*feeds.AtomFeed
	Lang    string       `xml:"xml:lang,attr,omitempty"`
	FHNS    string       `xml:"xmlns:fh,attr,omitempty"`
	Archive *struct{}    `xml:"fh:archive"`
	Links   []atomLink   `xml:"link"`
	Entries []*atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// atomEntry adds Atom categories (gorilla writes <category> as text, which
// RFC 4287 does not allow: it is an empty element with a term).
type atomEntry struct {
	*feeds.AtomEntry
	Lang       string         `xml:"xml:lang,attr,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// Atom encodes ch as Atom 1.0.
func Atom(ch *Channel) ([]byte, error) {
	af := (&feeds.Atom{Feed: gorillaFeed(ch)}).AtomFeed()
	// gorilla uses the home page as the feed's id; the id of a feed is the
	// feed's own address, which no other feed shares.
	af.Id = ch.URL(public.Atom)
	af.Link = nil
	af.Updated = ch.Updated.Format(time.RFC3339)
	af.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: ch.Author, Uri: ch.AuthorURL}}
	doc := &atomFeed{
		AtomFeed: af,
		Lang:     ch.Language,
		Links: append([]atomLink{
			{Href: ch.URL(public.Atom), Rel: "self", Type: AtomType},
			{Href: ch.Home, Rel: "alternate", Type: "text/html"},
		}, archiveLinks(ch, public.Atom, AtomType, func(href, rel, typ string) atomLink { return atomLink{href, rel, typ} })...),
	}
	if ch.Archive || ch.PrevArchive != "" {
		doc.FHNS = historyNS
	}
	if ch.Archive {
		doc.Archive = &struct{}{}
	}
	for k, ae := range af.Entries {
		e := ch.Entries[k]
		ae.Id = e.ID // never gorilla's urn:uuid
		ae.Updated = e.Updated.Format(time.RFC3339)
		ae.Published = e.Published.Format(time.RFC3339)
		if ae.Summary != nil {
			ae.Summary.Type = "text"
		}
		// Every entry names its author, the organisation, though the
		// feed does too: some readers (newsboat) do not look past the entry.
		ae.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: ch.Author, Uri: ch.AuthorURL}}
		var cats []atomCategory
		for _, c := range e.Categories {
			cats = append(cats, atomCategory{Term: c})
		}
		doc.Entries = append(doc.Entries, &atomEntry{AtomEntry: ae, Lang: e.Lang, Categories: cats})
	}
	af.Entries = nil
	return marshalXML(doc)
}
