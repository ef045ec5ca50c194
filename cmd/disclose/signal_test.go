package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestSIGTERMStopsCleanly: check and build stopped by SIGTERM exit 2, say
// that they were interrupted, publish nothing and leave no temporary
// directory behind.
func TestSIGTERMStopsCleanly(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if _, err := corpus.Generate(site, corpus.Options{Incidents: 4, Updates: 300, Seed: 1, ThemeDir: sitetest.RepoRoot()}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		// ready reports that the command is under way.
		ready func(parent string) bool
	}{
		// The check writes nothing to watch for: give the program time to
		// start and set up its signal handling.
		{"check", []string{"check"}, func() func(string) bool {
			start := time.Now()
			return func(string) bool { return time.Since(start) > 300*time.Millisecond }
		}()},
		{"build", []string{"build", "-o"}, func(parent string) bool {
			m, _ := filepath.Glob(filepath.Join(parent, ".public.new-*"))
			return len(m) > 0
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			tmp := t.TempDir()
			out := filepath.Join(parent, "public")
			args := tt.args
			if tt.name == "build" {
				args = append(args, out)
			}
			cmd := exec.Command(binary, args...)
			cmd.Dir = site
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "XDG_CACHE_HOME="+t.TempDir())
			var errOut strings.Builder
			cmd.Stderr = &errOut
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(time.Minute)
			for !tt.ready(parent) && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			time.Sleep(20 * time.Millisecond)
			cmd.Process.Signal(syscall.SIGTERM)
			err := cmd.Wait()
			ee, ok := err.(*exec.ExitError)
			if err == nil {
				t.Skip("it finished before the signal came")
			}
			if !ok || ee.ExitCode() != 2 {
				t.Fatalf("exit %v, want 2\n%s", err, errOut.String())
			}
			if !strings.Contains(errOut.String(), "Error: interrupted: stopped before it finished; nothing was published or changed") {
				t.Errorf("stderr does not say it was interrupted:\n%s", errOut.String())
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the interrupted build published %s", out)
			}
			for _, dir := range []string{parent, tmp} {
				if left, _ := os.ReadDir(dir); len(left) > 0 {
					var names []string
					for _, e := range left {
						names = append(names, e.Name())
					}
					t.Errorf("left behind in %s: %v", dir, names)
				}
			}
		})
	}
}
