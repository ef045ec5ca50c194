package main

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Targets of issue 7, on a two-core machine.
const (
	targetTimeRatio   = 1.25 // ours/plain wall time at the largest size
	targetMemRatio    = 1.25 // ours/plain peak memory at the largest size
	targetPerUpdate   = 1.2  // time per update, largest size over 1,000
	targetWeightDrift = 0.10 // page weight, largest size against smallest
	targetServe       = 300 * time.Millisecond
	// Against Hugo alone with our templates on our generated pages.
	targetFloorCold    = 1.25 // cold build
	targetFloorRebuild = 1.1  // rebuild after one corrected update
	targetFloorMem     = 1.25 // peak memory
)

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func walls(ss []sample) []time.Duration {
	var out []time.Duration
	for _, s := range ss {
		out = append(out, s.Wall)
	}
	return out
}

func cpus(ss []sample) []time.Duration {
	var out []time.Duration
	for _, s := range ss {
		out = append(out, s.CPU)
	}
	return out
}

func rsss(ss []sample) []int64 {
	var out []int64
	for _, s := range ss {
		out = append(out, s.MaxRSS)
	}
	return out
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**missed**"
}

// report writes the Markdown of BENCHMARKS.md above the notes.
func (e *benchEnv) report(rs []*sizeResult) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# Benchmarks\n\n")
	p("`disclose build` (the whole pipeline: check, render, feeds, headers, precompression, signed manifest, atomic swap) against plain Hugo of the pinned version rendering the same content with minimal templates (title, date, content; paginated lists) and Hugo's built-in RSS, as the floor of what rendering costs.\n\n")
	p("Both run as subprocesses of `disclose-bench run`, one build at a time, interleaved (ours, plain, ours, plain ...) after untimed warm-up builds of each; the tables give the median of the timed runs (their number, and the warm-ups, are under Raw runs). CPU time is user + system from the kernel (`rusage`), peak memory is `ru_maxrss`. The sites come from `internal/corpus` (seed %d): incidents of %d updates each (one incident below that), every field of the content model, paragraphs, lists, tables and links between pages; each passes `disclose check --strict`.\n\n",
		e.seed, e.perIncident)
	p("Reproduce (from the repository root):\n\n")
	sizes := make([]string, len(rs))
	for i, r := range rs {
		sizes[i] = fmt.Sprint(r.Updates)
	}
	p("```\ngo run ./cmd/disclose-bench run -sizes %s -runs %d -o BENCHMARKS.md\n```\n\n", strings.Join(sizes, ","), e.runs)
	commit := cmp.Or(e.commit, "(not a git checkout)")
	p("Machine: %d cores (`runtime.NumCPU`), %s memory (`/proc/meminfo`), %s; %s; %s; disclose %s. Load average (1, 5, 15 min) before each size is in the raw runs: other work on the machine shows there. Sites, outputs and caches are on %s (`tmpfsDir` in cmd/disclose-bench/run.go says why).\n\n",
		runtime.NumCPU(), memTotal(), cpuModel(), e.goVersion, e.hugoV, commit, e.workFS)

	p("## Results\n\n")
	p("| updates | incidents | ours wall | plain wall | **wall ratio** | ours CPU | plain CPU | CPU ratio | ours peak RSS | plain peak RSS | **memory ratio** | ours per update | plain per update |\n")
	p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rs {
		ow, pw := median(walls(r.Ours)), median(walls(r.Plain))
		oc, pc := median(cpus(r.Ours)), median(cpus(r.Plain))
		om, pm := median(rsss(r.Ours)), median(rsss(r.Plain))
		p("| %d | %d | %s | %s | %.2f× | %s | %s | %.2f× | %s | %s | %.2f× | %.2f ms | %.2f ms |\n",
			r.Updates, r.Incidents, secs(ow), secs(pw), ratio(float64(ow), float64(pw)),
			secs(oc), secs(pc), ratio(float64(oc), float64(pc)),
			mib(om), mib(pm), ratio(float64(om), float64(pm)),
			float64(ow)/float64(time.Millisecond)/float64(r.Updates), float64(pw)/float64(time.Millisecond)/float64(r.Updates))
	}
	p("\n")

	p("## Targets\n\n")
	p("| target | measured | |\n|---|---|---|\n")
	largest := rs[len(rs)-1]
	ow, pw := median(walls(largest.Ours)), median(walls(largest.Plain))
	wr := ratio(float64(ow), float64(pw))
	p("| build time at %d updates within %.2f× plain Hugo | %.2f× (%s against %s) | %s |\n", largest.Updates, targetTimeRatio, wr, secs(ow), secs(pw), verdict(wr <= targetTimeRatio))
	om, pm := median(rsss(largest.Ours)), median(rsss(largest.Plain))
	mr := ratio(float64(om), float64(pm))
	p("| peak memory at %d updates within %.2f× plain Hugo | %.2f× (%s against %s) | %s |\n", largest.Updates, targetMemRatio, mr, mib(om), mib(pm), verdict(mr <= targetMemRatio))
	var at1000 *sizeResult
	for _, r := range rs {
		if r.Updates == 1000 {
			at1000 = r
		}
	}
	if at1000 != nil && largest != at1000 {
		a := float64(median(walls(at1000.Ours))) / float64(at1000.Updates)
		z := float64(ow) / float64(largest.Updates)
		p("| time per update at %d no more than %.1f× that at 1000 | %.2f× (%.2f ms against %.2f ms) | %s |\n",
			largest.Updates, targetPerUpdate, z/a, z/1e6, a/1e6, verdict(z/a <= targetPerUpdate))
	}
	smallest := rs[0]
	if smallest != largest {
		for _, page := range []string{"/", "/incidents/" + "*" + "/"} {
			ws, wl := pageWeight(smallest, page), pageWeight(largest, page)
			if ws == 0 || wl == 0 {
				continue
			}
			d := float64(wl-ws) / float64(ws)
			if d < 0 {
				d = -d
			}
			name := "home page"
			if page != "/" {
				name = "incident page (first page of updates)"
			}
			p("| %s weight at %d updates within %.0f%% of %d | %d bytes against %d (%+.1f%%) | %s |\n",
				name, largest.Updates, targetWeightDrift*100, smallest.Updates, wl, ws, float64(wl-ws)/float64(ws)*100, verdict(d <= targetWeightDrift))
		}
	}
	if len(largest.Serve) > 0 {
		m := median(largest.Serve)
		plain := ""
		if len(largest.PlainServe) > 0 {
			plain = fmt.Sprintf("; plain Hugo's own `hugo server` on the same content: median %s of %d", ms(median(largest.PlainServe)), len(largest.PlainServe))
		} else if largest.PlainServeNote != "" {
			plain = "; plain Hugo's own server " + largest.PlainServeNote
		}
		p("| a one-file change seen by `disclose serve` within %s at %d updates | median %s of %d changes (%s)%s | %s |\n",
			ms(targetServe), largest.Updates, ms(m), len(largest.Serve), largest.ServeNote, plain, verdict(m <= targetServe))
	} else if largest.ServeNote != "" {
		p("| a one-file change seen by `disclose serve` within %s | %s | |\n", ms(targetServe), largest.ServeNote)
	}
	for i := len(rs) - 1; i >= 0; i-- { // the largest size with all three step builds
		full, same, one := rs[i].Steps["full"], rs[i].Steps["unchanged"], rs[i].Steps["one file"]
		if full == nil || same == nil || one == nil {
			continue
		}
		fc, _ := stepDur(full, "compress")
		uc, _ := stepDur(same, "compress")
		oc, _ := stepDur(one, "compress")
		um, _ := stepDur(same, "manifest")
		om, _ := stepDur(one, "manifest")
		// What one changed file costs beyond a build where nothing
		// changed, against what compressing everything costs.
		extra, all := oc-uc, fc-uc
		p("| `disclose build` after a one-file change compresses only what changed (%d updates) | compress %s after one change, %s with nothing changed, %s from scratch: the change cost %.0f%% of compressing everything | %s |\n",
			rs[i].Updates, ms(oc), ms(uc), ms(fc), 100*ratio(float64(max(extra, 0)), float64(all)), verdict(float64(extra) < 0.1*float64(all)))
		p("| ... and skips hashing unchanged files (%d updates) | not skipped: every text file is read and hashed once per build (to find its siblings in the cache), and the manifest reads none of them again; manifest %s after one change, %s with nothing changed | **missed** |\n",
			rs[i].Updates, ms(om), ms(um))
		break
	}
	e.floorTargets(p, rs)
	if r := lastWith(rs, func(r *sizeResult) bool { return r.NewUpdate != nil }); r != nil {
		d := r.NewUpdate
		p("| one new update changes at most %d published files, plus their compressed copies (%d updates) | %d files added, changed or removed (%d with their `.gz` and `.br` copies), %d bytes written (%d with the copies) | %s |\n",
			targetNewUpdateFiles, r.Updates, d.Primary, d.Total(), d.PrimaryBytes, d.Bytes, verdict(d.Primary <= targetNewUpdateFiles))
	}
	p("\n")
	e.floorSection(p, rs)
	publishingSections(p, rs)

	p("## Where our time goes\n\n")
	p("Each step's share of one in-process `build.Build` (`Result.Steps`), run by `disclose-bench steps` in a process of its own: \"full\" from scratch into an empty directory with an empty cache directory (`build.Options.CacheDir`), \"unchanged\" again into the same directory with nothing changed, and \"one file\" again after one update was corrected (a sentence and a revisions entry added), both with the caches the builds before them filled. Steps marked \"beside render\" ran at the same time as the render, on the cores Hugo left idle, and are not part of the total.\n\n")
	var names []string
	for _, r := range rs {
		for _, s := range r.Steps["full"] {
			if !slices.Contains(names, s.Name) {
				names = append(names, s.Name)
			}
		}
	}
	p("| updates | build | total |")
	for _, n := range names {
		p(" %s |", n)
	}
	p("\n|---:|---|---:|")
	for range names {
		p("---:|")
	}
	p("\n")
	for _, r := range rs {
		for _, kind := range []string{"full", "unchanged", "one file"} {
			st := r.Steps[kind]
			if st == nil {
				continue
			}
			var total time.Duration
			for _, s := range st {
				if !s.Beside {
					total += s.NS
				}
			}
			p("| %d | %s | %s |", r.Updates, kind, ms(total))
			for _, n := range names {
				d, beside := stepDur(st, n)
				if beside {
					p(" %s beside render |", ms(d))
					continue
				}
				p(" %s (%.0f%%) |", ms(d), 100*ratio(float64(d), float64(total)))
			}
			p("\n")
		}
	}
	p("\n")

	p("## Page weight\n\n")
	p("Bytes of the published HTML (uncompressed), and of the whole output tree.\n\n")
	var pages []string
	for _, r := range rs {
		for _, w := range r.Weights {
			pp := genericPage(w.Page)
			if !slices.Contains(pages, pp) {
				pages = append(pages, pp)
			}
		}
	}
	p("| page |")
	for _, r := range rs {
		p(" %d updates |", r.Updates)
	}
	p("\n|---|")
	for range rs {
		p("---:|")
	}
	p("\n")
	for _, pg := range pages {
		p("| `%s` |", pg)
		for _, r := range rs {
			p(" %d |", pageWeight(r, pg))
		}
		p("\n")
	}
	p("| whole output: files (plain Hugo's) |")
	for _, r := range rs {
		p(" %d (%d) |", r.OutFiles, r.PlainFiles)
	}
	p("\n| whole output: bytes |")
	for _, r := range rs {
		p(" %d |", r.OutBytes)
	}
	p("\n\n")

	p("## Raw runs\n\n")
	for _, r := range rs {
		p("%d updates (%d × %d), measured %s after %d warm-up build(s) of each; load average before %s, after %s:\n\n",
			r.Updates, r.Incidents, r.PerIncident, r.Measured, r.Warmup, r.LoadBefore, r.LoadAfter)
		p("| run | ours wall | ours CPU | ours RSS | plain wall | plain CPU | plain RSS | Hugo alone wall | Hugo alone CPU | Hugo alone RSS |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		cells := func(ss []sample, i int) string {
			if i >= len(ss) {
				return " | |"
			}
			return fmt.Sprintf("%s | %s | %s", secs(ss[i].Wall), secs(ss[i].CPU), mib(ss[i].MaxRSS))
		}
		for i := range r.Ours {
			p("| %d | %s | %s | %s |\n", i+1, cells(r.Ours, i), cells(r.Plain, i), cells(r.Floor, i))
		}
		for i := range r.OursRebuild {
			p("| rebuild %d | %s | | | | %s |\n", i+1, cells(r.OursRebuild, i), cells(r.FloorRebuild, i))
		}
		for _, kind := range []string{"full", "unchanged", "one file"} {
			if s, ok := r.StepsSample[kind]; ok {
				p("| steps, %s | %s | %s | %s | | | | | | |\n", kind, secs(s.Wall), secs(s.CPU), mib(s.MaxRSS))
			}
		}
		if r.FloorNote != "" {
			p("\nHugo alone with our templates: %s.\n", r.FloorNote)
		}
		if r == rs[0] && r.NewUpdate != nil {
			d := r.NewUpdate
			p("\nThe new update (`%s`) added %s; changed %s; removed %s.\n", r.NewUpdateAddr, fileNames(d.Added), fileNames(d.Changed), fileNames(d.Removed))
		}
		if len(r.Serve) > 0 {
			var l []string
			for _, d := range r.Serve {
				l = append(l, ms(d))
			}
			p("\n`disclose serve`, one-file changes seen after: %s. Each change was saved to an idle preview: after the checks for the change before it had printed, and a second more.\n", strings.Join(l, ", "))
		}
		if len(r.PlainServe) > 0 {
			var l []string
			for _, d := range r.PlainServe {
				l = append(l, ms(d))
			}
			p("\nPlain Hugo's own `hugo server` (`--renderToMemory`) on the plain site, the same files changed the same way, seen after: %s; a second and a half between changes.\n", strings.Join(l, ", "))
		}
		p("\n")
	}
	return b.String()
}

func stepDur(st []stepTime, name string) (d time.Duration, beside bool) {
	for _, s := range st {
		if s.Name == name {
			return s.NS, s.Beside
		}
	}
	return 0, false
}

// genericPage names an incident's pages without the incident's slug, so
// that sizes can be compared row by row.
func genericPage(p string) string {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if len(parts) >= 2 && parts[0] == "incidents" {
		parts[1] = "*"
		if len(parts) >= 3 && parts[2] != "page" {
			parts[2] = "<latest update>"
		}
	}
	s := "/" + strings.Join(parts, "/")
	if !strings.Contains(parts[len(parts)-1], ".") {
		s += "/"
	}
	return strings.ReplaceAll(s, "//", "/")
}

func pageWeight(r *sizeResult, page string) int64 {
	for _, w := range r.Weights {
		if genericPage(w.Page) == page {
			return w.Bytes
		}
	}
	return 0
}
