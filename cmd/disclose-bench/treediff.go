package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// treeFile is one published file as a snapshot saw it.
type treeFile struct {
	Size int64
	Sum  [sha256.Size]byte
}

// tree is a snapshot of a published directory: every regular file by its
// slash path below it.
type tree map[string]treeFile

// snapshot reads every regular file below dir.
func snapshot(dir string) (tree, error) {
	t := tree{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		var tf treeFile
		tf.Size = n
		copy(tf.Sum[:], h.Sum(nil))
		t[filepath.ToSlash(rel)] = tf
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	return t, nil
}

// treeDiff is what changed between two snapshots of one output directory.
// Every list is sorted and holds every file, compressed copies included.
type treeDiff struct {
	Added, Changed, Removed []string
	// Bytes is the size of the added and changed files as they are now
	// (what a deploy has to send, before its own compression), and
	// PrimaryBytes the same without the compressed copies.
	Bytes, PrimaryBytes int64
	// Primary counts the files that are not a compressed copy: added,
	// changed and removed together.
	Primary int
}

// Total is every file added, changed or removed, compressed copies
// included.
func (d *treeDiff) Total() int { return len(d.Added) + len(d.Changed) + len(d.Removed) }

// isCopy reports whether name is the .gz or .br copy of another file of
// t: a file that is only ever published beside its original.
func isCopy(name string, t tree) bool {
	for _, ext := range []string{".gz", ".br"} {
		if orig, ok := strings.CutSuffix(name, ext); ok {
			if _, ok := t[orig]; ok {
				return true
			}
		}
	}
	return false
}

// diffTrees compares the snapshot before a build with the one after it.
func diffTrees(before, after tree) *treeDiff {
	d := &treeDiff{}
	for _, name := range slices.Sorted(maps.Keys(after)) {
		a := after[name]
		b, ok := before[name]
		switch {
		case !ok:
			d.Added = append(d.Added, name)
		case b != a:
			d.Changed = append(d.Changed, name)
		default:
			continue
		}
		d.Bytes += a.Size
		if !isCopy(name, after) {
			d.Primary++
			d.PrimaryBytes += a.Size
		}
	}
	for _, name := range slices.Sorted(maps.Keys(before)) {
		if _, ok := after[name]; !ok {
			d.Removed = append(d.Removed, name)
			if !isCopy(name, before) {
				d.Primary++
			}
		}
	}
	return d
}
