package feed

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/public"
)

// feedcheck runs scripts/feedcheck.py on dir with Debian's python3 and
// python3-feedparser, skipping when they are not installed.
func feedcheck(t *testing.T, dir string) (stdout, stderr string, code int) {
	t.Helper()
	py := "/usr/bin/python3" // Debian's, where python3-feedparser installs
	if _, err := os.Stat(py); err != nil {
		t.Skip("/usr/bin/python3 not installed: apt-get install python3-feedparser")
	}
	if err := exec.Command(py, "-c", "import feedparser").Run(); err != nil {
		t.Skip("feedparser not installed: apt-get install python3-feedparser")
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(py, filepath.Join("..", "..", "scripts", "feedcheck.py"), dir)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func writeDir(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for p, b := range files {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestFeedparserReadsEveryFeed has python3-feedparser read every feed, as
// .ci/run does on the built example site.
func TestFeedparserReadsEveryFeed(t *testing.T) {
	for name, files := range sites(t) {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := feedcheck(t, writeDir(t, files))
			if code != 0 || !strings.Contains(stdout, " 0 failed") {
				t.Errorf("feedcheck: exit %d\n%s%s", code, stdout, stderr)
			}
		})
	}
}

func TestFeedcheckCatchesDisagreeingFormats(t *testing.T) {
	files := writeFeeds(t, handSite())
	for _, tt := range []struct {
		name, file string
		change     func([]byte) []byte
		want       string
	}{
		{"an entry missing from Atom", public.Atom, func(b []byte) []byte {
			return regexp.MustCompile(`(?s)<entry>.*?</entry>`).ReplaceAll(b, nil)
		}, "entry counts differ"},
		{"an id changed in JSON", public.JSONFeed, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"id": "https://updates.example.org/breach/incidents/`), []byte(`"id": "https://updates.example.org/breach/x/`), 1)
		}, "id differs"},
		{"RSS that is not well-formed", public.RSS, func(b []byte) []byte {
			return bytes.Replace(b, []byte("</channel>"), nil, 1)
		}, "bozo"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			broken := map[string][]byte{}
			for p, b := range files {
				broken[p] = b
			}
			broken[tt.file] = tt.change(files[tt.file])
			stdout, stderr, code := feedcheck(t, writeDir(t, broken))
			if code != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("feedcheck: exit %d, want 1 with %q\n%s%s", code, tt.want, stdout, stderr)
			}
		})
	}
}
