package manifest

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"

	"github.com/disclose-dev/disclose/internal/par"
)

// unpacking are the compressed copies a build writes beside a file, by
// extension, and how to unpack each.
var unpacking = map[string]func(io.Reader) (io.Reader, error){
	".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
}

// badCopies returns the listed .gz and .br copies in dir that do not unpack
// to the listed file beside them, sorted. A server sends the copy to every
// browser that accepts it, so a copy must say what its file says; the
// manifest's hash of the copy alone cannot show that, because the build
// hashes whatever copy it wrote (one reused from its compression cache,
// say). A copy without its file beside it, and a copy or file in skip
// (already found changed or removed), are left alone.
func badCopies(root *os.Root, files []File, skip []string) []string {
	listed := make(map[string]File, len(files))
	for _, f := range files {
		listed[f.Path] = f
	}
	skipped := make(map[string]bool, len(skip))
	for _, p := range skip {
		skipped[p] = true
	}
	var copies []string
	for _, f := range files {
		orig := strings.TrimSuffix(f.Path, path.Ext(f.Path))
		if _, ok := unpacking[path.Ext(f.Path)]; !ok || skipped[f.Path] || skipped[orig] {
			continue
		}
		if _, ok := listed[orig]; ok {
			copies = append(copies, f.Path)
		}
	}
	bad := make([]bool, len(copies))
	par.Each(len(copies), func(i int) error {
		orig := listed[strings.TrimSuffix(copies[i], path.Ext(copies[i]))]
		got, err := unpackedHash(root, copies[i], orig.Size)
		bad[i] = err != nil || got.Size != orig.Size || got.SHA256 != orig.SHA256
		return nil
	})
	var out []string
	for i, c := range copies {
		if bad[i] {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// unpackedHash is the size and hash of what the copy at p (a slash path in
// root) unpacks to, reading at most one byte more than want, the size it
// should have.
func unpackedHash(root *os.Root, p string, want int64) (File, error) {
	f, err := root.Open(filepath.FromSlash(p))
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	r, err := unpacking[path.Ext(p)](f)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", p, err)
	}
	got, err := hashReader(io.LimitReader(r, want+1))
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", p, err)
	}
	return got, nil
}
