// Package cachedir chooses and guards the directory where disclose keeps
// what it can make again (Hugo's caches, compressed copies of pages). A
// cache feeds what is published, so it must be the user's alone: another
// user who can write it could put a page of their own on the site.
package cachedir

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Dir is the cache directory to use: dir when it is given, else disclose's
// folder in the user's cache directory (os.UserCacheDir: $XDG_CACHE_HOME
// or ~/.cache on Linux). It is created readable by the user alone (0700)
// when it does not exist, and refused when another user owns it or may
// write to it. There is no fallback to a shared temporary directory,
// where another user could make the folder first.
func Dir(dir string) (string, error) {
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("cache: no cache directory (%v); set HOME, or XDG_CACHE_HOME, to a directory of your own", err)
		}
		dir = filepath.Join(base, "disclose")
	}
	if err := Make(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// Only is the folder version of the cache kind (such as "feeds") in the
// cache directory dir (Dir's), made as Make makes it; every other version
// of kind, which this program never reads again, is removed.
func Only(dir, kind, version string) (string, error) {
	dir, err := Dir(dir)
	if err != nil {
		return "", err
	}
	root := filepath.Join(dir, kind)
	keep := filepath.Join(root, version)
	for _, d := range []string{root, keep} {
		if err := Make(d); err != nil {
			return "", err
		}
	}
	old, _ := os.ReadDir(root)
	for _, e := range old {
		if p := filepath.Join(root, e.Name()); p != keep {
			os.RemoveAll(p)
		}
	}
	return keep, nil
}

// Make creates dir (and any missing parents) readable by the user alone,
// or checks the one that is there: a directory that another user owns, or
// that others may write to, is refused with what to do about it.
func Make(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		// A link could be changed to point elsewhere between two builds.
		if fi, err = os.Stat(dir); err != nil {
			return fmt.Errorf("cache: %w", err)
		}
	}
	if !fi.IsDir() {
		return fmt.Errorf("cache: %s is not a directory", dir)
	}
	if err := owned(dir, fi); err != nil {
		return err
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("cache: %s may be written by other users (mode %04o), who could put their own pages on the site through it; remove it (it is only a cache), or make it yours alone with chmod 700 %s", dir, fi.Mode().Perm(), dir)
	}
	if fi.Mode().Perm() != 0o700 {
		// Made readable by others by an earlier disclose (0755): what a
		// build keeps is nobody else's to read either.
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("cache: %w", err)
		}
	}
	return nil
}

var errNotOwner = errors.New("owned by another user")

// CodeID names this program's code: the Go build ID of its executable,
// which the linker derives from every package built into it, so that a
// cache entry made by one build of the program (its feed encoder, its
// theme, the Hugo built into it) is never used by another; where the
// executable has no ELF note, the SHA-256 of the whole executable; "" when
// it cannot be read, and nothing is cached.
var CodeID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	h := sha256.New()
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(bytes.TrimSpace(data)) > 0 {
				h.Write([]byte("go build id\x00"))
				h.Write(data)
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h.Write([]byte("executable\x00"))
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
