// Package feed writes the site's feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1,
// one site-wide set with the newest updates and one set per incident with
// all of its updates, and the same sets in the folder of every language
// other than the default ("mi/feed.xml"), in that language where an update
// is translated (channel.go, langChannels). Every entry is one published update; its id is the
// update's permanent address, so a reader never sees an update twice and
// always sees a new one.
//
// The formats are built with github.com/gorilla/feeds and then completed
// where it falls short (rss.go, atom.go, jsonfeed.go).
package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/render"
)

// Content types each file must be served with.
const (
	RSSType  = "application/rss+xml"
	AtomType = "application/atom+xml"
	JSONType = "application/feed+json"
)

// DefaultItems is how many updates an archived page of a feed holds (and
// the fewest a feed carries) when params.feed_items is not set.
const DefaultItems = 50

// Write writes every feed of site below outDir: feed.xml, atom.xml and
// feed.json at the root with the newest published updates, and the same
// three in incidents/<slug>/ with the newest of that incident; the older
// ones are on archived pages of params.feed_items each (archive.go). Drafts never appear. Each entry's text is the HTML bodies
// rendered from the tree the checker read (package render), the same HTML
// the update's page shows; the output depends only on site and bodies.
func Write(site *content.Site, bodies *render.Bodies, outDir string) error {
	chans, err := Channels(site, bodies)
	if err != nil {
		return err
	}
	return par.Each(len(chans), func(i int) error { return writeChannel(chans[i], outDir) })
}

func writeChannel(ch *Channel, outDir string) error {
	dir := filepath.Join(outDir, filepath.FromSlash(ch.Dir))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	for _, f := range []struct {
		name   string
		encode func(*Channel) ([]byte, error)
	}{
		{public.RSS, RSS},
		{public.Atom, Atom},
		{public.JSONFeed, JSON},
	} {
		b, err := f.encode(ch)
		if err != nil {
			return fmt.Errorf("feed: %s%s: %w", ch.Dir, f.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), b, 0o644); err != nil {
			return fmt.Errorf("feed: %w", err)
		}
	}
	return nil
}

// Channel is one feed, whatever its format: the site's or an incident's.
type Channel struct {
	Dir         string // where its files go below the site root: "" or "incidents/<slug>/"
	Title       string
	Description string
	Home        string // absolute URL of the page the feed follows
	Language    string // the site's locale: "en-AU"
	Author      string // the organisation
	AuthorURL   string // the site's base URL
	Editor      string // the RSS managingEditor, "email (Name)", or ""
	Icon        string // absolute URL of the site's large square icon (static/icon.png), or ""
	Favicon     string // absolute URL of the site's favicon (static/favicon.ico), or ""
	Published   time.Time
	Updated     time.Time // newest entry update, withdrawal or revision
	Entries     []*Entry  // newest first
	// Base is the absolute URL of the folder its files are in, when it is
	// not Home's (an archived page).
	Base string
	// Archive marks an archived page (RFC 5005); Current is then the
	// folder of the subscription feed it belongs to. PrevArchive is the
	// folder of the page of older entries, or "" (archive.go).
	Archive              bool
	Current, PrevArchive string
}

// base is the absolute URL of the folder the channel's files are in.
func (ch *Channel) base() string {
	if ch.Base != "" {
		return ch.Base
	}
	return ch.Home
}

// URL is the absolute URL of the channel's file name (public.RSS...).
func (ch *Channel) URL(file string) string { return ch.base() + file }

// Entry is one published update as every format carries it.
type Entry struct {
	ID         string // the update's permanent address, absolute
	Title      string // "<incident> — <update>"
	Published  time.Time
	Updated    time.Time
	HTML       string // the full text, every URL absolute
	Summary    string // plain text
	Categories []string
	// Lang is the entry's language when it is not its feed's: the
	// source's ("en-AU") in a feed of another language the update is not
	// translated into; "" otherwise. Atom writes it as the entry's
	// xml:lang, JSON Feed as the item's language; RSS cannot say it.
	Lang string
	// Disclose is the JSON Feed item's _disclose object: the status and
	// the incident's facts as of the update (which HTML lists too).
	Disclose *Disclose
}
