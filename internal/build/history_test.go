package build_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Comms", "-c", "user.email=comms@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestEarlierTextStaysReachable: a correction published with a revision
// keeps the text it replaced at the update's address plus v1/.
func TestEarlierTextStaysReachable(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed (Debian package git)")
	}
	site := sitetest.Write(t, `
-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-05-06T14:20:00+10:00
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
	update := filepath.Join(site, "content", "incidents", "x", "2024-05-16-helpline.md")
	os.WriteFile(update, []byte(`---
title: Call our helpline
date: 2024-05-16T09:00:00+10:00
status: investigating
revisions:
  - date: 2024-05-17T10:00:00+10:00
    note: corrected the helpline number
---
Call us on 1800 222 222 for help.
`), 0o644)
	gitIn(t, site, "commit", "-qam", "correct the number")

	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, site, out); err != nil {
		t.Fatal(err)
	}
	current := read(t, filepath.Join(out, "incidents/x/2024-05-16-0900/index.html"))
	for _, want := range []string{"1800 222 222", "corrected the helpline number", `href="/incidents/x/2024-05-16-0900/v1/"`} {
		if !strings.Contains(current, want) {
			t.Errorf("the update page lacks %q", want)
		}
	}
	earlier := read(t, filepath.Join(out, "incidents/x/2024-05-16-0900/v1/index.html"))
	for _, want := range []string{"1800 111 111", "earlier version", `href="/incidents/x/2024-05-16-0900/"`} {
		if !strings.Contains(earlier, want) {
			t.Errorf("the earlier version's page lacks %q", want)
		}
	}
	if strings.Contains(earlier, "1800 222 222") {
		t.Error("the earlier version shows the corrected text")
	}
	incident := read(t, filepath.Join(out, "incidents/x/index.html"))
	if !strings.Contains(incident, `href="/incidents/x/2024-05-16-0900/"`) || strings.Contains(incident, "/v1/") {
		t.Errorf("the incident page must list the update, never its earlier version:\n%s", incident)
	}
	// The feeds' revision notes link the same earlier text, as absolute
	// addresses (a feed reader has no page to resolve them against).
	for _, f := range []string{"feed.xml", "atom.xml", "feed.json", "incidents/x/atom.xml"} {
		if feed := read(t, filepath.Join(out, f)); !strings.Contains(feed, "https://updates.example.org/incidents/x/2024-05-16-0900/v1/") {
			t.Errorf("%s: the revision note does not link the earlier text", f)
		}
	}
}
