package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/feed"
	"github.com/disclose-dev/disclose/internal/public"
)

// targetNewUpdateFiles is the bound on the published files one new
// update may change, not counting their .gz and .br copies.
const targetNewUpdateFiles = 16

// feedSizes are the bytes of the feeds of one channel (the site's, or one
// incident's), and of its archived pages (RFC 5005) in total.
type feedSizes struct {
	Channel      string // "" for the site's, else incidents/<slug>/
	RSS, Atom    int64
	JSON         int64
	ArchiveFiles int
	ArchiveBytes int64
}

// feedFiles are the names of a channel's three feeds.
var feedFiles = [...]string{public.RSS, public.Atom, public.JSONFeed}

// archivePage matches a feed's archived page below its channel's folder.
var archivePage = regexp.MustCompile(`^` + regexp.QuoteMeta(feed.ArchiveDir) + `[0-9]+/(` + regexp.QuoteMeta(public.RSS) + `|` + regexp.QuoteMeta(public.Atom) + `|` + regexp.QuoteMeta(public.JSONFeed) + `)$`)

// measureFeeds reads the feed sizes of the site's channel and of the
// incident channel with the most bytes of feeds and archives.
func measureFeeds(t tree) (site, largest feedSizes) {
	channels := map[string]*feedSizes{}
	for name, f := range t {
		dir, base := "", name
		if strings.HasPrefix(name, "incidents/") {
			parts := strings.SplitN(name, "/", 3)
			if len(parts) < 3 {
				continue
			}
			dir, base = "incidents/"+parts[1]+"/", parts[2]
		}
		c := channels[dir]
		if c == nil {
			c = &feedSizes{Channel: dir}
		}
		switch {
		case base == feedFiles[0]:
			c.RSS = f.Size
		case base == feedFiles[1]:
			c.Atom = f.Size
		case base == feedFiles[2]:
			c.JSON = f.Size
		case archivePage.MatchString(base):
			c.ArchiveFiles++
			c.ArchiveBytes += f.Size
		default:
			continue
		}
		channels[dir] = c
	}
	if c := channels[""]; c != nil {
		site = *c
	}
	total := func(c *feedSizes) int64 { return c.RSS + c.Atom + c.JSON + c.ArchiveBytes }
	var names []string
	for dir := range channels {
		if dir != "" {
			names = append(names, dir)
		}
	}
	slices.Sort(names)
	for _, dir := range names {
		if c := channels[dir]; largest.Channel == "" || total(c) > total(&largest) {
			largest = *c
		}
	}
	return site, largest
}

// addNewUpdate writes a new published update, the newest of the site, to
// inc: an hour after its last one, with that one's status, as a writer
// adds the next update of an open incident. It returns its address.
func addNewUpdate(inc corpus.Incident) (string, error) {
	if len(inc.Updates) == 0 {
		return "", fmt.Errorf("run: %s has no published update", inc.Slug)
	}
	last, err := os.ReadFile(inc.Updates[len(inc.Updates)-1].File)
	if err != nil {
		return "", fmt.Errorf("run: %w", err)
	}
	var date, status string
	for _, l := range strings.Split(string(last), "\n")[1:] {
		if l == "---" {
			break
		}
		if v, ok := strings.CutPrefix(l, "date: "); ok {
			date = v
		}
		if v, ok := strings.CutPrefix(l, "status: "); ok {
			status = v
		}
	}
	t, err := time.Parse(time.RFC3339, date)
	if err != nil || status == "" {
		return "", fmt.Errorf("run: %s: no date or status in its front matter", inc.Updates[len(inc.Updates)-1].File)
	}
	loc, err := time.LoadLocation(corpus.Zone)
	if err != nil {
		return "", fmt.Errorf("run: %w", err)
	}
	t = t.Add(time.Hour).In(loc)
	src := fmt.Sprintf(`---
title: "Helpline hours over the long weekend"
date: %s
status: %s
summary: "Our helpline keeps its usual hours over the long weekend."
---

Our helpline is open from 8 am to 6 pm on Saturday, Sunday and Monday.

If you have had a message that says it is from us and asks for a password, do not answer it. We never ask for passwords.

All our updates are on the [incident page](/incidents/%s/).
`, t.Format(time.RFC3339), status, inc.Slug)
	file := filepath.Join(inc.Dir, t.Format("2006-01-02")+"-long-weekend-hours.md")
	if _, err := os.Stat(file); err == nil {
		return "", fmt.Errorf("run: %s already exists", file)
	}
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		return "", fmt.Errorf("run: %w", err)
	}
	return "/incidents/" + inc.Slug + "/" + t.Format("2006-01-02-1504") + "/", nil
}

// measureNewUpdate takes out as it is (the last build of the site as it
// is now), deploys it whole to the local S3 server, adds one new update to
// inc, builds again into out, compares the two outputs and deploys again;
// each deploy serial (-jobs 1) and with deploy's default, to buckets of
// their own. It fills r's NewUpdate, Feeds, Deploys and DeployNote.
func (e *benchEnv) measureNewUpdate(ctx context.Context, r *sizeResult, site, out, dir string, inc corpus.Incident) error {
	build := func() error {
		_, err := timed(ctx, io.Discard, e.disclose, "build", "-o", out, "-key", e.key, site)
		return err
	}
	before, err := snapshot(out)
	if err != nil {
		return err
	}
	var s3 *s3Server
	if !e.deployS3 {
		r.DeployNote = "not measured: -deploy=false"
	} else if bin := versitygwPath(); bin == "" {
		r.DeployNote = "not measured: versitygw not installed"
	} else if s3, err = startS3(ctx, bin, filepath.Join(dir, "s3")); err != nil {
		r.DeployNote = "not measured: " + err.Error()
	} else {
		defer func() {
			s3.stop()
			os.RemoveAll(s3.root) // a copy of the site per bucket, in memory on tmpfs
		}()
		for _, b := range []string{"serial", "parallel"} {
			if err := s3.createBucket(ctx, b); err != nil {
				r.DeployNote = "not measured: " + err.Error()
				s3.stop()
				s3 = nil
				break
			}
		}
	}
	deployBoth := func(what string) error {
		if s3 == nil {
			return nil
		}
		for _, jobs := range []int{1, 0} {
			bucket := map[int]string{1: "serial", 0: "parallel"}[jobs]
			d, err := e.deploy(ctx, s3, site, out, bucket, what, jobs)
			if err != nil {
				return err
			}
			r.Deploys = append(r.Deploys, d)
			e.logf("%d updates deploy (%s, jobs %d): %s, %d objects, %d bytes", r.Updates, what, jobs, d.Wall.Round(time.Millisecond), d.Uploaded, d.Bytes)
		}
		return nil
	}
	if err := deployBoth("first"); err != nil {
		return err
	}
	addr, err := addNewUpdate(inc)
	if err != nil {
		return err
	}
	if err := build(); err != nil {
		return err
	}
	after, err := snapshot(out)
	if err != nil {
		return err
	}
	r.NewUpdate = diffTrees(before, after)
	r.NewUpdateAddr = addr
	e.logf("%d updates new update %s: %d files (%d with copies), %d bytes", r.Updates, addr, r.NewUpdate.Primary, r.NewUpdate.Total(), r.NewUpdate.Bytes)
	r.SiteFeeds, r.LargestFeeds = measureFeeds(after)
	return deployBoth("new update")
}
