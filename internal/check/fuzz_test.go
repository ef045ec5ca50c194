package check_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// FuzzCheck writes the fuzzed bytes as an update file in a small site and
// runs the loader and the checker over it: whatever a person types, check
// reports it and never panics. Seeded with every Markdown file of the
// example site and of the broken sites under testdata/check. Run it with
//
//	go test -run=^$ -fuzz=FuzzCheck -fuzztime=60s ./internal/check/
func FuzzCheck(f *testing.F) {
	for _, root := range []string{filepath.Join(sitetest.RepoRoot(), "content"), filepath.Join("..", "..", "testdata", "check")} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				if b, err := os.ReadFile(p); err == nil {
					f.Add(b)
				}
			}
			return nil
		})
	}
	dir := sitetest.Write(f, base)
	file := filepath.Join(dir, "content", "incidents", "x", "2024-06-01-fuzzed.md")
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		site, diags := check.CheckSite(dir, now)
		if site == nil {
			t.Fatalf("an update file stopped the whole site from loading: %v", diags.Error())
		}
		for _, d := range diags {
			if d.Pos.File == "" || d.Message == "" {
				t.Errorf("diagnostic without a file or a message: %#v", d)
			}
			if d.Pos.File == "content/incidents/x/2024-06-01-fuzzed.md" && d.Pos.Line < 1 {
				t.Errorf("diagnostic about the update without a line: %v", d)
			}
		}
	})
}
