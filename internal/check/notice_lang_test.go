package check_test

import (
	"strings"
	"testing"
)

// noticeMaori is the te reo Māori translation of noticeStatement, with the
// headings of the theme's i18n/mi.toml (notice_ keys).
const noticeMaori = `---
title: "Pānui mō te Takahanga Raraunga: he take haumarutanga ipurangi"
discovered: 2024-05-06T10:00:00+10:00
---

## I ahatia

I uru tētahi tangata ki tētahi o ā mātou pūnaha rorohiko i te 1 o Mei.

## Ngā mōhiohio i pāngia

Ngā ingoa me ngā nama Social Security.

## He aha te tikanga mōu

Ka taea pea e te hunga tinihanga te whakamahi i ō taipitopito.

## Ā mātou mahi

I katia e mātou te pūnaha.

## Ko tāu e taea ai

Kia tūpato ki ngā waea me ngā īmēra e tono ana i ō taipitopito.

## Mō ētahi atu kōrero

Waea mai ki 1800 000 000.
`

// noticeInLanguages is noticeSite under set, in English and te reo Māori,
// with the Māori statement changed by the pairs in mi, and files added.
func noticeInLanguages(set string, stmt, mi []string, files string) string {
	site := noticeSite(set, []string{"[params]", "[languages.en]\nlanguageName = \"English\"\n[languages.mi]\nlanguageName = \"Te reo Māori\"\nlocale = \"mi-NZ\"\n\n[params]"}, stmt, nil)
	return site + "-- content/incidents/x/_index.mi.md --\n" + replacePairs(noticeMaori, mi) + files
}

// TestNoticeRulesInEachLanguage: a translation of the statement is held to
// what the statement meets, with its own language's headings; a rule the
// statement meets by an English sentence is not read in te reo Māori, and
// what the statement lacks is reported once, at the statement.
func TestNoticeRulesInEachLanguage(t *testing.T) {
	const at = "content/incidents/x/_index.mi.md"
	cases := []struct {
		name      string
		set       string
		stmt, mi  []string
		files     string
		want      []string // the notice findings, at the translation or the statement
		wantNoAny string   // and no finding has this
	}{
		{name: "a full translation", set: "au"},
		{name: "a full translation, us-ca", set: "us-ca"},
		{name: "a section missing", set: "au", mi: []string{"## Ko tāu e taea ai", "## Ētahi atu"},
			want: []string{at + ":6:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(d) asks for recommendations about the steps individuals should take in response: content/incidents/x/_index.md has it and this translation does not; add a section \"## Ko tāu e taea ai\" that says what the statement's \"## What you can do\" says (its heading in i18n/mi.toml, notice_what_you_can_do)"}},
		{name: "a heading left in English", set: "au", mi: []string{"## I ahatia", "## What happened"},
			want: []string{at + ":6:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(b) asks for a description of the breach: content/incidents/x/_index.md has it and this translation does not; add a section \"## I ahatia\" that says what the statement's \"## What happened\" says (its heading in i18n/mi.toml, notice_what_happened)"}},
		{name: "an empty section", set: "au", mi: []string{"## Ko tāu e taea ai\n\nKia tūpato ki ngā waea me ngā īmēra e tono ana i ō taipitopito.\n", "## Ko tāu e taea ai\n\nTBC\n"},
			want: []string{at + ":22:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(d) asks for recommendations about the steps individuals should take in response: content/incidents/x/_index.md has it and this translation does not; the section \"## Ko tāu e taea ai\" is empty, or still holds the prompt 'disclose new' wrote; write it"}},
		{name: "the site's own heading", set: "au", mi: []string{"## Ko tāu e taea ai", "## Me aha koe"},
			files: "-- i18n/mi.toml --\nnotice_what_you_can_do = \"Me aha koe\"\n"},
		{name: "the title, us-ca", set: "us-ca", mi: []string{"Pānui mō te Takahanga Raraunga: he", "He"},
			want: []string{at + ":6:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the title \"Notice of Data Breach\": content/incidents/x/_index.md has it and this translation does not; give the translation the title or a heading \"Pānui mō te Takahanga Raraunga\" (notice_title in i18n/mi.toml)"}},
		{name: "a rule met in English words only", set: "gdpr",
			stmt: []string{"## What this means for you\n\nScammers could use your details to trick you.\n\n", "Scammers could use your details to trick you.\n\n"},
			mi:   []string{"## He aha te tikanga mōu\n\n", ""}},
		{name: "a rule the statement does not meet", set: "au", stmt: noCanDo, mi: []string{"## Ko tāu e taea ai", "## Ētahi atu"},
			want:      []string{"content/incidents/x/_index.md:"},
			wantNoAny: at + ":"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, d := range checkNotice(t, noticeInLanguages(c.set, c.stmt, c.mi, c.files)) {
				if strings.Contains(d, ": notice: ") {
					got = append(got, d)
				}
			}
			if c.wantNoAny != "" {
				for _, g := range got {
					if strings.Contains(g, c.wantNoAny) {
						t.Errorf("got %q, want no finding with %q", g, c.wantNoAny)
					}
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d notice findings, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("got  %s\nwant %s", got[i], w)
				}
			}
		})
	}
}
