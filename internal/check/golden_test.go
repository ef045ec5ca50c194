package check_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/disclose-dev/disclose/internal/check"
)

var update = flag.Bool("update", false, "rewrite testdata/check/diagnostics.golden from what check reports")

// TestGolden checks each broken site under testdata/check and compares
// what `disclose check` would print (its diagnostics, its summary and its
// exit status) with testdata/check/diagnostics.golden.
func TestGolden(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "check")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		// As `disclose check` prints it: the sample values as warnings too.
		site, diags := check.CheckSite(filepath.Join(root, e.Name()), now)
		if site != nil {
			diags = append(diags, check.Placeholders(site.Config)...)
			diags.Sort()
		}
		fmt.Fprintf(&got, "$ disclose check testdata/check/%s\n", e.Name())
		diags.Print(&got)
		fmt.Fprintln(&got, check.Summary(diags))
		exit := 0
		if diags.Fails(false) {
			exit = 1
		}
		fmt.Fprintf(&got, "exit status %d\n\n", exit)
	}
	golden := filepath.Join(root, "diagnostics.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/check -run TestGolden -update to write it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("diagnostics differ from %s (run with -update if the change is right):\n%s", golden, got.String())
	}
}
