package hugo

import (
	"fmt"
	"strings"
	"time"

	"encoding/json"
	"path/filepath"

	"github.com/disclose-dev/disclose/internal/cachedir"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/render"
)

// Config is the whole configuration Hugo runs with, made here from the
// site's validated config (content.Config) and the tool's own settings.
// Hugo never reads the owner's config.toml: a key the loader does not know
// cannot reach Hugo, and nothing the owner writes can change how Hugo
// treats a page (markup, outputs, security). The result is JSON, which
// encoding/json writes with sorted keys, so the same input gives the same
// bytes.
func Config(opts Options) ([]byte, error) {
	cfg := opts.Config
	site, err := filepath.Abs(opts.SiteDir)
	if err != nil {
		return nil, err
	}
	pagesDir, err := filepath.Abs(opts.PagesDir)
	if err != nil {
		return nil, err
	}
	cache, err := cachedir.Dir(opts.CacheDir)
	if err != nil {
		return nil, err
	}
	c := map[string]any{
		"baseURL":                cfg.BaseURL,
		"title":                  cfg.Title,
		"timeZone":               cfg.Location.String(),
		"defaultContentLanguage": cfg.DefaultLang,
		"params":                 params(opts),
		// The built-in theme (theme.go): the site's own layouts/ and
		// static/ files override the theme's of the same name, as Hugo
		// lets a project's files override its theme's.
		"theme": ThemeName,
		// Where the generated pages are (package pages). Only the site's
		// layouts, static files and language files come from the site.
		"contentDir": filepath.Join(pagesDir, "content"),
		"module": map[string]any{"mounts": []map[string]any{
			{"source": filepath.Join(pagesDir, "content"), "target": "content"},
			{"source": filepath.Join(site, "layouts"), "target": "layouts"},
			{"source": filepath.Join(site, "i18n"), "target": "i18n"},
			{"source": filepath.Join(site, "static"), "target": "static", "files": []string{"! css/**"}},
			// The one stylesheet is also an asset, so that templates can
			// fingerprint it for long caching.
			{"source": filepath.Join(site, "static", "css"), "target": "assets/css"},
		}},
		// Kept out of the site's directory: a build writes nothing beside it.
		"resourceDir": filepath.Join(cache, "resources"),
		"cacheDir":    filepath.Join(cache, "cache"),
	}
	if cfg.Locale != "" {
		c["locale"] = cfg.Locale
	}
	if len(cfg.Languages) > 0 {
		// Only what the loader read under [languages.<code>]; the order
		// is the loader's (content.Config.Langs), given to Hugo as weights.
		langs := map[string]any{}
		for i, l := range cfg.Langs {
			m := map[string]any{"weight": i + 1, "title": l.Title, "locale": l.Locale, "direction": l.Direction}
			if l.Name != "" {
				m["label"] = l.Name
			}
			if l.Code != cfg.DefaultLang {
				m["params"] = langParams(cfg, l)
			}
			langs[l.Code] = m
		}
		c["languages"] = langs
		// The default language's pages stay where they were, with no
		// prefix (defaultContentLanguageInSubdir is false), and nothing
		// answers at /<default>/: Hugo would put a redirect to / there.
		c["defaultContentLanguageInSubdir"] = false
		c["disableDefaultSiteRedirect"] = true
	}
	for k, v := range toolSettings(opts) {
		c[k] = v
	}
	if len(opts.Skip) > 0 {
		// Hugo's render segments: every page is read and counted (the
		// home page's lists and the sitemap still hold the skipped
		// incidents' pages), and the skipped incidents' pages are not
		// written. Segments match a page's path in every language.
		var paths []string
		for _, slug := range opts.Skip {
			if !SkippableName(slug) {
				return nil, fmt.Errorf("incident %q cannot be left out of the render", slug)
			}
			paths = append(paths, "/"+public.Incident(slug)+"**", "/"+strings.TrimSuffix(public.Incident(slug), "/"))
		}
		// A segment with no includes includes nothing: every kind of
		// page is named.
		c["segments"] = map[string]any{"disclose": map[string]any{
			"includes": []map[string]any{{"kind": []string{"*"}}},
			"excludes": []map[string]any{{"path": paths}},
		}}
		c["renderSegments"] = []string{"disclose"}
	}
	return json.MarshalIndent(c, "", "  ")
}

// SkippableName says whether the incident folder name can be given in
// Options.Skip: one that holds nothing a glob pattern reads as more than
// itself.
func SkippableName(slug string) bool {
	if slug == "" {
		return false
	}
	for _, r := range slug {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// RenderKey is what of Hugo's configuration decides what it renders: the
// configuration Config makes, without Skip and with the places of the
// generated pages, the site and the cache (which a page never shows) set
// to names of their own, so that two builds of one site have one key.
func RenderKey(opts Options) ([]byte, error) {
	opts.Skip = nil
	opts.SiteDir, opts.PagesDir = "/site", "/pages"
	opts.Sources, opts.OutDir, opts.TempDir, opts.ExtraArgs = nil, "", "", nil
	return Config(opts)
}

// supportParams are the support services as the templates read them.
func supportParams(list []content.Support) []map[string]string {
	var support []map[string]string
	for _, s := range list {
		m := map[string]string{"name": s.Name}
		for k, v := range map[string]string{"url": s.URL, "phone": s.Phone, "about": s.About} {
			if v != "" {
				m[k] = v
			}
		}
		support = append(support, m)
	}
	return support
}

// langParams are a language's params, over the site's (params): the
// words of [params] it gives in its own language
// ([languages.<code>.params]), each list whole, and disclose_untranslated,
// the words it shows in the default language's (config-words.html marks
// them with that language's lang). A list with another number of entries
// than the site's is refused by check; here it is left untranslated.
func langParams(cfg *content.Config, l content.Language) map[string]any {
	w := l.Words
	untranslated := map[string]bool{"revisions": true}
	contact := cfg.Contact
	for _, f := range []struct {
		name string
		to   *string
		from string
	}{
		{"phone_hours", &contact.PhoneHours, w.PhoneHours},
		{"postal", &contact.Postal, w.Postal},
		{"privacy_officer", &contact.PrivacyOfficer, w.PrivacyOfficer},
	} {
		if f.from != "" {
			*f.to = f.from
		} else if *f.to != "" {
			untranslated[f.name] = true
		}
	}
	p := map[string]any{"contact": contact}
	if len(cfg.WeWillNever) > 0 {
		if len(w.WeWillNever) == len(cfg.WeWillNever) {
			var never []map[string]string
			for _, t := range w.WeWillNever {
				never = append(never, map[string]string{"text": t})
			}
			p["we_will_never"] = never
		} else {
			untranslated["we_will_never"] = true
		}
	}
	if len(cfg.Support) > 0 {
		if len(w.SupportAbout) == len(cfg.Support) {
			support := append([]content.Support(nil), cfg.Support...)
			for i := range support {
				support[i].About = w.SupportAbout[i]
			}
			p["support"] = supportParams(support)
		} else {
			untranslated["support"] = true
		}
	}
	p["disclose_untranslated"] = untranslated
	return p
}

// toolSettings are how disclose uses Hugo, the same for every site.
func toolSettings(opts Options) map[string]any {
	s := map[string]any{
		// One source of feeds: disclose writes RSS, Atom and JSON Feed itself.
		"disableKinds":               []string{"taxonomy", "term", "rss"},
		"buildDrafts":                false,
		"buildFuture":                false,
		"buildExpired":               false,
		"disableHugoGeneratorInject": true,
		"enableRobotsTXT":            true, // layouts/robots.txt
		"sitemap":                    map[string]any{"filename": public.Sitemap},
		"enableEmoji":                false,
		"enableGitInfo":              false,
		"capitalizeListTitles":       false,
		"pluralizeListTitles":        false,
		"relativeURLs":               false,
		"canonifyURLs":               false,
		"outputs": map[string]any{
			"home": []string{"html"}, "section": []string{"html"}, "page": []string{"html"},
		},
		"pagination": map[string]any{"pagerSize": PagerSize},
		// Hugo renders no Markdown of ours (bodies arrive as HTML from
		// package render), but should a generated page ever carry some,
		// it is rendered with raw HTML left out.
		"markup": map[string]any{
			"goldmark": map[string]any{"renderer": map[string]any{"unsafe": false}},
		},
		"minify": map[string]any{"minifyOutput": false},
		// Templates may run no programs, read no environment and fetch
		// nothing from another host.
		"security": map[string]any{
			"exec":  map[string]any{"allow": []string{"^$"}, "osEnv": []string{"^$"}},
			"funcs": map[string]any{"getenv": []string{"^$"}},
			"http":  map[string]any{"methods": []string{"^$"}, "urls": []string{"^$"}},
		},
	}
	if opts.Preview {
		// disclose serve only. Hugo gives a section without dates of its
		// own the dates of its newest page, and on every rebuild it counts
		// each such section (and the home page) as changed, even when its
		// dates come out the same: one saved update would then send every
		// page that shows its incident through Hugo's dependency search
		// (about 2 s at 10,000 updates; BENCHMARKS.md). An expiry date far
		// away gives them a date of their own without changing what they
		// show: templates take an incident's order and "last updated" from
		// its newest update (incidents-newest-first.html).
		s["cascade"] = []map[string]any{{
			"expiryDate": "9999-12-31T00:00:00Z",
			"target":     map[string]any{"kind": "{home,section}"},
		}}
	}
	return s
}

// params are the templates' site.Params: the owner's validated settings,
// and the tool's own under "disclose".
func params(opts Options) map[string]any {
	cfg := opts.Config
	var never []map[string]string
	for _, t := range cfg.WeWillNever {
		never = append(never, map[string]string{"text": t})
	}
	support := supportParams(cfg.Support)
	status := map[string]any{}
	for i, s := range content.Statuses {
		status[string(s)] = map[string]any{"rank": i, "meaning": s.Meaning()}
	}
	p := map[string]any{
		"organisation":  cfg.Organisation,
		"known_as":      cfg.KnownAs,
		"jurisdictions": append([]string{}, cfg.Jurisdictions...),
		"contact":       cfg.Contact,
		// A fictional example site: every page says so (demo-banner.html).
		"demo": cfg.Demo,
		"disclose": map[string]any{
			// The zone every time is shown in, with its abbreviation.
			"timeZone": cfg.Location.String(),
			// The minisign public key that signs this build's manifest,
			// and its ID; empty when the build is not signed.
			"publicKey": opts.PublicKey,
			"keyID":     opts.KeyID,
			// The status words with what each means in plain words.
			"status": status,
			// The site's phone numbers, as written, to their E.164 tel:
			// addresses, the same the bodies' links carry (render.Phones).
			"tel": render.Phones(cfg),
			// The published site's file names and addresses (package
			// public), so that no template spells one.
			"files": public.Templates(),
			// The Content-Security-Policy every page also carries in a
			// <meta> element, for hosts that cannot send headers.
			"csp": publish.MetaContentSecurityPolicy,
		},
	}
	if never != nil {
		p["we_will_never"] = never
	}
	if support != nil {
		p["support"] = support
	}
	// The dated notes of changes to the contact details, shown beside them
	// to readers who saved the old ones.
	var revisions []map[string]string
	for _, r := range cfg.Revisions {
		revisions = append(revisions, map[string]string{"date": r.Date.Format(time.RFC3339), "note": r.Note})
	}
	if revisions != nil {
		p["revisions"] = revisions
	}
	return p
}
