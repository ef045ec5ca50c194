package build_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// statementSite is a small site in two languages with one incident, its
// standing statement and two updates, one of them revised and one
// withdrawn.
const statementSite = `
-- config.toml --
baseURL = "https://updates.example.org/"
title = "Example: cyber incident updates"
locale = "en-AU"
timeZone = "Australia/Melbourne"

[languages.en]
languageName = "English"
weight = 1
[languages.mi]
languageName = "Te reo Māori"
weight = 2
locale = "mi-NZ"

[params]
organisation = "Example Pty Ltd"
known_as = "Example"
jurisdictions = ["au"]

[params.contact]
phone = "1800 000 000"
email = "incident@example.org"

[[params.we_will_never]]
text = "ask for your password"

[[params.revisions]]
date = 2024-05-10T09:00:00+10:00
note = "the email address changed"

[[languages.mi.params.we_will_never]]
text = "tono i tō kupuhipa"
-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-05-06T14:20:00+10:00
affected:
  count: 312
data_involved:
  - names
notice:
  official: true
---
## What happened

Someone got into our systems.
-- content/incidents/x/_index.mi.md --
---
title: He take haumarutanga
discovered: 2024-05-06T14:20:00+10:00
---
I uru tētahi ki ā mātou pūnaha.
-- content/incidents/x/2024-05-16-helpline.md --
---
title: Call our helpline
date: 2024-05-16T14:00:00+10:00
status: investigating
revisions:
  - date: 2024-05-17T10:00:00+10:00
    note: corrected the helpline number
---
Call us on 1800 222 222 for help.
-- content/incidents/x/2024-05-16-helpline.mi.md --
---
title: Waea mai
date: 2024-05-16T14:00:00+10:00
status: investigating
---
Waea mai ki 1800 222 222.
-- content/incidents/x/2024-05-18-rumour.md --
---
title: About a rumour
date: 2024-05-18T09:00:00+10:00
status: contained
withdrawn:
  date: 2024-05-19T09:00:00+10:00
  note: this was posted in error
---
We were told of a second attack.
`

// previousOf is the manifest a build of site would publish now.
func previousOf(t *testing.T, site string) string {
	t.Helper()
	rec, diags := previousDiags(t, site, "")
	if len(diags) > 0 {
		t.Fatalf("the first build is refused:\n%s", strings.Join(diags, "\n"))
	}
	m := &manifest.Manifest{Version: manifest.Version, Site: "https://updates.example.org/", Sequence: rec.Sequence, Newest: rec.Newest, Updates: rec.Updates, Statements: rec.Statements}
	p := filepath.Join(t.TempDir(), manifest.Name)
	if err := os.WriteFile(p, m.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// previousDiags compares site with the manifest at previous, as a build
// does, and returns every diagnostic as text.
func previousDiags(t *testing.T, site, previous string) (manifest.Record, []string) {
	t.Helper()
	s, diags := content.Load(site)
	if diags.Errors() > 0 {
		t.Fatal(diags.Error())
	}
	rec, diags, err := build.Previous(context.Background(), s, previous, filepath.Join(t.TempDir(), "public"), now)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return rec, out
}

// edit replaces old with new in the site's file, failing if old is not there.
func edit(t *testing.T, site, file, old, new string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(file))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	helpline   = "content/incidents/x/2024-05-16-helpline.md"
	helplineMi = "content/incidents/x/2024-05-16-helpline.mi.md"
	rumour     = "content/incidents/x/2024-05-18-rumour.md"
	index      = "content/incidents/x/_index.md"
	indexMi    = "content/incidents/x/_index.mi.md"
)

// TestSilentChangesAreRefused tries each way of changing the record quietly
// (issue 14) and wants each refused at the file and line of the change,
// with the fix.
func TestSilentChangesAreRefused(t *testing.T) {
	type change struct{ file, old, new string }
	for _, tc := range []struct {
		name    string
		changes []change
		want    []string // each a diagnostic's start, then words of its fix
	}{
		{"a revision note deleted", []change{{helpline, "revisions:\n  - date: 2024-05-17T10:00:00+10:00\n    note: corrected the helpline number\n", ""}},
			[]string{helpline + ":1:1: revisions: 1 revision entry was published, and 0 remain", "put back the entry removed"}},
		{"a revision note rewritten", []change{{helpline, "corrected the helpline number", "tidied the wording"}},
			[]string{helpline + ":7:11: revisions[0]: revision entry 1 was published with another date or note", "add a new entry"}},
		{"a withdrawal undone", []change{{rumour, "withdrawn:\n  date: 2024-05-19T09:00:00+10:00\n  note: this was posted in error\n", ""}},
			[]string{rumour + ":1:1: withdrawn: this update was published as withdrawn, and the withdrawal is gone", "publish a new update that says so"}},
		{"a withdrawn update rewritten", []change{{rumour, "We were told of a second attack.", "There was never a second attack."}},
			[]string{rumour + ":9:1: body: changed since this update was published", "put back the published body"}},
		{"withdrawn and rewritten at once", []change{{helpline, "status: investigating\n", "status: investigating\nwithdrawn:\n  date: 2024-05-20T09:00:00+10:00\n  note: no longer needed\n"}, {helpline, "1800 222 222", "1800 333 333"}},
			[]string{helpline + ":12:1: body: changed since this update was published", "shown under its withdrawal notice"}},
		{"an update's status", []change{{helpline, "status: investigating", "status: resolved"}},
			[]string{helpline + ":4:9: status: changed since it was published, without a new revisions entry", "adding an entry to revisions: {date: 2026-11-22T11:00:00+11:00"}},
		{"the incident title", []change{{index, "title: Cyber security incident", "title: A small IT problem"}},
			[]string{index + ":2:8: title: changed since it was published, without a new revisions entry", "revisions: [{date: 2026-11-22T11:00:00+11:00"}},
		{"the affected count", []change{{index, "count: 312", "count: 3"}},
			[]string{index + ":5:10: affected.count: changed since it was published", "revisions: [{date:"}},
		{"data involved", []change{{index, "  - names\n", "  - none\n"}},
			[]string{index + ":7:5: data_involved: changed since it was published"}},
		{"the standing statement's text", []change{{index, "Someone got into our systems.", "Nothing much happened."}},
			[]string{index + ":13:1: body: changed since it was published"}},
		{"a translated update", []change{{helplineMi, "Waea mai ki 1800 222 222.", "Waea mai ki 1800 999 999."}},
			[]string{helplineMi + ":6:1: body: changed since it was published"}},
		{"a translated statement", []change{{indexMi, "title: He take haumarutanga", "title: He raru iti"}},
			[]string{indexMi + ":2:8: title: changed since it was published"}},
		{"a translation deleted", []change{{helplineMi, "", "DELETE"}},
			[]string{helplineMi + ": this translation (mi) was published and is now missing", "put the file back"}},
		{"the helpline number", []change{{"config.toml", `phone = "1800 000 000"`, `phone = "1900 000 000"`}},
			[]string{"config.toml:20:9: params.contact.phone: changed since it was published", "[[params.revisions]] with date = 2026-11-22T11:00:00+11:00"}},
		{"the scam warning", []change{{"config.toml", `text = "ask for your password"`, `text = "ask for your PIN"`}},
			[]string{"config.toml:24:8: params.we_will_never: changed since it was published"}},
		{"the scam warning in te reo Māori", []change{{"config.toml", `text = "tono i tō kupuhipa"`, `text = "tono i tō PIN"`}},
			[]string{"config.toml:31:8: languages.mi.params.we_will_never: changed since it was published"}},
		{"a contact revision removed", []change{{"config.toml", "[[params.revisions]]\ndate = 2024-05-10T09:00:00+10:00\nnote = \"the email address changed\"\n", ""}},
			[]string{"config.toml:14:2: params.revisions: 1 revision entry was published, and 0 remain", "put back the entry removed"}},
		{"a contact revision rewritten", []change{{"config.toml", `note = "the email address changed"`, `note = "nothing changed"`}},
			[]string{"config.toml:28:8: params.revisions[0]: revision entry 1 was published with another date or note"}},
		{"a backdated revision", []change{{helpline, "    note: corrected the helpline number\n", "    note: corrected the helpline number\n  - date: 2024-05-18T10:00:00+10:00\n    note: the hours changed\n"}, {helpline, "for help.", "for help, 9am to 5pm."}},
			[]string{helpline + ":8:11: revisions[1].date: this new revision is dated 2024-05-18T10:00:00+10:00, before the newest entry of the last published build (2024-05-19T09:00:00+10:00)", "write 2026-11-22T11:00:00+11:00"}},
		{"a backdated withdrawal", []change{{helpline, "status: investigating\n", "status: investigating\nwithdrawn:\n  date: 2024-05-18T09:00:00+10:00\n  note: no longer needed\n"}},
			[]string{helpline + ":6:9: withdrawn.date: this new withdrawal is dated 2024-05-18T09:00:00+10:00, before the newest entry of the last published build", "write 2026-11-22T11:00:00+11:00"}},
		{"the published time", []change{{helpline, "date: 2024-05-16T14:00:00+10:00", "date: 2024-05-16T14:00:59-11:00"}},
			[]string{helpline + ":3:7: date: this update was published as 2024-05-16T14:00:00+10:00", "a published time cannot move: write date: 2024-05-15T17:00:00-11:00"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := sitetest.Write(t, statementSite)
			prev := previousOf(t, site)
			for _, c := range tc.changes {
				switch {
				case c.new == "DELETE":
					os.Remove(filepath.Join(site, c.file))
				case c.old != "":
					edit(t, site, c.file, c.old, c.new)
				}
			}
			_, got := previousDiags(t, site, prev)
			all := strings.Join(got, "\n")
			if len(got) == 0 || !strings.HasPrefix(all, tc.want[0]) {
				t.Fatalf("want a diagnostic starting\n%s\ngot:\n%s", tc.want[0], all)
			}
			for _, w := range tc.want[1:] {
				if !strings.Contains(got[0], w) {
					t.Errorf("the diagnostic lacks %q:\n%s", w, got[0])
				}
			}
		})
	}
}

// TestSameInstantAnotherOffset: writing the published time with another
// offset, at the same instant, is not a change.
func TestSameInstantAnotherOffset(t *testing.T) {
	site := sitetest.Write(t, statementSite)
	prev := previousOf(t, site)
	edit(t, site, index, "discovered: 2024-05-06T14:20:00+10:00", "discovered: 2024-05-06T04:20:00Z")
	if _, got := previousDiags(t, site, prev); len(got) > 0 {
		t.Errorf("the same instant with another offset is refused:\n%s", strings.Join(got, "\n"))
	}
}

// TestRevisedStatementsPass: each kind of statement, changed with a new
// revisions entry, is accepted, and the sequence number grows.
func TestRevisedStatementsPass(t *testing.T) {
	site := sitetest.Write(t, statementSite)
	prev := previousOf(t, site)
	edit(t, site, helpline, "status: investigating\n", "status: contained\n")
	edit(t, site, helpline, "    note: corrected the helpline number\n", "    note: corrected the helpline number\n  - date: 2024-05-21T10:00:00+10:00\n    note: the attacker's access is closed\n")
	edit(t, site, index, "count: 312", "count: 350")
	edit(t, site, index, "notice:", "revisions:\n  - date: 2024-05-21T10:00:00+10:00\n    note: more people are affected than we first said\nnotice:")
	edit(t, site, "config.toml", `phone = "1800 000 000"`, `phone = "1800 000 001"`)
	os.WriteFile(filepath.Join(site, "config.toml"), append(must(os.ReadFile(filepath.Join(site, "config.toml"))),
		"\n[[params.revisions]]\ndate = 2024-05-21T10:00:00+10:00\nnote = \"the helpline number changed\"\n"...), 0o644)
	rec, got := previousDiags(t, site, prev)
	if len(got) > 0 {
		t.Fatalf("revised statements are refused:\n%s", strings.Join(got, "\n"))
	}
	if rec.Sequence != 2 {
		t.Errorf("sequence = %d, want 2 (one more than the previous manifest's 1)", rec.Sequence)
	}
	if rec.Newest != "2024-05-21T00:00:00Z" {
		t.Errorf("newest = %q, want the newest revision's time 2024-05-21T00:00:00Z", rec.Newest)
	}
	var ids []string
	for _, s := range rec.Statements {
		ids = append(ids, s.ID)
	}
	for _, want := range []string{
		"incident https://updates.example.org/incidents/x/",
		"incident https://updates.example.org/incidents/x/ (mi)",
		"update https://updates.example.org/incidents/x/2024-05-16-1400/",
		"update https://updates.example.org/incidents/x/2024-05-16-1400/ (mi)",
		"update https://updates.example.org/incidents/x/2024-05-18-0900/",
		"site contact",
	} {
		if !slices.Contains(ids, want) {
			t.Errorf("no statement %q in %q", want, ids)
		}
	}
}

// TestEveryIncidentFieldIsAStatement: a field added to _index.md's schema
// is hashed into the incident's statement, or this fails.
func TestEveryIncidentFieldIsAStatement(t *testing.T) {
	site := sitetest.Write(t, statementSite)
	rec, _ := previousDiags(t, site, "")
	var fields []string
	for _, s := range rec.Statements {
		if s.ID == "incident https://updates.example.org/incidents/x/" {
			for _, f := range s.Fields {
				fields = append(fields, f.Name)
			}
		}
	}
	for _, name := range content.IncidentFields() {
		covered := slices.ContainsFunc(fields, func(f string) bool { return f == name || strings.HasPrefix(f, name+".") })
		if name != "revisions" && !covered {
			t.Errorf("the incident's statement does not cover %s (internal/build incidentValue)", name)
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestSecretFilesFollowsLinks: a link in static/ to a key kept outside
// the site would be published as the key itself, so it is refused.
func TestSecretFilesFollowsLinks(t *testing.T) {
	keys := t.TempDir()
	if _, err := sign.Keygen(filepath.Join(keys, "disclose.key"), filepath.Join(keys, "disclose.pub")); err != nil {
		t.Fatal(err)
	}
	site := sitetest.Write(t, statementSite)
	os.MkdirAll(filepath.Join(site, "static", "files"), 0o755)
	if err := os.Symlink(filepath.Join(keys, "disclose.key"), filepath.Join(site, "static", "files", "report.pdf")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(filepath.Join(keys, "disclose.pub"), filepath.Join(site, "static", "files", "key.pub"))
	var got []string
	for _, d := range build.SiteSecrets(site) {
		got = append(got, d.String())
	}
	want := "static/files/report.pdf:1:1: this file holds a minisign secret key"
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("got %q, want one diagnostic starting %q", got, want)
	}
}
