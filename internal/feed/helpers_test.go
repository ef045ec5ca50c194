package feed

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/render"
)

// aest is the example's zone without the machine's tz database.
var aest = time.FixedZone("AEST", 10*3600)

// handSite is a small site built without the loader: a base URL with a
// path, two incidents, a revised update, a withdrawn one and a draft.
func handSite() *content.Site {
	site := &content.Site{Config: &content.Config{
		BaseURL:      "https://updates.example.org/breach/",
		Title:        "Example Health: cyber incident updates",
		Locale:       "en-AU",
		Location:     aest,
		Organisation: "Example Health Exchange Pty Ltd",
		KnownAs:      "Example Health",
		FeedItems:    50,
		Contact:      content.Contact{Media: "media@example.org", Email: "incident@example.org"},
	}}
	ransom := addIncident(site, "ransomware-2024", "Cyber security incident", "2024-05-06T14:20:00+10:00")
	addUpdate(ransom, "2024-05-08-first.md", "We are looking into an incident", "2024-05-08T17:30:00+10:00", content.Investigating,
		"We found a problem on 6 May.\n\nSee the [incident page](/incidents/ransomware-2024/).[^1]\n\n"+
			"| Service | Open |\n|:--|--:|\n| Helpline | 8 am |\n\n[^1]: It has every update.\n")
	u := addUpdate(ransom, "2024-05-13-findings.md", "What we have found", "2024-05-13T11:00:00+10:00", content.Identified,
		"The helpline is 1800 000 000.\n")
	u.Summary = "A helpline is open."
	u.Revisions = []content.Revision{{Date: mustTime("2024-05-14T09:15:00+10:00"), Note: "corrected the helpline number"}}
	d := addUpdate(ransom, "2024-05-20-draft.md", "Not yet approved", "2024-05-20T10:00:00+10:00", content.Contained, "Secret draft text.\n")
	d.Draft = true
	w := addUpdate(ransom, "2024-05-24-offered.md", "Data offered for sale", "2024-05-24T16:00:00+10:00", content.Identified,
		"Text that was wrong.\n")
	w.Withdrawn = &content.Withdrawal{Date: mustTime("2024-05-25T09:00:00+10:00"), Note: "this update named the wrong forum"}
	phish := addIncident(site, "phishing-2023", "Staff email account accessed", "2023-03-14T10:05:00+11:00")
	addUpdate(phish, "2023-03-16-misused.md", "A staff email account was misused", "2023-03-16T15:00:00+11:00", content.Contained,
		"Someone used a staff member's password.\n")
	sortIncidents(site)
	return site
}

func addIncident(site *content.Site, slug, title, discovered string) *content.Incident {
	inc := &content.Incident{
		Slug:       slug,
		File:       "content/incidents/" + slug + "/_index.md",
		Title:      title,
		Discovered: mustTime(discovered),
	}
	site.Incidents = append(site.Incidents, inc)
	return inc
}

func addUpdate(inc *content.Incident, file, title, date string, status content.Status, body string) *content.Update {
	u := &content.Update{
		Incident: inc,
		File:     "content/incidents/" + inc.Slug + "/" + file,
		Title:    title,
		Date:     mustTime(date),
		Status:   status,
		Body:     content.Body{Source: []byte(body)},
	}
	inc.Updates = append(inc.Updates, u)
	sort.SliceStable(inc.Updates, func(a, b int) bool { return inc.Updates[a].Date.Before(inc.Updates[b].Date) })
	return u
}

func sortIncidents(site *content.Site) {
	sort.Slice(site.Incidents, func(a, b int) bool { return site.Incidents[a].Slug < site.Incidents[b].Slug })
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// checked is site's bodies as a build renders them: from the trees the
// checker parsed (its findings do not matter here).
func checked(site *content.Site) *render.Bodies {
	_, bodies := check.Checked(site, mustTime("2030-01-01T00:00:00Z"))
	return bodies
}

// writeFeeds runs Write into a fresh directory and returns every file it
// wrote, by slash path.
func writeFeeds(t *testing.T, site *content.Site) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if err := Write(site, checked(site), dir); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return readTree(t, dir)
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sortedKeys lists the files in a stable order for subtests.
func sortedKeys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// loadSite loads a site with the real loader and fails on any error.
func loadSite(t *testing.T, dir string) *content.Site {
	t.Helper()
	site, diags := content.Load(dir)
	if site == nil || diags.Errors() > 0 {
		var b bytes.Buffer
		diags.Print(&b)
		t.Fatalf("content.Load(%s):\n%s", dir, b.String())
	}
	return site
}

// schemas is ../shared/schemas beside the repository.
func schemas(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "schemas", name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("schema %s: %v (the schemas live in ../shared/schemas beside the repository)", name, err)
	}
	return p
}

// xmllint runs xmllint on b with args, skipping when it is not installed.
func xmllint(t *testing.T, b []byte, args ...string) error {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed: apt-get install libxml2-utils")
	}
	f := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(append([]string{"--noout"}, args...), f)...).CombinedOutput()
	if err != nil {
		return &lintError{strings.TrimSpace(string(out))}
	}
	return nil
}

type lintError struct{ msg string }

func (e *lintError) Error() string { return "xmllint: " + e.msg }
