package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/pages"
	"github.com/disclose-dev/disclose/internal/public"
)

// perIncidentDefault is how many updates each incident of a generated size
// has: a size of S updates is S/250 incidents of 250 updates (one incident
// of S below 250), so incident pages paginate at every size above 20.
const perIncidentDefault = 250

// sample is one timed build.
type sample struct {
	Wall   time.Duration
	CPU    time.Duration // user + system
	MaxRSS int64         // bytes
}

// sizeResult is everything measured at one size.
type sizeResult struct {
	Updates, Incidents, PerIncident int
	Ours, Plain                     []sample
	// Floor is Hugo alone (the hugo binary) rendering the pages disclose
	// generates, with our templates and Hugo config: interleaved with
	// Ours and Plain, into an empty directory each time.
	Floor []sample
	// OursRebuild and FloorRebuild are each build again into its last
	// output after one update was corrected (interleaved pairs).
	OursRebuild, FloorRebuild []sample
	FloorNote                 string
	// OursEmpty is our build into an empty output with an empty cache
	// directory (no render, feed or precompression cache), interleaved
	// with Ours: the first build of a site on a machine.
	OursEmpty []sample
	// NewUpdate is what one new update changed in the published output.
	NewUpdate     *treeDiff
	NewUpdateAddr string
	// SiteFeeds and LargestFeeds are the feeds of the site and of its
	// incident with the most bytes of feeds, after the new update.
	SiteFeeds, LargestFeeds feedSizes
	// Deploys are disclose deploy to a local S3 server, first of the
	// whole site, then after the new update; DeployNote says why not.
	Deploys               []deployRun
	DeployNote            string
	Steps                 map[string][]stepTime // "full", "unchanged", "one file"
	StepsSample           map[string]sample
	Weights               []weight
	OutFiles              int
	OutBytes              int64
	PlainFiles            int
	Serve                 []time.Duration
	ServeNote             string
	PlainServe            []time.Duration // plain Hugo's own server
	PlainServeNote        string
	LoadBefore, LoadAfter string
	Warmup                int
	Measured              string // when, UTC
}

// weight is the size of one published page.
type weight struct {
	Page  string
	Bytes int64
}

type benchEnv struct {
	root, work       string
	workFS           string // the filesystem of work, where every build writes
	disclose, hugo   string
	self             string
	key              string
	cache            string
	stdout, stderr   io.Writer
	runs, warmup     int
	perIncident      int
	seed             uint64
	serve            bool
	deployS3         bool // measure disclose deploy to a local S3 server
	serveChanges     int
	stepKinds        []string
	stepsCache       string
	goVersion, hugoV string
	commit           string
}

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", "run [-sizes 100,1000,10000] [-runs 5] [-o BENCHMARKS.md]", stderr)
	sizes := fs.String("sizes", "100,1000,10000", "site sizes to measure, in published updates")
	runs := fs.Int("runs", 5, "timed builds of each kind per size, interleaved (ours, plain, ours, plain ...)")
	warmup := fs.Int("warmup", 1, "untimed builds of each kind per size first (file cache, Hugo's resource cache)")
	out := fs.String("o", "BENCHMARKS.md", "the report to write; text after the line <!-- notes --> in an existing file is kept")
	work := fs.String("work", "", "the directory for binaries, sites and builds (default: a new temporary directory, removed afterwards)")
	disclose := fs.String("disclose", "", "a built disclose binary (default: go build ./cmd/disclose)")
	hugoBin := fs.String("hugo", "", "a built hugo binary of the pinned version (default: go build github.com/gohugoio/hugo)")
	perIncident := fs.Int("per-incident", perIncidentDefault, "updates per incident")
	seed := fs.Uint64("seed", 1, "the generator's seed")
	serve := fs.Bool("serve", true, "measure disclose serve's one-file-change latency at the largest size, if disclose has serve")
	deployS3 := fs.Bool("deploy", true, "measure disclose deploy to a local S3 server (versitygw, if installed) at every size")
	stepKinds := fs.String("steps", "full,unchanged,one file", "the in-process builds timed step by step: full (from scratch), unchanged (again into the same directory), one file (after one update changed)")
	stepsCache := fs.String("steps-cache", "", "the cache directory of the step-by-step builds (default: a new one per size, so that the first is built with empty caches)")
	resultsFile := fs.String("results", "", "a JSON file of earlier results: sizes measured now replace their entries, the others are reported as they are (to measure sizes at different times)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("%w: -sizes: %q is not a number of updates", errUsage, s)
		}
		ns = append(ns, n)
	}
	if *runs < 1 {
		return fmt.Errorf("%w: -runs must be at least 1", errUsage)
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	e := &benchEnv{root: root, stdout: stdout, stderr: stderr, runs: *runs, warmup: *warmup,
		perIncident: *perIncident, seed: *seed, serve: *serve, serveChanges: 9, stepsCache: *stepsCache, deployS3: *deployS3}
	for _, k := range strings.Split(*stepKinds, ",") {
		switch k = strings.TrimSpace(k); k {
		case "full", "unchanged", "one file":
			e.stepKinds = append(e.stepKinds, k)
		case "":
		default:
			return fmt.Errorf("%w: -steps: %q is not full, unchanged or one file", errUsage, k)
		}
	}
	if *work == "" {
		dir, err := os.MkdirTemp(tmpfsDir(), "disclose-bench-")
		if err != nil {
			return fmt.Errorf("run: %w", err)
		}
		defer os.RemoveAll(dir)
		*work = dir
	}
	if e.work, err = filepath.Abs(*work); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	e.workFS = fsType(e.work)
	if err := e.prepare(ctx, *disclose, *hugoBin); err != nil {
		return err
	}
	// Our builds keep their caches (Hugo's and the precompression cache)
	// in the user's cache directory: put it in the work directory, on the
	// same filesystem as the outputs, as a CI runner's would be. (After
	// prepare: go build keeps its own cache there too.)
	if err := os.Setenv("XDG_CACHE_HOME", filepath.Join(e.work, "user-cache")); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	saved := map[int]*sizeResult{}
	if *resultsFile != "" {
		if data, err := os.ReadFile(*resultsFile); err == nil {
			var old []*sizeResult
			if err := json.Unmarshal(data, &old); err != nil {
				return fmt.Errorf("run: %s: %w", *resultsFile, err)
			}
			for _, r := range old {
				saved[r.Updates] = r
			}
		}
	}
	for i, n := range ns {
		r, err := e.measure(ctx, n, *serve && i == len(ns)-1)
		if err != nil {
			return err
		}
		saved[r.Updates] = r
		if *resultsFile != "" {
			var all []*sizeResult
			for _, k := range slices.Sorted(maps.Keys(saved)) {
				all = append(all, saved[k])
			}
			data, _ := json.MarshalIndent(all, "", "  ")
			if err := os.WriteFile(*resultsFile, data, 0o644); err != nil {
				return fmt.Errorf("run: %w", err)
			}
		}
	}
	var results []*sizeResult
	for _, k := range slices.Sorted(maps.Keys(saved)) {
		results = append(results, saved[k])
	}
	report := e.report(results)
	if old, err := os.ReadFile(*out); err == nil {
		if i := bytes.Index(old, []byte(notesMarker)); i >= 0 {
			report += "\n" + string(old[i:])
		}
	}
	if !strings.Contains(report, notesMarker) {
		report += "\n" + notesMarker + "\n"
	}
	if err := os.WriteFile(*out, []byte(report), 0o644); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

const notesMarker = "<!-- notes: written by hand, kept by disclose-bench run -->"

func (e *benchEnv) logf(format string, a ...any) {
	fmt.Fprintf(e.stderr, "%s "+format+"\n", append([]any{time.Now().UTC().Format("15:04:05")}, a...)...)
}

// prepare builds the binaries and the signing key.
func (e *benchEnv) prepare(ctx context.Context, disclose, hugoBin string) error {
	bin := filepath.Join(e.work, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	goBuild := func(out, pkg string) error {
		e.logf("go build %s", pkg)
		cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
		cmd.Dir = e.root
		cmd.Stdout, cmd.Stderr = e.stderr, e.stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("run: go build %s: %w", pkg, err)
		}
		return nil
	}
	e.disclose, e.hugo = disclose, hugoBin
	if e.disclose == "" {
		e.disclose = filepath.Join(bin, "disclose")
		if err := goBuild(e.disclose, "./cmd/disclose"); err != nil {
			return err
		}
	}
	if e.hugo == "" {
		e.hugo = filepath.Join(bin, "hugo")
		if err := goBuild(e.hugo, "github.com/gohugoio/hugo"); err != nil {
			return err
		}
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	e.self = self
	e.key = filepath.Join(e.work, "key", "disclose.key")
	os.RemoveAll(filepath.Dir(e.key))
	if err := os.MkdirAll(filepath.Dir(e.key), 0o700); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if _, err := output(ctx, e.disclose, "keygen", "-secret", e.key, "-public", filepath.Join(filepath.Dir(e.key), "disclose.pub")); err != nil {
		return err
	}
	e.cache = filepath.Join(e.work, "cache")
	v, err := output(ctx, e.hugo, "version")
	if err != nil {
		return err
	}
	e.hugoV = strings.TrimSpace(v)
	if v, err := output(ctx, "go", "version"); err == nil {
		e.goVersion = strings.TrimSpace(v)
	}
	c := exec.CommandContext(ctx, "git", "describe", "--always", "--dirty")
	c.Dir = e.root
	if b, err := c.Output(); err == nil {
		e.commit = strings.TrimSpace(string(b))
	}
	return nil
}

func output(ctx context.Context, name string, args ...string) (string, error) {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("run: %s %s: %w\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(b), nil
}

// timed runs a command and measures it from the kernel's accounting.
func timed(ctx context.Context, stdout io.Writer, name string, args ...string) (sample, error) {
	return timedEnv(ctx, stdout, nil, name, args...)
}

// timedEnv is timed with env added to the command's environment.
func timedEnv(ctx context.Context, stdout io.Writer, env []string, name string, args ...string) (sample, error) {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	cmd.Stdout = stdout
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("run: %s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, tail(stderr.String(), 3000))
	}
	s := sample{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.MaxRSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return s, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// measure generates one size and times both builds on it.
func (e *benchEnv) measure(ctx context.Context, n int, serve bool) (*sizeResult, error) {
	per := min(e.perIncident, n)
	incidents := max(1, n/per)
	r := &sizeResult{Updates: incidents * per, Incidents: incidents, PerIncident: per,
		Steps: map[string][]stepTime{}, StepsSample: map[string]sample{}, LoadBefore: loadAvg(),
		Warmup: e.warmup, Measured: time.Now().UTC().Format("2006-01-02 15:04 MST")}
	dir := filepath.Join(e.work, fmt.Sprintf("size-%d", r.Updates))
	os.RemoveAll(dir)
	site := filepath.Join(dir, "site")
	e.logf("generate %d incident(s) x %d update(s)", incidents, per)
	gen, err := corpus.Generate(site, corpus.Options{Incidents: incidents, Updates: per, Seed: e.seed, ThemeDir: e.root})
	if err != nil {
		return nil, err
	}
	plain := filepath.Join(dir, "plain")
	if err := writePlainSite(plain, site); err != nil {
		return nil, err
	}
	oursOut, plainOut := filepath.Join(dir, "out-ours"), filepath.Join(dir, "out-plain")
	ours := func() (sample, error) {
		os.RemoveAll(oursOut)
		return timed(ctx, io.Discard, e.disclose, "build", "-o", oursOut, "-key", e.key, site)
	}
	floor := func() (sample, error) {
		os.RemoveAll(plainOut)
		return timed(ctx, io.Discard, e.hugo, "build", "--source", plain, "--destination", plainOut,
			"--cacheDir", filepath.Join(e.cache, "plain"), "--noBuildLock", "--quiet")
	}
	// Hugo alone with our templates, on the pages disclose generates:
	// the hugo binary, so that its time and memory are Hugo's only.
	floorDir, floorOut := filepath.Join(dir, "floor"), filepath.Join(dir, "out-floor")
	floorArgs, err := e.floorProject(ctx, site, floorDir, floorOut)
	if err != nil {
		r.FloorNote = "not measured: " + firstLine(err.Error())
		e.logf("%d updates: Hugo alone %s", r.Updates, r.FloorNote)
	}
	alone := func() (sample, error) {
		if floorArgs == nil {
			return sample{}, nil
		}
		os.RemoveAll(floorOut)
		return timed(ctx, io.Discard, e.hugo, floorArgs...)
	}
	emptyOut, emptyCache := filepath.Join(dir, "out-empty"), filepath.Join(dir, "empty-cache")
	oursEmpty := func() (sample, error) {
		os.RemoveAll(emptyOut)
		os.RemoveAll(emptyCache)
		return timedEnv(ctx, io.Discard, []string{"XDG_CACHE_HOME=" + emptyCache}, e.disclose, "build", "-o", emptyOut, "-key", e.key, site)
	}
	for i := range e.warmup + e.runs {
		so, err := ours()
		if err != nil {
			return nil, err
		}
		sp, err := floor()
		if err != nil {
			return nil, err
		}
		sf, err := alone()
		if err != nil {
			return nil, err
		}
		se, err := oursEmpty()
		if err != nil {
			return nil, err
		}
		kind := "warm-up"
		if i >= e.warmup {
			kind = "run"
			r.OursEmpty = append(r.OursEmpty, se)
			r.Ours = append(r.Ours, so)
			r.Plain = append(r.Plain, sp)
			if floorArgs != nil {
				r.Floor = append(r.Floor, sf)
			}
		}
		e.logf("%d updates %s %d: ours %s %s %s; plain %s %s %s; Hugo alone %s %s %s", r.Updates, kind, i+1,
			so.Wall.Round(time.Millisecond), so.CPU.Round(time.Millisecond), mib(so.MaxRSS),
			sp.Wall.Round(time.Millisecond), sp.CPU.Round(time.Millisecond), mib(sp.MaxRSS),
			sf.Wall.Round(time.Millisecond), sf.CPU.Round(time.Millisecond), mib(sf.MaxRSS))
	}
	r.LoadAfter = loadAvg()
	r.OutFiles, r.OutBytes = treeSize(oursOut)
	r.PlainFiles, _ = treeSize(plainOut)
	first := gen.Incidents[0]
	for _, p := range []string{"index.html", "incidents/index.html",
		public.Incident(first.Slug) + "index.html", public.OlderUpdates(first.Slug, 1, pages.PerPage) + "index.html",
		strings.TrimPrefix(first.Updates[len(first.Updates)-1].Path, "/") + "index.html",
		public.RSS, public.Manifest} {
		if st, err := os.Stat(filepath.Join(oursOut, p)); err == nil {
			r.Weights = append(r.Weights, weight{"/" + strings.TrimSuffix(p, "index.html"), st.Size()})
		}
	}

	// A rebuild after one corrected update, ours and Hugo alone's, each
	// into its last output, in interleaved pairs. Hugo alone gets the
	// pages generated again first, untimed: that is our work.
	for i := range e.runs {
		if err := changeOneUpdate(first); err != nil {
			return nil, err
		}
		so, err := timed(ctx, io.Discard, e.disclose, "build", "-o", oursOut, "-key", e.key, site)
		if err != nil {
			return nil, err
		}
		r.OursRebuild = append(r.OursRebuild, so)
		if floorArgs == nil {
			continue
		}
		if floorArgs, err = e.floorProject(ctx, site, floorDir, floorOut); err != nil {
			return nil, err
		}
		sf, err := timed(ctx, io.Discard, e.hugo, floorArgs...)
		if err != nil {
			return nil, err
		}
		r.FloorRebuild = append(r.FloorRebuild, sf)
		e.logf("%d updates rebuild %d after one corrected update: ours %s %s %s; Hugo alone %s %s %s", r.Updates, i+1,
			so.Wall.Round(time.Millisecond), so.CPU.Round(time.Millisecond), mib(so.MaxRSS),
			sf.Wall.Round(time.Millisecond), sf.CPU.Round(time.Millisecond), mib(sf.MaxRSS))
	}

	// One new update, the newest of the site, to its newest incident:
	// what it changes in the output, and deploys before and after it.
	if err := e.measureNewUpdate(ctx, r, site, oursOut, dir, gen.Incidents[len(gen.Incidents)-1]); err != nil {
		return nil, err
	}

	// Each step's time, from build.Build in a process of its own: from
	// scratch (with empty caches), again with nothing changed, and after
	// one file changed (with the caches the earlier builds filled).
	stepsOut := filepath.Join(dir, "out-steps")
	os.RemoveAll(stepsOut)
	for _, kind := range e.stepKinds {
		if kind == "one file" {
			if err := changeOneUpdate(first); err != nil {
				return nil, err
			}
		}
		var buf bytes.Buffer
		s, err := timed(ctx, &buf, e.self, "steps", "-site", site, "-o", stepsOut, "-key", e.key, "-cache", cmp.Or(e.stepsCache, filepath.Join(dir, "steps-cache")))
		if err != nil {
			return nil, err
		}
		var st stepTimes
		if err := json.Unmarshal(buf.Bytes(), &st); err != nil {
			return nil, fmt.Errorf("run: steps: %w", err)
		}
		r.Steps[kind] = st.Steps
		r.StepsSample[kind] = s
		e.logf("%d updates steps (%s): %s in %s", r.Updates, kind, s.Wall.Round(time.Millisecond), stepSummary(st.Steps))
	}
	if serve {
		r.Serve, r.ServeNote = e.measureServe(ctx, site, first)
		r.PlainServe, r.PlainServeNote = e.measurePlainServe(ctx, plain, first)
	}
	return r, nil
}

// tmpfsDir is where the work directory goes by default: /dev/shm when it
// is a tmpfs, else the system's temporary directory. On ext4 without a
// journal (this machine's root), a new inode skips every recently deleted
// one (fs/ext4/ialloc.c, recently_deleted), and a directory that has
// seen a few hundred thousand files come and go makes every new file cost
// several times what it did: 20,000 empty files took 1.5 s on a fresh
// directory and 3.6 s to 5.5 s later in one session, whether or not the
// filesystem was synced or its caches dropped in between, and plain
// Hugo's build of 10,000 updates took from 4 s to 14 s depending on what
// ran before it. On tmpfs both builds pay only for their own work.
func tmpfsDir() string {
	if fsType("/dev/shm") == "tmpfs" {
		return "/dev/shm"
	}
	return ""
}

// fsType names the filesystem dir is on, as far as the benchmark cares.
func fsType(dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return "unknown"
	}
	switch st.Type {
	case 0x01021994:
		return "tmpfs"
	case 0xEF53:
		return "ext4"
	}
	return fmt.Sprintf("filesystem type %#x", st.Type)
}

// changeOneUpdate corrects one published update the way a writer does:
// a sentence added, and a revisions entry saying so (the build refuses a
// silent change to a published update).
func changeOneUpdate(inc corpus.Incident) error {
	for i := len(inc.Updates) / 2; i < len(inc.Updates); i++ {
		file := inc.Updates[i].File
		data, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("run: %w", err)
		}
		src := string(data)
		end := strings.Index(src[4:], "\n---\n")
		if end < 0 || strings.Contains(src[:end+4], "\nrevisions:") || strings.Contains(src[:end+4], "\nwithdrawn:") {
			continue
		}
		end += 4
		loc, err := time.LoadLocation(corpus.Zone)
		if err != nil {
			return fmt.Errorf("run: %w", err)
		}
		when := time.Now().Add(-2 * time.Minute).In(loc).Truncate(time.Minute).Format(time.RFC3339)
		src = src[:end] + "\nrevisions:\n  - date: " + when + "\n    note: \"We added a sentence about the helpline.\"" +
			src[end:] + "\nWe added this sentence to say the helpline now opens on Saturdays.\n"
		return os.WriteFile(file, []byte(src), 0o644)
	}
	return fmt.Errorf("run: no update of %s without revisions to change", inc.Slug)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func appendLine(file, text string) error {
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return fmt.Errorf("run: %w", err)
	}
	return f.Close()
}

func stepSummary(steps []stepTime) string {
	var parts []string
	for _, s := range steps {
		parts = append(parts, fmt.Sprintf("%s %s", s.Name, s.NS.Round(time.Millisecond)))
	}
	return strings.Join(parts, ", ")
}

// plainConfig renders the same content with Hugo's defaults: HTML and RSS
// for the home and section pages, HTML for pages, pagination at the same
// size as the disclose templates.
const plainConfig = `baseURL = "https://updates.tallowcreek.example/"
title = "Tallow Creek Water: cyber incident updates"
locale = "en-AU"
timeZone = "Australia/Melbourne"
contentDir = %q
disableKinds = ["taxonomy", "term"]
[pagination]
pagerSize = 20
`

// plainLayouts are the floor: title, date and content, and for lists the
// paginated pages' titles and dates.
var plainLayouts = map[string]string{
	"baseof.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body></html>
`,
	"single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006 15:04" }}</p>
{{ .Content }}{{ end }}
`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006 15:04" }}</p>
{{ .Content }}
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>, {{ .Date.Format "2 January 2006 15:04" }}</li>{{ end }}</ul>
{{ with .Paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}{{ end }}
`,
}

// writePlainSite writes a Hugo site that renders site's content with
// minimal templates.
func writePlainSite(dir, site string) error {
	content, err := filepath.Abs(filepath.Join(site, "content"))
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "layouts"), 0o755); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), fmt.Appendf(nil, plainConfig, content), 0o644); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	for _, name := range slices.Sorted(maps.Keys(plainLayouts)) {
		if err := os.WriteFile(filepath.Join(dir, "layouts", name), []byte(plainLayouts[name]), 0o644); err != nil {
			return fmt.Errorf("run: %w", err)
		}
	}
	return nil
}

func treeSize(dir string) (files int, size int64) {
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				files++
				size += info.Size()
			}
		}
		return nil
	})
	return files, size
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// memTotal is the machine's memory from /proc/meminfo.
func memTotal() string {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "MemTotal:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
	}
	return "unknown"
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "model name") {
			if _, v, ok := strings.Cut(line, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}
