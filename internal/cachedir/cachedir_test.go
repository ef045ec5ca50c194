package cachedir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDir(t *testing.T) {
	t.Run("default is the user's cache directory, made 0700", func(t *testing.T) {
		home := t.TempDir()
		t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
		got, err := Dir("")
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(home, "cache", "disclose"); got != want {
			t.Errorf("got %s, want %s", got, want)
		}
		fi, err := os.Stat(got)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("made with mode %04o, want 0700", fi.Mode().Perm())
		}
	})
	t.Run("no HOME and no XDG_CACHE_HOME is an error, not a temporary directory", func(t *testing.T) {
		t.Setenv("XDG_CACHE_HOME", "")
		t.Setenv("HOME", "")
		got, err := Dir("")
		if err == nil {
			t.Fatalf("got %s, want an error", got)
		}
		for _, w := range []string{"set HOME", "XDG_CACHE_HOME"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("the error %q does not say %q", err, w)
			}
		}
	})
	t.Run("a directory others may write is refused", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "shared")
		if err := os.Mkdir(dir, 0o777); err != nil {
			t.Fatal(err)
		}
		os.Chmod(dir, 0o777) // past the umask
		_, err := Dir(dir)
		if err == nil || !strings.Contains(err.Error(), "may be written by other users (mode 0777)") {
			t.Errorf("got %v, want a refusal naming the mode", err)
		}
	})
	t.Run("a directory another user owns is refused", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("needs root to give a directory to another user")
		}
		dir := filepath.Join(t.TempDir(), "theirs")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(dir, 65534, 65534); err != nil {
			t.Skip(err)
		}
		_, err := Dir(dir)
		if err == nil || !strings.Contains(err.Error(), "owned by another user (uid 65534") {
			t.Errorf("got %v, want a refusal naming the owner", err)
		}
	})
	t.Run("a directory of one's own that others may read is made 0700", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "old")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := Dir(dir); err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
			t.Errorf("left with mode %04o", fi.Mode().Perm())
		}
	})
	t.Run("an explicit directory of one's own is used as it is", func(t *testing.T) {
		dir := t.TempDir()
		got, err := Dir(dir)
		if err != nil || got != dir {
			t.Errorf("got %s, %v; want %s", got, err, dir)
		}
	})
}

// TestOnlyKeepsOneVersion: a cache of another version (an earlier
// program's, or other settings') is removed, and the one asked for is made
// the user's alone; what is in it stays.
func TestOnlyKeepsOneVersion(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"feeds/old", "feeds/v1", "precompress/v2-x"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "feeds/v1/kept"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := Only(dir, "feeds", "v1")
	if err != nil || got != filepath.Join(dir, "feeds", "v1") {
		t.Fatalf("Only = %q, %v", got, err)
	}
	for p, want := range map[string]bool{"feeds/old": false, "feeds/v1/kept": true, "precompress/v2-x": true} {
		if _, err := os.Stat(filepath.Join(dir, p)); (err == nil) != want {
			t.Errorf("%s there: %v, want %v", p, err == nil, want)
		}
	}
	if fi, err := os.Stat(got); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("%s: %v %v, want mode 0700", got, fi.Mode(), err)
	}
}
