package feed

import (
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/markdown"
)

// Bodies holds update bodies rendered for the feeds ahead of Write, from
// trees parsed by someone who needed them anyway (the checker, through
// check.SiteParsed), so that each body is parsed once per build. An update
// it does not hold is parsed and rendered by Write as before. Its methods
// may be called from several goroutines at once.
type Bodies struct {
	site *content.Site
	mu   sync.Mutex
	html map[*content.Update][]byte
	// earlier holds the versions of each revised update that the build
	// publishes (SetEarlier), by number.
	earlier map[*content.Update]map[int]bool
}

// NewBodies returns an empty Bodies for the updates of site.
func NewBodies(site *content.Site) *Bodies {
	return &Bodies{site: site, html: map[*content.Update][]byte{}}
}

// Add renders u's body for its feed entry from doc, the tree
// markdown.Parse made of u.Body.Source. Updates that no feed shows as
// text (drafts, withdrawn updates) are left out. A body that fails to
// render is left out too: Write renders it again and reports the error
// with the update's file.
func (b *Bodies) Add(u *content.Update, doc ast.Node) {
	if b == nil || u.Draft || u.Withdrawn != nil {
		return
	}
	html, err := renderBody(b.site, u, doc)
	if err != nil {
		return
	}
	b.mu.Lock()
	b.html[u] = html
	b.mu.Unlock()
}

// take returns the body Add rendered for u and forgets it, or nil.
func (b *Bodies) take(u *content.Update) []byte {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	html := b.html[u]
	delete(b.html, u)
	return html
}

// renderBody renders u's body as its feed entry carries it: every address
// absolute, and no ARIA roles (the W3C validator calls them a security
// risk; readers strip them anyway). doc is u's parsed body, or nil to
// parse it here.
func renderBody(site *content.Site, u *content.Update, doc ast.Node) ([]byte, error) {
	src := u.Body.Source
	if doc == nil {
		doc = markdown.Parse(src)
	}
	return markdown.RenderTree(src, doc, site.URL(u.Path()), markdown.WithSiteURL(site.Config.BaseURL),
		markdown.WithoutAttributes("role"))
}
