package preview

import (
	"context"
	"io/fs"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/disclose-dev/disclose/internal/content"
)

// watchedDirs are the site's folders whose files the checker reads: the
// content, and the layouts and language files for shortcodes and headings.
var watchedDirs = []string{"content", "layouts", "i18n"}

// watcher calls onChange once the site's folders that the checker reads, or
// its config.toml, have been quiet for a while after a change, with the
// time of the first change since the last call and the files that changed
// (sorted, without repeats).
type watcher struct {
	fs       *fsnotify.Watcher
	siteDir  string
	dirs     []string // siteDir/content and the rest, cleaned
	debounce time.Duration
	onChange func(first time.Time, changed []string)
	wg       sync.WaitGroup
}

func newWatcher(siteDir string, debounce time.Duration, onChange func(first time.Time, changed []string)) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, siteDir: filepath.Clean(siteDir), debounce: debounce, onChange: onChange}
	for _, d := range watchedDirs {
		w.dirs = append(w.dirs, filepath.Join(w.siteDir, d))
	}
	// The site's folder itself, for config.toml: editors often save by
	// writing a new file and renaming it over the old one.
	if err := fw.Add(w.siteDir); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range w.dirs {
		w.addTree(d)
	}
	w.wg.Add(1)
	return w, nil
}

// addTree watches dir and every folder below it; fsnotify is not recursive.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.fs.Add(p)
		}
		return nil
	})
}

// relevant reports whether a change to name can change what check says.
func (w *watcher) relevant(name string) bool {
	if filepath.Dir(name) == w.siteDir && filepath.Base(name) == content.ConfigFile {
		return true
	}
	for _, d := range w.dirs {
		if rel, err := filepath.Rel(d, name); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return true
		}
	}
	return false
}

// run waits for changes until ctx is done, then closes the watcher.
func (w *watcher) run(ctx context.Context) {
	defer w.wg.Done()
	defer w.fs.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time // of the changes onChange has not been told of
	changed := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				w.addTree(ev.Name) // a new incident folder: watch it too
			}
			if first.IsZero() {
				first = time.Now()
			}
			changed[ev.Name] = true
			timer.Reset(w.debounce)
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
		case <-timer.C:
			names := make([]string, 0, len(changed))
			for n := range changed {
				names = append(names, n)
			}
			sort.Strings(names)
			w.onChange(first, names)
			first, changed = time.Time{}, map[string]bool{}
		}
	}
}

// wait returns once run has returned.
func (w *watcher) wait() { w.wg.Wait() }
