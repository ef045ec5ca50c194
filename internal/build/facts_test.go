package build_test

import (
	"encoding/json"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// harbourside is a test site modelled on a New Zealand case, with
// fictional names and figures: a defaced website that led to finding two
// earlier intrusions, a count that is a range (people enrolled now, and
// about as many again once those who moved away or died are counted),
// information that may have been accessed and may never be known, and
// facts that later updates change. It uses every field of the facts.
const harbourside = `
-- config.toml --
baseURL = "https://updates.harbourside-health.example/"
title = "Harbourside Primary Health: cyber incident updates"
locale = "en-NZ"
timeZone = "Pacific/Auckland"

[params]
organisation = "Harbourside Primary Health Trust"
known_as = "Harbourside Primary Health"
jurisdictions = ["nz"]

[params.contact]
phone = "0800 000 000"
email = "incident@harbourside-health.example"
-- content/incidents/website-2024/_index.md --
---
title: "Our website was broken into"
discovered: 2024-08-05T09:30:00+12:00
occurred:
  - from: 2024-08-03
    to: 2024-08-04
    note: "the website was defaced"
affected:
  min: 512400
  as_of: 2024-08-12
  who: "People enrolled with our member practices"
data_involved:
  - "Staff names and work email addresses"
data_possibly_involved:
  - "Names, addresses and dates of birth"
  - "National Health Index numbers"
data_not_involved:
  - "Consultation notes"
never_known: ""
---

## What happened

Someone changed our website on 3 August 2024.
We found out on 5 August.

## What information was involved

The computer that runs our website also held a copy of our list of enrolled people.

## What we are doing

We took the website down and asked experts to look at every system.

## What you can do

Be careful of calls, texts and emails that ask for your details.

## For more information

Call us free on 0800 000 000.
-- content/incidents/website-2024/2024-08-06-first.md --
---
title: "Our website was changed by someone else"
date: 2024-08-06T10:00:00+12:00
status: investigating
---

Someone changed our website. We have taken it down while we find out what happened.
-- content/incidents/website-2024/2024-08-20-earlier-breakins.md --
---
title: "We found two earlier break-ins"
date: 2024-08-20T10:00:00+12:00
status: identified
facts:
  occurred:
    - from: 2016-02-01
      to: 2016-04-30
      note: "found during the investigation in August 2024"
    - from: 2019-03-01
      to: 2019-03-31
      note: "found during the investigation in August 2024"
    - from: 2024-08-03
      to: 2024-08-04
      note: "the website was defaced"
  affected:
    min: 512400
    max: 1000000
    estimate: true
    as_of: 2024-08-20
    who: "People enrolled with our member practices since 2016, including people who have moved away or died"
---

Our experts found that someone also broke in twice before, in 2016 and in 2019.
More people may be affected than we first said.
-- content/incidents/website-2024/2024-10-01-what-we-may-never-know.md --
---
title: "What we know, and what we may never know"
date: 2024-10-01T10:00:00+12:00
status: resolved
facts:
  never_known: "Our experts tell us it is likely we will never know whether this information was seen."
---

The investigation is over. We cannot tell whether the list of enrolled people was seen.
We are treating it as if it was.
`

var reTag = regexp.MustCompile(`<[^>]*>`)

// text is an HTML page's words, tags taken out and spaces made one.
func text(s string) string {
	s = strings.Join(strings.Fields(html.UnescapeString(reTag.ReplaceAllString(s, " "))), " ")
	return strings.NewReplacer(" ,", ",", " .", ".").Replace(s)
}

// TestFactsOnThePageAndInTheFeeds builds the Harbourside site and reads
// each new fact where a reader meets it: the incident page, the feeds'
// entry text, and the JSON Feed's _disclose object.
func TestFactsOnThePageAndInTheFeeds(t *testing.T) {
	dir := sitetest.Write(t, harbourside)
	sitetest.CopyTheme(t, dir)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, dir, out); err != nil {
		t.Fatal(err)
	}
	raw := read(t, filepath.Join(out, "incidents", "website-2024", "index.html"))
	page := text(raw)
	for _, want := range []string{
		// Several intrusions, each with its note, and how the list changed.
		"When it happened 1 February 2016 to 30 April 2016 (found during the investigation in August 2024) 1 March 2019 to 31 March 2019 (found during the investigation in August 2024) 3 August 2024 to 4 August 2024 (the website was defaced)",
		"Changed on 20 August 2024, was 3 August 2024 to 4 August 2024 (the website was defaced)",
		// A count that is a range, in words, grouped for en-NZ.
		"How many people Between 512,400 and about 1 million people, as of 20 August 2024",
		"Changed on 20 August 2024, was at least 512,400 people, as of 12 August 2024, counting people enrolled with our member practices",
		"Who is affected People enrolled with our member practices since 2016, including people who have moved away or died",
		// Three groups by certainty.
		"We know this was taken or seen Staff names and work email addresses",
		"This may have been accessed; we may never know Names, addresses and dates of birth National Health Index numbers Our experts tell us it is likely we will never know whether this information was seen.",
		"This was not involved Consultation notes",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the incident page does not say %q; it says:\n%s", want, page)
		}
	}
	if !strings.Contains(raw, `<a href="/incidents/website-2024/2024-08-20-1000/">`) {
		t.Errorf("a change does not link the update that made it:\n%s", raw)
	}
	if strings.Contains(page, "we cannot confirm yet") {
		t.Errorf("the page still says \"we cannot confirm yet\" after never_known was given")
	}

	// The entry of the update that changed facts lists them, in RSS and Atom.
	const entry = "How many people: Between 512,400 and about 1 million people, as of 20 August 2024 (changed in this update, was at least 512,400 people, as of 12 August 2024, counting people enrolled with our member practices)"
	for _, f := range []string{"feed.xml", "atom.xml"} {
		feed := html.UnescapeString(read(t, filepath.Join(out, "incidents", "website-2024", f)))
		if !strings.Contains(feed, entry) {
			t.Errorf("%s does not say %q:\n%s", f, entry, feed)
		}
		if !strings.Contains(feed, "When it happened: 1 February 2016 to 30 April 2016 (found during the investigation in August 2024); 1 March 2019 to 31 March 2019") {
			t.Errorf("%s does not list each intrusion", f)
		}
	}

	var jf struct {
		Items []struct {
			ID       string `json:"id"`
			HTML     string `json:"content_html"`
			Disclose struct {
				Status string `json:"status"`
				Facts  struct {
					Occurred []struct{ From, To, Note string } `json:"occurred"`
					Affected struct {
						Words    string `json:"words"`
						Min, Max int64
						Estimate bool `json:"estimate"`
					} `json:"affected"`
					Possibly   []string                     `json:"data_possibly_involved"`
					NeverKnown string                       `json:"never_known"`
					Changed    []struct{ Fact, Was string } `json:"changed"`
				} `json:"facts"`
			} `json:"_disclose"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "incidents", "website-2024", "feed.json"))), &jf); err != nil {
		t.Fatal(err)
	}
	if len(jf.Items) != 3 {
		t.Fatalf("feed.json has %d items, want 3", len(jf.Items))
	}
	newest, middle, first := jf.Items[0].Disclose, jf.Items[1].Disclose, jf.Items[2].Disclose
	if first.Status != "investigating" || len(first.Facts.Occurred) != 1 || first.Facts.Affected.Words != "at least 512,400 people" || first.Facts.Changed != nil {
		t.Errorf("the first item's _disclose is the facts as first told: %+v", first)
	}
	if !strings.Contains(jf.Items[2].HTML, "Someone changed our website") || strings.Contains(jf.Items[2].HTML, "Key facts") {
		t.Errorf("an update that changes no facts has only its own text: %q", jf.Items[2].HTML)
	}
	if a := middle.Facts.Affected; a.Words != "between 512,400 and about 1 million people" || a.Min != 512400 || a.Max != 1000000 || !a.Estimate || len(middle.Facts.Occurred) != 3 || middle.Facts.Occurred[0].Note != "found during the investigation in August 2024" {
		t.Errorf("the second item's _disclose facts: %+v", middle.Facts)
	}
	if got := middle.Facts.Changed; len(got) != 2 || got[0].Fact != "occurred" || got[1].Fact != "affected" || got[1].Was != "at least 512,400 people, as of 12 August 2024, counting people enrolled with our member practices" {
		t.Errorf("the second item's changes: %+v", got)
	}
	if newest.Status != "resolved" || newest.Facts.NeverKnown == "" || len(newest.Facts.Possibly) != 2 || len(newest.Facts.Changed) != 1 || newest.Facts.Changed[0].Was != "not said" {
		t.Errorf("the newest item's _disclose: %+v", newest)
	}
}

// TestExampleFactsAsFirstToldAndChanged: the example's prescription
// incident keeps a single occurred range, and its facts as first told on
// 8 May are changed by the updates of 13 May and 16 July; the page shows
// the current values with each change.
func TestExampleFactsAsFirstToldAndChanged(t *testing.T) {
	out, _ := example(t)
	page := text(read(t, filepath.Join(out, "incidents", "prescription-data-2024", "index.html")))
	for _, want := range []string{
		"When it happened 2 May 2024 to 6 May 2024 When we found out",
		"How many people About 8,460,000 people, as of 16 July 2024 Changed on 16 July 2024, was not known yet, counting people given an electronic prescription through our service",
		"This may have been accessed; we cannot confirm yet None now. Changed on 16 July 2024, was Personal and health information from electronic prescriptions Changed on 13 May 2024, was none listed",
		"This was not involved Bank account or credit card details",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the example's incident page does not say %q; it says:\n%s", want, page)
		}
	}
}

// TestFactsPageText builds small sites, one per form of a fact, and
// reads what the incident page says.
func TestFactsPageText(t *testing.T) {
	const statement = "---\n\n## What happened\n\nSomeone broke in.\n\n## What information was involved\n\nNames.\n\n## What we are doing\n\nWe closed it.\n\n## What you can do\n\nBe careful.\n\n## For more information\n\nCall us on 1800 000 000.\n" +
		"-- content/incidents/x/2024-05-08-first.md --\n---\ntitle: First\ndate: 2024-05-08T09:00:00+10:00\nstatus: investigating\n---\nWe are looking into it.\n"
	tests := []struct {
		name, front string
		want, not   []string
	}{
		{"one range with a note", "occurred: {from: 2024-05-01, to: 2024-05-03, note: found in the logs}\n", []string{
			"When it happened 1 May 2024 to 3 May 2024 (found in the logs)",
		}, []string{"Changed on"}},
		{"an estimated count", "affected: {count: 12900000, estimate: true, as_of: 2024-05-07}\n", []string{
			"How many people About 12,900,000 people, as of 7 May 2024",
		}, nil},
		{"whole millions", "affected: {count: 2000000, as_of: 2024-05-07}\n", []string{
			"How many people 2 million people, as of 7 May 2024",
		}, nil},
		{"at least", "affected: {min: 648000, as_of: 2024-05-07, who: People enrolled with us}\n", []string{
			"How many people At least 648,000 people, as of 7 May 2024 Who is affected People enrolled with us",
		}, nil},
		{"not counted yet", "affected: {who: People enrolled with us}\n", []string{
			"How many people Not known yet Who is affected People enrolled with us",
		}, nil},
		{"possible and not yet confirmed", "data_possibly_involved: [Names]\n", []string{
			"This may have been accessed; we cannot confirm yet Names",
		}, []string{"We know this was taken", "This was not involved"}},
		{"never known with nothing possible", "data_involved: [Names]\nnever_known: We may never know how the attacker got in.\n", []string{
			"We know this was taken or seen Names What we may never know We may never know how the attacker got in.",
		}, []string{"This may have been accessed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Write(t, "-- content/incidents/x/_index.md --\n---\ntitle: Cyber security incident\ndiscovered: 2024-05-06T10:00:00+10:00\n"+tt.front+statement)
			sitetest.CopyTheme(t, dir)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := buildSite(t, dir, out); err != nil {
				t.Fatal(err)
			}
			page := text(read(t, filepath.Join(out, "incidents", "x", "index.html")))
			for _, want := range tt.want {
				if !strings.Contains(page, want) {
					t.Errorf("the page does not say %q; it says:\n%s", want, page)
				}
			}
			for _, not := range tt.not {
				if strings.Contains(page, not) {
					t.Errorf("the page says %q; it should not", not)
				}
			}
		})
	}
}
