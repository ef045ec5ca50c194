package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// site is an incident whose newest update is a draft with status contained,
// after a published one with status identified.
const site = `
-- content/incidents/data-theft-2024/_index.md --
---
title: "Cyber security incident"
discovered: 2024-01-02T09:00:00+11:00
---

## What happened

Someone copied files from one of our systems.

## What information was involved

Names and phone numbers.

## What you can do

Watch for scam calls.
-- content/incidents/data-theft-2024/2024-01-03-first-statement.md --
---
title: "First statement"
date: 2024-01-03T09:00:00+11:00
status: identified
---

We found that someone copied files from one of our systems.
-- content/incidents/data-theft-2024/2024-01-05-access-closed.md --
---
title: "Access closed"
date: 2024-01-05T09:00:00+11:00
status: contained
draft: true
---

The attacker can no longer reach our systems.
`

func TestUpdate(t *testing.T) {
	for _, tc := range []struct {
		name     string
		now      time.Time
		title    string
		wantFile string
		wantDate string
	}{
		{"summer in Melbourne", time.Date(2024, 1, 10, 2, 30, 15, 500, time.UTC),
			"Data posted online: what we know",
			"content/incidents/data-theft-2024/2024-01-10-data-posted-online-what-we-know.md",
			"2024-01-10T13:30:15+11:00"},
		{"winter in Melbourne", time.Date(2024, 7, 10, 2, 30, 0, 0, time.UTC),
			"The attacker's access is closed",
			"content/incidents/data-theft-2024/2024-07-10-the-attackers-access-is-closed.md",
			"2024-07-10T12:30:00+10:00"},
		{"the local day, not the UTC day", time.Date(2024, 7, 9, 20, 0, 0, 0, time.UTC),
			"Letters to everyone affected have been posted this week",
			"content/incidents/data-theft-2024/2024-07-10-letters-to-everyone-affected-have-been.md",
			"2024-07-10T06:00:00+10:00"},
		{"accents and punctuation", time.Date(2024, 7, 10, 2, 30, 0, 0, time.UTC),
			"Ā Māori translation — “ready”?",
			"content/incidents/data-theft-2024/2024-07-10-a-maori-translation-ready.md",
			"2024-07-10T12:30:00+10:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := sitetest.Write(t, site)
			file, err := Update(dir, "data-theft-2024", tc.title, tc.now)
			if err != nil {
				t.Fatal(err)
			}
			if file != tc.wantFile {
				t.Errorf("file = %s, want %s", file, tc.wantFile)
			}
			s, diags := content.Load(dir)
			if d := diagsFor(diags, file); len(d) > 0 {
				t.Errorf("the loader reports on the new file:\n%s", d)
			}
			u := findUpdate(t, s, file)
			if got := u.Date.Format(time.RFC3339); got != tc.wantDate {
				t.Errorf("date = %s, want %s", got, tc.wantDate)
			}
			if u.Title != strings.TrimSpace(tc.title) {
				t.Errorf("title = %q, want %q", u.Title, tc.title)
			}
			if u.Status != content.Contained {
				t.Errorf("status = %q, want contained, the newest update's (a draft)", u.Status)
			}
			if !u.Draft {
				t.Error("draft is false, want true")
			}
			if u.Summary != "" {
				t.Errorf("summary = %q, want none until the writer adds one", u.Summary)
			}
			if len(strings.TrimSpace(string(u.Body.Source))) == 0 {
				t.Error("the body is empty")
			}
			// Each prompt paragraph is a warning in the draft (an error once
			// draft: true is gone), and nothing else is reported.
			var prompts int
			for _, d := range diagsFor(check.Site(s, tc.now.Add(time.Minute)), file) {
				if d.Severity == diag.Warning && strings.Contains(d.Message, "this is still a prompt") {
					prompts++
				} else {
					t.Errorf("check reports on a fresh update: %s", d)
				}
			}
			if want := strings.Count(updateBody, "\n\n") + 1; prompts != want {
				t.Errorf("check warned of %d prompts in the draft, want %d", prompts, want)
			}
		})
	}
}

func TestUpdateFirstIsInvestigating(t *testing.T) {
	dir := sitetest.Write(t, `
-- content/incidents/new-one/_index.md --
---
title: "Cyber security incident"
discovered: 2024-01-02T09:00:00+11:00
---

## What happened

Someone copied files.
`)
	now := time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)
	file, err := Update(dir, "new-one", "First statement", now)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := content.Load(dir)
	if u := findUpdate(t, s, file); u.Status != content.Investigating {
		t.Errorf("status = %q, want investigating", u.Status)
	}
}

func TestUpdateRefusesToOverwrite(t *testing.T) {
	dir := sitetest.Write(t, site)
	now := time.Date(2024, 1, 10, 2, 30, 0, 0, time.UTC)
	file, err := Update(dir, "data-theft-2024", "Second statement", now)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.FromSlash(file))
	if err := os.WriteFile(p, []byte("the writer's own words"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Update(dir, "data-theft-2024", "Second statement", now.Add(time.Hour))
	if !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if !strings.Contains(err.Error(), file+" already exists") {
		t.Errorf("message %q does not name the file", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "the writer's own words" {
		t.Errorf("the file was changed to %q", b)
	}
}

func TestUpdateUnknownIncident(t *testing.T) {
	for _, tc := range []struct {
		slug, want string
	}{
		{"data-theft-2042", `there is no incident "data-theft-2042" (no content/incidents/data-theft-2042/_index.md); did you mean "data-theft-2024"?`},
		{"data-theft", `did you mean "data-theft-2024"?`},
		{"ransomware", `the incidents are: data-theft-2024`},
		{"../etc", `there is no incident "../etc"`},
	} {
		t.Run(tc.slug, func(t *testing.T) {
			dir := sitetest.Write(t, site)
			_, err := Update(dir, tc.slug, "Title", time.Now())
			var ue *UnknownIncidentError
			if !errors.As(err, &ue) {
				t.Fatalf("err = %v, want an UnknownIncidentError", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("message %q\ndoes not contain %q", err, tc.want)
			}
			entries, _ := os.ReadDir(filepath.Join(dir, "content", "incidents"))
			if len(entries) != 1 {
				t.Errorf("%d folders in content/incidents, want 1: nothing new", len(entries))
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Data posted online: what we know", "data-posted-online-what-we-know"},
		{"  Hello,   World!  ", "hello-world"},
		{"Ngā mihi: te reo Māori", "nga-mihi-te-reo-maori"},
		{"Update #2 (24/7 line)", "update-2-24-7-line"},
		{"We’re sorry", "were-sorry"},
		{"one two three four five six seven", "one-two-three-four-five-six"},
		{"数据泄露", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := Slugify(tc.in, MaxWords); got != tc.want {
				t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestIncident(t *testing.T) {
	for _, tc := range []struct {
		jurisdictions string
		headings      []string
		mentions      []string
	}{
		{`["au"]`,
			[]string{"What happened", "What information was involved", "What we are doing", "What you can do", "For more information"},
			[]string{"Call us on 1800 000 000, 8am to 8pm, 7 days.", "Email us at incident@example.org."}},
		{`["gdpr"]`,
			[]string{"What happened", "What information was involved", "What this means for you", "What we are doing", "What you can do", "For more information"},
			[]string{"data protection officer"}},
		{`["nz"]`,
			[]string{"What happened", "What information was involved", "What we are doing", "What you can do", "For more information"},
			[]string{"right to complain to the Privacy Commissioner", "told the Privacy Commissioner"}},
		{`["hipaa"]`,
			[]string{"What happened", "What information was involved", "What we are doing", "What you can do", "For more information"},
			[]string{"toll-free", "# occurred:"}},
		{`["us-ca"]`,
			[]string{"What happened", "What information was involved", "What we are doing", "What you can do", "For more information"},
			[]string{"date of the breach", "Equifax, Experian and TransUnion"}},
	} {
		t.Run(tc.jurisdictions, func(t *testing.T) {
			cfg := strings.Replace(sitetest.Config, `jurisdictions = ["au"]`, "jurisdictions = "+tc.jurisdictions, 1)
			dir := sitetest.Write(t, "-- config.toml --\n"+cfg)
			now := time.Date(2024, 7, 10, 2, 30, 0, 0, time.UTC)
			file, err := Incident(dir, "phishing-2024", "Staff email account accessed", now)
			if err != nil {
				t.Fatal(err)
			}
			if file != "content/incidents/phishing-2024/_index.md" {
				t.Errorf("file = %s", file)
			}
			s, diags := content.Load(dir)
			if d := diagsFor(diags, file); len(d) > 0 {
				t.Errorf("the loader reports on the new file:\n%s", d)
			}
			if len(s.Incidents) != 1 {
				t.Fatalf("%d incidents loaded, want 1", len(s.Incidents))
			}
			inc := s.Incidents[0]
			if inc.Title != "Staff email account accessed" {
				t.Errorf("title = %q", inc.Title)
			}
			if got := inc.Discovered.Format(time.RFC3339); got != "2024-07-10T12:30:00+10:00" {
				t.Errorf("discovered = %s, want 2024-07-10T12:30:00+10:00", got)
			}
			body := string(inc.Body.Source)
			var got []string
			for _, line := range strings.Split(body, "\n") {
				if h, ok := strings.CutPrefix(line, "## "); ok {
					got = append(got, h)
				}
			}
			if !slices.Equal(got, tc.headings) {
				t.Errorf("headings = %q\nwant %q", got, tc.headings)
			}
			raw, _ := os.ReadFile(filepath.Join(dir, file))
			for _, m := range tc.mentions {
				if !strings.Contains(string(raw), m) {
					t.Errorf("the file does not contain %q:\n%s", m, raw)
				}
			}
			// Every prompt is caught by check, so none is published by
			// mistake (an incident has no draft flag); nothing else is.
			prompts := 0
			for _, d := range diagsFor(check.Site(s, now.Add(time.Minute)), file) {
				if strings.Contains(d.Message, "prompt from 'disclose new'") {
					prompts++
					continue
				}
				if d.Severity == diag.Error || missingSection.MatchString(d.Message) || d.Field == "markdown" {
					t.Errorf("check: %s", d)
				}
			}
			if want := strings.Count(body, "\nSay ") + strings.Count(body, "\nGive the date") + strings.Count(body, "\nName each kind") + strings.Count(body, "\nIf Social Security") + strings.Count(body, "\nGive a toll-free"); prompts != want || want == 0 {
				t.Errorf("check caught %d prompts, want %d", prompts, want)
			}
		})
	}
}

func TestIncidentRefusals(t *testing.T) {
	dir := sitetest.Write(t, site)
	now := time.Date(2024, 7, 10, 2, 30, 0, 0, time.UTC)
	before, _ := os.ReadFile(filepath.Join(dir, "content/incidents/data-theft-2024/_index.md"))
	_, err := Incident(dir, "data-theft-2024", "Another title", now)
	if !errors.Is(err, ErrExists) {
		t.Errorf("err = %v, want ErrExists", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "content/incidents/data-theft-2024/_index.md"))
	if string(after) != string(before) {
		t.Error("the existing incident was changed")
	}
	for _, slug := range []string{"Data_Theft", "data theft", "-x", "x--y", "../x", ""} {
		_, err := Incident(dir, slug, "Title", now)
		if err == nil || !strings.Contains(err.Error(), "lower case letters, digits and hyphens") {
			t.Errorf("Incident(%q): err = %v, want a message about the folder name", slug, err)
		}
	}
}

// missingSection matches a notice warning about a heading alone.
var missingSection = regexp.MustCompile(`add a section "## [^"]+"$`)

func TestUSTollFree(t *testing.T) {
	for _, tc := range []struct {
		phone string
		want  bool
	}{
		{"1-800-555-0100", true},
		{"(888) 555 0100", true},
		{"+1 877 555 0100", true},
		{"1800 975 707", false},
		{"(212) 555-0100", false},
		{"", false},
	} {
		if got := usTollFree(tc.phone); got != tc.want {
			t.Errorf("usTollFree(%q) = %v, want %v", tc.phone, got, tc.want)
		}
	}
}

func findUpdate(t *testing.T, s *content.Site, file string) *content.Update {
	t.Helper()
	if s == nil {
		t.Fatal("the site did not load")
	}
	for _, inc := range s.Incidents {
		for _, u := range inc.Updates {
			if u.File == file {
				return u
			}
		}
	}
	t.Fatalf("%s was not loaded as an update", file)
	return nil
}

func diagsFor(l diag.List, file string) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Pos.File == file {
			out = append(out, d)
		}
	}
	return out
}

func TestUpdateWrongTimeZone(t *testing.T) {
	cfg := strings.Replace(sitetest.Config, `timeZone = "Australia/Melbourne"`, `timeZone = "Australia/Melborne"`, 1)
	dir := sitetest.Write(t, "-- config.toml --\n"+cfg+site)
	_, err := Update(dir, "data-theft-2024", "Title", time.Now())
	var ce *ConfigError
	if !errors.As(err, &ce) || len(ce.Diags) != 1 || !strings.Contains(ce.Diags[0].String(), `config.toml:4:`) {
		t.Fatalf("err = %v (%v), want a ConfigError about the time zone", err, ce)
	}
	if files, _ := os.ReadDir(filepath.Join(dir, "content/incidents/data-theft-2024")); len(files) != 3 {
		t.Errorf("%d files in the incident, want the 3 it had", len(files))
	}
}
