// Package history finds the earlier published texts of revised updates in
// the site's git history, so that a correction never hides what was said
// before: each earlier text is published at <update>/v<N>/.
//
// Every commit of an update's file in which it was not a draft counts as
// published (the publishing workflow deploys every commit on main). The
// history is part of the commit being built, so the output stays a pure
// function of it; a site outside git, or a shallow clone, has no history to
// show, and the update pages then list only the revision notes.
package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/frontmatter"
	"github.com/disclose-dev/disclose/internal/manifest"
)

// Version is one earlier published text of an update.
type Version struct {
	N      int // 1 for the text first published
	Title  string
	Status string
	Body   []byte
	// Until is when the next text replaced it: the date of the revision
	// that follows it, when the revisions line up with the versions.
	Until time.Time
}

// Find returns the earlier published texts of every revised update in the
// site, oldest first. It returns nothing, and no error, when the site is not
// in a git work tree or git is not installed.
func Find(ctx context.Context, site *content.Site) (map[*content.Update][]Version, error) {
	top, err := git(ctx, site.Dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, nil // not a git work tree, or no git: nothing to show
	}
	root := strings.TrimSpace(string(top))
	absSite, err := filepath.Abs(site.Dir)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	if real, err := filepath.EvalSymlinks(absSite); err == nil {
		absSite = real
	}
	out := map[*content.Update][]Version{}
	for _, inc := range site.Incidents {
		for _, u := range inc.Published() {
			if len(u.Revisions) == 0 {
				continue
			}
			rel, err := filepath.Rel(root, filepath.Join(absSite, filepath.FromSlash(u.File)))
			if err != nil {
				return nil, fmt.Errorf("history: %w", err)
			}
			vs, err := versions(ctx, root, filepath.ToSlash(rel), u)
			if err != nil {
				return nil, err
			}
			if len(vs) > 0 {
				out[u] = vs
			}
		}
	}
	return out, nil
}

// versions reads the file's committed texts, oldest first, following
// renames, and keeps each published text that differs from the one before
// it and from the current one.
func versions(ctx context.Context, root, file string, u *content.Update) ([]Version, error) {
	log, err := git(ctx, root, "log", "--follow", "--format=commit %H", "--name-only", "--", file)
	if err != nil {
		return nil, fmt.Errorf("history: git log %s: %w", file, err)
	}
	type rev struct{ commit, path string }
	var revs []rev
	for _, line := range strings.Split(string(log), "\n") {
		switch {
		case strings.HasPrefix(line, "commit "):
			revs = append(revs, rev{commit: strings.TrimPrefix(line, "commit ")})
		case line != "" && len(revs) > 0 && revs[len(revs)-1].path == "":
			revs[len(revs)-1].path = line
		}
	}
	current := manifest.SourceHash(u.Title, u.Summary, string(u.Body.Source))
	var vs []Version
	last := ""
	for i := len(revs) - 1; i >= 0; i-- { // oldest first
		r := revs[i]
		if r.path == "" {
			continue
		}
		src, err := git(ctx, root, "show", r.commit+":"+r.path)
		if err != nil {
			continue // deleted in that commit
		}
		v, hash, ok := parse(src)
		if !ok || hash == last {
			continue
		}
		last = hash
		vs = append(vs, v)
	}
	// The newest committed text is the current one when the work tree has
	// no uncommitted change; it is not an earlier version.
	if n := len(vs); n > 0 && last == current {
		vs = vs[:n-1]
	}
	for i := range vs {
		vs[i].N = i + 1
		// Revision i replaced version i+1, when they line up one to one.
		if len(vs) == len(u.Revisions) {
			vs[i].Until = u.Revisions[i].Date
		}
	}
	return vs, nil
}

// parse reads one committed text of an update; drafts were not published.
func parse(src []byte) (Version, string, bool) {
	doc, err := frontmatter.Parse(src)
	if err != nil || doc.Root == nil {
		return Version{}, "", false
	}
	text := func(key string) string {
		if n := doc.Root.Get(key); n != nil && n.Kind == frontmatter.Scalar {
			return n.Value
		}
		return ""
	}
	if text("draft") == "true" {
		return Version{}, "", false
	}
	v := Version{Title: text("title"), Status: text("status"), Body: doc.Body}
	return v, manifest.SourceHash(v.Title, text("summary"), string(doc.Body)), true
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotepath=off"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && stderr.Len() > 0 {
			return nil, fmt.Errorf("%s", strings.TrimSpace(stderr.String()))
		}
		return nil, err
	}
	return out, nil
}
