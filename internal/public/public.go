// Package public names the published site's layout: every address and
// file name that readers, journalists, feed readers and `disclose verify`
// rely on, and that a build, the preview, the deploy and the templates
// must agree on. Nothing else spells them: a name changed here changes
// everywhere (the templates get them as site.Params.disclose.files).
//
// Names are slash paths below the site's root, without a leading slash.
package public

import (
	"fmt"
	"strings"
	"time"
)

// The feeds: every incident has all three at its own address
// (IncidentFeed), and the site has them at its root for every update.
const (
	RSS      = "feed.xml"
	Atom     = "atom.xml"
	JSONFeed = "feed.json"
)

// Feeds are the feed file names, in the order pages list them.
var Feeds = []string{RSS, Atom, JSONFeed}

// IncidentFeed is the address of one of an incident's feeds (name is RSS,
// Atom or JSONFeed): "incidents/<slug>/feed.xml".
func IncidentFeed(slug, name string) string { return Incident(slug) + name }

// ManifestPart is where the manifest's part for the incident slug is:
// "incidents/<slug>/manifest.json".
func ManifestPart(slug string) string { return Incident(slug) + Manifest }

// ManifestChunk is where chunk n (from 1) of the incident slug's part is:
// "incidents/<slug>/manifest-3.json".
func ManifestChunk(slug string, n int) string {
	return fmt.Sprintf("%s%s-%d%s", Incident(slug), strings.TrimSuffix(Manifest, ".json"), n, ".json")
}

// What `disclose verify` and the verify page rely on.
const (
	// Manifest lists every published file and every statement.
	Manifest = "manifest.json"
	// Signature is the manifest's minisign signature.
	Signature = Manifest + ".minisig"
	// PublicKey is the minisign public key that signs the manifest.
	PublicKey = ".well-known/disclose.pub"
	// SecurityTxt is the RFC 9116 contact file.
	SecurityTxt = ".well-known/security.txt"
)

// Files every build writes at the site's root besides the pages.
const (
	// Verify is the page for journalists on how to check the site.
	Verify   = "verify/"
	Sitemap  = "sitemap.xml"
	Robots   = "robots.txt"
	NotFound = "404.html"
	// Headers is the headers file of Netlify-style hosts (_headers).
	Headers = "_headers"
)

// The extensions of a text file's precompressed copies, which sit beside
// it ("index.html.gz").
const (
	Gzip   = ".gz"
	Brotli = ".br"
)

// Compressed are the precompressed copies' extensions, in the order they
// are made.
var Compressed = []string{Gzip, Brotli}

// IsCompressedCopy reports whether name is a precompressed copy of
// another file, by its extension.
func IsCompressedCopy(name string) bool {
	for _, ext := range Compressed {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// IncidentsDir is the folder of every incident's pages.
const IncidentsDir = "incidents/"

// Incident is the address of an incident's page: "incidents/<slug>/".
func Incident(slug string) string { return IncidentsDir + slug + "/" }

// UpdateStamp is the Go time layout of the last segment of an update's
// address: its date and time, in the writer's own zone, to the minute.
const UpdateStamp = "2006-01-02-1504"

// Update is the address of an update of the incident slug published at
// date: "incidents/<slug>/2024-05-16-0900/".
func Update(slug string, date time.Time) string {
	return Incident(slug) + date.Format(UpdateStamp) + "/"
}

// PerPage is how many updates an incident's page lists (its newest), and
// how many each page of its older updates holds.
const PerPage = 20

// OlderPages are the pages of older updates (from and to, counted from 1,
// oldest first) of an incident of n published updates: every full page
// that holds an update the incident's own page, of the newest PerPage,
// does not list.
func OlderPages(n int) [][2]int {
	var l [][2]int
	for from := 0; from+PerPage <= n && from < n-PerPage; from += PerPage {
		l = append(l, [2]int{from + 1, from + PerPage})
	}
	return l
}

// OlderUpdates is the address of the page of an incident's updates from
// to to, counted from 1, oldest first: "incidents/<slug>/updates/21-40/".
func OlderUpdates(slug string, from, to int) string {
	return fmt.Sprintf("%supdates/%d-%d/", Incident(slug), from, to)
}

// EarlierVersion is the address of the text that revision n (from 1) of
// the update at update replaced: "incidents/<slug>/<stamp>/v1/".
func EarlierVersion(update string, n int) string { return fmt.Sprintf("%sv%d/", update, n) }

// InLanguage is the address of the page at addr (an address above, such
// as "incidents/<slug>/") in the language lang, other than the default:
// "mi/incidents/<slug>/". The default language's addresses have no
// prefix, so adding a language changes none of them.
func InLanguage(lang, addr string) string { return lang + "/" + addr }

// Templates is what the templates get as site.Params.disclose.files: the
// names as above, which a template joins to "/" or to an incident's
// address.
func Templates() map[string]any {
	return map[string]any{
		"rss":       RSS,
		"atom":      Atom,
		"json":      JSONFeed,
		"manifest":  Manifest,
		"signature": Signature,
		"key":       PublicKey,
		"sitemap":   Sitemap,
		// An update's anchor on its incident's page is its stamp.
		"update_stamp": UpdateStamp,
		"incidents":    IncidentsDir,
	}
}
