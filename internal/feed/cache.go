package feed

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/disclose-dev/disclose/internal/cachedir"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/render"
)

// WriteCached is Write remembering earlier builds: each feed document is
// kept under cacheDir (empty: the user's cache directory), named by a
// hash of everything that shapes its bytes, and a document whose inputs
// did not change is not encoded again. An RFC 5005 archived page, full
// once written, and the feeds of every incident that did not change are
// taken from the cache; a new update encodes its incident's subscription
// feeds and the site's (BENCHMARKS.md: encoding is most of the feeds'
// time, and the feeds are written beside the render, on the cores Hugo
// needs).
//
// The key of a document is the SHA-256 of the program (its Go build ID,
// which changes with any change to its code or its libraries), the format,
// and every field of its Channel, each entry's title, dates, HTML,
// summary, categories, language and facts included: a Channel is all an
// encoder reads (RSS, Atom, JSON), so equal keys are equal bytes. The
// cache entry's name also says the SHA-256 of its bytes, and an entry is
// published only once its bytes, read back, have that hash; else it is
// dropped and encoded again. So the cache can only save time: the bytes
// published are, cached or not, the bytes Write makes.
//
// A document from the cache is a hard link to the entry, as the
// precompressed copies are (build.PrecompressCached): entries are
// read-only and nothing rewrites a published file in place. Entries this
// build did not use are removed, so the cache holds one site's worth.
func WriteCached(site *content.Site, bodies *render.Bodies, outDir, cacheDir string) error {
	id := cachedir.CodeID()
	if id == "" {
		return Write(site, bodies, outDir) // a program that cannot name itself caches nothing
	}
	dir, err := feedCacheDir(cacheDir, id)
	if err != nil {
		return err
	}
	chans, err := Channels(site, bodies)
	if err != nil {
		return err
	}
	keys := channelKeys(id, chans)
	index := readFeedIndex(dir)
	used := make([][]string, len(chans))
	err = par.Each(len(chans), func(i int) (err error) {
		used[i], err = writeChannelCached(chans[i], keys[i], outDir, dir, index)
		return err
	})
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, u := range used {
		for _, k := range u {
			keep[k] = true
		}
	}
	for k, e := range index {
		if !keep[k] {
			os.Remove(e.path)
		}
	}
	return nil
}

// formats are the encodings of every channel, by file name.
var formats = []struct {
	name   string
	encode func(*Channel) ([]byte, error)
}{
	{public.RSS, RSS},
	{public.Atom, Atom},
	{public.JSONFeed, JSON},
}

// writeChannelCached writes ch's three documents into outDir, from the
// cache where it holds them, and returns the cache keys it used.
func writeChannelCached(ch *Channel, key, outDir, cache string, index map[string]feedEntry) ([]string, error) {
	dir := filepath.Join(outDir, filepath.FromSlash(ch.Dir))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	var used []string
	for _, f := range formats {
		k := docKey(key, f.name)
		used = append(used, k)
		dst := filepath.Join(dir, f.name)
		if e, ok := index[k]; ok {
			if publishEntry(e, dst) {
				continue
			}
			os.Remove(e.path)
		}
		b, err := f.encode(ch)
		if err != nil {
			return nil, fmt.Errorf("feed: %s%s: %w", ch.Dir, f.name, err)
		}
		sum := sha256.Sum256(b)
		e := feedEntry{filepath.Join(cache, k[:2], k+"-"+hex.EncodeToString(sum[:])), hex.EncodeToString(sum[:])}
		if err := writeFeedEntry(e.path, b); err != nil || os.Link(e.path, dst) != nil {
			if err := os.WriteFile(dst, b, 0o644); err != nil {
				return nil, fmt.Errorf("feed: %w", err)
			}
		}
	}
	return used, nil
}

// publishEntry links dst to the cache entry e and reports whether what
// the link holds is what e's name says; on another filesystem it copies
// the entry's checked bytes. On false, dst is not left behind.
func publishEntry(e feedEntry, dst string) bool {
	linked := os.Link(e.path, dst) == nil
	from := e.path
	if linked {
		from = dst
	}
	if linked {
		// Hashed as it is read, not held: these are most of the feeds'
		// bytes, read beside the render, when Hugo's memory is at its
		// largest.
		h := sha256.New()
		f, err := os.Open(from)
		if err == nil {
			buf := copyBufs.Get().(*[]byte)
			_, err = io.CopyBuffer(struct{ io.Writer }{h}, struct{ io.Reader }{f}, *buf)
			copyBufs.Put(buf)
			f.Close()
		}
		if err != nil || hex.EncodeToString(h.Sum(nil)) != e.sum {
			os.Remove(dst)
			return false
		}
		return true
	}
	b, err := os.ReadFile(from)
	sum := sha256.Sum256(b)
	return err == nil && hex.EncodeToString(sum[:]) == e.sum && os.WriteFile(dst, b, 0o644) == nil
}

var copyBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// docKey names one document of the channel whose key is key: the format
// is the file's extension and name ("feed.xml", "atom.xml", "feed.json").
func docKey(key, file string) string {
	return key + "." + strings.ReplaceAll(file, ".", "_")
}

// feedEntry is a cache entry: <shard>/<key>-<sha256 of its bytes>.
type feedEntry struct{ path, sum string }

func readFeedIndex(dir string) map[string]feedEntry {
	index := map[string]feedEntry{}
	shards, _ := os.ReadDir(dir)
	for _, sh := range shards {
		entries, _ := os.ReadDir(filepath.Join(dir, sh.Name()))
		for _, e := range entries {
			key, sum, ok := strings.Cut(e.Name(), "-")
			if !ok || len(sum) != 64 || len(key) < 64 || key[:2] != sh.Name() {
				continue // a temporary file being written
			}
			index[key] = feedEntry{filepath.Join(dir, sh.Name(), e.Name()), sum}
		}
	}
	return index
}

// feedCacheDir is the cache of this program's feeds, below cacheDir;
// the caches of other programs (earlier versions) are removed.
func feedCacheDir(cacheDir, id string) (string, error) {
	dir, err := cachedir.Only(cacheDir, "feeds", id[:32])
	if err != nil {
		return "", fmt.Errorf("feed: %w", err)
	}
	return dir, nil
}

// writeFeedEntry writes a read-only cache file whole or not at all.
func writeFeedEntry(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
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
	}
	return err
}

// channelKeys are the keys of chans: each entry, shared by several
// channels, is hashed once.
func channelKeys(id string, chans []*Channel) []string {
	var entries []*Entry
	seen := map[*Entry]int{}
	for _, ch := range chans {
		for _, e := range ch.Entries {
			if _, ok := seen[e]; !ok {
				seen[e] = len(entries)
				entries = append(entries, e)
			}
		}
	}
	sums := make([][sha256.Size]byte, len(entries))
	par.Each(len(entries), func(i int) error {
		h := newHasher()
		h.value(reflect.ValueOf(entries[i]))
		h.Sum(sums[i][:0])
		return nil
	})
	keys := make([]string, len(chans))
	par.Each(len(chans), func(i int) error {
		h := newHasher()
		h.str("disclose feed v1")
		h.str(id)
		h.fields(reflect.ValueOf(chans[i]).Elem(), "Entries")
		h.u64(uint64(len(chans[i].Entries)))
		for _, e := range chans[i].Entries {
			h.Write(sums[seen[e]][:])
		}
		keys[i] = hex.EncodeToString(h.Sum(nil))
		return nil
	})
	return keys
}

// hasher writes values into a hash unambiguously: every string and list
// with its length, every field with its name, nil apart from empty.
type hasher struct {
	hash.Hash
	buf *[]byte // a string's bytes on their way in: the hash has no WriteString
}

func newHasher() hasher { return hasher{sha256.New(), new([]byte)} }

func (h hasher) u64(n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}

func (h hasher) str(s string) {
	h.u64(uint64(len(s)))
	*h.buf = append((*h.buf)[:0], s...)
	h.Write(*h.buf)
}

var timeType = reflect.TypeFor[time.Time]()

// value hashes v. A kind no feed type holds panics, so that a new field
// of such a kind cannot be left out of the key unnoticed (the tests hash
// every feed they build).
func (h hasher) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.u64(1)
		} else {
			h.u64(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		h.u64(v.Uint())
	case reflect.Pointer:
		if v.IsNil() {
			h.u64(0)
			return
		}
		h.u64(1)
		h.value(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			h.u64(0)
			return
		}
		h.u64(uint64(v.Len()) + 1)
		for i := range v.Len() {
			h.value(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == timeType {
			// The instant, its offset and zone name as formatted, and
			// the location: all a format can write of a time.
			t := v.Interface().(time.Time)
			h.str(t.Format("2006-01-02T15:04:05.999999999 -07:00:00 MST"))
			h.str(t.Location().String())
			return
		}
		h.fields(v)
	default:
		panic(fmt.Sprintf("feed: cache key: cannot hash a %s (%s)", v.Kind(), v.Type()))
	}
}

// fields hashes every field of the struct v but those named in skip.
func (h hasher) fields(v reflect.Value, skip ...string) {
	t := v.Type()
	h.str(t.String())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			panic(fmt.Sprintf("feed: cache key: %s.%s is unexported, so it cannot be hashed", t, f.Name))
		}
		if skipped(f.Name, skip) {
			continue
		}
		h.str(f.Name)
		h.value(v.Field(i))
	}
}

func skipped(name string, skip []string) bool {
	for _, s := range skip {
		if s == name {
			return true
		}
	}
	return false
}
