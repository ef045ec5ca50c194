// Package publish holds the one header policy of the published site (which
// Content-Type and Cache-Control each path gets, and the security headers
// every response carries) and writes what static hosts need from it: the
// Netlify/Cloudflare _headers file, the nginx and Caddy snippets,
// /.well-known/security.txt and precompressed .gz and .br siblings.
//
// deploy, _headers and the snippets all read the same table, so a site
// behaves the same on object storage, on Netlify and behind nginx.
package publish

import (
	"net/http"
	"path"
	"regexp"
	"strings"
)

// Cache-Control values. Pages and feeds change whenever an update is
// published, so a cache keeps them one minute and may serve a stale copy for
// five more while it fetches the new one: a refresh shows a new update within
// a minute, and a flash crowd is still served from the CDN. Fingerprinted
// files never change at their address.
const (
	CacheShort     = "public, max-age=60, stale-while-revalidate=300"
	CacheImmutable = "public, max-age=31536000, immutable"
	CacheStatic    = "public, max-age=3600"
)

// ContentSecurityPolicy allows nothing but the site's own stylesheets and
// images: no scripts, no frames, no forms, no other hosts.
const ContentSecurityPolicy = MetaContentSecurityPolicy + "; frame-ancestors 'none'"

// MetaContentSecurityPolicy is the policy every HTML page also carries in a
// <meta http-equiv> element, so that it holds on hosts that cannot send
// headers (object stores): ContentSecurityPolicy without frame-ancestors,
// which browsers ignore in a <meta> element (CSP Level 3, section 3.3).
const MetaContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

// permissionsOff lists the browser features the Permissions-Policy turns off,
// sorted. The site needs none of them.
var permissionsOff = []string{
	"accelerometer", "autoplay", "browsing-topics", "camera",
	"clipboard-read", "clipboard-write", "display-capture",
	"encrypted-media", "fullscreen",
	"gamepad", "geolocation", "gyroscope", "hid", "identity-credentials-get",
	"idle-detection", "local-fonts", "magnetometer", "microphone", "midi",
	"otp-credentials", "payment", "picture-in-picture",
	"publickey-credentials-create", "publickey-credentials-get",
	"screen-wake-lock", "serial", "storage-access", "usb",
	"window-management", "xr-spatial-tracking",
}

// PermissionsPolicy turns off every browser feature in permissionsOff.
var PermissionsPolicy = func() string {
	parts := make([]string, len(permissionsOff))
	for i, f := range permissionsOff {
		parts[i] = f + "=()"
	}
	return strings.Join(parts, ", ")
}()

// Header is one response header.
type Header struct{ Name, Value string }

// SecurityHeaders are sent with every response, in this order.
var SecurityHeaders = []Header{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"Permissions-Policy", PermissionsPolicy},
}

// Rule is one line of the policy: the paths it matches, and the headers they
// get. The first rule that matches a path decides.
type Rule struct {
	ID   string // a short name, for Caddy's named matchers
	Name string // what the rule is for, shown in the snippets
	// Pattern is a regular expression over the URL path (with its leading
	// slash). It is written in the subset that Go, nginx (PCRE) and Caddy
	// read alike. The last rule has none: it matches everything else.
	Pattern string
	// ContentType is the type every matching file gets, or "" for the type
	// of the file's extension.
	ContentType  string
	CacheControl string
	re           *regexp.Regexp
}

// fingerprint is a name like style.3f2a9c1b.css or Hugo's
// style.min.<64 hex>.css: its content can never change at that address.
const fingerprint = `\.[0-9a-f]{8,64}\.(css|js|svg|png|jpg|jpeg|gif|webp|avif|ico|woff|woff2)$`

// Rules is the policy, first match wins.
var Rules = []Rule{
	// The signed manifest lists the .gz and .br copies, so they are
	// published, and fetched by whoever verifies the site; they change with
	// the pages they copy.
	{ID: "precompressed", Name: "precompressed copies", Pattern: `\.(gz|br)$`, CacheControl: CacheShort},
	{ID: "fingerprinted", Name: "fingerprinted assets", Pattern: fingerprint, CacheControl: CacheImmutable},
	{ID: "rss", Name: "RSS feeds", Pattern: `/feed\.xml$`, ContentType: "application/rss+xml; charset=utf-8", CacheControl: CacheShort},
	{ID: "atom", Name: "Atom feeds", Pattern: `/atom\.xml$`, ContentType: "application/atom+xml; charset=utf-8", CacheControl: CacheShort},
	{ID: "jsonfeed", Name: "JSON feeds", Pattern: `/feed\.json$`, ContentType: "application/feed+json; charset=utf-8", CacheControl: CacheShort},
	{ID: "manifest", Name: "manifest", Pattern: `/manifest\.json$`, ContentType: "application/json", CacheControl: CacheShort},
	{ID: "plaintext", Name: "signatures, keys and security.txt", Pattern: `(\.minisig|\.pub|/security\.txt)$`, ContentType: "text/plain; charset=utf-8", CacheControl: CacheShort},
	{ID: "pages", Name: "pages", Pattern: `(/|\.html)$`, ContentType: "text/html; charset=utf-8", CacheControl: CacheShort},
	{ID: "data", Name: "other data that changes with each update", Pattern: `(\.(xml|json|txt)|/_headers)$`, CacheControl: CacheShort},
	{ID: "other", Name: "everything else", CacheControl: CacheStatic},
}

func init() {
	for i := range Rules {
		if Rules[i].Pattern != "" {
			Rules[i].re = regexp.MustCompile(Rules[i].Pattern)
		}
	}
}

// RuleFor returns the rule that decides the headers of urlPath.
func RuleFor(urlPath string) Rule {
	for _, r := range Rules {
		if r.re == nil || r.re.MatchString(urlPath) {
			return r
		}
	}
	panic("publish: the policy has no catch-all rule")
}

// extTypes are the Content-Types of file extensions. They are fixed here,
// not read from the system's mime.types, so a deploy is the same from any
// machine.
var extTypes = map[string]string{
	".avif":        "image/avif",
	".br":          "application/octet-stream",
	".gz":          "application/gzip",
	".css":         "text/css; charset=utf-8",
	".gif":         "image/gif",
	".html":        "text/html; charset=utf-8",
	".ico":         "image/vnd.microsoft.icon",
	".jpeg":        "image/jpeg",
	".jpg":         "image/jpeg",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".minisig":     "text/plain; charset=utf-8",
	".pdf":         "application/pdf",
	".png":         "image/png",
	".pub":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".txt":         "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".webp":        "image/webp",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".xml":         "application/xml; charset=utf-8",
}

// ContentType returns the Content-Type of the file at urlPath.
func ContentType(urlPath string) string {
	if ct := RuleFor(urlPath).ContentType; ct != "" {
		return ct
	}
	if ct, ok := extTypes[strings.ToLower(path.Ext(urlPath))]; ok {
		return ct
	}
	return "application/octet-stream"
}

// HeadersFor returns every header the policy gives the file at urlPath (a
// slash-separated path from the site root, with or without a leading slash):
// its Content-Type, Cache-Control and the security headers.
func HeadersFor(urlPath string) http.Header {
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	h := http.Header{}
	h.Set("Content-Type", ContentType(urlPath))
	h.Set("Cache-Control", RuleFor(urlPath).CacheControl)
	for _, s := range SecurityHeaders {
		h.Set(s.Name, s.Value)
	}
	return h
}
