// Package build is the whole publishing pipeline: check the content, render
// it with Hugo, write the feeds, headers, precompressed files and the signed
// manifest beside the target, and swap the result in only when every step
// succeeded. A failed or killed build leaves the previous site as it was.
package build

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/feed"
	"github.com/disclose-dev/disclose/internal/history"
	"github.com/disclose-dev/disclose/internal/hugo"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/render"
	"github.com/disclose-dev/disclose/internal/sign"
)

// Options says what to build and where.
type Options struct {
	SiteDir string
	OutDir  string
	// Previous is the last published manifest: a directory, a file or a
	// URL. Empty means the manifest already in OutDir, if there is one.
	Previous string
	// Key signs the manifest; nil builds an unsigned site.
	Key *sign.SecretKey
	// Strict makes warnings fail the build as errors do.
	Strict bool
	// RefuseSamples makes config.toml's sample values errors
	// (check.Placeholders), as `disclose build` does: a site does not go
	// live with a helpline of zeros unless it says it is a demonstration.
	RefuseSamples bool
	// Now is the moment the checker treats as the present (updates dated
	// later are refused). It never reaches the output.
	Now time.Time
	// CacheDir holds Hugo's caches; empty means the user's cache directory.
	CacheDir string
}

// Step is how long one step of the pipeline took.
type Step struct {
	Name     string
	Duration time.Duration
	// Beside is set on a step that ran at the same time as the render, on
	// the cores Hugo left idle: it is not part of the build's total.
	Beside bool
}

// Result is what a build did.
type Result struct {
	// Incidents and Updates are how many were published.
	Incidents, Updates int
	Diags              diag.List // every diagnostic, warnings included
	Steps              []Step
	// Rendered is how many incidents Hugo rendered; the others' pages
	// came from the render cache (rendercache.go).
	Rendered int
}

// ContentError is a build refused because of the content: Diags says why.
type ContentError struct{ Diags diag.List }

func (e *ContentError) Error() string {
	return fmt.Sprintf("%d error(s) and %d warning(s) in the content; nothing was published", e.Diags.Errors(), e.Diags.Warnings())
}

// Build runs the pipeline. On a ContentError, res.Diags holds the problems.
func Build(ctx context.Context, opts Options) (res *Result, err error) {
	res = &Result{}
	timed := func(name string, f func() error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		var err error
		// Each step's CPU time is labelled with its name in a profile
		// (disclose-bench steps -cpuprofile; go tool pprof -tagfocus).
		pprof.Do(ctx, pprof.Labels("step", name), func(context.Context) { err = f() })
		res.Steps = append(res.Steps, Step{Name: name, Duration: time.Since(start)})
		return err
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	// The content is loaded and its structure checked first: most of a
	// writer's mistakes (front matter, fields, times) stop the build here,
	// before anything is rendered. The rules that read the text run beside
	// the render (below); their findings stop it just the same.
	var site *content.Site
	if err := timed("load", func() error {
		site, res.Diags = content.Load(opts.SiteDir)
		res.Diags.Sort()
		return nil
	}); err != nil {
		return res, err
	}
	// refuse stops the build before the render with everything check
	// would say, not only the first kind of problem found.
	var (
		checkDone  chan struct{} // closed when the check beside the previous step is done
		checkRules diag.List
		bodies     *render.Bodies
	)
	refuse := func() error {
		if checkDone != nil {
			<-checkDone
			res.Diags = append(res.Diags, checkRules...)
		} else {
			res.Diags = append(res.Diags, check.Site(site, opts.Now)...)
		}
		res.Diags.Sort()
		return &ContentError{res.Diags}
	}
	// A secret key anywhere in the site is refused before anything else
	// is read from it.
	res.Diags = append(res.Diags, SiteSecrets(opts.SiteDir)...)
	res.Diags.Sort()
	if site == nil {
		return res, &ContentError{res.Diags}
	}
	if res.Diags.Fails(opts.Strict) {
		return res, refuse()
	}
	cfg := site.Config
	res.Incidents = len(site.Incidents)
	for _, inc := range site.Incidents {
		res.Updates += len(inc.Published())
	}

	out, err := filepath.Abs(opts.OutDir)
	if err != nil {
		return res, fmt.Errorf("build: %w", err)
	}
	if err := checkTarget(opts.SiteDir, out); err != nil {
		return res, err
	}
	// The lock is held from before the previous manifest is read until
	// the new site is in place, so that no other build publishes between.
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return res, fmt.Errorf("build: %w", err)
	}
	unlock, err := lockParent(filepath.Dir(out))
	if errors.Is(err, errBusy) {
		return res, fmt.Errorf("build: another build is publishing into %s; wait for it to finish", out)
	} else if err != nil {
		return res, fmt.Errorf("build: %w", err)
	}
	defer unlock()
	// What is in out is read under the lock, once: the manifest that
	// proves a build wrote it is the last published one (unless
	// opts.Previous names another).
	inOut, err := madeByBuild(out)
	if err != nil {
		return res, err
	}
	// Every rule runs, and every body is rendered from the very tree the
	// rules read: the pages and the feeds are made from that HTML, never
	// from a second reading of the source. It runs beside the comparison
	// with the last published manifest, which reads the site as it does
	// and leaves a core idle (the check step is what is left of it).
	checkDone = make(chan struct{})
	go func() {
		defer close(checkDone)
		pprof.Do(ctx, pprof.Labels("step", "check"), func(context.Context) {
			checkRules, bodies = check.Checked(site, opts.Now)
		})
	}()
	defer func() { <-checkDone }() // never left running on the site after Build returns
	var record manifest.Record
	if err := timed("previous", func() error {
		var diags diag.List
		record, diags, err = checkPrevious(ctx, site, opts.Previous, out, inOut, opts.Now)
		res.Diags = append(res.Diags, diags...)
		if err == nil && diags.Fails(opts.Strict) {
			err = refuse()
		}
		return err
	}); err != nil {
		return res, err
	}

	// A build that was killed leaves its staging and work directories;
	// with the lock held, no other build owns one.
	removeLeftovers(out)
	stage, err := os.MkdirTemp(filepath.Dir(out), stagePrefix(out))
	if err != nil {
		return res, fmt.Errorf("build: %w", err)
	}
	defer func() {
		if stage != "" {
			os.RemoveAll(stage)
		}
	}()
	if err := os.Chmod(stage, 0o755); err != nil {
		return res, fmt.Errorf("build: %w", err)
	}

	// work holds what the build generates that is not published: the
	// pages Hugo lays out, and Hugo's own project folder.
	work, err := os.MkdirTemp(filepath.Dir(out), workPrefix(out))
	if err != nil {
		return res, fmt.Errorf("build: %w", err)
	}
	// Once Hugo has read them, the pages are removed beside the steps
	// after the render (about 10,000 files at 10,000 updates).
	workGone := make(chan struct{})
	removing := false
	defer func() {
		if removing {
			<-workGone
		} else {
			os.RemoveAll(work)
		}
	}()
	// The feeds are written into a directory of their own beside the
	// stage, and moved into it after the render, so that they replace a
	// static file of the same name whatever order the writes came in.
	feedDir := stage + ".feeds"
	defer os.RemoveAll(feedDir)
	var hashed map[string]manifest.File // the files compress read and wrote
	var listed []string                 // the site's files (publish.SiteFiles) once the render is in place
	var sources map[string]string       // the author's file of each generated page
	var rc *renderCache                 // the pages of earlier builds (rendercache.go)
	var pageSums map[string][sha256.Size]byte

	steps := []struct {
		name string
		run  func() error
	}{
		{"check", func() error {
			<-checkDone
			res.Diags = append(res.Diags, checkRules...)
			if opts.RefuseSamples {
				res.Diags = append(res.Diags, check.ForBuild(check.Placeholders(site.Config))...)
			}
			res.Diags.Sort()
			if res.Diags.Fails(opts.Strict) {
				return &ContentError{res.Diags}
			}
			return bodies.Err()
		}},
		{"pages", func() error {
			found, err := history.Find(ctx, site)
			if err != nil {
				return err
			}
			// Revision notes on the pages and in the feeds link the texts
			// published here.
			bodies.SetEarlier(found)
			sources, pageSums, err = pages.WriteNew(work, site, bodies, pages.Options{Versions: found})
			return err
		}},
		{"render", func() error {
			// Hugo keeps both cores busy for most of the render, but not
			// all of it: the feeds, which read only the loaded site and the
			// rendered bodies, are written beside it.
			var feedErr error
			var fed time.Duration
			done := make(chan struct{})
			go func(site *content.Site, bodies *render.Bodies) {
				defer close(done)
				start := time.Now()
				pprof.Do(ctx, pprof.Labels("step", "feeds"), func(context.Context) {
					feedErr = feed.WriteCached(site, bodies, feedDir, opts.CacheDir)
				})
				fed = time.Since(start)
			}(site, bodies)
			// From here on, the build needs only cfg and what it has made
			// of the site: the loaded site and its bodies (about 50 MiB of
			// live heap at 10,000 updates) are the feeds' alone, and are
			// released once they are written, early in the render when
			// the feed cache holds most of them, instead of after it.
			wanted := expectedPages(site)
			slugs := make([]string, len(site.Incidents))
			for i, inc := range site.Incidents {
				slugs[i] = inc.Slug
			}
			site, bodies = nil, nil
			ho := hugo.Options{SiteDir: opts.SiteDir, Config: cfg, PagesDir: work, Sources: sources, OutDir: stage, CacheDir: opts.CacheDir, TempDir: work}
			if opts.Key != nil {
				ho.PublicKey, ho.KeyID = opts.Key.Public().String(), opts.Key.Public().ID()
			}
			var renderErr error
			rc, renderErr = renderCached(ho, slugs, cfg.OtherLangs(), pageSums, &res.Rendered)
			removing = true
			go func() {
				defer close(workGone)
				os.RemoveAll(work)
			}()
			<-done
			// What the render allocated is garbage now, but the Go runtime
			// hands freed memory back to the system only slowly: without
			// this, the steps after the render grew the build's resident
			// memory past the render's own peak (BENCHMARKS.md).
			debug.FreeOSMemory()
			res.Steps = append(res.Steps, Step{Name: "feeds", Duration: fed, Beside: true})
			var se *hugo.SiteError
			if errors.As(renderErr, &se) {
				res.Diags = append(res.Diags, se.Diags...)
				res.Diags.Sort()
				return &ContentError{res.Diags}
			}
			if renderErr != nil {
				return renderErr
			}
			if err := checkRendered(stage, wanted); err != nil {
				return err
			}
			if feedErr != nil {
				return feedErr
			}
			if err := moveTree(feedDir, stage); err != nil {
				return err
			}
			return writePublicKey(opts.Key, stage)
		}},
		{"headers", func() error {
			if err := publish.WriteSecurityTxt(stage, cfg); err != nil {
				return err
			}
			// One listing of the output serves _headers and compress.
			if listed, err = publish.SiteFiles(stage); err != nil {
				return err
			}
			return publish.WriteHeadersFileFor(stage, listed)
		}},
		// What the render made, the site's static files among it, is
		// searched again for secret keys as it will be published: the
		// text files by compress, in the bytes it reads to compress them,
		// and every other file by secrets.
		{"compress", func() (err error) {
			var d diag.List
			var checked map[string]manifest.File
			if rc != nil {
				checked = rc.Checked
			}
			hashed, d, err = precompressSearched(stage, opts.CacheDir, filepath.Base(out)+"/", listed, checked)
			if len(d) > 0 {
				res.Diags = append(res.Diags, d...)
				res.Diags.Sort()
				return &ContentError{res.Diags}
			}
			return err
		}},
		{"secrets", func() error {
			if d := secretFilesBut(stage, filepath.Base(out)+"/", hashed); len(d) > 0 {
				res.Diags = append(res.Diags, d...)
				res.Diags.Sort()
				return &ContentError{res.Diags}
			}
			if rc == nil {
				return nil
			}
			// What Hugo rendered, searched now, is kept for the next build.
			if err := rc.store(stage, hashed); err != nil {
				return err
			}
			rc.prune()
			return nil
		}},
		{"manifest", func() error {
			return manifest.WriteKnown(stage, record, cfg.BaseURL, opts.Key, hashed)
		}},
		{"publish", func() error {
			if err := swap(stage, out); err != nil {
				return err
			}
			stage = "" // it now holds the old site, removed by swap
			return nil
		}},
	}
	for _, s := range steps {
		if err := timed(s.name, s.run); err != nil {
			return res, err
		}
	}
	return res, nil
}

// moveTree moves every file below from to the same place below to,
// replacing what is there, and leaves the directories of from behind.
func moveTree(from, to string) error {
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.Rename(p, dst)
	})
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// writePublicKey publishes the signing key's public half. A key the site
// already carries (static/.well-known/disclose.pub) must be the same key:
// readers who saved it would otherwise see every signature fail.
func writePublicKey(key *sign.SecretKey, stage string) error {
	if key == nil {
		return nil
	}
	pub := key.Public()
	p := filepath.Join(stage, filepath.FromSlash(public.PublicKey))
	if text, err := os.ReadFile(p); err == nil {
		have, err := sign.ParsePublicKeyText(text)
		if err != nil {
			return fmt.Errorf("build: static/%s: %w", public.PublicKey, err)
		}
		if !have.Equal(pub) {
			return fmt.Errorf("build: static/%s holds key ID %s, but the manifest is signed with key ID %s; publish the public key of the signing key, or sign with the key readers already have", public.PublicKey, have.ID(), pub.ID())
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return os.WriteFile(p, pub.MarshalText(), 0o644)
}

var errBusy = errors.New("busy")

// swap puts the staged site at out in one step and removes the old one.
func swap(stage, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(stage, out); err != nil {
			return fmt.Errorf("build: publish: %w", err)
		}
		return nil
	}
	if err := exchange(stage, out); err != nil {
		return fmt.Errorf("build: publish: %w", err)
	}
	// stage now holds the previous site.
	if err := os.RemoveAll(stage); err != nil {
		return fmt.Errorf("build: remove the previous site: %w", err)
	}
	return nil
}
