package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// treeSite is a small site as files, loaded with the real loader.
var treeSite = map[string]string{
	"config.toml": `baseURL = "https://updates.example.org/"
title = "Example Health: cyber incident updates"
locale = "en-AU"
timeZone = "Australia/Melbourne"

[params]
organisation = "Example Health Exchange Pty Ltd"
known_as = "Example Health"
jurisdictions = ["au"]
feed_items = 50
`,
	"content/incidents/ransomware-2024/_index.md": `---
title: "Cyber security incident"
discovered: 2024-05-06T14:20:00+10:00
---

## What happened

We found a problem.
`,
	"content/incidents/ransomware-2024/2024-05-08-first-statement.md": `---
title: "We are looking into a cyber security incident"
date: 2024-05-08T17:30:00+10:00
status: investigating
---

We found a problem on 6 May.
`,
	"content/incidents/ransomware-2024/2024-05-13-early-findings.md": `---
title: "What we have found so far"
date: 2024-05-13T11:00:00+10:00
status: identified
---

The break-in was a ransomware attack.
`,
	"content/incidents/ransomware-2024/2024-05-20-not-yet.md": `---
title: "Draft not yet approved"
date: 2024-05-20T10:00:00+10:00
status: contained
draft: true
---

Secret draft text.
`,
	"content/incidents/phishing-2023/_index.md": `---
title: "Staff email account accessed"
discovered: 2023-03-14T10:05:00+11:00
---

## What happened

Someone used a password.
`,
	"content/incidents/phishing-2023/2023-03-16-misused.md": `---
title: "A staff email account was misused"
date: 2023-03-16T15:00:00+11:00
status: contained
---

Someone used a staff member's password.
`,
}

// buildTree writes files as a site, applies change to the directory, loads
// it and returns the feeds.
func buildTree(t *testing.T, files map[string]string, change func(dir string)) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	sitetest.WriteFiles(t, dir, files)
	if change != nil {
		change(dir)
	}
	return writeFeeds(t, loadSite(t, dir))
}

// ids reads every feed back with gofeed and lists each one's ids in order.
func ids(t *testing.T, files map[string][]byte) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, p := range sortedKeys(files) {
		for _, it := range parseFeed(t, files[p]).Items {
			out[p] = append(out[p], it.GUID)
		}
	}
	return out
}

func TestRebuildIsByteIdentical(t *testing.T) {
	a := buildTree(t, treeSite, nil)
	b := buildTree(t, treeSite, nil)
	if len(a) != 9 {
		t.Fatalf("%d files, want 9 (3 formats, site and two incidents)", len(a))
	}
	for _, p := range sortedKeys(a) {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func TestIDsAreStable(t *testing.T) {
	before := ids(t, buildTree(t, treeSite, nil))
	rename := func(from, to string) func(string) {
		return func(dir string) {
			if err := os.Rename(filepath.Join(dir, filepath.FromSlash(from)), filepath.Join(dir, filepath.FromSlash(to))); err != nil {
				t.Fatal(err)
			}
		}
	}
	edit := func(file, old, new string) func(string) {
		return func(dir string) {
			p := filepath.Join(dir, filepath.FromSlash(file))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s has no %q", file, old)
			}
			if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	const dir = "content/incidents/ransomware-2024/"
	for _, tt := range []struct {
		name   string
		change func(string)
	}{
		{"typo fixed in a body", edit(dir+"2024-05-13-early-findings.md", "ransomware attack", "ransomware attack, we now know")},
		{"typo fixed in a title", edit(dir+"2024-05-13-early-findings.md", "What we have found so far", "What we have found")},
		{"revision added", edit(dir+"2024-05-13-early-findings.md", "status: identified\n", "status: identified\nrevisions:\n  - date: 2024-05-14T09:15:00+10:00\n    note: \"added a sentence\"\n")},
		{"file renamed", rename(dir+"2024-05-13-early-findings.md", dir+"2024-05-13-what-we-found.md")},
		// "a-" now sorts before "first": the files' order no longer follows
		// their dates.
		{"files reordered", func(d string) {
			rename(dir+"2024-05-08-first-statement.md", dir+"2024-05-08-z-statement.md")(d)
			rename(dir+"2024-05-13-early-findings.md", dir+"2024-05-13-a-findings.md")(d)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			after := ids(t, buildTree(t, treeSite, tt.change))
			if fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("ids changed\nbefore %v\n after %v", before, after)
			}
		})
	}
}

// TestAddingAnUpdateAddsOneID checks that a new update shows as exactly one
// new id in each feed that carries it, and changes no other id.
func TestAddingAnUpdateAddsOneID(t *testing.T) {
	before := ids(t, buildTree(t, treeSite, nil))
	files := map[string]string{}
	for k, v := range treeSite {
		files[k] = v
	}
	files["content/incidents/ransomware-2024/2024-05-24-offered-for-sale.md"] = `---
title: "Our information has been offered for sale"
date: 2024-05-24T16:00:00+10:00
status: identified
---

Someone claims to be selling the copied files.
`
	after := ids(t, buildTree(t, files, nil))
	const newID = "https://updates.example.org/incidents/ransomware-2024/2024-05-24-1600/"
	for _, p := range sortedKeys(toBytes(after)) {
		added, removed := diffIDs(before[p], after[p])
		carries := !strings.HasPrefix(p, "incidents/phishing-2023/")
		switch {
		case carries && (len(added) != 1 || added[0] != newID || len(removed) != 0):
			t.Errorf("%s: added %v, removed %v; want only %s added", p, added, removed, newID)
		case !carries && (len(added) != 0 || len(removed) != 0):
			t.Errorf("%s: added %v, removed %v; want no change", p, added, removed)
		}
	}
}

func toBytes(m map[string][]string) map[string][]byte {
	out := map[string][]byte{}
	for k := range m {
		out[k] = nil
	}
	return out
}

func diffIDs(before, after []string) (added, removed []string) {
	in := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	for _, id := range after {
		if !in(before, id) {
			added = append(added, id)
		}
	}
	for _, id := range before {
		if !in(after, id) {
			removed = append(removed, id)
		}
	}
	sort.Strings(added)
	sort.Strings(removed)
	return added, removed
}

func TestDraftsNeverAppear(t *testing.T) {
	files := buildTree(t, treeSite, nil)
	for _, p := range sortedKeys(files) {
		if bytes.Contains(files[p], []byte("Draft not yet approved")) || bytes.Contains(files[p], []byte("Secret draft text")) ||
			bytes.Contains(files[p], []byte("2024-05-20-1000")) {
			t.Errorf("%s carries the draft", p)
		}
	}
	if n := len(parseFeed(t, files["incidents/ransomware-2024/"+public.Atom]).Items); n != 2 {
		t.Errorf("incident feed has %d entries, want the 2 published", n)
	}
}

func TestFeedItemsLimit(t *testing.T) {
	for _, tt := range []struct {
		name      string
		feedItems int
		updates   int
		want      int
	}{
		// The feed carries what is not on a full archived page: the newest
		// N at least, and fewer than 2N.
		{"N and the rest", 3, 7, 4},
		{"2N: N on a page, N in the feed", 3, 6, 3},
		{"fewer than 2N", 3, 5, 5},
		{"fewer than N", 10, 7, 7},
		{"0 means 50", 0, 100, 50},
		{"0 means 50, and fewer than 100", 0, 99, 99},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := handSite()
			site.Config.FeedItems = tt.feedItems
			inc := site.Incidents[0]
			inc.Updates = nil
			site.Incidents = []*content.Incident{inc}
			aest := time.FixedZone("AEST", 10*3600)
			for k := 0; k < tt.updates; k++ { // two a day, at 9 and 10
				date := time.Date(2024, 6, k/2+1, 9+k%2, 0, 0, 0, aest).Format(time.RFC3339)
				addUpdate(inc, fmt.Sprintf("u%02d.md", k), fmt.Sprintf("Update %d", k), date, content.Investigating, "Text.\n")
			}
			files := writeFeeds(t, site)
			all := site.AllPublished()
			for _, name := range []string{public.RSS, public.Atom, public.JSONFeed} {
				f := parseFeed(t, files[name])
				if len(f.Items) != tt.want {
					t.Fatalf("%s: %d items, want %d", name, len(f.Items), tt.want)
				}
				for k, it := range f.Items {
					if id := permalink(site, all[k]); it.GUID != id {
						t.Errorf("%s item %d: %s, want the %d-th newest %s", name, k, it.GUID, k+1, id)
					}
				}
				if n := len(parseFeed(t, files["incidents/"+inc.Slug+"/"+name]).Items); n != tt.want {
					t.Errorf("incident %s: %d items, want the newest %d", name, n, tt.want)
				}
			}
		})
	}
}

// TestArchivedPages: a feed with more entries than it carries keeps the
// older ones in archived pages (RFC 5005): following prev-archive from the
// subscription feed, and JSON Feed's next_url, reaches every entry exactly
// once, newest first; each page is marked fh:archive and links back to the
// subscription feed; a full page does not change when a new update comes.
func TestArchivedPages(t *testing.T) {
	build := func(updates int) map[string][]byte {
		site := handSite()
		site.Config.FeedItems = 3
		inc := site.Incidents[0]
		inc.Updates = nil
		site.Incidents = []*content.Incident{inc}
		for k := 0; k < updates; k++ {
			date := fmt.Sprintf("2024-06-%02dT%02d:00:00+10:00", k/2+1, 9+k%2)
			addUpdate(inc, fmt.Sprintf("u%02d.md", k), fmt.Sprintf("Update %d", k), date, content.Investigating, "Text.\n")
		}
		return writeFeeds(t, site)
	}
	files := build(10) // pages of 3 and 3, then the newest 4 in the feed
	base := "https://updates.example.org/breach/"
	for _, dir := range []string{"", "incidents/phishing-2023/"} {
		for _, name := range []string{public.Atom, public.RSS} {
			var ids []string
			page := dir + name
			for hops := 0; page != "" && hops < 10; hops++ {
				b, ok := files[page]
				if !ok {
					t.Fatalf("%s is linked but not written", page)
				}
				f := parseFeed(t, b)
				for _, it := range f.Items {
					ids = append(ids, it.GUID)
				}
				archived := bytes.Contains(b, []byte("<fh:archive></fh:archive>")) || bytes.Contains(b, []byte("<fh:archive/>"))
				if archived != (page != dir+name) {
					t.Errorf("%s: marked archived %v", page, archived)
				}
				if page != dir+name && !bytes.Contains(b, []byte(`href="`+base+dir+name+`" rel="current"`)) {
					t.Errorf("%s does not link its subscription feed", page)
				}
				next := regexp.MustCompile(`href="` + regexp.QuoteMeta(base) + `([^"]*)" rel="prev-archive"`).FindSubmatch(b)
				page = ""
				if next != nil {
					page = string(next[1])
				}
			}
			if len(ids) != 10 || len(slices.Compact(slices.Clone(ids))) != 10 {
				t.Errorf("%s%s and its archives hold %d entries, want each of 10 once: %q", dir, name, len(ids), ids)
			}
		}
		var n int
		for page := dir + public.JSONFeed; page != ""; {
			var doc struct {
				Next  string            `json:"next_url"`
				Items []json.RawMessage `json:"items"`
			}
			if err := json.Unmarshal(files[page], &doc); err != nil {
				t.Fatalf("%s: %v", page, err)
			}
			n += len(doc.Items)
			page = strings.TrimPrefix(doc.Next, base)
		}
		if n != 10 {
			t.Errorf("%s%s and its next_url pages hold %d items, want 10", dir, public.JSONFeed, n)
		}
	}
	more := build(11)
	for _, p := range []string{"archive/1/" + public.Atom, "archive/2/" + public.Atom, "incidents/phishing-2023/archive/1/" + public.RSS} {
		if !bytes.Equal(files[p], more[p]) {
			t.Errorf("%s, a full page, changed when a new update came", p)
		}
	}
	// A page is written only when full, and no page links the newer ones
	// (RFC 5005 makes next-archive optional), so a new page changes no
	// page before it.
	before, started := build(14), build(15) // 3 pages and 5 in the feed; then 4 pages and 3
	for _, dir := range []string{"", "incidents/phishing-2023/"} {
		for _, name := range public.Feeds {
			if _, ok := before[dir+"archive/4/"+name]; ok {
				t.Errorf("%sarchive/4/%s was written before it was full", dir, name)
			}
			if _, ok := started[dir+"archive/4/"+name]; !ok {
				t.Fatalf("%sarchive/4/%s was not written once full", dir, name)
			}
			for k := 1; k <= 3; k++ {
				p := fmt.Sprintf("%sarchive/%d/%s", dir, k, name)
				if !bytes.Equal(before[p], started[p]) {
					t.Errorf("%s changed when the next page started:\n%s\n---\n%s", p, before[p], started[p])
				}
			}
		}
	}
}
