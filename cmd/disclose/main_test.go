package main_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "disclose-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "disclose")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestHelpShowsAnExampleForEveryCommand(t *testing.T) {
	out, _, code := run(t, ".", "help")
	if code != 0 || !strings.Contains(out, "Commands:") || !strings.Contains(out, "Example:") {
		t.Fatalf("disclose help (exit %d):\n%s", code, out)
	}
	for _, name := range []string{"build", "check", "verify", "keygen"} {
		if !strings.Contains(out, "  "+name+" ") {
			t.Errorf("disclose help does not list %s", name)
		}
		_, errOut, code := run(t, ".", name, "-h")
		if code != 0 || !strings.Contains(errOut, "Usage: disclose "+name) || !strings.Contains(errOut, "Example:\n  disclose "+name) {
			t.Errorf("disclose %s -h (exit %d):\n%s", name, code, errOut)
		}
	}
	if _, errOut, code := run(t, ".", "nonsense"); code != 2 || !strings.Contains(errOut, `unknown command "nonsense"`) {
		t.Errorf("an unknown command: exit %d\n%s", code, errOut)
	}
}

// diagnosticLines keeps the file:line:col lines of a command's output.
func diagnosticLines(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "content/") || strings.HasPrefix(l, "config.toml") {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestBrokenSiteBuildPrintsWhatCheckPrints(t *testing.T) {
	site := sitetest.CopyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, errOut, code := run(t, site, "build", "-o", out); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	before := tree(t, out)
	file := filepath.Join(site, "content", "incidents", "prescription-data-2024", "2024-05-24-information-offered-for-sale.md")
	b, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(b), "status:", "stauts:", 1)+"\n<script>alert(1)</script>\n"), 0o644)

	buildOut, buildErr, code := run(t, site, "build", "-o", out)
	if code != 1 || !strings.Contains(buildErr, "nothing was published") {
		t.Errorf("build: exit %d\n%s", code, buildErr)
	}
	checkOut, checkErr, checkCode := run(t, site, "check")
	if checkCode != 1 {
		t.Errorf("check: exit %d\n%s%s", checkCode, checkOut, checkErr)
	}
	got, want := diagnosticLines(buildOut+buildErr), diagnosticLines(checkOut+checkErr)
	if len(want) < 2 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("build printed:\n%s\ncheck printed:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	joined := strings.Join(want, "\n")
	for _, part := range []string{"2024-05-24-information-offered-for-sale.md:", "did you mean status?", "HTML"} {
		if !strings.Contains(joined, part) {
			t.Errorf("the diagnostics lack %q:\n%s", part, joined)
		}
	}
	after := tree(t, out)
	for p, h := range before {
		if after[p] != h {
			t.Errorf("the refused build changed %s", p)
		}
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return err
	})
	return files
}

// TestKilledBuildLeavesThePreviousSite kills a build while it renders and
// checks that the published directory is byte for byte what it was.
func TestKilledBuildLeavesThePreviousSite(t *testing.T) {
	site := sitetest.CopyExample(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, errOut, code := run(t, site, "build", "-o", out); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, errOut)
	}
	before := tree(t, out)
	// Change the content so that a finished build would change the output.
	idx := filepath.Join(site, "content", "incidents", "prescription-data-2024", "_index.md")
	b, _ := os.ReadFile(idx)
	os.WriteFile(idx, []byte(strings.Replace(string(b), "## What happened", "## What happened\n\nA new first sentence.", 1)), 0o644)

	killed := 0
	for attempt := 0; attempt < 5 && killed == 0; attempt++ {
		cmd := exec.Command(binary, "build", "-o", out)
		cmd.Dir = site
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it as soon as its staging directory appears: mid-build.
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if m, _ := filepath.Glob(filepath.Join(parent, ".public.new-*")); len(m) > 0 {
				cmd.Process.Signal(syscall.SIGKILL)
				killed++
				break
			}
			time.Sleep(time.Millisecond)
		}
		err := cmd.Wait()
		if err == nil {
			t.Log("the build finished before it could be killed; trying again")
			if killed > 0 {
				killed--
			}
			os.WriteFile(idx, []byte(strings.Replace(string(b), "## What happened", "## What happened\n\nAnother sentence.", 1)), 0o644)
			before = tree(t, out)
		}
	}
	if killed == 0 {
		t.Skip("could not catch a build mid-way on this machine")
	}
	after := tree(t, out)
	if len(after) != len(before) {
		t.Fatalf("the killed build changed the number of published files: %d, was %d", len(after), len(before))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("the killed build changed %s", p)
		}
	}
	// The next build cleans up after the killed one and publishes.
	if _, errOut, code := run(t, site, "build", "-o", out); code != 0 {
		t.Fatalf("build after the kill: exit %d\n%s", code, errOut)
	}
	if m, _ := filepath.Glob(filepath.Join(parent, ".public.new-*")); len(m) > 0 {
		t.Errorf("the killed build's staging directory was not cleaned up: %v", m)
	}
	home := filepath.Join(out, "incidents", "prescription-data-2024", "index.html")
	if got, _ := os.ReadFile(home); !strings.Contains(string(got), "sentence.") {
		t.Error("the build after the kill did not publish the change")
	}
}

// TestReproducibleUnderAnyLocalZone builds one commit twice, signed, under
// TZ=UTC and TZ=Pacific/Auckland, into two different directories, and
// compares every byte.
func TestReproducibleUnderAnyLocalZone(t *testing.T) {
	site := sitetest.CopyExample(t)
	keys := t.TempDir()
	if _, errOut, code := run(t, keys, "keygen"); code != 0 {
		t.Fatalf("keygen: exit %d\n%s", code, errOut)
	}
	secret, err := os.ReadFile(filepath.Join(keys, "disclose.key"))
	if err != nil {
		t.Fatal(err)
	}
	var trees []map[string]string
	for _, zone := range []string{"UTC", "Pacific/Auckland"} {
		out := filepath.Join(t.TempDir(), "in-"+strings.ReplaceAll(zone, "/", "-"), "public")
		cmd := exec.Command(binary, "build", "-o", out)
		cmd.Dir = site
		cmd.Env = append(os.Environ(), "TZ="+zone, "DISCLOSE_SECRET_KEY="+string(secret))
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build under TZ=%s: %v\n%s", zone, err, b)
		}
		if _, err := os.Stat(filepath.Join(out, "manifest.json.minisig")); err != nil {
			t.Fatalf("build under TZ=%s is not signed: %v", zone, err)
		}
		trees = append(trees, tree(t, out))
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("%d files under UTC, %d under Pacific/Auckland", len(trees[0]), len(trees[1]))
	}
	for p, h := range trees[0] {
		if trees[1][p] != h {
			t.Errorf("%s differs between the two zones", p)
		}
	}
}
