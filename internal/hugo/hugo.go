// Package hugo is the one door into Hugo: it lays out the pages package
// pages generated, in-process, through Hugo's own command line package (no
// separately installed hugo, nothing downloaded), with a configuration made
// here (Config) from the site's validated config. Hugo reads the site's
// layouts, static files and language files over the theme built into the
// program (package disclose), and no file the author wrote for content or
// config.
package hugo

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/gohugoio/hugo/commands"
	"github.com/gohugoio/hugo/common/herrors"
	"github.com/gohugoio/hugo/livereload"
)

// PagerSize is how many updates an incident page shows before the next page.
const PagerSize = 20

// Options says what to render and where.
type Options struct {
	SiteDir string          // holds layouts/, static/ and i18n/
	Config  *content.Config // the site's config, as the loader validated it
	// PagesDir holds the generated content (pages.Write), below it in
	// pages.ContentDir.
	PagesDir string
	OutDir   string // written from empty; must not exist or be empty
	CacheDir string // Hugo's caches; default: the user's cache dir
	// TempDir is where Hugo's project folder, holding only its config,
	// is made (and removed); empty means the system's temporary directory.
	TempDir string
	// PublicKey and KeyID are the minisign public key that signs the
	// manifest (its base64 line) and its ID, for the footer; empty if the
	// build is not signed.
	PublicKey, KeyID string
	// Sources maps each generated page, by its slash path below the
	// generated content, to the author's file it was made from, so that a
	// template error names the page the writer knows.
	Sources map[string]string
	// Skip are incidents (their folder names) whose pages Hugo is not to
	// render: the build has them already, from its render cache
	// (build/rendercache.go). Every other page is rendered: the home
	// page, the lists, the sitemap and each other incident's.
	Skip []string
	// ExtraArgs are passed to Hugo after ours (the server uses them).
	ExtraArgs []string
	// Preview is for disclose serve's Hugo server: it keeps Hugo from
	// counting every incident as changed on each rebuild (see
	// toolSettings). The pages are the same; only sitemap.xml loses the
	// home page's and the incidents' lastmod.
	Preview bool
}

// mu serialises Hugo runs: its command line keeps process-wide state.
var mu sync.Mutex

// Build renders the site into opts.OutDir. Hugo's own errors (a template
// that fails, say) are returned as Hugo reports them, file and line included.
func Build(opts Options) error {
	args, _, cleanup, err := Args("build", opts)
	if err != nil {
		return err
	}
	defer cleanup()
	args = append(args, "--destination", opts.OutDir, "--quiet")
	mu.Lock()
	defer mu.Unlock()
	err = commands.Execute(args)
	release()
	if err != nil {
		return opts.explain(err)
	}
	return nil
}

// explain is Hugo's error as a SiteError when every error it holds points
// into the site's own files, else as Hugo wrote it.
func (o Options) explain(err error) error {
	site, _ := filepath.Abs(o.SiteDir)
	pages, _ := filepath.Abs(o.PagesDir)
	var diags diag.List
	for _, e := range herrors.Errors(err) {
		d := siteError(e.Error(), site, pages, o.Sources)
		if d == nil {
			return fmt.Errorf("hugo: %w", joinErrors(err))
		}
		diags = append(diags, *d)
	}
	diags.Sort()
	return &SiteError{Diags: diags}
}

// Serve runs Hugo's development server with args (from Args("server",
// opts)) until it is stopped, and returns what it returned, explained as
// Build's errors are.
func Serve(args []string, opts Options) error {
	defer release()
	if err := commands.Execute(args); err != nil {
		return opts.explain(err)
	}
	return nil
}

// Reload asks every browser that shows a page of the Hugo server running
// in this process (Serve) to load it again, as Hugo does after a rebuild:
// the preview's own box of the checker's findings changes without any page
// changing.
func Reload() { livereload.ForceRefresh() }

// Args is the Hugo command line for sub (build or server): Hugo's project
// directory is a temporary one holding only configFile (hugo.json), the
// configuration Config made, and the built-in theme in its themes/ folder,
// so that nothing of the site's (a config.toml, a config/ folder, themes)
// is read by Hugo's own config loader. Hugo finds hugo.json there by
// itself: its --config flag takes a comma-separated list, which a folder
// with a comma in its name would break. cleanup removes it.
func Args(sub string, opts Options) (args []string, configFile string, cleanup func(), err error) {
	dir, err := os.MkdirTemp(opts.TempDir, "disclose-hugo-*")
	if err != nil {
		return nil, "", nil, fmt.Errorf("hugo: %w", err)
	}
	cleanup = func() { os.RemoveAll(dir) }
	file := filepath.Join(dir, "hugo.json")
	if err := writeThemeModule(filepath.Join(dir, "themes", ThemeName)); err != nil {
		cleanup()
		return nil, "", nil, err
	}
	if _, err := WriteConfig(file, opts); err != nil {
		cleanup()
		return nil, "", nil, err
	}
	clearEnv()
	args = []string{sub,
		"--source", dir,
		"--configDir", filepath.Join(dir, "config"), // never made: no config/ folder is read
		"--themesDir", filepath.Join(dir, "themes"), // nor any theme but ours
		"--noBuildLock",
		"--logLevel", "warn",
	}
	return append(args, opts.ExtraArgs...), file, cleanup, nil
}

// WriteConfig writes Config(opts) to file unless it already holds it, and
// says whether it wrote (Hugo's server rebuilds when its config changes).
func WriteConfig(file string, opts Options) (bool, error) {
	conf, err := Config(opts)
	if err != nil {
		return false, fmt.Errorf("hugo: config: %w", err)
	}
	if old, err := os.ReadFile(file); err == nil && bytes.Equal(old, conf) {
		return false, nil
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, conf, 0o644); err != nil {
		return false, fmt.Errorf("hugo: %w", err)
	}
	if err := os.Rename(tmp, file); err != nil {
		return false, fmt.Errorf("hugo: %w", err)
	}
	return true, nil
}

// clearEnv removes the HUGO_* variables Hugo would read as config
// (HUGO_PARAMS_CONTACT_PHONE would replace the helpline on every page), and
// HUGO_TESTRUN, with which Hugo's server offers a /__stop endpoint to any
// program on the machine.
func clearEnv() {
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(strings.ToUpper(k), "HUGO") {
			os.Unsetenv(k)
		}
	}
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
