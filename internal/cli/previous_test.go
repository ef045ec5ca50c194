package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// previousSite is a small published site: one incident, one update.
// demoConfig is the test sites' config, marked a fictional example so
// that build takes its sample contact details.
var demoConfig = "-- config.toml --\n" + strings.Replace(sitetest.Config, "[params]\n", "[params]\ndemo = true\n", 1)

const previousSite = `
-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-05-06T14:20:00+10:00
affected:
  count: 312
---
## What happened

Someone got into our systems.
-- content/incidents/x/2024-05-16-helpline.md --
---
title: Call our helpline
date: 2024-05-16T14:00:00+10:00
status: investigating
---
Call us on 1800 222 222 for help.
`

// suggested is the present time a diagnostic suggests writing, which
// differs between two runs a second apart.
var suggested = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d, note`)

// TestCheckPreviousIsBuildPrevious: on the same edit, `check -previous`
// and `build -previous` print the same diagnostics, and check's default
// is the manifest in public/, as build's is.
func TestCheckPreviousIsBuildPrevious(t *testing.T) {
	site := sitetest.Write(t, demoConfig+previousSite)
	sitetest.CopyTheme(t, site)
	work := t.TempDir()
	t.Chdir(work)
	run := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		err := Run(context.Background(), args, &stdout, &stderr)
		return stdout.String(), stderr.String(), ExitCode(err)
	}
	if _, stderr, code := run("build", site); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	// A saved copy of the published site: the manifest's root and its
	// incidents' parts beside it.
	savedDir := filepath.Join(t.TempDir(), "saved")
	if err := os.CopyFS(savedDir, os.DirFS(filepath.Join(work, "public"))); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(savedDir, "manifest.json")

	p := filepath.Join(site, "content", "incidents", "x", "_index.md")
	text, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(text, []byte("count: 312"), []byte("count: 3"), 1), 0o644)
	p = filepath.Join(site, "content", "incidents", "x", "2024-05-16-helpline.md")
	text, _ = os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(text, []byte("status: investigating"), []byte("status: resolved"), 1), 0o644)

	checkOut, _, checkCode := run("check", site)
	_, buildOut, buildCode := run("build", "-previous", saved, site)
	checkSaved, _, _ := run("check", "-previous", saved, site)
	if checkCode != 1 || buildCode != 1 {
		t.Fatalf("check exit %d, build exit %d; want both refused (1)\ncheck:\n%s\nbuild:\n%s", checkCode, buildCode, checkOut, buildOut)
	}
	norm := func(s string) string { return suggested.ReplaceAllString(s, "NOW, note") }
	if norm(checkOut) != norm(buildOut) || norm(checkSaved) != norm(buildOut) {
		t.Errorf("check and build disagree\ncheck (default previous):\n%s\ncheck -previous:\n%s\nbuild -previous:\n%s", checkOut, checkSaved, buildOut)
	}
	for _, want := range []string{
		"content/incidents/x/_index.md:5:10: affected.count: changed since it was published, without a new revisions entry",
		"content/incidents/x/2024-05-16-helpline.md:4:9: status: changed since it was published",
	} {
		if !strings.Contains(buildOut, want) {
			t.Errorf("build does not say %q:\n%s", want, buildOut)
		}
	}
}

// TestCheckPreviousUnreadable: a -previous that cannot be read stops the
// check (exit 2), saying where it looked.
func TestCheckPreviousUnreadable(t *testing.T) {
	site := sitetest.Write(t, demoConfig+previousSite)
	missing := filepath.Join(t.TempDir(), "nowhere")
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), []string{"check", "-previous", missing, site}, &stdout, &stderr)
	if ExitCode(err) != 2 || !strings.Contains(err.Error(), "check: read the last published manifest from "+missing) {
		t.Errorf("exit %d, err %v", ExitCode(err), err)
	}
}
