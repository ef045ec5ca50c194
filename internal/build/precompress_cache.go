package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/disclose-dev/disclose/internal/cachedir"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/par"
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
//
// A sibling from the cache is a hard link to the cache entry, not a copy:
// on a filesystem without a journal, making a new inode after a site's
// worth of files was deleted costs more than compressing the file did
// (BENCHMARKS.md, finding 9). Entries are read-only, and nothing rewrites
// a published file in place (every writer removes the old file first).
// The cache is the user's alone (internal/cachedir), and still no entry is
// trusted by its name: what is linked (or, on another filesystem, copied)
// is read back, and published only if its bytes have the size and hash its
// name says; else it is dropped and made again.
//
// It reads every text file once and returns what the manifest needs of
// every file it read or wrote: the text files and their siblings, by slash
// path, so that the manifest does not read them again.
func PrecompressCached(outDir, cacheDir string) (map[string]manifest.File, error) {
	files, err := publish.SiteFiles(outDir)
	if err != nil {
		return nil, err
	}
	known, _, err := precompressSearched(outDir, cacheDir, "", files, nil)
	return known, err
}

// precompressSearched is PrecompressCached searching each text file for a
// secret key (SecretFiles) in the bytes it reads to compress it, so that
// the secrets step need not read them again (BENCHMARKS.md: the two steps
// read every page twice). A file that holds one is not compressed, and is
// refused in diags, named shown + its path; the caller publishes nothing
// then. The text files are the keys of known that are not .gz or .br.
// files lists the site's files (publish.SiteFiles, made by the headers
// step), so that the output is not walked again. checked are files, and
// their siblings, that the build has read and checked already (the render
// cache's, renderCache.link): they are not read again, and are in known.
func precompressSearched(outDir, cacheDir, shown string, files []string, checked map[string]manifest.File) (known map[string]manifest.File, diags diag.List, err error) {
	dir, err := compressCacheDir(cacheDir)
	if err != nil {
		return nil, nil, err
	}
	var text []string
	for _, f := range publish.TextOf(files) {
		if _, ok := checked[f]; !ok {
			text = append(text, f)
		}
	}
	index := readCacheIndex(dir)
	afterCacheIndex()
	hashed := make([][]manifest.File, len(text))
	found := make([]diag.List, len(text))
	err = par.Each(len(text), func(i int) (err error) {
		hashed[i], found[i], err = precompressCachedFile(outDir, text[i], dir, index, shown)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	known = make(map[string]manifest.File, 3*(len(text)+len(checked)))
	used := make(map[string]bool, len(text)+len(checked))
	for p, f := range checked {
		known[p] = f
		used[f.SHA256] = true // their entries here are kept, for a build that renders them again
	}
	for i, files := range hashed {
		diags = append(diags, found[i]...)
		if len(files) == 0 {
			continue
		}
		used[files[0].SHA256] = true
		for _, f := range files {
			known[f.Path] = f
		}
	}
	if len(diags) > 0 {
		return nil, diags, nil // the cache is left as it was
	}
	prune(index, used)
	return known, nil, nil
}

// afterCacheIndex runs once the cache is listed; tests use it to change
// the cache behind the build's back.
var afterCacheIndex = func() {}

// compressorID names publish.Compressors' exact output: a digest of what they
// make of a fixed text. Should publish change a level or a library, the
// cache starts afresh instead of serving bytes the new settings would not
// make.
var compressorID = sync.OnceValue(func() string {
	probe := []byte("<!doctype html><title>disclose</title><p>The quick brown fox jumps over the lazy dog, again and again and again.</p>\n")
	h := sha256.New()
	for _, c := range publish.Compressors {
		h.Write([]byte(c.Ext))
		h.Write(c.Compress(probe))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
})

// cacheLayout names how entries are stored; a new layout starts a new cache.
const cacheLayout = "v2"

// compressCacheDir is the cache of this layout and compressor; a cache
// made by other settings or another layout is never read again, and is
// removed.
func compressCacheDir(cacheDir string) (string, error) {
	dir, err := cachedir.Only(cacheDir, "precompress", cacheLayout+"-"+compressorID())
	if err != nil {
		return "", fmt.Errorf("build: precompress: %w", err)
	}
	return dir, nil
}

// A cache entry is the file <shard>/<source>-<size>-<sum><ext>: the
// compressed bytes of the file whose SHA-256 is source, size bytes long,
// with SHA-256 sum. The name says what the manifest records; a used entry
// is read once, to check that its bytes still say the same (entryHolds).
type cacheEntry struct {
	path string
	size int64
	sum  string
}

func entryName(source string, size int64, sum, ext string) string {
	return source + "-" + strconv.FormatInt(size, 10) + "-" + sum + ext
}

// readCacheIndex lists the cache: source hash + extension → entry.
// Names that do not parse (a temporary file being written) are skipped.
func readCacheIndex(dir string) map[string]cacheEntry {
	index := map[string]cacheEntry{}
	shards, _ := os.ReadDir(dir)
	for _, sh := range shards {
		entries, _ := os.ReadDir(filepath.Join(dir, sh.Name()))
		for _, e := range entries {
			name := e.Name()
			ext := filepath.Ext(name)
			parts := strings.Split(strings.TrimSuffix(name, ext), "-")
			if len(parts) != 3 || len(parts[0]) != 64 || len(parts[2]) != 64 {
				continue
			}
			size, err := strconv.ParseInt(parts[1], 10, 64)
			if err != nil {
				continue
			}
			index[parts[0]+ext] = cacheEntry{filepath.Join(dir, sh.Name(), name), size, parts[2]}
		}
	}
	return index
}

// precompressCachedFile makes the siblings of the text file rel and
// returns the file and the siblings it wrote, the file first; or, when
// the file holds a secret key, nothing but the diagnostic that refuses it.
func precompressCachedFile(outDir, rel, cache string, index map[string]cacheEntry, shown string) ([]manifest.File, diag.List, error) {
	p := filepath.Join(outDir, filepath.FromSlash(rel))
	buf, err := readPooled(p)
	if err != nil {
		return nil, nil, fmt.Errorf("build: precompress: %w", err)
	}
	defer readBufs.Put(buf)
	data := buf.Bytes()
	if d := secretData(data[:min(len(data), secretScanLimit)], shown+rel); len(d) > 0 {
		return nil, d, nil
	}
	source := hexSum(data)
	files := []manifest.File{{Path: rel, Size: int64(len(data)), SHA256: source}}
	for _, c := range publish.Compressors {
		sib := p + c.Ext
		// A sibling already there (static/ may hold one) is replaced, never
		// written through: it could be a link to a cache entry.
		if err := os.Remove(sib); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, nil, fmt.Errorf("build: precompress: %w", err)
		}
		e, ok := index[source+c.Ext]
		var out []byte
		if ok {
			// An entry is used only once what is published from it is
			// checked: its bytes have the size and hash its name says,
			// which the manifest records and signs. Anything else (an
			// entry changed through a published link, say) is dropped and
			// made again, never published or signed.
			b, linked := usedEntry(e, sib)
			if b == nil || !entryHolds(b.Bytes(), e) {
				if linked {
					os.Remove(sib)
				}
				os.Remove(e.path)
				ok = false
			} else if !linked {
				// Another filesystem: the checked bytes are copied.
				if err := os.WriteFile(sib, b.Bytes(), 0o644); err != nil {
					readBufs.Put(b)
					return nil, nil, fmt.Errorf("build: precompress: %w", err)
				}
			}
			if b != nil {
				readBufs.Put(b)
			}
		}
		if !ok {
			out = c.Compress(data)
			sum := hexSum(out)
			e = cacheEntry{filepath.Join(cache, source[:2], entryName(source, int64(len(out)), sum, c.Ext)), int64(len(out)), sum}
			if err := writeCacheEntry(e.path, out); err != nil {
				return nil, nil, err
			}
		}
		if !publish.WorthCompressing(len(data), int(e.size)) {
			os.Remove(sib) // a checked entry linked above that is not worth it
			continue
		}
		if out != nil && os.Link(e.path, sib) != nil {
			if err := os.WriteFile(sib, out, 0o644); err != nil {
				return nil, nil, fmt.Errorf("build: precompress: %w", err)
			}
		}
		files = append(files, manifest.File{Path: rel + c.Ext, Size: e.size, SHA256: e.sum})
	}
	return files, nil, nil
}

// usedEntry links the sibling sib to the cache entry e and reads what
// the link holds, so that the bytes checked are the bytes published; where
// links are impossible it reads the entry itself. b is nil when neither
// can be read. b is from readBufs, to be put back.
func usedEntry(e cacheEntry, sib string) (b *bytes.Buffer, linked bool) {
	linked = os.Link(e.path, sib) == nil
	from := e.path
	if linked {
		from = sib
	}
	b, err := readPooled(from)
	if err != nil {
		return nil, linked
	}
	return b, linked
}

// readBufs are the buffers the compress step reads files into: a warm
// build reads every text file of the site and every cache entry it uses
// (at 10,000 updates, some 400 MB), and a new slice for each was garbage
// made after the render, when the build's memory peaks (BENCHMARKS.md).
var readBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readPooled reads the file at p into a buffer from readBufs; its bytes
// are valid until it is put back.
func readPooled(p string) (*bytes.Buffer, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := readBufs.Get().(*bytes.Buffer)
	b.Reset()
	if fi, err := f.Stat(); err == nil && fi.Size() < 1<<30 {
		b.Grow(int(fi.Size()) + 1)
	}
	if _, err := b.ReadFrom(f); err != nil {
		readBufs.Put(b)
		return nil, err
	}
	return b, nil
}

// entryHolds reports whether b, a cache entry's bytes, is what its name
// says: its size and its SHA-256. Only this user can write the cache
// (internal/cachedir refuses one that others can), so what can still change
// an entry behind the cache's back is an edit through a published link or
// a damaged disk, and the hash finds both. Unpacking every entry to compare
// it with its file would find no more of these and would cost a warm
// build several times its compress step (BENCHMARKS.md, finding 9).
func entryHolds(b []byte, e cacheEntry) bool {
	return int64(len(b)) == e.size && hexSum(b) == e.sum
}

func hexSum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// writeCacheEntry writes a cache file whole or not at all, so that a build
// that is killed, or another running at once, never leaves half an entry.
// Entries are read-only: published siblings are links to them.
func writeCacheEntry(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o444)
	}
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("build: precompress cache: %w", err)
	}
	return nil
}

// prune removes the cache entries of sources this build did not use, so
// the cache holds one site's worth and does not grow with every correction
// (each new update changes the "latest update" line of every update page).
// Another site built on the same machine only loses speed, never
// correctness.
// It goes by the listing the build started with: entries written since
// (this build's, or another's still running) are not touched.
func prune(index map[string]cacheEntry, used map[string]bool) {
	for key, e := range index {
		if !used[key[:sha256.Size*2]] {
			os.Remove(e.path)
		}
	}
}
