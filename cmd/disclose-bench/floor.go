package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/history"
	"github.com/disclose-dev/disclose/internal/hugo"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/sign"
)

// runHugoProject writes what disclose build hands Hugo: the generated
// pages (package pages, in DIR/pages) and Hugo's project folder with the
// config package hugo makes (in DIR/project), and prints, as JSON, the
// command line for a hugo binary of the pinned version to render them,
// without --destination. That render is the floor of our build: Hugo alone
// with our templates on the same pages, and none of our other steps.
func runHugoProject(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("hugoproject", "hugoproject -site DIR -o DIR [-key FILE] [-cache DIR]", stderr)
	siteDir := fs.String("site", "", "the site")
	out := fs.String("o", "", "the directory to write the pages and Hugo's project folder into (pages are updated in place)")
	keyFile := fs.String("key", "", "the minisign secret key, for the footer's public key, as disclose build shows it")
	cache := fs.String("cache", "", "Hugo's cache directory")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *siteDir == "" || *out == "" {
		return fmt.Errorf("%w: hugoproject needs -site and -o", errUsage)
	}
	site, diags := content.Load(*siteDir)
	if site == nil || diags.Fails(true) {
		diags.Print(stderr)
		return fmt.Errorf("hugoproject: the site does not load")
	}
	rules, bodies := check.Checked(site, time.Now())
	if rules.Fails(true) {
		rules.Print(stderr)
		return fmt.Errorf("hugoproject: the site does not pass the check")
	}
	if err := bodies.Err(); err != nil {
		return fmt.Errorf("hugoproject: %w", err)
	}
	found, err := history.Find(ctx, site)
	if err != nil {
		return fmt.Errorf("hugoproject: %w", err)
	}
	bodies.SetEarlier(found)
	pagesDir := filepath.Join(*out, "pages")
	sources, err := pages.Write(pagesDir, site, bodies, pages.Options{Versions: found})
	if err != nil {
		return fmt.Errorf("hugoproject: %w", err)
	}
	project := filepath.Join(*out, "project")
	os.RemoveAll(project)
	if err := os.MkdirAll(project, 0o755); err != nil {
		return fmt.Errorf("hugoproject: %w", err)
	}
	ho := hugo.Options{SiteDir: *siteDir, Config: site.Config, PagesDir: pagesDir, Sources: sources, CacheDir: *cache, TempDir: project}
	if *keyFile != "" {
		k, err := sign.LoadSecret(*keyFile)
		if err != nil {
			return err
		}
		ho.PublicKey, ho.KeyID = k.Public().String(), k.Public().ID()
	}
	hargs, _, _, err := hugo.Args("build", ho) // the folder stays for the hugo binary
	if err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(hargs)
}

// floorProject runs hugoproject for site into dir and returns the hugo
// command line that renders it into out.
func (e *benchEnv) floorProject(ctx context.Context, site, dir, out string) ([]string, error) {
	var buf bytes.Buffer
	if _, err := timed(ctx, &buf, e.self, "hugoproject", "-site", site, "-o", dir, "-key", e.key, "-cache", filepath.Join(e.cache, "floor")); err != nil {
		return nil, err
	}
	var args []string
	if err := json.Unmarshal(buf.Bytes(), &args); err != nil {
		return nil, fmt.Errorf("run: hugoproject: %w", err)
	}
	return append(args, "--destination", out, "--quiet"), nil
}
