// Package corpus writes large, valid breach transparency sites for
// benchmarks and tests: N incidents with M updates each, every field of the
// content model used, realistic Markdown (paragraphs, lists, tables, links
// between pages), all of it a pure function of a seed. The sites pass
// `disclose check --strict`.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // the site's zone, even where the system has no zone files
)

// Options says what site to write.
type Options struct {
	Incidents int    // how many incidents, at least 1
	Updates   int    // published updates per incident, at least 1
	Seed      uint64 // the same seed writes the same bytes
	// ThemeDir holds the layouts/ and static/ directories to copy into the
	// site (the repository root); empty writes content and config only.
	ThemeDir string
}

// Site describes a written site, for benchmarks that need its addresses.
type Site struct {
	Dir       string
	Incidents []Incident
}

// Incident is one written incident.
type Incident struct {
	Slug    string
	Dir     string   // content/incidents/<slug>
	Updates []Update // published updates, oldest first
	Draft   string   // the file of its draft update, or ""
}

// Update is one written update.
type Update struct {
	File string // path of the Markdown file
	Path string // its address: /incidents/<slug>/<2006-01-02-1504>/
}

// Updates is how many published updates the site has.
func (s *Site) Updates() int {
	n := 0
	for _, inc := range s.Incidents {
		n += len(inc.Updates)
	}
	return n
}

// Zone is the site's time zone (config timeZone); every date is written
// with this zone's offset at that instant, as check asks.
const Zone = "Australia/Melbourne"

// The span every date falls in: well in the past, so that check never
// finds an update in the future.
var (
	spanStart = time.Date(2015, 1, 5, 9, 0, 0, 0, time.UTC)
	spanEnd   = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
)

// Generate writes the site into dir, which must be empty or absent.
func Generate(dir string, opts Options) (*Site, error) {
	if opts.Incidents < 1 || opts.Updates < 1 {
		return nil, fmt.Errorf("corpus: need at least one incident and one update, got %d and %d", opts.Incidents, opts.Updates)
	}
	win := spanEnd.Sub(spanStart) / time.Duration(opts.Incidents)
	if win/time.Duration(opts.Updates+2) < 10*time.Minute {
		return nil, fmt.Errorf("corpus: %d updates per incident do not fit %s apart in %s; use fewer", opts.Updates, 10*time.Minute, win.Round(time.Hour))
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("corpus: %s is not empty", dir)
	}
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	g := &gen{
		r:    rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		loc:  loc,
		opts: opts,
		site: &Site{Dir: dir},
	}
	g.plan()
	files := map[string][]byte{}
	var order []string
	put := func(name string, data []byte) {
		order = append(order, name)
		files[name] = data
	}
	put("config.toml", []byte(config))
	for i, inc := range g.incs {
		put(filepath.Join("content", "incidents", inc.slug, "_index.md"), g.incidentFile(i))
		for k := range inc.updates {
			u := &inc.updates[k]
			put(filepath.Join("content", "incidents", inc.slug, u.file), g.updateFile(i, k))
		}
	}
	for _, name := range order {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
	}
	if opts.ThemeDir != "" {
		if err := CopyTheme(opts.ThemeDir, dir); err != nil {
			return nil, err
		}
	}
	for _, inc := range g.incs {
		si := Incident{Slug: inc.slug, Dir: filepath.Join(dir, "content", "incidents", inc.slug)}
		for _, u := range inc.updates {
			f := filepath.Join(si.Dir, u.file)
			if u.draft {
				si.Draft = f
				continue
			}
			si.Updates = append(si.Updates, Update{File: f, Path: u.path})
		}
		g.site.Incidents = append(g.site.Incidents, si)
	}
	return g.site, nil
}

// CopyTheme copies layouts/ and static/ from the directory from (the
// repository root) into the site directory to.
func CopyTheme(from, to string) error {
	for _, d := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(to, d), os.DirFS(filepath.Join(from, d))); err != nil {
			return fmt.Errorf("corpus: copy %s: %w", d, err)
		}
	}
	return nil
}

// gen holds the plan of the site while it is written.
type gen struct {
	r    *rand.Rand
	loc  *time.Location
	opts Options
	site *Site
	incs []planInc
}

type planInc struct {
	slug       string
	theme      theme
	discovered time.Time
	occurred   [2]time.Time
	updates    []planUpdate // oldest first; the draft, if any, last
	open       bool         // the newest incident stays open
}

type planUpdate struct {
	date   time.Time
	file   string
	path   string
	status string
	draft  bool
}

var statuses = []string{"investigating", "identified", "contained", "notifying", "resolved"}

// plan fixes every incident's slug, dates and statuses before any file is
// written, so that bodies can link to any published update.
func (g *gen) plan() {
	n, m := g.opts.Incidents, g.opts.Updates
	win := spanEnd.Sub(spanStart) / time.Duration(n)
	for i := range n {
		th := themes[i%len(themes)]
		start := spanStart.Add(win * time.Duration(i))
		inc := planInc{
			slug:  fmt.Sprintf("%s-%d-%03d", th.slug, start.In(g.loc).Year(), i+1),
			theme: th,
			open:  i == n-1,
		}
		inc.discovered = start.Add(time.Duration(g.r.IntN(600)) * time.Minute).In(g.loc).Truncate(time.Minute)
		inc.occurred[1] = inc.discovered.AddDate(0, 0, -g.r.IntN(3))
		inc.occurred[0] = inc.occurred[1].AddDate(0, 0, -1-g.r.IntN(10))
		first := inc.discovered.Add(time.Duration(2+g.r.IntN(20)) * time.Hour)
		step := (win - first.Sub(start) - 48*time.Hour) / time.Duration(m)
		seen := map[string]bool{}
		last := time.Time{}
		for k := range m + 1 {
			draft := k == m
			if draft && i != 0 {
				break // one draft in the site, in the first incident
			}
			t := first.Add(step * time.Duration(k))
			if k > 0 {
				t = t.Add(time.Duration(g.r.Int64N(int64(step/4+1))) - step/8)
			}
			t = t.In(g.loc).Truncate(time.Minute)
			if !t.After(last) {
				t = last.Add(time.Minute)
			}
			for seen[t.Format("2006-01-02-1504")] {
				t = t.Add(time.Minute)
			}
			seen[t.Format("2006-01-02-1504")] = true
			last = t
			rank := k * len(statuses) / m
			if inc.open {
				rank = min(rank, 3)
			}
			if draft {
				rank = len(statuses) - 1
			}
			inc.updates = append(inc.updates, planUpdate{
				date:   t,
				file:   fmt.Sprintf("%s-%s-%d.md", t.Format("2006-01-02"), pick(g.r, fileWords), k+1),
				path:   "/incidents/" + inc.slug + "/" + t.Format("2006-01-02-1504") + "/",
				status: statuses[rank],
				draft:  draft,
			})
		}
		g.incs = append(g.incs, inc)
	}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// rfc is how a time is written in front matter: RFC 3339 in the site's zone.
func rfc(t time.Time) string { return t.Format(time.RFC3339) }

// day is how a date is written in front matter.
func day(t time.Time) string { return t.Format("2006-01-02") }

// spoken is a date as the text says it: 4 March 2016.
func spoken(t time.Time) string { return t.Format("2 January 2006") }

// q quotes a front matter string in YAML double quotes.
func q(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
