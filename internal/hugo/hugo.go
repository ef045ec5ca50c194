// Package hugo renders a site with Hugo, in-process, through Hugo's own
// command line package: no separately installed hugo, nothing downloaded.
package hugo

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"text/template"

	"github.com/disclose-dev/disclose/internal/cachedir"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/gohugoio/hugo/commands"
	"github.com/gohugoio/hugo/common/herrors"
)

//go:embed overlay.toml
var overlaySrc string

var overlayTmpl = template.Must(template.New("overlay").Parse(overlaySrc))

// PagerSize is how many updates an incident page shows before the next page.
const PagerSize = 20

// Options says what to render and where.
type Options struct {
	SiteDir  string // holds config.toml, content/, layouts/, static/
	OutDir   string // written from empty; must not exist or be empty
	TimeZone string // the site's timeZone, passed to templates
	CacheDir string // Hugo's caches; default: the user's cache dir
	// TempDir is where the overlay config is written (and removed); empty
	// means the system's temporary directory.
	TempDir string
	// HistoryDir, if set, holds generated content (earlier versions of
	// revised updates) mounted beside the site's own content.
	HistoryDir string
	// PublicKey and KeyID are the minisign public key that signs the
	// manifest (its base64 line) and its ID, for the footer; empty if the
	// build is not signed.
	PublicKey, KeyID string
	// ExtraArgs are passed to Hugo after ours (the server uses them).
	ExtraArgs []string
	// Preview is for disclose serve's Hugo server: it keeps Hugo from
	// counting every incident as changed on each rebuild (see the overlay).
	// The pages are the same; only sitemap.xml loses the home page's and
	// the incidents' lastmod.
	Preview bool
}

// mu serialises Hugo runs: its command line keeps process-wide state.
var mu sync.Mutex

// Build renders the site into opts.OutDir. Hugo's own errors (a template
// that fails, say) are returned as Hugo reports them, file and line included.
func Build(opts Options) error {
	args, cleanup, err := Args("build", opts)
	if err != nil {
		return err
	}
	defer cleanup()
	args = append(args, "--destination", opts.OutDir, "--quiet")
	mu.Lock()
	defer mu.Unlock()
	if err := commands.Execute(args); err != nil {
		return fmt.Errorf("hugo: %w", joinErrors(err))
	}
	return nil
}

// Args is the Hugo command line for sub (build or server) with the tool's
// overlay config written to a temporary file; cleanup removes it.
func Args(sub string, opts Options) (args []string, cleanup func(), err error) {
	cache, err := cachedir.Dir(opts.CacheDir)
	if err != nil {
		return nil, nil, fmt.Errorf("hugo: %w", err)
	}
	var buf bytes.Buffer
	err = overlayTmpl.Execute(&buf, map[string]any{
		"CacheDir":   filepath.ToSlash(cache),
		"TimeZone":   opts.TimeZone,
		"PagerSize":  PagerSize,
		"HistoryDir": filepath.ToSlash(opts.HistoryDir),
		"PublicKey":  opts.PublicKey,
		"KeyID":      opts.KeyID,
		"Statuses":   content.Statuses,
		"Preview":    opts.Preview,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("hugo: overlay config: %w", err)
	}
	dir, err := os.MkdirTemp(opts.TempDir, "disclose-hugo-*")
	if err != nil {
		return nil, nil, fmt.Errorf("hugo: %w", err)
	}
	cleanup = func() { os.RemoveAll(dir) }
	overlay := filepath.Join(dir, "disclose.toml")
	if err := os.WriteFile(overlay, buf.Bytes(), 0o644); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("hugo: %w", err)
	}
	src, err := filepath.Abs(opts.SiteDir)
	if err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("hugo: %w", err)
	}
	args = []string{sub,
		"--source", src,
		"--config", filepath.Join(src, "config.toml") + "," + overlay,
		"--noBuildLock",
		"--logLevel", "warn",
	}
	return append(args, opts.ExtraArgs...), cleanup, nil
}

// joinErrors keeps every error Hugo reports, each as Hugo wrote it.
func joinErrors(err error) error {
	errs := herrors.Errors(err)
	if len(errs) <= 1 {
		return err
	}
	var b bytes.Buffer
	for i, e := range errs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(e.Error())
	}
	return fmt.Errorf("%s", b.String())
}
