package feed

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// tricky uses every part of the Markdown whose rendering depends on the
// parse: repeated, non-ASCII and {#named} headings (ids, which Hugo's
// "github" style and goldmark's own spell differently), footnotes
// (numbering and back links), relative and root-relative links, a table,
// a task list, a definition list and an autolink.
const tricky = `---
title: "What we know so far"
date: 2024-12-20T10:00:00+11:00
status: notifying
summary: "What we know, and what you can do."
---

## What happened

We found the problem on 19 December[^1]. Read [the first statement](../2024-05-08-1730/)
and [every update](/incidents/prescription-data-2024/).

## What happened

| Date | What |
|---|---|
| 19 December | We found it |

- [x] Accounts locked
- [ ] Letters sent

Helpline
: 1800 975 707, every day

## Māori and Tongan help lines

## Contact us {#contact}

Write to <https://example.org/contact>.

[^1]: In the evening, Melbourne time.
`

// TestBodiesFromTheCheckersTreesMakeTheSameFeeds builds the feeds twice:
// once parsing every body (Write), once from the trees the checker parsed
// (check.SiteParsed into Bodies, then WriteWith), as disclose build does.
// Every file must be the same, byte for byte.
func TestBodiesFromTheCheckersTreesMakeTheSameFeeds(t *testing.T) {
	dir := sitetest.CopyExample(t)
	sitetest.WriteFiles(t, dir, map[string]string{
		"content/incidents/prescription-data-2024/2024-12-20-what-we-know.md": tricky,
	})
	site, diags := content.Load(dir)
	if site == nil || diags.Fails(false) {
		t.Fatalf("the example site with one more update does not load:\n%v", diags)
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

	parsedAgain := t.TempDir()
	if err := Write(site, parsedAgain); err != nil {
		t.Fatal(err)
	}
	bodies := NewBodies(site)
	if diags := check.SiteParsed(site, now, bodies.Add); diags.Fails(false) {
		t.Fatalf("check: %v", diags)
	}
	var shown int
	for _, u := range site.AllPublished() {
		if u.Withdrawn == nil && len(bytes.TrimSpace(u.Body.Source)) > 0 {
			shown++
		}
	}
	if handed := len(bodies.html); handed != shown || shown < 10 {
		t.Fatalf("the checker handed over %d bodies; the feeds show %d", handed, shown)
	}
	shared := t.TempDir()
	if err := WriteWith(site, shared, bodies); err != nil {
		t.Fatal(err)
	}
	if left := len(bodies.html); left != 0 {
		t.Errorf("%d bodies the checker rendered were not used by the feeds", left)
	}

	want, got := readTree(t, parsedAgain), readTree(t, shared)
	if len(want) != 9 {
		t.Errorf("Write made %d feed files, want 9 (3 formats for the site and 2 incidents)", len(want))
	}
	for _, name := range sortedKeys(want) {
		if b, ok := got[name]; !ok {
			t.Errorf("%s: made by Write, missing from WriteWith", name)
		} else if !bytes.Equal(want[name], b) {
			t.Errorf("%s differs between the feeds parsed again and those from the checker's trees", name)
		}
	}
	if len(got) != len(want) {
		t.Errorf("WriteWith made %d files, Write %d", len(got), len(want))
	}
	atom := got["incidents/prescription-data-2024/"+AtomFile]
	for _, want := range []string{`id="what-happened-1"`, `id="māori-and-tongan-help-lines"`, `id="contact"`, `#fn:1"`, `href="https://updates.southernscript.example/incidents/prescription-data-2024/2024-05-08-1730/"`} {
		if !strings.Contains(string(atom), strings.ReplaceAll(want, `"`, "&#34;")) {
			t.Errorf("the incident's Atom feed lacks %s: the tricky update was not rendered as it should be", want)
		}
	}
}
