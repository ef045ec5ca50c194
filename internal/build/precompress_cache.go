package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/disclose-dev/disclose/internal/publish"
)

// PrecompressCached does what publish.Precompress does (a .gz and a .br
// sibling of every text file in outDir, none where compression would not
// save enough), remembering earlier builds: the compressed bytes are kept
// under cacheDir, named by the SHA-256 of the file they were made from, and
// a file whose bytes were compressed before is not compressed again. The
// siblings are byte for byte what publish.Gzip and publish.Brotli make of
// the file, cached or not, so the cache can only save time. Empty cacheDir
// means the user's cache directory.
func PrecompressCached(outDir, cacheDir string) error {
	dir, err := compressCacheDir(cacheDir)
	if err != nil {
		return err
	}
	text, err := publish.TextFiles(outDir)
	if err != nil {
		return err
	}
	sums := make([][sha256.Size]byte, len(text))
	err = publish.OnAllCores(len(text), func(i int) (err error) {
		sums[i], err = precompressCachedFile(filepath.Join(outDir, filepath.FromSlash(text[i])), dir)
		return err
	})
	if err != nil {
		return err
	}
	prune(dir, sums)
	return nil
}

// compressors are the siblings and how each is made.
var compressors = []struct {
	ext      string
	compress func([]byte) []byte
}{{".gz", publish.Gzip}, {".br", publish.Brotli}}

// compressorID names the compressors' exact output: a digest of what they
// make of a fixed text. Should publish change a level or a library, the
// cache starts afresh instead of serving bytes the new settings would not
// make.
var compressorID = sync.OnceValue(func() string {
	probe := []byte("<!doctype html><title>disclose</title><p>The quick brown fox jumps over the lazy dog, again and again and again.</p>\n")
	h := sha256.New()
	for _, c := range compressors {
		h.Write([]byte(c.ext))
		h.Write(c.compress(probe))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
})

func compressCacheDir(cacheDir string) (string, error) {
	if cacheDir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			cacheDir = filepath.Join(d, "disclose")
		} else {
			cacheDir = filepath.Join(os.TempDir(), "disclose-cache")
		}
	}
	dir := filepath.Join(cacheDir, "precompress", compressorID())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("build: precompress: %w", err)
	}
	return dir, nil
}

func precompressCachedFile(p, cache string) ([sha256.Size]byte, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return [sha256.Size]byte{}, fmt.Errorf("build: precompress: %w", err)
	}
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:])
	for _, c := range compressors {
		entry := filepath.Join(cache, name[:2], name+c.ext)
		out, err := os.ReadFile(entry)
		if err != nil {
			out = c.compress(data)
			if err := writeCacheEntry(entry, out); err != nil {
				return sum, err
			}
		}
		if !publish.WorthCompressing(data, out) {
			if err := os.Remove(p + c.ext); err != nil && !errors.Is(err, os.ErrNotExist) {
				return sum, fmt.Errorf("build: precompress: %w", err)
			}
			continue
		}
		if err := os.WriteFile(p+c.ext, out, 0o644); err != nil {
			return sum, fmt.Errorf("build: precompress: %w", err)
		}
	}
	return sum, nil
}

// writeCacheEntry writes a cache file whole or not at all, so that a build
// that is killed, or another running at once, never leaves half an entry.
func writeCacheEntry(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	return nil
}

// prune removes the cache entries this build did not use, so the cache
// holds one site's worth and does not grow with every correction (each new
// update changes the "latest update" line of every update page). Another
// site built on the same machine only loses speed, never correctness.
func prune(dir string, sums [][sha256.Size]byte) {
	used := make(map[string]bool, len(sums))
	for _, sum := range sums {
		used[hex.EncodeToString(sum[:])] = true
	}
	shards, _ := os.ReadDir(dir)
	for _, sh := range shards {
		entries, _ := os.ReadDir(filepath.Join(dir, sh.Name()))
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".tmp-") { // another build's, being written
				continue
			}
			if !used[strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".br")] {
				os.Remove(filepath.Join(dir, sh.Name(), name))
			}
		}
	}
}
