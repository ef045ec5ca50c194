package content_test

import (
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

const incident = `-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-05-06T14:20:00+10:00
---
## What happened
`

func TestLoadReportsStructuralProblems(t *testing.T) {
	tests := []struct {
		name, files string
		want        []string // every diagnostic, in order
	}{
		{"misspelt field", `-- content/incidents/x/2024-05-16-a.md --
---
title: A
date: 2024-05-16T09:00:00+10:00
stauts: investigating
---
Text.
`, []string{
			"content/incidents/x/2024-05-16-a.md:1:1: status: missing; add a line like status: investigating",
			"content/incidents/x/2024-05-16-a.md:4:1: stauts: unknown field; did you mean status?",
		}},
		{"misspelt nested field", `-- content/incidents/y/_index.md --
---
title: "Y"
discovered: 2024-05-06T14:20:00+10:00
affected:
  cout: 12
---
`, []string{"content/incidents/y/_index.md:5:3: affected.cout: unknown field; did you mean affected.count?"}},
		{"no offset", `-- content/incidents/x/2024-05-16-a.md --
---
title: A
date: 2024-05-16T09:00:00
status: investigating
---
Text.
`, []string{"content/incidents/x/2024-05-16-a.md:3:7: date: no time zone offset; write 2024-05-16T09:00:00+10:00"}},
		{"summer offset suggested", `-- content/incidents/x/2024-12-16-a.md --
---
title: A
date: "2024-12-16 11:00"
status: identified
---
Text.
`, []string{"content/incidents/x/2024-12-16-a.md:3:7: date: no time zone offset; write 2024-12-16T11:00:00+11:00"}},
		{"date without time", `-- content/incidents/x/2024-05-16-a.md --
---
title: A
date: 2024-05-16
status: investigating
---
Text.
`, []string{"content/incidents/x/2024-05-16-a.md:3:7: date: needs a time of day and a time zone offset as well as the date; write 2024-05-16T09:00:00+10:00"}},
		{"date that does not exist", `-- content/incidents/x/2023-02-29-a.md --
---
title: A
date: 2023-02-29T09:00:00+11:00
status: investigating
---
Text.
`, []string{"content/incidents/x/2023-02-29-a.md:3:7: date: 2023-02-29 is not a real date (February 2023 has 28 days)"}},
		{"unknown status", `-- content/incidents/x/2024-05-16-a.md --
---
title: A
date: 2024-05-16T09:00:00+10:00
status: contianed
---
Text.
`, []string{`content/incidents/x/2024-05-16-a.md:4:9: status: "contianed" is not a status word; did you mean contained?`}},
		{"count with commas", `-- content/incidents/y/_index.md --
---
title: "Y"
discovered: 2024-05-06T14:20:00+10:00
affected:
  count: 12,900,000
---
`, []string{"content/incidents/y/_index.md:5:10: affected.count: should be a whole number without commas or spaces; write 12900000"}},
		{"list written as text", `-- content/incidents/y/_index.md --
---
title: "Y"
discovered: 2024-05-06T14:20:00+10:00
data_involved: names and addresses
---
`, []string{`content/incidents/y/_index.md:4:16: data_involved: should be a list; put each item on its own line, starting with "- "`}},
		{"toml", `-- content/incidents/x/2024-05-16-a.md --
+++
title = "A"
date = 2024-05-16T09:00:00
status = "investigating"
+++
Text.
`, []string{"content/incidents/x/2024-05-16-a.md:3:8: date: no time zone offset; write 2024-05-16T09:00:00+10:00"}},
		{"revision without note", `-- content/incidents/x/2024-05-16-a.md --
---
title: A
date: 2024-05-16T09:00:00+10:00
status: investigating
revisions:
  - date: 2024-05-17T10:00:00+10:00
---
Text.
`, []string{"content/incidents/x/2024-05-16-a.md:6:5: revisions[0].note: missing; this field is required"}},
		{"yaml syntax", `-- content/incidents/x/2024-05-16-a.md --
---
title: A
date: 2024-05-16T09:00:00+10:00
status: [investigating
---
Text.
`, []string{"content/incidents/x/2024-05-16-a.md:"}},
		{"draft in capitals", `-- content/incidents/x/2024-05-16-a.md --
---
title: A
date: 2024-05-16T09:00:00+10:00
status: investigating
draft: True
---
Text.
`, []string{`content/incidents/x/2024-05-16-a.md:5:8: front matter: True is not a boolean here; write true or false (lower case), or put "True" in quotes if it is text`}},
		{"file name and date disagree", `-- content/incidents/x/2024-05-23-a.md --
---
title: A
date: 2024-05-16T09:00:00+10:00
status: investigating
---
Text.
`, []string{"content/incidents/x/2024-05-23-a.md:3:7: warning: date: the file name says 2024-05-23 but the date says 2024-05-16; rename the file or correct the date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tt.files
			if !strings.Contains(files, "content/incidents/x/_index.md") && strings.Contains(files, "incidents/x/") {
				files = incident + files
			}
			_, diags := content.Load(sitetest.Write(t, files))
			diags.Sort()
			if len(diags) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(diags), len(tt.want), diags.Error())
			}
			for i, d := range diags {
				if !strings.HasPrefix(d.String(), tt.want[i]) {
					t.Errorf("diagnostic %d:\n got %s\nwant %s", i, d, tt.want[i])
				}
			}
		})
	}
}

func TestLoadExampleSite(t *testing.T) {
	site, diags := content.Load(sitetest.RepoRoot())
	if len(diags) > 0 {
		t.Fatalf("the example site has problems:\n%s", diags.Error())
	}
	if len(site.Incidents) < 2 {
		t.Fatalf("want at least 2 incidents, got %d", len(site.Incidents))
	}
	for _, inc := range site.Incidents {
		for i, u := range inc.Updates {
			if u.Incident != inc {
				t.Errorf("%s: not linked to its incident", u.File)
			}
			if i > 0 && u.Date.Before(inc.Updates[i-1].Date) {
				t.Errorf("%s: updates not oldest first", u.File)
			}
			if !strings.HasPrefix(u.Path(), "incidents/"+inc.Slug+"/"+u.Date.Format("2006-01-02")) {
				t.Errorf("%s: address %s", u.File, u.Path())
			}
		}
	}
	if site.Config.Location.String() != "Australia/Melbourne" || site.Config.FeedItems != 50 {
		t.Errorf("config: zone %s, feed items %d", site.Config.Location, site.Config.FeedItems)
	}
}

func TestAddressIgnoresFileName(t *testing.T) {
	dir := sitetest.Write(t, incident+`-- content/incidents/x/2024-05-16-renamed-twice.md --
---
title: A
date: 2024-05-16T09:00:00+10:00
status: investigating
---
Text.
`)
	site, diags := content.Load(dir)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	if got := site.Incidents[0].Updates[0].Path(); got != "incidents/x/2024-05-16-0900/" {
		t.Errorf("address %q", got)
	}
	if got := site.Incidents[0].Updates[0].Date; !got.Equal(time.Date(2024, 5, 15, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v", got)
	}
}

// TestLoadFacts reads each new form of the facts: several intrusions, a
// single range as before, a count range, the three groups and an
// update's facts: block in YAML flow style and in TOML.
func TestLoadFacts(t *testing.T) {
	dir := sitetest.Write(t, `-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-08-05T09:30:00+12:00
occurred:
  - {from: 2016-02-01, to: 2016-04-30, note: found later}
  - from: 2024-08-03
affected:
  min: 512400
  max: 1_000_000
  who: People enrolled
data_possibly_involved: [NHI numbers]
data_not_involved: []
never_known: ""
---
-- content/incidents/x/2024-08-20-a.md --
---
title: A
date: 2024-08-20T10:00:00+12:00
status: identified
facts: {affected: {count: 1000000, as_of: 2024-08-20}, data_not_involved: [consultation notes]}
---
-- content/incidents/x/2024-08-21-b.md --
+++
title = "B"
date = 2024-08-21T10:00:00+12:00
status = "identified"
[facts]
never_known = "We may never know."
+++
-- content/incidents/y/_index.md --
---
title: One range, as before
discovered: 2024-05-06T14:20:00+10:00
occurred: {from: 2024-05-01, to: 2024-05-03}
---
`)
	site, diags := content.Load(dir)
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
	x, y := site.Incidents[0], site.Incidents[1]
	f := x.Facts
	if len(f.Occurred) != 2 || f.Occurred[0].Note != "found later" || f.Occurred[0].Key != "occurred[0]" || !f.Occurred[1].To.IsZero() || x.Occurred == nil || x.Occurred.Note != "found later" {
		t.Errorf("occurred: %+v (first %+v)", f.Occurred, x.Occurred)
	}
	if a := f.Affected; a.Min != 512400 || a.Max != 1000000 || a.Count != 0 || a.Who != "People enrolled" {
		t.Errorf("affected: %+v", a)
	}
	if strings.Join(f.DataPossiblyInvolved, "|") != "NHI numbers" || f.DataNotInvolved == nil && !f.Sets("data_not_involved") {
		t.Errorf("lists: %+v", f)
	}
	if got := strings.Join(f.Set, " "); got != "occurred affected data_possibly_involved data_not_involved never_known" {
		t.Errorf("the incident states %q", got)
	}
	a, b := x.Updates[0].Facts, x.Updates[1].Facts
	if a == nil || a.Affected.Count != 1000000 || strings.Join(a.Set, " ") != "affected data_not_involved" || a.DataNotInvolved[0] != "consultation notes" {
		t.Errorf("the YAML update's facts: %+v", a)
	}
	if b == nil || b.NeverKnown != "We may never know." || strings.Join(b.Set, " ") != "never_known" {
		t.Errorf("the TOML update's facts: %+v", b)
	}
	if r := y.Occurred; r == nil || len(y.Facts.Occurred) != 1 || y.Facts.Occurred[0].Key != "occurred" || r.From.Time.Format("2006-01-02") != "2024-05-01" {
		t.Errorf("a single range: %+v", y.Facts.Occurred)
	}
}

func TestLoadFactsRefused(t *testing.T) {
	tests := []struct {
		name, front, update string
		want                []string
	}{
		{"a fact at the top of an update", "", "-- content/incidents/x/2024-05-08-a.md --\n---\ntitle: A\ndate: 2024-05-08T09:00:00+10:00\nstatus: identified\naffected:\n  count: 5\n---\n", []string{
			"content/incidents/x/2024-05-08-a.md:5:1: affected: an update changes the incident's facts in its facts: block; indent this under a line facts:",
		}},
		{"a list of dates is not a list of intrusions", "occurred: [2019-03-01, 2019-03-31]\n", "", []string{
			"content/incidents/x/_index.md:4:12: occurred[0]: should be an entry with from, to, note, like - {from: 2019-03-01, to: 2019-03-31}",
			"content/incidents/x/_index.md:4:24: occurred[1]: should be an entry with from, to, note, like - {from: 2019-03-01, to: 2019-03-31}",
		}},
		{"an intrusion without from", "occurred:\n  - {to: 2019-03-31}\n", "", []string{
			"content/incidents/x/_index.md:5:5: occurred[0].from: missing; this field is required",
		}},
		{"a count of 0", "affected:\n  count: 0\n", "", []string{
			`content/incidents/x/_index.md:5:10: affected.count: is 0; leave count out while the number is not known (the page says "not known yet"), or give the number`,
		}},
		{"a count with commas", "affected:\n  max: 1,000,000\n", "", []string{
			"content/incidents/x/_index.md:5:8: affected.max: should be a whole number without commas or spaces; write 1000000",
		}},
		{"estimate written True", "affected:\n  estimate: True\n", "", []string{
			`content/incidents/x/_index.md:5:13: front matter: True is not a boolean here; write true or false (lower case), or put "True" in quotes if it is text`,
			"content/incidents/x: no _index.md: every incident folder needs one with the incident's title and discovered time",
		}},
		{"a fact in the wrong place", "facts:\n  affected: {count: 5}\n", "", []string{
			"content/incidents/x/_index.md:4:1: facts: a facts: block is for an update, to change the incident's facts; here write the facts as first told at the top level, like affected: and occurred:",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Write(t, "-- content/incidents/x/_index.md --\n---\ntitle: T\ndiscovered: 2024-05-06T14:20:00+10:00\n"+tt.front+"---\n"+tt.update)
			_, diags := content.Load(dir)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
