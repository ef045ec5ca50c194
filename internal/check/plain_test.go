package check

import (
	"math"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"We found it. We shut it down.", 2},
		{"Did they take it? We do not know! We are looking.", 3},
		{"Call us, e.g. on the helpline. It is free.", 2},
		{"Dr. Jones and Mr. Smith of St. Kilda spoke.", 1},
		{"About 1.5 million people. Most were in Victoria.", 2},
		{"We said \"stop.\" They did.", 2},
		{"The files (see above.) were old.", 1},
		{"We found it on 6 May. then we told the regulator.", 1},
		{"No full stop at the end", 1},
	}
	for _, tt := range tests {
		if got := len(sentencesOf([]byte(tt.text))); got != tt.want {
			t.Errorf("sentencesOf(%q): %d sentences, want %d", tt.text, got, tt.want)
		}
	}
}

func TestSyllables(t *testing.T) {
	tests := map[string]int{
		"we": 1, "the": 1, "cat": 1, "found": 1, "shut": 1, "people": 2, "table": 2, "information": 4,
		"organisation": 5, "helpline": 2, "called": 1, "wanted": 2, "prescription": 3, "1800": 1,
		"immediately": 5, "breach": 1, "happened": 2,
	}
	for w, want := range tests {
		if got := syllables(w); got != want {
			t.Errorf("syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestGrade checks the Flesch–Kincaid formula against a worked example:
// 100 words in 5 sentences with 150 syllables is grade
// 0.39*20 + 11.8*1.5 - 15.59 = 9.91.
func TestGrade(t *testing.T) {
	if g := grade(100, 5, 100, 150); math.Abs(g-9.91) > 1e-9 {
		t.Errorf("grade = %v, want 9.91", g)
	}
}

// TestJargonHintsCoverTheList: the cheap pre-check must never hide an
// entry, so each form of each entry contains one of the hints.
func TestJargonHintsCoverTheList(t *testing.T) {
	examples := []string{"threat actor", "bad actors", "malicious third party", "unauthorised third parties",
		"exfiltrated", "TTPs", "IOC", "indicators of compromise", "attack vector", "lateral movement", "PII", "PHI",
		"data subjects", "leveraging", "utilise", "remediation", "out of an abundance of caution", "sophisticated",
		"prior to", "in the event that", "commenced"}
	for _, e := range examples {
		if !jargonRe.MatchString(e) {
			t.Errorf("%q is not on the jargon list", e)
		}
		if !mayHoldJargon([]byte(e)) {
			t.Errorf("%q is on the list but no hint finds it", e)
		}
	}
	if n := len(jargon); n != 19 {
		t.Errorf("the list has %d entries; give every new one an example above and a hint", n)
	}
}
