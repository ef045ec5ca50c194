package main

import (
	"fmt"
	"strings"
	"time"
)

// lastWith is the largest size whose result has what ok asks for, or nil.
func lastWith(rs []*sizeResult, ok func(*sizeResult) bool) *sizeResult {
	for i := len(rs) - 1; i >= 0; i-- {
		if ok(rs[i]) {
			return rs[i]
		}
	}
	return nil
}

// fileNames lists file names for the raw section: in backquotes, or "none".
func fileNames(ns []string) string {
	if len(ns) == 0 {
		return "none"
	}
	q := make([]string, len(ns))
	for i, n := range ns {
		q[i] = "`" + n + "`"
	}
	return fmt.Sprintf("%d: %s", len(ns), strings.Join(q, ", "))
}

// floorTargets are the targets against Hugo alone with our templates, at
// the largest size that has them.
func (e *benchEnv) floorTargets(p func(string, ...any), rs []*sizeResult) {
	r := lastWith(rs, func(r *sizeResult) bool { return len(r.Floor) > 0 })
	if r == nil {
		if n := lastWith(rs, func(r *sizeResult) bool { return r.FloorNote != "" }); n != nil {
			p("| build within %.2f× Hugo alone with our templates | %s | |\n", targetFloorCold, n.FloorNote)
		}
		return
	}
	ow, fw := median(walls(r.Ours)), median(walls(r.Floor))
	cr := ratio(float64(ow), float64(fw))
	p("| build at %d updates within %.2f× Hugo alone with our templates on the same pages | %.2f× (%s against %s) | %s |\n",
		r.Updates, targetFloorCold, cr, secs(ow), secs(fw), verdict(cr <= targetFloorCold))
	if len(r.OursRebuild) > 0 && len(r.FloorRebuild) > 0 {
		orb, frb := median(walls(r.OursRebuild)), median(walls(r.FloorRebuild))
		rr := ratio(float64(orb), float64(frb))
		p("| rebuild after one corrected update at %d updates within %.2f× Hugo alone's rebuild | %.2f× (%s against %s) | %s |\n",
			r.Updates, targetFloorRebuild, rr, secs(orb), secs(frb), verdict(rr <= targetFloorRebuild))
	}
	om, fm := median(rsss(r.Ours)), median(rsss(r.Floor))
	mr := ratio(float64(om), float64(fm))
	p("| peak memory at %d updates within %.2f× Hugo alone with our templates | %.2f× (%s against %s) | %s |\n",
		r.Updates, targetFloorMem, mr, mib(om), mib(fm), verdict(mr <= targetFloorMem))
	if len(r.OursEmpty) > 0 {
		// The same targets for the first build on a machine, which no
		// cache of ours helps.
		ew, em := median(walls(r.OursEmpty)), median(rsss(r.OursEmpty))
		er, emr := ratio(float64(ew), float64(fw)), ratio(float64(em), float64(fm))
		p("| ... the same build with an empty cache directory within %.2f× | %.2f× (%s against %s) | %s |\n",
			targetFloorCold, er, secs(ew), secs(fw), verdict(er <= targetFloorCold))
		p("| ... and its peak memory within %.2f× | %.2f× (%s against %s) | %s |\n",
			targetFloorMem, emr, mib(em), mib(fm), verdict(emr <= targetFloorMem))
	}
}

// floorSection compares our build with Hugo alone rendering our pages.
func (e *benchEnv) floorSection(p func(string, ...any), rs []*sizeResult) {
	if lastWith(rs, func(r *sizeResult) bool { return len(r.Floor) > 0 || r.FloorNote != "" }) == nil {
		return
	}
	p("## Against Hugo alone with our templates\n\n")
	p("The honest floor: the hugo binary of the pinned version rendering the very pages `disclose build` hands Hugo (package `pages`, JSON front matter with the rendered bodies) with our templates and the config package `hugo` makes, written by `disclose-bench hugoproject`, and nothing else of ours (no check, feeds, headers, compression or manifest). \"Cold\" is a build into an empty output directory, interleaved with the builds of the results above (ours, plain, Hugo alone, ...), each side with the caches its earlier builds left (ours: the render, feed and precompression caches, so that a cold build of ours renders only what its cache lacks, here nothing). \"Ours, empty cache\" is our build into an empty output with an empty cache directory too, interleaved with the others: the first build of a site on a machine, which renders and compresses everything. \"Rebuild\" is each again into its own last output after one update was corrected (a sentence and a revisions entry), in interleaved pairs; Hugo alone's pages are generated again first, untimed. Medians.\n\n")
	p("| updates | ours cold | Hugo alone cold | **ratio** | ours rebuild | Hugo alone rebuild | **ratio** | ours peak RSS | Hugo alone peak RSS | **ratio** | ours, empty cache | ratio | its peak RSS | ratio |\n")
	p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rs {
		if len(r.Floor) == 0 {
			if r.FloorNote != "" {
				p("| %d | %s | | | | | | | | | | | | |\n", r.Updates, r.FloorNote)
			}
			continue
		}
		ow, fw := median(walls(r.Ours)), median(walls(r.Floor))
		orb, frb := median(walls(r.OursRebuild)), median(walls(r.FloorRebuild))
		om, fm := median(rsss(r.Ours)), median(rsss(r.Floor))
		ew, em := median(walls(r.OursEmpty)), median(rsss(r.OursEmpty))
		p("| %d | %s | %s | %.2f× | %s | %s | %.2f× | %s | %s | %.2f× | %s | %.2f× | %s | %.2f× |\n", r.Updates,
			secs(ow), secs(fw), ratio(float64(ow), float64(fw)),
			secs(orb), secs(frb), ratio(float64(orb), float64(frb)),
			mib(om), mib(fm), ratio(float64(om), float64(fm)),
			secs(ew), ratio(float64(ew), float64(fw)), mib(em), ratio(float64(em), float64(fm)))
	}
	p("\n")
}

// publishingSections are what one new update changes, what deploying
// costs, and how large the feeds are.
func publishingSections(p func(string, ...any), rs []*sizeResult) {
	if lastWith(rs, func(r *sizeResult) bool { return r.NewUpdate != nil }) == nil {
		return
	}
	p("## A new update\n\n")
	p("The site is built, one new update (the newest of the site, an hour after the last update of its newest incident, with that update's status) is added, and the site is built again into the same output directory. The files of the two outputs are compared byte for byte; \"files\" leaves out the `.gz` and `.br` copies beside a file, \"with copies\" counts them. Bytes are the sizes of the added and changed files as published. The target is at most %d files, plus their compressed copies. The names, at the smallest size, are under Raw runs.\n\n", targetNewUpdateFiles)
	p("| updates | added | changed | removed | **files** | with copies | bytes | bytes with copies | |\n")
	p("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, r := range rs {
		d := r.NewUpdate
		if d == nil {
			continue
		}
		p("| %d | %d | %d | %d | %d | %d | %d | %d | %s |\n", r.Updates, len(d.Added), len(d.Changed), len(d.Removed),
			d.Primary, d.Total(), d.PrimaryBytes, d.Bytes, verdict(d.Primary <= targetNewUpdateFiles))
	}
	p("\n")

	p("## Deploy to S3\n\n")
	p("`disclose deploy` of the built site to Versity's S3 gateway (`versitygw`, POSIX backend, on loopback, on the same filesystem as the builds), once into an empty bucket (\"first\": the whole site) and once after the new update above (\"new update\"), each serial (`-jobs 1`) and with deploy's default number of uploads at once, to buckets of their own. Wall and CPU time are of the whole command, which also checks the site's sources and verifies the built site against its signed manifest before it uploads; bytes are those of the objects uploaded, as the gateway stored them (text gzip-encoded, as deploy sends it). One run of each.\n\n")
	p("| updates | deploy | jobs | wall | CPU | objects uploaded | bytes uploaded |\n|---:|---|---|---:|---:|---:|---:|\n")
	for _, r := range rs {
		if len(r.Deploys) == 0 {
			if r.DeployNote != "" {
				p("| %d | %s | | | | | |\n", r.Updates, r.DeployNote)
			}
			continue
		}
		for _, d := range r.Deploys {
			jobs := "1"
			if d.Jobs == 0 {
				jobs = "default"
			}
			p("| %d | %s | %s | %s | %s | %d | %d |\n", r.Updates, d.What, jobs, secs(d.Wall), secs(d.CPU), d.Uploaded, d.Bytes)
		}
	}
	p("\n")
	for _, r := range rs {
		if len(r.Deploys) == 0 {
			continue
		}
		// Parallel against serial, per deploy.
		var parts []string
		for _, what := range []string{"first", "new update"} {
			var serial, par time.Duration
			for _, d := range r.Deploys {
				if d.What == what && d.Jobs == 1 {
					serial = d.Wall
				} else if d.What == what {
					par = d.Wall
				}
			}
			if serial > 0 && par > 0 {
				parts = append(parts, fmt.Sprintf("%s %.2f×", what, ratio(float64(serial), float64(par))))
			}
		}
		if len(parts) > 0 {
			p("At %d updates, serial over parallel wall time: %s.\n", r.Updates, strings.Join(parts, ", "))
		}
	}
	p("\n")

	p("## Feeds\n\n")
	p("Bytes of the site's feeds and of the feeds of its incident with the most bytes of feeds (RSS `feed.xml`, Atom `atom.xml`, JSON Feed `feed.json`), and of their archived pages (RFC 5005, `archive/N/`) in total, after the new update.\n\n")
	p("| updates | feeds of | RSS | Atom | JSON | archived pages | archive bytes |\n|---:|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rs {
		if r.NewUpdate == nil {
			continue
		}
		for _, f := range []feedSizes{r.SiteFeeds, r.LargestFeeds} {
			name := "the site"
			if f.Channel != "" {
				name = "`/" + f.Channel + "`"
			}
			p("| %d | %s | %d | %d | %d | %d | %d |\n", r.Updates, name, f.RSS, f.Atom, f.JSON, f.ArchiveFiles, f.ArchiveBytes)
		}
	}
	p("\n")
}
