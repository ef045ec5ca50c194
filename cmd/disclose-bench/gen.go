package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/disclose-dev/disclose/internal/corpus"
)

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("gen", "gen -incidents N -updates M [-seed S] [-theme DIR] -o DIR", stderr)
	incidents := fs.Int("incidents", 4, "how many incidents")
	updates := fs.Int("updates", 250, "published updates per incident")
	seed := fs.Uint64("seed", 1, "the same seed writes the same site, byte for byte")
	theme := fs.String("theme", "", "the directory holding layouts/ and static/ to copy (default: the repository root found from the working directory)")
	out := fs.String("o", "", "the directory to write the site into; must be empty or absent")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: gen needs -o DIR", errUsage)
	}
	if *theme == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		*theme = root
	}
	site, err := corpus.Generate(*out, corpus.Options{Incidents: *incidents, Updates: *updates, Seed: *seed, ThemeDir: *theme})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d incident(s) and %d update(s) into %s\n", len(site.Incidents), site.Updates(), *out)
	return nil
}

// repoRoot is the directory holding this module's go.mod, found upwards
// from the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("gen: %w", err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && isOurModule(data) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("gen: no go.mod of github.com/disclose-dev/disclose above the working directory; give -theme DIR")
		}
		dir = parent
	}
}

func isOurModule(gomod []byte) bool {
	const want = "module github.com/disclose-dev/disclose\n"
	return len(gomod) >= len(want) && string(gomod[:len(want)]) == want
}
