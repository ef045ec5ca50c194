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
