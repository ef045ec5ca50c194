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

// FuzzMarkdown runs every rule over a fuzzed update body in a site built in
// memory (no files, so many more inputs a second than FuzzCheck) and
// checks that each diagnostic about the body points inside it: at a line
// the body has, at a column no further than the end of that line.
//
//	go test -run=^$ -fuzz=FuzzMarkdown -fuzztime=60s ./internal/check/
func FuzzMarkdown(f *testing.F) {
	_ = filepath.WalkDir(filepath.Join(sitetest.RepoRoot(), "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			if b, err := os.ReadFile(p); err == nil {
				if _, body, ok := strings.Cut(string(b), "\n---\n"); ok {
					f.Add([]byte(body))
				}
			}
		}
		return nil
	})
	f.Add([]byte("Call <b>now</b> on 1800 000 001.\n\n#### Skip\n\n![](x.png) [here](javascript:x) <http://a.example/>\n"))
	const bodyLine = 6
	f.Fuzz(func(t *testing.T, src []byte) {
		site, u := memorySite(src, bodyLine)
		lines := strings.Split(string(src), "\n")
		for _, d := range check.Site(site, now) {
			if d.Pos.File != u.File {
				continue
			}
			i := d.Pos.Line - bodyLine
			if i < 0 || i >= len(lines) {
				t.Fatalf("%v: line outside the body's lines %d to %d", d, bodyLine, bodyLine+len(lines)-1)
			}
			if n := len([]rune(lines[i])); d.Pos.Col < 1 || d.Pos.Col > n+1 {
				t.Fatalf("%v: column outside its line of %d characters", d, n)
			}
		}
	})
}
