package manifest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// Result is what Check found: every path that does not match the manifest.
type Result struct {
	Checked    int      // files listed in the manifest
	Added      []string // present but not listed (found only in a directory)
	Changed    []string // listed, but with another size or hash
	Removed    []string // listed, but missing
	Unreadable []string // listed, but could not be read: "path: error"
	// BadCopies are listed .gz and .br copies that do not unpack to the
	// listed file beside them (checked only in a directory).
	BadCopies []string
}

// OK reports whether every file matched and none could not be read.
func (r *Result) OK() bool {
	return len(r.Added)+len(r.Changed)+len(r.Removed)+len(r.Unreadable)+len(r.BadCopies) == 0
}

// checkWorkers is how many files are fetched at once over HTTP(S): enough to
// hide latency, few enough to be polite to a site under load.
const checkWorkers = 4

// Check compares the site's files with those m (as ReadParts returns it)
// lists. A directory is scanned whole, so files it has but m does not
// list show as added; over HTTP(S) only the listed files can be fetched.
// ReadParts checked the parts as it read them; a directory's scan compares
// them again, so that they do not show as added.
func (s *Site) Check(ctx context.Context, m *Manifest) (*Result, error) {
	if s.root == nil {
		return s.CheckFiles(ctx, m.Files)
	}
	want := slices.Concat(m.Files, m.ManifestFiles())
	r := &Result{Checked: len(m.Files)}
	got, err := Scan(s.dir)
	if err != nil {
		return nil, err
	}
	r.Added, r.Changed, r.Removed = Compare(want, got)
	r.BadCopies = badCopies(s.root, m.Files, slices.Concat(r.Changed, r.Removed))
	return r, nil
}

// CheckFiles fetches each of files from the site, from a directory as over
// HTTP(S), and compares it with its listed size and hash; no other file
// is looked at. It is how one page is checked.
func (s *Site) CheckFiles(ctx context.Context, files []File) (*Result, error) {
	m := &Manifest{Files: files}
	r := &Result{Checked: len(m.Files)}
	type outcome struct {
		changed, removed bool
		err              error
	}
	out := make([]outcome, len(m.Files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range checkWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				want := m.Files[i]
				got, err := s.hash(ctx, want.Path, min(want.Size, MaxFileSize))
				switch {
				case errors.Is(err, fs.ErrNotExist):
					out[i].removed = true
				case err != nil:
					out[i].err = err
				case got.Size != want.Size || got.SHA256 != want.SHA256:
					out[i].changed = true
				}
			}
		}()
	}
	for i := range m.Files {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("manifest: check: %w", err)
	}
	for i, o := range out {
		p := m.Files[i].Path
		switch {
		case o.removed:
			r.Removed = append(r.Removed, p)
		case o.changed:
			r.Changed = append(r.Changed, p)
		case o.err != nil:
			r.Unreadable = append(r.Unreadable, p+": "+strings.TrimPrefix(o.err.Error(), s.URL(p)+": "))
		}
	}
	slices.Sort(r.Removed)
	slices.Sort(r.Changed)
	slices.Sort(r.Unreadable)
	return r, nil
}
