package check

import (
	"bytes"
	"regexp"
	"strings"
)

// jargon is the short list of security and corporate words that frightened
// readers stumble on, each with what to write instead. A pattern matches
// whole words; upper-case abbreviations match only in capitals.
var jargon = []struct {
	Words   string // a regular expression for the phrase and its forms
	Instead string // what to do instead, starting with a verb
	Exact   bool   // match case exactly (abbreviations: PII, not "pii" in a word)
}{
	{Words: `threat actors?`, Instead: `write "attacker" or "criminal"`},
	{Words: `bad actors?|malicious actors?|malicious third[- ]part(?:y|ies)`, Instead: `write "attacker" or "criminal"`},
	{Words: `unauthori[sz]ed third[- ]part(?:y|ies)`, Instead: `write "criminal" or "attacker", if that is what you mean`},
	{Words: `exfiltrat(?:ed|ion|e|es|ing)`, Instead: `write "copied" or "taken"`},
	{Words: `TTPs?`, Instead: `describe what the attacker did, in plain words`, Exact: true},
	{Words: `IOCs?|indicators? of compromise`, Instead: `write "signs of the attack"`},
	{Words: `(?:threat|attack) vectors?`, Instead: `write "how the attacker got in"`},
	{Words: `lateral movement`, Instead: `write "moved through our systems"`},
	{Words: `PII`, Instead: `write "personal information"`, Exact: true},
	{Words: `PHI`, Instead: `write "health information"`, Exact: true},
	{Words: `data subjects?`, Instead: `write "people" or "customers"`},
	{Words: `leverag(?:e|ed|es|ing)`, Instead: `write "use"`},
	{Words: `utili[sz](?:e|ed|es|ing)`, Instead: `write "use"`},
	{Words: `remediat(?:e|ed|es|ing|ion)`, Instead: `write "fix" or "repair"`},
	{Words: `out of an abundance of caution`, Instead: `say what you are doing and why`},
	{Words: `sophisticated`, Instead: `say what the attacker did; readers hear "sophisticated" as an excuse`},
	{Words: `prior to`, Instead: `write "before"`},
	{Words: `in the event that`, Instead: `write "if"`},
	{Words: `commenc(?:e|ed|es|ing)`, Instead: `write "start"`},
}

// jargonHints are words, in lower case, of which every match of the list
// contains at least one. Most paragraphs contain none, and a substring
// search is far cheaper than the case-insensitive expression (it was half
// of check's time on a 10,000-update site).
var jargonHints = [][]byte{
	[]byte("actor"), []byte("third"), []byte("exfiltrat"), []byte("ttp"),
	[]byte("ioc"), []byte("indicator"), []byte("vector"), []byte("lateral"),
	[]byte("pii"), []byte("phi"), []byte("subject"), []byte("leverag"),
	[]byte("utili"), []byte("remediat"), []byte("abundance"),
	[]byte("sophisticated"), []byte("prior"), []byte("event"), []byte("commenc"),
}

// mayHoldJargon reports whether text contains any of the jargon hints.
func mayHoldJargon(text []byte) bool {
	lower := bytes.ToLower(text)
	for _, h := range jargonHints {
		if bytes.Contains(lower, h) {
			return true
		}
	}
	return false
}

// jargonRe finds every entry of the list in one pass: group i+1 is entry i.
var jargonRe = func() *regexp.Regexp {
	alts := make([]string, len(jargon))
	for i, j := range jargon {
		flags := "(?i)"
		if j.Exact {
			flags = "(?-i)"
		}
		alts[i] = "(" + flags + "(?:" + j.Words + "))"
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(alts, "|") + `)\b`)
}()
