package feed

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden feeds in testdata/feeds from the example site")

// golden is where the example site's feeds are kept, at the repository root.
var golden = filepath.Join("..", "..", "testdata", "feeds")

// TestGoldenExampleSite compares the example site's feeds (config.toml and
// content/ at the repository root) with testdata/feeds, every file and
// every byte. After a deliberate change: go test ./internal/feed -update.
func TestGoldenExampleSite(t *testing.T) {
	got := writeFeeds(t, loadSite(t, filepath.Join("..", "..")))
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for p, b := range got {
			f := filepath.Join(golden, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := readTree(t, golden)
	for _, p := range sortedKeys(got) {
		w, ok := want[p]
		switch {
		case !ok:
			t.Errorf("%s: not in testdata/feeds (run go test ./internal/feed -update)", p)
		case !bytes.Equal(got[p], w):
			t.Errorf("%s differs from testdata/feeds/%s (run go test ./internal/feed -update after a deliberate change):\n%s", p, p, firstDiff(got[p], w))
		}
	}
	for _, p := range sortedKeys(want) {
		if _, ok := got[p]; !ok {
			t.Errorf("testdata/feeds/%s: no longer written", p)
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for k := 0; k < len(g) || k < len(w); k++ {
		var gl, wl []byte
		if k < len(g) {
			gl = g[k]
		}
		if k < len(w) {
			wl = w[k]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + itoa(k+1) + ":\n got: " + string(gl) + "\nwant: " + string(wl)
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }
