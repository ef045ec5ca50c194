package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func file(size int64, b byte) treeFile {
	f := treeFile{Size: size}
	f.Sum[0] = b
	return f
}

func TestDiffTrees(t *testing.T) {
	before := tree{
		"index.html":        file(10, 1),
		"index.html.gz":     file(4, 2),
		"index.html.br":     file(3, 3),
		"feed.xml":          file(20, 4),
		"feed.xml.gz":       file(5, 5),
		"old/index.html":    file(7, 6),
		"old/index.html.gz": file(2, 7),
		"logo.png":          file(100, 8),
		"data.tar.gz":       file(50, 9), // no data.tar beside it: not a copy
	}
	tests := []struct {
		name                    string
		after                   tree
		added, changed, removed []string
		primary                 int
		bytes, primaryBytes     int64
	}{
		{name: "nothing changed", after: before},
		{
			name: "a page and its copies changed, one page added, one removed",
			after: tree{
				"index.html":        file(11, 11),
				"index.html.gz":     file(5, 12),
				"index.html.br":     file(4, 13),
				"feed.xml":          file(20, 4),
				"feed.xml.gz":       file(5, 5),
				"new/index.html":    file(9, 14),
				"new/index.html.br": file(3, 15),
				"logo.png":          file(100, 8),
				"data.tar.gz":       file(50, 9),
			},
			added:        []string{"new/index.html", "new/index.html.br"},
			changed:      []string{"index.html", "index.html.br", "index.html.gz"},
			removed:      []string{"old/index.html", "old/index.html.gz"},
			primary:      3, // index.html, new/index.html, old/index.html
			bytes:        11 + 5 + 4 + 9 + 3,
			primaryBytes: 11 + 9,
		},
		{
			name: "only the compressed copy changed, and a file named .gz with no original",
			after: tree{
				"index.html":        file(10, 1),
				"index.html.gz":     file(4, 99),
				"index.html.br":     file(3, 3),
				"feed.xml":          file(20, 4),
				"feed.xml.gz":       file(5, 5),
				"old/index.html":    file(7, 6),
				"old/index.html.gz": file(2, 7),
				"logo.png":          file(100, 8),
				"data.tar.gz":       file(51, 9),
			},
			changed:      []string{"data.tar.gz", "index.html.gz"},
			primary:      1,
			bytes:        4 + 51,
			primaryBytes: 51,
		},
		{
			name: "same size, other bytes",
			after: func() tree {
				a := tree{}
				for k, v := range before {
					a[k] = v
				}
				a["logo.png"] = file(100, 42)
				return a
			}(),
			changed:      []string{"logo.png"},
			primary:      1,
			bytes:        100,
			primaryBytes: 100,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diffTrees(before, tt.after)
			if !slices.Equal(d.Added, tt.added) || !slices.Equal(d.Changed, tt.changed) || !slices.Equal(d.Removed, tt.removed) {
				t.Errorf("added %q changed %q removed %q, want %q %q %q", d.Added, d.Changed, d.Removed, tt.added, tt.changed, tt.removed)
			}
			if d.Primary != tt.primary {
				t.Errorf("primary %d, want %d", d.Primary, tt.primary)
			}
			if d.Bytes != tt.bytes || d.PrimaryBytes != tt.primaryBytes {
				t.Errorf("bytes %d (%d without copies), want %d (%d)", d.Bytes, d.PrimaryBytes, tt.bytes, tt.primaryBytes)
			}
			if want := len(tt.added) + len(tt.changed) + len(tt.removed); d.Total() != want {
				t.Errorf("total %d, want %d", d.Total(), want)
			}
		})
	}
}

func TestSnapshot(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "home")
	write("incidents/a/index.html", "incident")
	before, err := snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != 2 || before["incidents/a/index.html"].Size != 8 {
		t.Fatalf("snapshot %v", before)
	}
	write("index.html", "HOME") // same size, other bytes
	write("incidents/a/index.html.gz", "x")
	after, err := snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := diffTrees(before, after)
	if !slices.Equal(d.Changed, []string{"index.html"}) || !slices.Equal(d.Added, []string{"incidents/a/index.html.gz"}) || d.Primary != 1 {
		t.Errorf("got %+v", d)
	}
}
