package facts_test

import (
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/facts"
)

func TestAffectedWords(t *testing.T) {
	nz := facts.NewWords(&content.Config{Locale: "en-NZ"})
	de := facts.NewWords(&content.Config{Locale: "de-DE"})
	tests := []struct {
		name string
		w    *facts.Words
		a    *content.Affected
		want string
	}{
		{"range, upper an estimate", nz, &content.Affected{Min: 648000, Max: 1000000, Estimate: true}, "between 648,000 and about 1 million people"},
		{"count", nz, &content.Affected{Count: 12900}, "12,900 people"},
		{"estimated count", nz, &content.Affected{Count: 1250000, Estimate: true}, "about 1,250,000 people"},
		{"one person", nz, &content.Affected{Count: 1}, "1 person"},
		{"at least", nz, &content.Affected{Min: 648000}, "at least 648,000 people"},
		{"up to", nz, &content.Affected{Max: 5000, Estimate: true}, "up to about 5,000 people"},
		{"not counted yet", nz, &content.Affected{Who: "patients"}, "not known yet"},
		{"grouped for the locale", de, &content.Affected{Min: 648000, Max: 2000000}, "between 648.000 and 2 million people"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Affected(tt.a); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func day(s string) content.Date {
	t, _ := time.Parse("2006-01-02", s)
	return content.Date{Time: t, DateOnly: true}
}

func TestAsOf(t *testing.T) {
	inc := &content.Incident{Facts: content.Facts{
		Affected: &content.Affected{Count: 648000},
		Occurred: []content.Range{{From: day("2019-08-05"), To: day("2019-08-05")}},
		Set:      []string{"occurred", "affected"},
	}}
	second := &content.Update{Facts: &content.Facts{Affected: &content.Affected{Min: 648000, Max: 1000000}, Set: []string{"affected"}}}
	draft := &content.Update{Draft: true, Facts: &content.Facts{Affected: &content.Affected{Count: 5}, Set: []string{"affected"}}}
	withdrawn := &content.Update{Withdrawn: &content.Withdrawal{Note: "wrong"}, Facts: &content.Facts{Affected: &content.Affected{Count: 6}, Set: []string{"affected"}}}
	again := &content.Update{Facts: &content.Facts{Affected: &content.Affected{Min: 648000, Max: 1000000}, Set: []string{"affected"}}}
	third := &content.Update{Facts: &content.Facts{DataPossiblyInvolved: []string{"names"}, Set: []string{"data_possibly_involved"}}}
	first := &content.Update{}
	inc.Updates = []*content.Update{first, second, draft, withdrawn, again, third}
	w := facts.NewWords(&content.Config{Locale: "en-NZ"})

	if s := facts.AsOf(inc, first); len(s.Changes) != 0 || s.Affected.Count != 648000 {
		t.Errorf("as of the first update: %d changes, count %d; want none and 648000", len(s.Changes), s.Affected.Count)
	}
	s := facts.Current(inc)
	if got := w.Affected(s.Affected); got != "between 648,000 and 1 million people" {
		t.Errorf("current affected: %q", got)
	}
	ch := s.Of("affected")
	if len(ch) != 1 || ch[0].Update != second || w.Value(ch[0].Was, "affected") != "648,000 people" {
		t.Fatalf("changes to affected: %+v; want one, by the second update, was 648,000 people (a draft's and a withdrawn update's facts do not count, nor a value given again)", ch)
	}
	if got := s.By(third); len(got) != 1 || w.Value(got[0].Was, "data_possibly_involved") != "none listed" {
		t.Errorf("third update's changes: %+v", got)
	}
	if len(inc.Facts.Set) != 2 {
		t.Errorf("computing facts changed the incident's own: %v", inc.Facts.Set)
	}
}
