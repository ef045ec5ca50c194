package publish

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
)

// textExts are the extensions of files worth compressing: text, which
// shrinks to a fraction. Images and fonts are compressed already.
var textExts = map[string]bool{
	".css": true, ".html": true, ".js": true, ".json": true, ".minisig": true,
	".pub": true, ".svg": true, ".txt": true, ".webmanifest": true, ".xml": true,
}

// IsText reports whether the file at p is text that compression helps.
func IsText(p string) bool { return textExts[strings.ToLower(path.Ext(p))] }

// Gzip compresses data the same way every time: best compression, and a
// header with no file name and no modification time.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&b)
	zw.Write(data)
	zw.Close()
	gzipWriters.Put(zw)
	return b.Bytes()
}

// gzipWriters and brotliWriters keep compressors for reuse: a new one
// allocates its tables afresh, and at 20,000 files that garbage was most
// of a cold build's memory (BENCHMARKS.md, finding 7). Reset gives the
// same output as a new writer.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestCompression) // the level is valid
	return zw
}}

// brotliWriters holds one pool per window size (10 to 24 bits).
var brotliWriters [25]sync.Pool

// Brotli compresses data at quality 5; the output depends only on the
// input. Quality 11 made files 13% smaller for 26 times the CPU, and was
// 92% of a whole build (BENCHMARKS.md): a correction waits on the build,
// so the build wins. The window is the smallest that holds the whole file:
// a small page does not pay for a 4 MiB window.
func Brotli(data []byte) []byte {
	lgwin := 10
	for lgwin < 24 && 1<<lgwin-16 < len(data) {
		lgwin++
	}
	var b bytes.Buffer
	bw, ok := brotliWriters[lgwin].Get().(*brotli.Writer)
	if ok {
		bw.Reset(&b)
	} else {
		bw = brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotliQuality, LGWin: lgwin})
	}
	bw.Write(data)
	bw.Close()
	brotliWriters[lgwin].Put(bw)
	return b.Bytes()
}

// Compressors are the compressed siblings a text file gets, in the order
// they are made: the extension each adds and how it is made. Precompress
// and the build's cache (build.PrecompressCached) both make these.
var Compressors = []struct {
	Ext      string
	Compress func([]byte) []byte
}{{public.Gzip, Gzip}, {public.Brotli, Brotli}}

// brotliQuality is the Brotli quality every .br sibling is made at.
const brotliQuality = 5

// WorthCompressing reports whether a file of orig bytes compressed to
// compressed bytes saves at least a twentieth: below that the server might
// as well send the file as it is.
func WorthCompressing(orig, compressed int) bool {
	return compressed < orig-orig/20
}

// Precompress writes a .gz and a .br sibling of every text file in outDir,
// for servers that send them as they are (nginx gzip_static and
// brotli_static, Caddy's precompressed). A sibling that would not save
// enough is not written, and a stale one is removed. The files are
// compressed on all cores; the bytes do not depend on the order.
func Precompress(outDir string) error {
	text, err := TextFiles(outDir)
	if err != nil {
		return err
	}
	return par.Each(len(text), func(i int) error {
		return precompressFile(filepath.Join(outDir, filepath.FromSlash(text[i])))
	})
}

// TextFiles lists the files of the site in outDir that compression helps
// (IsText), by slash path, leaving out compressed siblings.
func TextFiles(outDir string) ([]string, error) {
	files, err := SiteFiles(outDir)
	if err != nil {
		return nil, err
	}
	return TextOf(files), nil
}

// TextOf are the text files (IsText) of files, a listing SiteFiles made.
func TextOf(files []string) []string {
	var text []string
	for _, f := range files {
		if IsText(f) {
			text = append(text, f)
		}
	}
	return text
}

func precompressFile(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("publish: precompress: %w", err)
	}
	for _, c := range Compressors {
		// The old sibling is removed, never written through: it may be a
		// hard link to a build cache entry (build.PrecompressCached).
		if err := os.Remove(p + c.Ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("publish: precompress: %w", err)
		}
		out := c.Compress(data)
		if !WorthCompressing(len(data), len(out)) {
			continue
		}
		if err := os.WriteFile(p+c.Ext, out, 0o644); err != nil {
			return fmt.Errorf("publish: precompress: %w", err)
		}
	}
	return nil
}
