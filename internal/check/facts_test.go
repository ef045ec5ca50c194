package check_test

import (
	"strings"
	"testing"
)

// withIndex is base's _index.md with its front matter lines from occurred:
// to affected's as_of replaced by lines.
func withIndex(lines string) string {
	old := "occurred:\n  from: 2024-05-01\n  to: 2024-05-06\ndata_involved:\n  - names\n  - dates of birth\naffected:\n  count: 1200\n  as_of: 2024-07-01\n"
	i := strings.Index(base, "-- content/incidents/x/_index.md --")
	j := strings.Index(base, "-- content/incidents/x/2024-05-08-first.md --")
	return strings.Replace(base[i:j], old, lines, 1)
}

// TestFactRules is the specification of the rules on facts: several
// intrusions, counts as ranges, the three groups of information and facts
// changed by updates, with the exact diagnostics each gives.
func TestFactRules(t *testing.T) {
	const u3 = "content/incidents/x/2024-06-01-third.md"
	thirdWith := func(status, facts string) string {
		return upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: "+status+"\n"+facts, "We know more now.\n")
	}
	tests := []struct {
		name  string
		files string
		want  []string
	}{
		{"several intrusions, each with a note", withIndex("occurred:\n  - {from: 2016-02-01, to: 2016-02-03, note: found during the investigation}\n  - {from: 2024-05-01, to: 2024-05-06}\ndata_involved:\n  - names\naffected:\n  min: 648000\n  max: 1000000\n  estimate: true\n  as_of: 2024-07-01\n"), nil},
		{"an intrusion that ends before it starts", withIndex("occurred:\n  - {from: 2016-02-01, to: 2016-02-03}\n  - {from: 2024-05-06, to: 2024-05-01}\ndata_involved:\n  - names\n"), []string{
			idx + ":6:12: occurred[1].from: 2024-05-06 is after occurred[1].to (2024-05-01); swap them, or correct the date",
		}},
		{"an intrusion after the discovery", withIndex("occurred:\n  - from: 2016-02-01\n  - from: 2024-05-07\ndata_involved:\n  - names\n"), []string{
			idx + ":6:11: occurred[1].from: 2024-05-07 is after the incident was discovered (2024-05-06); a breach cannot be found before it happens",
		}},
		{"an empty list of intrusions", withIndex("occurred: []\ndata_involved:\n  - names\n"), []string{
			idx + ":4:11: occurred: is an empty list; give each time as an entry with from:, to: and note:, or leave occurred out while it is not known",
		}},
		{"count range with min greater than max", withIndex("data_involved:\n  - names\naffected:\n  min: 1000000\n  max: 648000\n  as_of: 2024-07-01\n"), []string{
			idx + ":7:8: affected.min: 1000000 is more than max (648000); swap them, or correct the numbers",
		}},
		{"count and a range at once", withIndex("data_involved:\n  - names\naffected:\n  count: 5\n  max: 648000\n  as_of: 2024-07-01\n"), []string{
			idx + ":7:10: affected.count: give count or min and max, not both; remove count, or remove min and max",
		}},
		{"a range without as_of", withIndex("data_involved:\n  - names\naffected:\n  min: 648000\n"), []string{
			idx + ":7:8: warning: affected.min: say when this count was made: add as_of: with the date under affected",
		}},
		{"possible item also listed as involved", withIndex("data_involved:\n  - names\n  - dates of birth\ndata_possibly_involved:\n  - addresses\n  - Names.\n"), []string{
			idx + ":9:5: data_possibly_involved[1]: \"Names.\" is also listed under data_involved (line 5); information is either known to be involved, possibly involved or not involved: keep it in one list",
		}},
		{"not involved listed first, possible second", withIndex("data_not_involved:\n  - consultation notes\ndata_possibly_involved:\n  - consultation notes\n"), []string{
			idx + ":7:5: data_possibly_involved[0]: \"consultation notes\" is also listed under data_not_involved (line 5); information is either known to be involved, possibly involved or not involved: keep it in one list",
		}},
		{"fact changed with no earlier value", withIndex("data_involved:\n  - names\n") + thirdWith("contained", "facts:\n  affected:\n    count: 1000000\n    as_of: 2024-06-01\n"), []string{
			u3 + ":6:3: facts.affected: changes a fact content/incidents/x/_index.md never stated, so there is no earlier value to show; write the value first told under affected in content/incidents/x/_index.md (an affected: with only who: says the number was not known yet), and let this block say what changed",
		}},
		{"a fact given again unchanged", thirdWith("contained", "facts:\n  affected:\n    count: 1200\n    as_of: 2024-07-01\n"), []string{
			u3 + ":6:3: warning: facts.affected: is the same as before, so it changes nothing and the page shows no change; remove it from facts:",
		}},
		{"a count changed by an update", thirdWith("contained", "facts:\n  affected:\n    min: 648000\n    max: 1000000\n    as_of: 2024-06-01\n"), nil},
		{"an update's range with min greater than max", thirdWith("contained", "facts:\n  affected:\n    min: 1000000\n    max: 648000\n    as_of: 2024-06-01\n"), []string{
			u3 + ":7:10: facts.affected.min: 1000000 is more than max (648000); swap them, or correct the numbers",
		}},
		{"an update's count without as_of", thirdWith("contained", "facts:\n  affected:\n    count: 1500\n"), []string{
			u3 + ":7:12: warning: facts.affected.count: say when this count was made: add as_of: with the date under facts.affected",
		}},
		{"an update's count that drops who", withIndex("data_involved:\n  - names\naffected:\n  count: 1200\n  as_of: 2024-05-20\n  who: patients enrolled before 2020\n") + thirdWith("contained", "facts:\n  affected:\n    count: 1500\n    as_of: 2024-06-01\n"), []string{
			u3 + ":6:3: warning: facts.affected: has no who:, so the page would no longer say who is counted (it said \"patients enrolled before 2020\"); a facts: block gives the whole of affected: write who: again",
		}},
		{"item moved to involved but still possible", withIndex("data_involved:\n  - names\ndata_possibly_involved:\n  - addresses\n") + thirdWith("contained", "facts:\n  data_involved:\n    - names\n    - addresses\n"), []string{
			u3 + ":8:7: facts.data_involved[1]: \"addresses\" is still listed under data_possibly_involved (content/incidents/x/_index.md:7); a facts: block that moves an item gives every list it changes: add data_possibly_involved: to this block without it",
		}},
		{"item made possible by one update and involved by a later one", withIndex("data_involved:\n  - names\ndata_possibly_involved: []\n") + thirdWith("contained", "facts:\n  data_possibly_involved:\n    - addresses\n") + upd("2024-06-10-fourth.md", "title: Fourth\ndate: 2024-06-10T09:00:00+10:00\nstatus: notifying\nfacts:\n  data_involved:\n    - names\n    - Addresses\n", "We know more.\n"), []string{
			"content/incidents/x/2024-06-10-fourth.md:8:7: facts.data_involved[1]: \"Addresses\" is still listed under data_possibly_involved (content/incidents/x/2024-06-01-third.md:7); a facts: block that moves an item gives every list it changes: add data_possibly_involved: to this block without it",
		}},
		{"item moved to involved, both lists given", withIndex("data_involved:\n  - names\ndata_possibly_involved:\n  - addresses\n") + thirdWith("contained", "facts:\n  data_involved:\n    - names\n    - addresses\n  data_possibly_involved: []\n"), nil},
		{"possible items in a resolved incident", withIndex("data_involved:\n  - names\ndata_possibly_involved:\n  - addresses\n  - phone numbers\n") + thirdWith("resolved", ""), []string{
			u3 + ":4:9: warning: status: the incident is resolved, but 2 kinds of information are still listed as possibly involved (data_possibly_involved); if it will never be known, say so in never_known: (like never_known: \"Experts tell us we are likely never to know whether this was seen\"), or move each to data_involved or data_not_involved in a facts: block",
		}},
		{"possible items in a resolved incident that says it will never be known", withIndex("data_involved:\n  - names\ndata_possibly_involved:\n  - addresses\nnever_known: \"\"\n") + thirdWith("resolved", "facts:\n  never_known: Experts tell us it is likely we will never know whether addresses were seen.\n"), nil},
		{"possible items resolved as confirmed", withIndex("data_involved:\n  - names\ndata_possibly_involved:\n  - addresses\n") + thirdWith("resolved", "facts:\n  data_not_involved:\n    - addresses\n  data_possibly_involved: []\n"), []string{
			u3 + ":6:3: facts.data_not_involved: changes a fact content/incidents/x/_index.md never stated, so there is no earlier value to show; write the value first told under data_not_involved in content/incidents/x/_index.md (data_not_involved: [] says none was listed), and let this block say what changed",
		}},
		{"a draft's facts are checked but change nothing yet", thirdWith("contained", "draft: true\nfacts:\n  affected:\n    min: 9\n    max: 2\n    as_of: 2024-06-01\n"), []string{
			u3 + ":8:10: facts.affected.min: 9 is more than max (2); swap them, or correct the numbers",
		}},
		{"a withdrawn update's facts are taken back", withIndex("data_involved:\n  - names\ndata_possibly_involved:\n  - addresses\n") + thirdWith("resolved", "withdrawn: {date: 2024-06-02T09:00:00+10:00, note: Sent in error.}\nfacts:\n  data_possibly_involved: []\n"), []string{
			u3 + ":4:9: warning: status: the incident is resolved, but \"addresses\" is still listed as possibly involved (data_possibly_involved); if it will never be known, say so in never_known: (like never_known: \"Experts tell us we are likely never to know whether this was seen\"), or move each to data_involved or data_not_involved in a facts: block",
		}},
		{"an update's intrusion after the discovery", thirdWith("contained", "facts:\n  occurred:\n    - {from: 2024-05-01, to: 2024-05-06}\n    - {from: 2024-05-09}\n"), []string{
			u3 + ":8:14: facts.occurred[1].from: 2024-05-09 is after the incident was discovered (2024-05-06); a breach cannot be found before it happens",
		}},
		{"misspelt fact", thirdWith("contained", "facts:\n  afected:\n    count: 5\n"), []string{
			u3 + ":6:3: facts.afected: unknown field; did you mean facts.affected?",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, tt.files)
			got.Sort()
			var lines []string
			for _, d := range got {
				lines = append(lines, d.String())
			}
			if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
