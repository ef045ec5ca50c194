package preview

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"path"
	"sort"
	"sync"
	"time"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/feed"
	"github.com/disclose-dev/disclose/internal/hugo"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/render"
)

// file is one generated file the front server answers with.
type file struct {
	body  []byte
	ctype string
}

// feeds holds the feeds and manifest of the content as last checked. They
// are made when first asked for after a save, not on every save: on a large
// site, making them took the cores Hugo needed to show the saved page.
type feeds struct {
	siteDir string
	baseURL string // the preview's, so that links in a feed reader open the preview
	drafts  bool

	mu      sync.Mutex
	pending *content.Site   // checked since the files were last made
	bodies  *render.Bodies  // pending's bodies, rendered from the checked trees
	stale   bool            // files and err are of an older save
	files   map[string]file // by URL path: "/feed.xml", "/incidents/x/atom.xml"
	err     error           // why there are no feeds, if there are none
}

// refresh loads and checks the content, renders every body from the tree
// the checker read, writes the pages Hugo's server lays out (only those that
// changed, so Hugo rebuilds only them), prints every diagnostic, and marks
// the feeds and the manifest to be made again when next asked for. It
// returns the loaded site, or nil when its config cannot be read.
func (s *Server) refresh() *content.Site {
	site, diags := content.Load(s.opts.SiteDir)
	var bodies *render.Bodies
	if site != nil {
		var rules diag.List
		rules, bodies = check.Checked(site, s.opts.Now())
		diags = append(diags, rules...)
		diags = append(diags, check.Placeholders(site.Config)...)
		diags.Sort()
		if _, err := pages.Write(s.pagesDir, site, bodies, pages.Options{Drafts: s.opts.Drafts, OmitUnchecked: true}); err != nil {
			fmt.Fprintf(s.opts.Log, "disclose: %v\n", err)
		}
	}
	if s.problems.set(diags) && s.hugo != nil {
		// The box on every page changed (an error fixed, or a new one in
		// a file whose page did not change): show it now, not at the next
		// rebuild.
		hugo.Reload()
	}
	w := s.opts.Log
	diags.Print(w)
	switch {
	case len(diags) == 0:
		fmt.Fprintln(w, "disclose: checked the content: no problems found")
	case diags.Errors() > 0:
		fmt.Fprintf(w, "disclose: checked the content: %s; 'disclose build' will not publish until the errors are fixed\n", check.Summary(diags))
	default:
		fmt.Fprintf(w, "disclose: checked the content: %s\n", check.Summary(diags))
	}
	s.feeds.update(site, bodies)
	s.site = site
	return site
}

// update says the feeds and the manifest are to be made from site when
// they are next asked for.
func (f *feeds) update(site *content.Site, bodies *render.Bodies) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending, f.bodies, f.stale = site, bodies, true
}

// current makes the feeds and the manifest if a save since they were last
// made asks for it, and returns them.
func (f *feeds) current() (map[string]file, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stale {
		f.files, f.err = f.generate(f.pending, f.bodies)
		f.pending, f.bodies, f.stale = nil, nil, false
	}
	return f.files, f.err
}

func (f *feeds) generate(site *content.Site, bodies *render.Bodies) (map[string]file, error) {
	if site == nil || site.Config == nil {
		return nil, fmt.Errorf("config.toml cannot be read")
	}
	site = f.asPublished(site)
	chans, err := feed.Channels(site, bodies)
	if err != nil {
		return nil, err
	}
	files := map[string]file{}
	for _, ch := range chans {
		for _, enc := range []struct {
			name, ctype string
			encode      func(*feed.Channel) ([]byte, error)
		}{
			{public.RSS, feed.RSSType, feed.RSS},
			{public.Atom, feed.AtomType, feed.Atom},
			{public.JSONFeed, feed.JSONType, feed.JSON},
		} {
			b, err := enc.encode(ch)
			if err != nil {
				return nil, fmt.Errorf("feed: %s%s: %w", ch.Dir, enc.name, err)
			}
			files["/"+ch.Dir+enc.name] = file{b, enc.ctype + "; charset=utf-8"}
		}
	}
	files["/"+manifest.Name] = file{previewManifest(site, files), "application/json; charset=utf-8"}
	return files, nil
}

// asPublished is site as the preview shows it: links lead to the preview,
// and, when drafts are shown, every draft is as it will be once published.
// The loaded site is not changed.
func (f *feeds) asPublished(site *content.Site) *content.Site {
	cfg := *site.Config
	cfg.BaseURL = f.baseURL
	out := *site
	out.Config = &cfg
	if !f.drafts {
		return &out
	}
	out.Incidents = make([]*content.Incident, len(site.Incidents))
	for i, inc := range site.Incidents {
		c := *inc
		c.Updates = make([]*content.Update, len(inc.Updates))
		for j, u := range inc.Updates {
			v := *u
			v.Draft = false
			v.Incident = &c
			c.Updates[j] = &v
		}
		out.Incidents[i] = &c
	}
	return &out
}

// previewManifest is the manifest a build would publish for site, except
// that it lists only the feeds: Hugo renders the pages in memory.
func previewManifest(site *content.Site, files map[string]file) []byte {
	m := &manifest.Manifest{Version: manifest.Version, Site: site.Config.BaseURL, Updates: build.Records(site)}
	for p, f := range files {
		sum := sha256.Sum256(f.body)
		m.Files = append(m.Files, manifest.File{Path: p[1:], Size: int64(len(f.body)), SHA256: hex.EncodeToString(sum[:])})
	}
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
	sort.Slice(m.Updates, func(i, j int) bool { return m.Updates[i].ID < m.Updates[j].ID })
	return m.Marshal()
}

// isGenerated reports whether the URL path p names a feed or the manifest,
// whether or not it exists now.
func isGenerated(p string) bool {
	switch path.Base(p) {
	case public.RSS, public.Atom, public.JSONFeed:
		return true
	}
	return p == "/"+manifest.Name
}

// serve answers a request for a feed or the manifest and reports whether
// it did.
func (f *feeds) serve(w http.ResponseWriter, r *http.Request) bool {
	if !isGenerated(r.URL.Path) {
		return false
	}
	files, err := f.current()
	file, ok := files[r.URL.Path]
	switch {
	case ok:
		w.Header().Set("Content-Type", file.ctype)
		w.Header().Set("Cache-Control", "no-store")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(file.body))
	case err != nil:
		http.Error(w, "The feeds could not be made: "+err.Error(), http.StatusInternalServerError)
	default:
		http.NotFound(w, r)
	}
	return true
}
