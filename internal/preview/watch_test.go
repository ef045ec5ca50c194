package preview

import (
	"path/filepath"
	"testing"
	"time"
)

func TestWatcherRelevant(t *testing.T) {
	site := t.TempDir()
	w, err := newWatcher(site, time.Millisecond, func(time.Time, []string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer w.fs.Close()
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"config.toml", true},
		{"content", true},
		{"content/incidents/x/2024-05-16-first.md", true},
		{"layouts/_shortcodes/note.html", true},
		{"i18n/mi.toml", true},
		{"config.toml.swp", false},
		{"public/index.html", false},
		{"contents/x.md", false},
		{"static/css/style.css", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := w.relevant(filepath.Join(site, filepath.FromSlash(tc.name))); got != tc.want {
				t.Errorf("relevant(%s) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}
