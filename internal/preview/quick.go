package preview

import (
	"path/filepath"
	"strings"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/pages"
)

// quick shows each saved update at once: it reads the update's file again,
// runs the rules that read that update alone, renders it from the tree
// they read and writes its generated page, so that Hugo's server rebuilds
// that page while the whole site is checked again (refresh), which on a
// site of thousands of updates takes seconds. Anything else that changed
// (an incident's statement, a translation, config.toml, a removed file)
// waits for refresh.
//
// It reports whether it wrote a page that changed, for Hugo to rebuild.
func (s *Server) quick(changed []string) bool {
	if s.site == nil {
		return false
	}
	wrote := false
	for _, name := range changed {
		inc, file, ok := s.updateFile(name)
		if !ok {
			continue
		}
		u, diags := content.LoadUpdate(s.opts.SiteDir, file, inc, s.site.Config)
		if u == nil || diags.Errors() > 0 || u.Date.IsZero() {
			continue // refresh says why
		}
		// What the rules find is printed by refresh, with the rest; the
		// box on the pages shows it at once.
		found, bodies := check.CheckedUpdate(s.site, u, s.opts.Now())
		if bodies.Err() != nil {
			continue
		}
		s.problems.setFile(file, append(diags, found...))
		// A body the checker would not parse is not written (refresh
		// leaves its page out too).
		if w, err := pages.WriteUpdate(s.pagesDir, u, bodies, pages.Options{Drafts: s.opts.Drafts}); err == nil && w {
			wrote = true
		}
	}
	return wrote
}

// updateFile reports whether name, a changed path, is the file of an
// update (not a translation) of one of the site's incidents as last
// loaded, and returns the incident and the file's slash path below the
// site.
func (s *Server) updateFile(name string) (*content.Incident, string, bool) {
	site, err := filepath.Abs(s.opts.SiteDir)
	if err != nil {
		return nil, "", false
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, "", false
	}
	rel, err := filepath.Rel(site, abs)
	if err != nil {
		return nil, "", false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) != 4 || parts[0] != "content" || parts[1] != "incidents" {
		return nil, "", false
	}
	base, ok := strings.CutSuffix(parts[3], ".md")
	if !ok || base == "_index" || strings.Contains(base, ".") || strings.HasPrefix(base, ".") {
		return nil, "", false
	}
	for _, inc := range s.site.Incidents {
		if inc.Slug == parts[2] {
			return inc, strings.Join(parts, "/"), true
		}
	}
	return nil, "", false
}
