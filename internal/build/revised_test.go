package build_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestRevisedStatementPublishes is the legitimate path: a published update,
// the incident's facts and the helpline, each changed with a dated note,
// publish; the update's earlier text stays at v1/, the notes are shown
// to readers, and the manifest's build number grows. Removing the note
// afterwards is refused, and the site stays as it was.
func TestRevisedStatementPublishes(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed (Debian package git)")
	}
	site := sitetest.Write(t, `
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
date: 2024-05-16T09:00:00+10:00
status: investigating
---
Call us on 1800 111 111 for help.
`)
	sitetest.CopyTheme(t, site)
	gitIn(t, site, "init", "-q")
	gitIn(t, site, "add", ".")
	gitIn(t, site, "commit", "-qm", "first statement")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, site, out); err != nil {
		t.Fatal(err)
	}

	update := filepath.Join("content", "incidents", "x", "2024-05-16-helpline.md")
	edit(t, site, update, "status: investigating\n", "status: investigating\nrevisions:\n  - date: 2024-05-17T10:00:00+10:00\n    note: corrected the helpline number\n")
	edit(t, site, update, "1800 111 111", "1800 222 222")
	index := filepath.Join("content", "incidents", "x", "_index.md")
	edit(t, site, index, "count: 312", "count: 350\nrevisions:\n  - date: 2024-05-18T10:00:00+10:00\n    note: more people are affected than we first said")
	edit(t, site, "config.toml", `phone = "1800 000 000"`, `phone = "1800 000 001"`)
	f, _ := os.OpenFile(filepath.Join(site, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n[[params.revisions]]\ndate = 2024-05-19T10:00:00+10:00\nnote = \"the helpline number changed to 1800 000 001\"\n")
	f.Close()
	gitIn(t, site, "commit", "-qam", "corrections")
	if res, err := buildSite(t, site, out); err != nil {
		t.Fatalf("the revised site is refused: %v\n%s", err, res.Diags.Error())
	}
	page := read(t, filepath.Join(out, "incidents/x/2024-05-16-0900/index.html"))
	for _, want := range []string{"1800 222 222", "corrected the helpline number", `href="/incidents/x/2024-05-16-0900/v1/"`,
		"Changed on", "the helpline number changed to 1800 000 001"} {
		if !strings.Contains(page, want) {
			t.Errorf("the update page lacks %q", want)
		}
	}
	if earlier := read(t, filepath.Join(out, "incidents/x/2024-05-16-0900/v1/index.html")); !strings.Contains(earlier, "1800 111 111") {
		t.Error("the earlier text is not kept at v1/")
	}
	if inc := read(t, filepath.Join(out, "incidents/x/index.html")); !strings.Contains(inc, "more people are affected than we first said") {
		t.Error("the incident page does not show its revision")
	}
	m, err := manifest.Load(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	if m.Sequence != 2 || m.Newest != "2024-05-19T00:00:00Z" || len(m.Statements) != 3 {
		t.Errorf("manifest: sequence %d, newest %q, %d statements; want 2, 2024-05-19T00:00:00Z, 3", m.Sequence, m.Newest, len(m.Statements))
	}

	// Deleting the note afterwards takes the correction's record away.
	edit(t, site, update, "revisions:\n  - date: 2024-05-17T10:00:00+10:00\n    note: corrected the helpline number\n", "")
	before := snapshot(t, out)
	res, err := buildSite(t, site, out)
	var ce *build.ContentError
	if !errors.As(err, &ce) || !strings.Contains(res.Diags.Error(), filepath.ToSlash(update)+":1:1: revisions: 1 revision entry was published, and 0 remain") {
		t.Fatalf("removing a published revision note: %v\n%s", err, res.Diags.Error())
	}
	sameTree(t, before, snapshot(t, out))
}
