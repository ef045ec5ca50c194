package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/publish"
)

// runCompress measures precompression on a published site: the current
// step (publish.Precompress), build.PrecompressCached with an empty and
// with a filled cache, and what each gzip and brotli level costs. It copies
// the site's own files (not the .gz and .br siblings) three times.
func runCompress(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("compress", "compress -dir PUBLISHED_SITE [-levels]", stderr)
	dir := fs.String("dir", "", "a site built by disclose build")
	levels := fs.Bool("levels", true, "also time every gzip and brotli level on the text files, in one goroutine")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("%w: compress needs -dir", errUsage)
	}
	work, err := os.MkdirTemp("", "disclose-bench-compress-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	files, err := publish.SiteFiles(*dir)
	if err != nil {
		return err
	}
	var textBytes int64
	var texts [][]byte
	copyTo := func(dst string) error {
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(*dir, filepath.FromSlash(f)))
			if err != nil {
				return err
			}
			p := filepath.Join(dst, filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range files {
		if publish.IsText(f) {
			data, err := os.ReadFile(filepath.Join(*dir, filepath.FromSlash(f)))
			if err != nil {
				return err
			}
			textBytes += int64(len(data))
			texts = append(texts, data)
		}
	}
	fmt.Fprintf(stdout, "%d files, %d text files of %.1f MiB\n\n", len(files), len(texts), float64(textBytes)/(1<<20))
	fmt.Fprintf(stdout, "| precompression of the whole tree | wall | CPU |\n|---|---:|---:|\n")
	measure := func(name string, f func() error) error {
		start, cpu0 := time.Now(), cpuTime()
		if err := f(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "| %s | %s | %s |\n", name, ms(time.Since(start)), ms(cpuTime()-cpu0))
		return nil
	}
	a, b, c := filepath.Join(work, "a"), filepath.Join(work, "b"), filepath.Join(work, "c")
	for _, d := range []string{a, b, c} {
		if err := copyTo(d); err != nil {
			return err
		}
	}
	cache := filepath.Join(work, "cache")
	if err := measure("publish.Precompress (today's compress step)", func() error { return publish.Precompress(a) }); err != nil {
		return err
	}
	if err := measure("build.PrecompressCached, empty cache", func() error { _, err := build.PrecompressCached(b, cache); return err }); err != nil {
		return err
	}
	if err := measure("build.PrecompressCached, every file cached", func() error { _, err := build.PrecompressCached(c, cache); return err }); err != nil {
		return err
	}
	for _, d := range []string{b, c} {
		if err := sameTree(a, d); err != nil {
			return fmt.Errorf("compress: PrecompressCached wrote other bytes than Precompress: %w", err)
		}
	}
	fmt.Fprintf(stdout, "\nThe three trees are byte for byte the same.\n")
	if !*levels {
		return nil
	}
	fmt.Fprintf(stdout, "\n| compressor | CPU (one goroutine) | MiB/s | output | of the input |\n|---|---:|---:|---:|---:|\n")
	try := func(name string, f func([]byte) []byte) {
		cpu0 := cpuTime()
		var n int64
		for _, t := range texts {
			n += int64(len(f(t)))
		}
		d := cpuTime() - cpu0
		fmt.Fprintf(stdout, "| %s | %s | %.1f | %.2f MiB | %.1f%% |\n", name, ms(d), float64(textBytes)/(1<<20)/d.Seconds(), float64(n)/(1<<20), 100*float64(n)/float64(textBytes))
	}
	for _, l := range []int{1, 6, 9} {
		try(fmt.Sprintf("gzip %d", l), func(b []byte) []byte {
			var out bytes.Buffer
			w, _ := gzip.NewWriterLevel(&out, l)
			w.Write(b)
			w.Close()
			return out.Bytes()
		})
	}
	for _, l := range []int{4, 5, 6, 9, 11} {
		try(fmt.Sprintf("brotli %d", l), func(b []byte) []byte {
			var out bytes.Buffer
			w := brotli.NewWriterLevel(&out, l)
			w.Write(b)
			w.Close()
			return out.Bytes()
		})
	}
	return nil
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func sameTree(a, b string) error {
	seen := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			return fmt.Errorf("%s differs", rel)
		}
		seen++
		return nil
	})
	if err != nil {
		return err
	}
	n := 0
	_ = filepath.WalkDir(b, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(p, string(filepath.Separator)+"cache"+string(filepath.Separator)) {
			n++
		}
		return nil
	})
	if n != seen {
		return fmt.Errorf("%d files against %d", n, seen)
	}
	return nil
}
