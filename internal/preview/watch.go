package preview

import (
	"context"
	"io/fs"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/disclose-dev/disclose/internal/content"
)

// watcher calls onChange once the site's content/ or config.toml has been
// quiet for a while after a change.
type watcher struct {
	fs       *fsnotify.Watcher
	siteDir  string
	content  string // siteDir/content, cleaned
	debounce time.Duration
	onChange func()
	wg       sync.WaitGroup
}

func newWatcher(siteDir string, debounce time.Duration, onChange func()) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, siteDir: filepath.Clean(siteDir), content: filepath.Join(siteDir, "content"), debounce: debounce, onChange: onChange}
	// The site's folder itself, for config.toml: editors often save by
	// writing a new file and renaming it over the old one.
	if err := fw.Add(w.siteDir); err != nil {
		fw.Close()
		return nil, err
	}
	w.addTree(w.content)
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
	if filepath.Dir(name) == w.siteDir {
		return filepath.Base(name) == content.ConfigFile || name == w.content
	}
	rel, err := filepath.Rel(w.content, name)
	return err == nil && filepath.IsLocal(rel)
}

// run waits for changes until ctx is done, then closes the watcher.
func (w *watcher) run(ctx context.Context) {
	defer w.wg.Done()
	defer w.fs.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
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
			timer.Reset(w.debounce)
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
		case <-timer.C:
			w.onChange()
		}
	}
}

// wait returns once run has returned.
func (w *watcher) wait() { w.wg.Wait() }
