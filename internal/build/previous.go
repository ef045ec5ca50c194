package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/manifest"
)

// Records lists what the manifest says of each published update.
func Records(site *content.Site) []manifest.Update {
	var out []manifest.Update
	for _, inc := range site.Incidents {
		for _, u := range inc.Published() {
			r := manifest.Update{
				ID:           site.URL(u.Path()),
				Published:    u.Date.Format(time.RFC3339),
				SourceSHA256: manifest.SourceHash(u.Title, u.Summary, string(u.Body.Source)),
				File:         u.File,
				Withdrawn:    u.Withdrawn != nil,
			}
			if len(u.Revisions) > 0 {
				r.Updated = u.Updated().Format(time.RFC3339)
			}
			out = append(out, r)
		}
	}
	return out
}

// checkPrevious compares the site with the last published manifest and
// refuses silent edits: a published update whose text changed without a new
// revisions entry, and a published update that disappeared. previous is a
// directory, file or URL; empty means the manifest in out, if any.
func checkPrevious(ctx context.Context, site *content.Site, previous, out string, now time.Time) ([]manifest.Update, diag.List, error) {
	records := Records(site)
	if previous == "" {
		if _, err := os.Stat(filepath.Join(out, manifest.Name)); errors.Is(err, fs.ErrNotExist) {
			return records, nil, nil
		}
		previous = out
	}
	prev, err := manifest.Load(ctx, previous)
	if err != nil {
		return nil, nil, fmt.Errorf("build: read the last published manifest from %s: %w", previous, err)
	}
	byID := map[string]*content.Update{}
	for _, inc := range site.Incidents {
		for _, u := range inc.Published() {
			byID[site.URL(u.Path())] = u
		}
	}
	current := map[string]manifest.Update{}
	for _, r := range records {
		current[r.ID] = r
	}
	when := now.In(site.Config.Location).Format("2006-01-02T15:04:05-07:00")
	var diags diag.List
	for _, p := range prev.Updates {
		u, ok := byID[p.ID]
		if !ok {
			diags.Add(diag.Pos{File: p.File}, "", "this update was published at %s and is now missing (deleted, made a draft, or its date changed); "+
				"a published update stays at its address: put the file back as it was and, to retract it, add withdrawn: {date: %s, note: \"why it was withdrawn\"}", p.ID, when)
			continue
		}
		c := current[p.ID]
		if c.SourceSHA256 == p.SourceSHA256 || c.Withdrawn {
			continue
		}
		if revisedSince(u, p) {
			continue
		}
		pos := u.PosOf("revisions")
		diags.Add(pos, "revisions", "the title, summary or text of this published update changed without a new revisions entry; "+
			"say what changed for readers by adding to the front matter: revisions: [{date: %s, note: \"what you changed\"}]", when)
	}
	return records, diags, nil
}

// revisedSince reports whether u has a revision newer than what p recorded.
func revisedSince(u *content.Update, p manifest.Update) bool {
	if len(u.Revisions) == 0 {
		return false
	}
	last := p.Published
	if p.Updated != "" {
		last = p.Updated
	}
	t, err := time.Parse(time.RFC3339, last)
	if err != nil {
		return true // an unreadable record cannot hold a writer back
	}
	return u.Updated().After(t)
}
