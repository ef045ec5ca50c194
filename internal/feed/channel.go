package feed

import (
	"bytes"
	"fmt"
	"html"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/facts"
	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/render"
	"github.com/disclose-dev/disclose/internal/themewords"
)

// Channels builds every feed of site, with each entry's text from bodies:
// the site-wide one first, then one per incident in the site's order (by
// slug).
func Channels(site *content.Site, bodies *render.Bodies) ([]*Channel, error) {
	cfg := site.Config
	// Every published update is an entry of its incident's feed: render
	// them all once, on every core, and share them between the feeds.
	pubs := site.AllPublished()
	words := themewords.For(site.Dir, cfg.DefaultLang, cfg.Locale)
	entries, err := entriesOf(pubs, func(u *content.Update) (*Entry, error) {
		e, err := newEntry(site, u, bodies, words)
		if err != nil {
			return nil, fmt.Errorf("feed: %s: %w", u.File, err)
		}
		return e, nil
	})
	if err != nil {
		return nil, err
	}

	n := cfg.FeedItems
	if n <= 0 {
		n = DefaultItems
	}
	icon, favicon := icons(site)
	// The default language's feeds are at the root and carry its locale
	// (baseChannel's).
	chans := feedsOf(site, pubs, entries, n, "", "", cfg.Title, words, func(inc *content.Incident) string { return inc.Title })
	srcLang := baseChannel(cfg).Language
	for _, l := range cfg.Langs {
		if l.Code == cfg.DefaultLang {
			continue
		}
		lc, err := langChannels(site, bodies, l, pubs, n, srcLang, words)
		if err != nil {
			return nil, err
		}
		chans = append(chans, lc...)
	}
	for _, ch := range chans {
		ch.Icon, ch.Favicon = icon, favicon
	}
	return chans, nil
}

// feedsOf are one language's feeds, with their archived pages: the site's,
// then one per incident in the site's order, in the folder dir ("" for the
// default language, "mi/" for another), each of pubs (every published
// update, newest first) with its entry from entries.
// language is the feeds' language ("" keeps the site's locale), title the
// site feed's, and incTitle an incident's title in that language.
func feedsOf(site *content.Site, pubs []*content.Update, entries map[*content.Update]*Entry, n int, dir, language, title string, words *themewords.Words, incTitle func(*content.Incident) string) []*Channel {
	cfg := site.Config
	channel := func(sub string) *Channel {
		ch := baseChannel(cfg)
		if language != "" {
			ch.Language = language
		}
		ch.Dir = dir + sub
		ch.Home = site.URL(ch.Dir)
		return ch
	}
	siteCh := channel("")
	siteCh.Title = clean(title)
	siteCh.Description = clean(words.T("feed_site_description", "Name", name(cfg)))
	for _, u := range pubs {
		siteCh.Entries = append(siteCh.Entries, entries[u])
	}
	// Each feed carries the newest entries; the older ones are in its
	// archived pages (archive.go).
	chans := paged(siteCh, n, func() time.Time {
		var t time.Time
		for _, i := range site.Incidents {
			if i.Discovered.After(t) {
				t = i.Discovered
			}
		}
		return t
	})
	for _, inc := range site.Incidents {
		ch := channel(inc.Path())
		it := incTitle(inc)
		ch.Title = clean(fmt.Sprintf("%s: %s", name(cfg), it))
		ch.Description = clean(words.T("feed_incident_description", "Name", name(cfg), "Title", it))
		pub := inc.Published()
		for k := len(pub) - 1; k >= 0; k-- {
			ch.Entries = append(ch.Entries, entries[pub[k]])
		}
		chans = append(chans, paged(ch, n, func() time.Time { return inc.Discovered })...)
	}
	return chans
}

// langChannels are the feeds of the language l, other than the default:
// the same feeds as the default language's, in the folder of l's pages
// ("mi/feed.xml", "mi/incidents/<slug>/feed.xml", with their archives),
// with l's locale as their language. Every published update is an entry,
// in l where it is translated, else the source's text marked with the
// source's language, srcLang, and framed in its words, srcWords (Atom
// xml:lang, JSON Feed item language; RSS has no language of an item, so
// its items are as they are). An entry's
// id is its page's permanent address in l ("…/mi/incidents/x/2024-05-16-0900/"):
// the update in another language is another entry, and it keeps its id
// when a translation replaces the source's text.
func langChannels(site *content.Site, bodies *render.Bodies, l content.Language, pubs []*content.Update, n int, srcLang string, srcWords *themewords.Words) ([]*Channel, error) {
	cfg := site.Config
	words := themewords.For(site.Dir, l.Code, l.Locale)
	entries, err := entriesOf(pubs, func(u *content.Update) (*Entry, error) {
		t := u.Translations[l.Code]
		// Untranslated, the entry is all in the source's words, the
		// incident's title and the words around the text too, as its
		// language says.
		text, lang, incTitle, tw := t, "", incidentTitle(u.Incident, l.Code), words
		if t == nil {
			text, lang, incTitle, tw = u, srcLang, u.Incident.Title, srcWords
		}
		id := site.URL(public.InLanguage(l.Code, u.Path()))
		e, err := entryOf(site, text, u, id, incTitle, bodies, tw)
		if err != nil {
			return nil, fmt.Errorf("feed: %s: %w", text.File, err)
		}
		e.Lang = lang
		return e, nil
	})
	if err != nil {
		return nil, err
	}
	title := l.Title
	if title == "" {
		title = cfg.Title
	}
	return feedsOf(site, pubs, entries, n, public.InLanguage(l.Code, ""), l.Locale, title, words, func(inc *content.Incident) string { return incidentTitle(inc, l.Code) }), nil
}

// entriesOf makes the entry of each of pubs with entry, on every core, so
// that the feeds of a language share them.
func entriesOf(pubs []*content.Update, entry func(*content.Update) (*Entry, error)) (map[*content.Update]*Entry, error) {
	made := make([]*Entry, len(pubs))
	err := par.Each(len(pubs), func(i int) (err error) {
		made[i], err = entry(pubs[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	entries := make(map[*content.Update]*Entry, len(pubs))
	for i, u := range pubs {
		entries[u] = made[i]
	}
	return entries, nil
}

// incidentTitle is the incident's title in lang: its translation's, else
// the source's.
func incidentTitle(inc *content.Incident, lang string) string {
	if t := inc.Translations[lang]; t != nil && t.Title != "" {
		return t.Title
	}
	return inc.Title
}

func baseChannel(cfg *content.Config) *Channel {
	lang := cfg.Locale
	if lang == "" {
		lang = cfg.DefaultLang
	}
	author := cfg.Organisation
	if author == "" {
		author = name(cfg)
	}
	ch := &Channel{
		Language:  lang,
		Author:    clean(author),
		AuthorURL: cfg.BaseURL,
	}
	// RSS wants an email address for the person in charge of what it says;
	// the media contact is that person for a journalist.
	for _, addr := range []string{cfg.Contact.Media, cfg.Contact.Email} {
		if a, err := mail.ParseAddress(addr); err == nil && a.Name == "" && a.Address == addr {
			ch.Editor = clean(fmt.Sprintf("%s (%s)", addr, author))
			break
		}
	}
	return ch
}

// name is what the public calls the organisation.
func name(cfg *content.Config) string {
	for _, s := range []string{cfg.KnownAs, cfg.Organisation, cfg.Title} {
		if s != "" {
			return s
		}
	}
	return "This site"
}

// newest is the newest updated time of entries, or fallback's when there
// are none: never the clock.
func newest(entries []*Entry, fallback func() time.Time) time.Time {
	var t time.Time
	for _, e := range entries {
		if e.Updated.After(t) {
			t = e.Updated
		}
	}
	if t.IsZero() {
		t = fallback()
	}
	if t.IsZero() {
		t = time.Unix(0, 0).UTC()
	}
	return t.Truncate(time.Second)
}

func newestPublished(ch *Channel) time.Time {
	var t time.Time
	for _, e := range ch.Entries {
		if e.Published.After(t) {
			t = e.Published
		}
	}
	if t.IsZero() {
		return ch.Updated
	}
	return t
}

func newEntry(site *content.Site, u *content.Update, bodies *render.Bodies, words *themewords.Words) (*Entry, error) {
	return entryOf(site, u, u, site.URL(u.Path()), u.Incident.Title, bodies, words)
}

// entryOf is the entry of the published update src with the text of u,
// src itself or its translation: u's title, text, summary, revisions and
// withdrawal (src's withdrawal when u states none, so a withdrawn update
// is withdrawn in every language), src's date, status and facts. The
// words around the text (withdrawn, revised, the facts' names) are the
// theme's in u's language, words; the facts' values are src's, in the
// default language's words, and say so in another language's entry.
func entryOf(site *content.Site, u, src *content.Update, id, incTitle string, bodies *render.Bodies, words *themewords.Words) (*Entry, error) {
	cfg := site.Config
	inc := src.Incident
	e := &Entry{
		ID:         id,
		Title:      clean(incTitle + " — " + u.Title),
		Published:  src.Date.Truncate(time.Second),
		Updated:    updated(u, src.Date).Truncate(time.Second),
		Categories: []string{clean(incTitle), string(src.Status)},
		Disclose:   &Disclose{Status: string(src.Status)},
	}
	w := u.Withdrawn
	if w == nil {
		w = src.Withdrawn
	}
	if w != nil {
		notice := fmt.Sprintf("%s %s: %s", words.T("feed_withdrawn"), words.Month(humanTime(cfg, w.Date), w.Date.In(zoneOf(cfg))), w.Note)
		e.Title = clean(incTitle + " — " + words.T("title_withdrawn") + " " + u.Title)
		e.Summary = clean(notice)
		e.HTML = clean("<p><strong>" + textEscaper.Replace(notice) + "</strong></p>\n")
		if w.Date.After(e.Updated) {
			e.Updated = w.Date.Truncate(time.Second)
		}
		return e, nil
	}
	if bodies.HTML(u.File) == nil && len(bytes.TrimSpace(u.Body.Source)) > 0 {
		return nil, fmt.Errorf("the text was not checked, so it is not published")
	}
	body, err := bodies.Feed(u.File, id, cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	st, factWords := facts.AsOf(inc, src), facts.NewWords(cfg)
	e.HTML = clean(revisionsHTML(site, u, src, bodies, words) + string(body) + factsHTML(st, src, factWords, words, valueLang(site, u)))
	e.Disclose.Facts = factsDoc(st, src, factWords)
	e.Summary = clean(bodies.Summary(u))
	return e, nil
}

// updated is the newest of date (the update's), u's revisions and
// withdrawal.
func updated(u *content.Update, date time.Time) time.Time {
	t := date
	for _, r := range u.Revisions {
		if r.Date.After(t) {
			t = r.Date
		}
	}
	if u.Withdrawn != nil && u.Withdrawn.Date.After(t) {
		t = u.Withdrawn.Date
	}
	return t
}

// revisionsHTML is the visible list of changes made since publication,
// newest last as written, so a reader of the feed sees what changed.
// Each note links to the text it replaced, where the build publishes it.
// The texts replaced are src's (u is src or its translation).
func revisionsHTML(site *content.Site, u, src *content.Update, bodies *render.Bodies, words *themewords.Words) string {
	cfg := site.Config
	if len(u.Revisions) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<ul class=\"revisions\">\n")
	for i, r := range u.Revisions {
		fmt.Fprintf(&b, "<li>%s %s: %s", textEscaper.Replace(words.T("revised_on")), textEscaper.Replace(words.Month(humanTime(cfg, r.Date), r.Date.In(zoneOf(cfg)))), textEscaper.Replace(r.Note))
		if old := bodies.Earlier(src, i+1); old != "" {
			old = site.URL(old)
			fmt.Fprintf(&b, " (<a href=\"%s\">%s</a>)", html.EscapeString(old), textEscaper.Replace(words.T("revision_earlier_text")))
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
	return b.String()
}

// zoneOf is the zone humanTime shows times in.
func zoneOf(cfg *content.Config) *time.Location {
	if cfg.Location != nil {
		return cfg.Location
	}
	return time.UTC
}

// valueLang is the lang of the facts' values in the entry of u: "" in the
// default language, whose words they are, else the default language's
// locale.
func valueLang(site *content.Site, u *content.Update) string {
	if u.Lang == "" {
		return ""
	}
	return site.Config.Locale
}

// humanTime formats t as the site shows times: "14 May 2024, 9:15 am AEST"
// in the site's zone, or with t's own numeric offset when the site has none
// (a zone name from the machine's clock would make builds differ).
func humanTime(cfg *content.Config, t time.Time) string {
	if cfg.Location != nil {
		return t.In(cfg.Location).Format("2 January 2006, 3:04 pm MST")
	}
	return t.Format("2 January 2006, 3:04 pm -07:00")
}

// clean leaves out of s what XML 1.0 cannot carry at all (control
// characters, invalid UTF-8) and what the W3C feed validator warns about
// (C1 controls, U+FFFD): none of it is text a writer means.
func clean(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return !keep(r) }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s { // invalid UTF-8 arrives as utf8.RuneError, U+FFFD
		if keep(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func keep(r rune) bool {
	switch {
	case r == 0x09 || r == 0x0A || r == 0x0D:
		return true
	case r < 0x20, r >= 0x7F && r <= 0x9F, r >= 0xD800 && r <= 0xDFFF, r >= 0xFFFD && r <= 0xFFFF:
		return false
	}
	return r <= 0x10FFFF
}
