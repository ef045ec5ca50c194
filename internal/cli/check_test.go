package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// runCheckCmd runs `disclose check args...` and returns what it printed and
// its exit status.
func runCheckCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), append([]string{"check"}, args...), &out, &errOut)
	return out.String(), errOut.String(), ExitCode(err)
}

// goldenSection is what testdata/check/diagnostics.golden says `disclose
// check` prints for one broken site: its diagnostics and its summary.
func goldenSection(t *testing.T, name string) (diags, summary string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "check", "diagnostics.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range strings.Split(string(b), "\n\n") {
		lines := strings.Split(strings.TrimSpace(sec), "\n")
		if lines[0] != "$ disclose check testdata/check/"+name {
			continue
		}
		n := len(lines)
		return strings.Join(lines[1:n-2], "\n") + "\n", lines[n-2] + "\n"
	}
	t.Fatalf("no section for %s in diagnostics.golden", name)
	return "", ""
}

func TestCheckCommand(t *testing.T) {
	site := func(name string) string { return filepath.Join("..", "..", "testdata", "check", name) }
	tests := []struct {
		name   string
		args   []string
		golden string // the broken site whose golden output is printed
		code   int
	}{
		{"errors fail", []string{site("markdown")}, "markdown", 1},
		{"config errors fail", []string{site("config")}, "config", 1},
		{"warnings pass", []string{site("plain-language")}, "plain-language", 0},
		{"warnings fail with -strict", []string{"-strict", site("plain-language")}, "plain-language", 1},
		{"--strict after the directory", []string{site("plain-language"), "--strict"}, "plain-language", 1},
		{"-strict=false", []string{site("plain-language"), "-strict=false"}, "plain-language", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCheckCmd(t, tt.args...)
			diags, summary := goldenSection(t, tt.golden)
			if stdout != diags {
				t.Errorf("stdout:\n%s\nwant (from diagnostics.golden):\n%s", stdout, diags)
			}
			if stderr != summary {
				t.Errorf("stderr: %q, want %q", stderr, summary)
			}
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
		})
	}
}

func TestCheckExampleSiteStrict(t *testing.T) {
	stdout, stderr, code := runCheckCmd(t, "--strict", sitetest.RepoRoot())
	if code != 0 || stdout != "" || stderr != "no problems found\n" {
		t.Errorf("disclose check --strict on the example site: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestCheckUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{dir, dir},
		{"-bogus", dir},
		{filepath.Join(dir, "missing")},
	} {
		stdout, stderr, code := runCheckCmd(t, args...)
		if code != 2 {
			t.Errorf("check %q: exit %d, want 2\n%s%s", args, code, stdout, stderr)
		}
	}
	if _, stderr, code := runCheckCmd(t, "-h"); code != 0 || !strings.Contains(stderr, "disclose check path/to/site --strict") {
		t.Errorf("check -h: exit %d, want 0 and an example\n%s", code, stderr)
	}
}

// TestCheckLawReport: -law prints the law report (problems go to stderr),
// and -law-md writes it as Markdown; both are the golden reports.
func TestCheckLawReport(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "check")
	md := filepath.Join(t.TempDir(), "notice-laws.md")
	stdout, stderr, code := runCheckCmd(t, "-law", "-law-md", md, filepath.Join(root, "notice"))
	want, err := os.ReadFile(filepath.Join(root, "law.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("stdout:\n%s\nwant (law.golden):\n%s", stdout, want)
	}
	diags, summary := goldenSection(t, "notice")
	if stderr != diags+summary {
		t.Errorf("stderr:\n%s\nwant:\n%s%s", stderr, diags, summary)
	}
	if code != 1 {
		t.Errorf("exit status %d, want 1 (the notice site has an error)", code)
	}
	gotMD, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	wantMD, err := os.ReadFile(filepath.Join(root, "law.md.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotMD, wantMD) {
		t.Errorf("-law-md wrote:\n%s\nwant (law.md.golden):\n%s", gotMD, wantMD)
	}
}
