package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/disclose-dev/disclose/internal/public"
)

// rssDoc is gorilla's <rss> wrapper with the namespaces it lacks: atom for
// the self link the W3C validator asks for, dc for the item's creator.
type rssDoc struct {
	XMLName   xml.Name    `xml:"rss"`
	Version   string      `xml:"version,attr"`
	ContentNS string      `xml:"xmlns:content,attr"`
	AtomNS    string      `xml:"xmlns:atom,attr"`
	DCNS      string      `xml:"xmlns:dc,attr"`
	FHNS      string      `xml:"xmlns:fh,attr,omitempty"`
	Channel   *rssChannel `xml:"channel"`
}

// rssChannel is gorilla's channel plus atom:link rel="self"; its items
// replace gorilla's (a shallower field wins in encoding/xml).
type rssChannel struct {
	*feeds.RssFeed
	Links   []rssSelf  `xml:"atom:link"`
	Archive *struct{}  `xml:"fh:archive"`
	Items   []*rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

// rssItem is gorilla's item with several categories (it has room for one)
// and the organisation as dc:creator: RSS's own <author> must be an email
// address, and gorilla writes a bare name there.
type rssItem struct {
	*feeds.RssItem
	Categories []string `xml:"category"`
	Creator    string   `xml:"dc:creator,omitempty"`
}

// RSS encodes ch as RSS 2.0.
func RSS(ch *Channel) ([]byte, error) {
	rf := (&feeds.Rss{Feed: gorillaFeed(ch)}).RssFeed()
	rf.Language = ch.Language
	rf.ManagingEditor = ch.Editor
	doc := &rssDoc{
		Version:   "2.0",
		ContentNS: "http://purl.org/rss/1.0/modules/content/",
		AtomNS:    "http://www.w3.org/2005/Atom",
		DCNS:      "http://purl.org/dc/elements/1.1/",
		Channel: &rssChannel{
			RssFeed: rf,
			Links: append([]rssSelf{{Href: ch.URL(public.RSS), Rel: "self", Type: RSSType}},
				archiveLinks(ch, public.RSS, RSSType, func(href, rel, typ string) rssSelf { return rssSelf{href, rel, typ} })...),
		},
	}
	if ch.Archive || ch.PrevArchive != "" {
		doc.FHNS = historyNS
	}
	if ch.Archive {
		doc.Channel.Archive = &struct{}{}
	}
	for k, it := range rf.Items {
		e := ch.Entries[k]
		it.Author = ""
		// RSS readers take <description> as HTML: escape the plain summary
		// so that "<b>" typed as text stays text.
		it.Description = textEscaper.Replace(e.Summary)
		it.PubDate = e.Published.Format(time.RFC1123Z)
		if it.Content != nil {
			// gorilla writes content:encoded as CDATA. encoding/xml splits a
			// "]]>" in it into two sections, which is valid XML that some
			// readers (gofeed among them) join wrongly; "]]&gt;" means the
			// same in HTML and needs no split.
			it.Content.Content = strings.ReplaceAll(it.Content.Content, "]]>", "]]&gt;")
		}
		doc.Channel.Items = append(doc.Channel.Items, &rssItem{
			RssItem:    it,
			Categories: e.Categories,
			Creator:    ch.Author,
		})
	}
	rf.Items = nil
	return marshalXML(doc)
}

// textEscaper escapes text for an HTML context with only what HTML needs,
// so a summary reads as written in the XML.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
