package check_test

import (
	"strings"
	"testing"
	"time"
)

// upd is an update file of incident x with the given front matter lines and
// body, for the cases below.
func upd(name, frontMatter, body string) string {
	return "-- content/incidents/x/" + name + " --\n---\n" + frontMatter + "---\n" + body
}

const (
	idx  = "content/incidents/x/_index.md"
	u3   = "content/incidents/x/2024-06-01-third.md"
	conf = "config.toml"
)

// bilingual is the base site's config in English and te reo Māori, with
// the words of [params] in te reo Māori.
var bilingual = "-- config.toml --\n" + configText + "\n[languages.en]\nweight = 1\n[languages.mi]\nweight = 2\n[languages.mi.params.contact]\nphone_hours = \"8am ki 8pm, 7 rā\"\n"

// third is a valid third update with body; cases change it.
func third(body string) string {
	return upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", body)
}

// TestRules is the specification of what check catches: one bad input per
// rule, and the exact diagnostics it gives. The loader's structural rules
// come first, then the checker's.
func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		files string   // laid over the base site
		want  []string // every diagnostic, sorted
	}{
		// 2. Front matter (the loader).
		{"front matter syntax", upd("2024-06-01-third.md", "title: \"Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:4: front matter: found unexpected end of stream",
		}},
		{"required field missing", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:1:1: status: missing; add a line like status: investigating",
		}},
		{"unknown field", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstauts: contained\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:1:1: status: missing; add a line like status: investigating",
			"content/incidents/x/2024-06-01-third.md:4:1: stauts: unknown field; did you mean status?",
		}},
		{"unknown nested field", strings.Replace(base, "  count: 1200", "  cout: 1200", 1), []string{
			"content/incidents/x/_index.md:11:3: affected.cout: unknown field; did you mean affected.count?",
		}},
		{"wrong kind", strings.Replace(base, "  count: 1200", "  count: many", 1), []string{
			"content/incidents/x/_index.md:11:10: affected.count: should be a whole number, 0 or more, like 12900000",
		}},
		{"list written as text", strings.Replace(base, "data_involved:\n  - names\n  - dates of birth", "data_involved: names", 1), []string{
			"content/incidents/x/_index.md:7:16: data_involved: should be a list; put each item on its own line, starting with \"- \"",
		}},
		{"time without offset", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00\nstatus: contained\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:3:7: date: no time zone offset; write 2024-06-01T09:00:00+10:00",
		}},
		{"date that does not exist", strings.Replace(base, "as_of: 2024-07-01", "as_of: 2024-02-30", 1), []string{
			"content/incidents/x/_index.md:12:10: affected.as_of: 2024-02-30 is not a real date (February 2024 has 29 days)",
		}},
		{"status outside the vocabulary", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: fixed\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:4:9: status: \"fixed\" is not a status word; use one of investigating, identified, contained, notifying, resolved",
		}},

		{"a prompt from disclose new left in a published update", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "We closed the account.\n\nSay what people can do to protect themselves, and who they can call for help.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:8:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{"a prompt in a draft is a warning", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\ndraft: true\n", "Write what has happened since our last update.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:7:1: warning: markdown: this is still a prompt; replace it with what people need to know before you remove 'draft: true'",
		}},

		// 3. Timeline.
		{"update before discovery", upd("2024-05-05-early.md", "title: Early\ndate: 2024-05-05T09:00:00+10:00\nstatus: investigating\n", "Text.\n"), []string{
			"content/incidents/x/2024-05-05-early.md:3:7: date: 2024-05-05T09:00:00+10:00 is before the incident was discovered (2024-05-06T10:00:00+10:00 in content/incidents/x/_index.md); check the date and its offset",
		}},
		{"update in the future", upd("2025-02-01-later.md", "title: Later\ndate: 2025-02-01T09:00:00+11:00\nstatus: resolved\n", "Text.\n"), []string{
			"content/incidents/x/2025-02-01-later.md:3:7: date: 2025-02-01T09:00:00+11:00 is in the future, so the update would not be published; correct the date, or add draft: true until it is ready",
		}},
		{"draft in the future is fine", upd("2025-02-01-later.md", "title: Later\ndate: 2025-02-01T09:00:00+11:00\nstatus: resolved\ndraft: true\n", "Text.\n"), nil},
		{"two updates at one time", upd("2024-05-20-again.md", "title: Again\ndate: 2024-05-20T09:00:00+10:00\nstatus: identified\n", "Text.\n"), []string{
			"content/incidents/x/2024-05-20-second.md:3:7: date: 2024-05-20T09:00:00+10:00 has the same time as content/incidents/x/2024-05-20-again.md, so both would have the address /incidents/x/2024-05-20-0900/; give each update its own minute",
		}},
		{"status goes backwards", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: investigating\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:4:9: warning: status: goes back from identified (content/incidents/x/2024-05-20-second.md) to investigating; say why in the update (for example \"We have reopened our investigation because ...\") or in a revision note",
		}},
		{"status goes backwards with a reason", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: investigating\n", "We have reopened our investigation.\n"), nil},
		{"affected as of in the future", strings.Replace(base, "as_of: 2024-07-01", "as_of: 2025-07-01", 1), []string{
			"content/incidents/x/_index.md:12:10: affected.as_of: 2025-07-01 is in the future; a count can only be as of today or earlier",
		}},
		{"data window backwards", strings.Replace(base, "affected:", "data_window:\n  from: 2023-06-01\n  to: 2023-01-01\naffected:", 1), []string{
			"content/incidents/x/_index.md:11:9: data_window.from: 2023-06-01 is after data_window.to (2023-01-01); swap them, or correct the date",
		}},
		{"occurred backwards", strings.Replace(base, "  from: 2024-05-01\n  to: 2024-05-06", "  from: 2024-05-06\n  to: 2024-05-01", 1), []string{
			"content/incidents/x/_index.md:5:9: occurred.from: 2024-05-06 is after occurred.to (2024-05-01); swap them, or correct the date",
		}},
		{"occurred after discovery", strings.Replace(base, "  from: 2024-05-01\n  to: 2024-05-06", "  from: 2024-05-07", 1), []string{
			"content/incidents/x/_index.md:5:9: occurred.from: 2024-05-07 is after the incident was discovered (2024-05-06); a breach cannot be found before it happens",
		}},
		{"offset not the zone's", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+11:00\nstatus: contained\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:3:7: warning: date: offset +11:00 is not the offset of Australia/Melbourne on that day (+10:00): readers see 08:00 AEST, but the address uses 09:00; if you meant 09:00 local time, write 2024-06-01T09:00:00+10:00",
		}},
		{"revision before the update", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-05-31T09:00:00+10:00\n    note: fixed a typo\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:11: revisions[0].date: 2024-05-31T09:00:00+10:00 is before the update's own date (2024-06-01T09:00:00+10:00); a revision comes after publication",
		}},
		{"count without as_of", strings.Replace(base, "  as_of: 2024-07-01\n", "", 1), []string{
			"content/incidents/x/_index.md:11:10: warning: affected.count: say when this count was made: add as_of: with the date under affected",
		}},
		{"regulator told before discovery", strings.Replace(base, "affected:", "notified:\n  - body: Office of the Australian Information Commissioner\n    date: 2024-05-01\naffected:", 1), []string{
			"content/incidents/x/_index.md:12:11: notified[0].date: 2024-05-01 is before the incident was discovered (2024-05-06); check the date",
		}},
		{"regulator told in the future", strings.Replace(base, "affected:", "notified:\n  - body: Office of the Australian Information Commissioner\n    date: 2025-05-01\naffected:", 1), []string{
			"content/incidents/x/_index.md:12:11: notified[0].date: 2025-05-01 is in the future; list a regulator only once it has been told",
		}},
		{"every update a draft", "-- content/incidents/y/_index.md --\n---\ntitle: \"Y\"\ndiscovered: 2024-05-06T10:00:00+10:00\ndata_involved: [names]\n---\n\n## What happened\n\nText.\n\n## What you can do\n\nText.\n" +
			"-- content/incidents/y/2024-05-08-a.md --\n---\ntitle: A\ndate: 2024-05-08T09:00:00+10:00\nstatus: investigating\ndraft: true\n---\nText.\n", []string{
			"content/incidents/y/_index.md:1:1: warning: updates: every update of this incident is a draft, so its page shows no status; publish the first update by removing draft: true",
		}},
		{"revisions out of order", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-03T09:00:00+10:00\n    note: one\n  - date: 2024-06-02T09:00:00+10:00\n    note: two\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:8:11: revisions[1].date: 2024-06-02T09:00:00+10:00 is before the revision above it; list revisions oldest first, newest last",
		}},
		{"revision in the future", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2025-06-03T09:00:00+10:00\n    note: one\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:11: revisions[0].date: 2025-06-03T09:00:00+10:00 is in the future; date a revision when it is made",
		}},
		{"withdrawn before published", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nwithdrawn:\n  date: 2024-05-31T09:00:00+10:00\n  note: posted in error\n", ""), []string{
			"content/incidents/x/2024-06-01-third.md:6:9: withdrawn.date: 2024-05-31T09:00:00+10:00 is before the update's own date (2024-06-01T09:00:00+10:00); an update is withdrawn after it was published",
		}},
		{"translation with another status", bilingual + upd("2024-05-20-second.mi.md", "title: Ngā mea e mōhio ana mātou\ndate: 2024-05-20T09:00:00+10:00\nstatus: contained\n", "He kōrero <b>hou</b>.\n"), []string{
			"content/incidents/x/2024-05-20-second.mi.md:4:9: status: contained differs from identified in content/incidents/x/2024-05-20-second.md; a translation carries the same status as its source",
			"content/incidents/x/2024-05-20-second.mi.md:6:11: markdown: raw HTML <b> is not published (it would be dropped, leaving a hole in the text); write **bold**",
		}},
		{"translation behind its source's revisions", bilingual + upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-02T09:00:00+10:00\n    note: corrected the helpline hours\n  - date: 2024-06-17T09:00:00+10:00\n    note: added the new phone number\n", "Text.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-02T09:00:00+10:00\n    note: i whakatikaina ngā hāora\n", "Kōrero.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:5:1: warning: revisions: content/incidents/x/2024-06-01-third.md was revised on 17 June 2024 (\"added the new phone number\") and this translation was not; translate the change, then copy the revision entry here",
		}},
		{"translation with a revision of its own", bilingual + upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-02T09:00:00+10:00\n    note: he panoni\n", "Kōrero.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:6:11: revisions: 1 revisions here but 0 in content/incidents/x/2024-06-01-third.md; a translation is revised only with its source: revise the source too, or remove this entry",
		}},
		{"translation with another revision date", bilingual + upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-02T09:00:00+10:00\n    note: corrected the helpline hours\n  - date: 2024-06-17T09:00:00+10:00\n    note: added the new phone number\n", "Text.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-03T09:00:00+10:00\n    note: i whakatikaina ngā hāora\n  - date: 2024-06-17T09:00:00+10:00\n    note: he nama hou\n", "Kōrero.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:6:11: revisions: 2024-06-03T09:00:00+10:00 differs from 2024-06-02T09:00:00+10:00, revision 1 in content/incidents/x/2024-06-01-third.md; a translation carries the same revisions as its source",
		}},
		{"translation of a withdrawn update, not withdrawn", bilingual + upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nwithdrawn:\n  date: 2024-06-02T09:00:00+10:00\n  note: posted in error\n", "") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Kōrero.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:3:7: withdrawn: content/incidents/x/2024-06-01-third.md was withdrawn on 2024-06-02T09:00:00+10:00; a translation carries its source's withdrawal: copy its withdrawn: block here, with the note translated",
		}},
		{"translation withdrawn alone", bilingual + upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nwithdrawn:\n  date: 2024-06-02T09:00:00+10:00\n  note: i hapa\n", ""), []string{
			"content/incidents/x/2024-06-01-third.mi.md:5:1: withdrawn: content/incidents/x/2024-06-01-third.md is not withdrawn; a translation is withdrawn only with its source: withdraw the source first, or remove this block",
		}},
		{"draft translation of a published update", bilingual + third("Text.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\ndraft: true\n", "Kōrero.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:5:8: draft: content/incidents/x/2024-06-01-third.md is published, and a translation is published with its source; remove draft: here, or keep this file out of content/ until the translation is ready",
		}},
		{"published translation of a draft", bilingual + upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\ndraft: true\n", "Text.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Kōrero.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:3:7: draft: content/incidents/x/2024-06-01-third.md is a draft, and a translation is published with its source; add draft: true here too, or publish the source",
		}},
		{"translation with no source", bilingual + upd("2024-06-01-thrid.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Kōrero.\n"), []string{
			"content/incidents/x/2024-06-01-thrid.mi.md:1:1: this translates 2024-06-01-thrid.md, which is not in this folder; a translation is named after its source (2024-05-16-first.mi.md beside 2024-05-16-first.md): rename it, or add the source first",
		}},
		{"two translations into one language", bilingual + third("Text.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Kōrero.\n") +
			upd("2024-06-01-third.MI.md", "title: Tuatoru anō\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Kōrero anō.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:1:1: content/incidents/x/2024-06-01-third.MI.md already translates content/incidents/x/2024-06-01-third.md into \"mi\"; keep one of them",
		}},
		{"official advice with a javascript address", strings.Replace(base, "affected:", "official_advice:\n  - title: Advice\n    url: javascript:alert(1)\n  - title: Old advice\n    url: http://www.oaic.gov.au/\naffected:", 1), []string{
			"content/incidents/x/_index.md:12:10: official_advice[0].url: \"javascript:alert(1)\" is not a web address; write it like https://www.example.gov.au/advice",
			"content/incidents/x/_index.md:14:10: warning: official_advice[1].url: \"http://www.oaic.gov.au/\" uses http://, which can be changed on its way to the reader; use https:// if the site offers it",
		}},
		// 4. Markdown.
		{"raw HTML block", third("Text.\n\n<div class=\"x\">\nHello\n</div>\n"), []string{
			"content/incidents/x/2024-06-01-third.md:8:1: markdown: raw HTML <div class=\"x\"> is not published (it would be dropped, leaving a hole in the text); remove it; Markdown needs no wrapper",
		}},
		{"raw HTML inline", third("Call <b>now</b>.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:6: markdown: raw HTML <b> is not published (it would be dropped, leaving a hole in the text); write **bold**",
		}},
		{"javascript link", third("[Report a scam](javascript:alert(1)).\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:17: markdown: link address starts with javascript:, which runs code in the reader's browser; link to an https:// page instead",
		}},
		{"data image", third("![A chart](data:image/png;base64,AAAA)\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:12: markdown: image address starts with data:, which can hide anything, and browsers block it; put the image file under static/ and write its address, like /images/letter.png",
		}},
		{"vbscript link", third("[Report a scam](VBScript:msgbox).\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:17: markdown: link address starts with vbscript:, which runs code in the reader's browser; link to an https:// page instead",
		}},
		{"link to a page that does not exist", third("See [the first update](/incidents/x/2024-05-08-1700/).\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:24: markdown: link leads to /incidents/x/2024-05-08-1700/, which is not a page of this site; did you mean /incidents/x/2024-05-08-1730/?",
		}},
		{"relative link to a page that does not exist", third("See [the incident](../y/).\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:20: markdown: link leads to /incidents/x/y/, which is not a page of this site; did you mean /incidents/x/?",
		}},
		{"links to every language's pages and feeds", bilingual +
			third("See [the feed](/mi/feed.xml), [its feed](/mi/incidents/x/atom.xml), [how to check](/mi/verify/), [in English](/verify/), [404](/mi/404.html) and [the list](/mi/incidents/).\n\nNot [the manifest](/mi/manifest.json) nor [a feed](/mi/incidents/y/feed.json).\n"), []string{
			"content/incidents/x/2024-06-01-third.md:8:20: markdown: link leads to /mi/manifest.json, which is not a page of this site; did you mean /manifest.json?",
			"content/incidents/x/2024-06-01-third.md:8:52: markdown: link leads to /mi/incidents/y/feed.json, which is not a page of this site; did you mean /mi/incidents/x/feed.json?",
		}},
		{"a language's words for [params]", "-- config.toml --\n" + configText + "\n[[params.we_will_never]]\ntext = \"ask for your password\"\n[[params.we_will_never]]\ntext = \"ask you to pay\"\n[[params.support]]\nname = \"IDCARE\"\nurl = \"https://www.idcare.org/\"\nphone = \"1800 595 160\"\nabout = \"free support\"\n" +
			"[languages.en]\n[languages.mi]\n[languages.mi.params.contact]\nphone_hours = \"8am ki 8pm; waea mai ki 1800 000 000, ki 1800 595 160 rānei\"\n[[languages.mi.params.we_will_never]]\ntext = \"tono i tō kupuhipa\"\n[[languages.mi.params.support]]\nabout = \"waea ki 1900 123 456\"\n", []string{
			"config.toml:31:23: languages.mi.params.we_will_never: gives 1, and [[params.we_will_never]] has 2; give one for each of them, in the same order",
			"config.toml:34:9: languages.mi.params.support[0].about: 1900 123 456 is not one of the site's numbers under [params]; a translation gives the same numbers as the default language's words",
		}},
		{"an empty line of the scam warning", "-- config.toml --\n" + configText + "\n[[params.we_will_never]]\ntext = \"ask for your password\"\n[[params.we_will_never]]\ntext = \" \"\n" +
			"[languages.en]\n[languages.mi]\n[languages.mi.params.contact]\nphone_hours = \"8am ki 8pm\"\n[[languages.mi.params.we_will_never]]\ntext = \"\"\n[[languages.mi.params.we_will_never]]\ntext = \"tono i tō kupuhipa\"\n", []string{
			"config.toml:21:8: params.we_will_never[1].text: empty, so the scam warning would show an empty line; write what Example will never do, or remove this [[params.we_will_never]]",
			"config.toml:27:8: languages.mi.params.we_will_never[0].text: empty, so the scam warning in mi would show an empty line; write entry 1 of [[params.we_will_never]] in mi",
		}},
		{"a support service's words left out in a language", "-- config.toml --\n" + configText + "\n[[params.support]]\nname = \"IDCARE\"\nurl = \"https://www.idcare.org/\"\nabout = \"free support\"\n" +
			"[languages.en]\n[languages.mi]\n[languages.mi.params.contact]\nphone_hours = \"8am ki 8pm\"\n[[languages.mi.params.support]]\nabout = \"\"\n", []string{
			"config.toml:27:9: languages.mi.params.support[0].about: empty, so mi's pages would not say what IDCARE does; write \"free support\" in mi",
		}},
		{"a language without its words for [params]", "-- config.toml --\n" + configText + "\n[[params.we_will_never]]\ntext = \"ask for your password\"\n[languages.en]\n[languages.mi]\n", []string{
			"config.toml:21:12: warning: languages.mi: mi's pages show these words of [params] in en: contact.phone_hours, we_will_never; give them in mi under [languages.mi.params] (docs/config.md)",
		}},
		{"a phone number in another script's digits", bilingual + upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Call 1800 000 000.\n") +
			upd("2024-06-01-third.mi.md", "title: Tuatoru\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Waea mai ki ١٨٠٠ ٠٠٠ ٠٠٠, kaua ki ١٩٠٠ ١٢٣ ٤٥٦.\n"), []string{
			"content/incidents/x/2024-06-01-third.mi.md:6:35: warning: phone: ١٩٠٠ ١٢٣ ٤٥٦ is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{"link to a draft", third("See [the next update](/incidents/x/2024-06-02-0900/).\n") + upd("2024-06-02-next.md", "title: Next\ndate: 2024-06-02T09:00:00+10:00\nstatus: contained\ndraft: true\n", "Text.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:23: markdown: link leads to content/incidents/x/2024-06-02-next.md, a draft, which is not published; publish it first, or remove the link",
		}},
		{"http link", third("See [the regulator](http://www.oaic.gov.au/).\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:21: warning: address: http://www.oaic.gov.au/ is not one of the site's web addresses (baseURL and params.support in config.toml, or the incident's official_advice and notified); check every letter, or add it there",
			"content/incidents/x/2024-06-01-third.md:6:21: warning: markdown: link uses http://, which can be changed on its way to the reader; use https:// if the site offers it",
		}},
		{"image without alt", third("![](/images/letter.png)\n") + "-- static/images/letter.png --\npng\n", []string{
			"content/incidents/x/2024-06-01-third.md:6:1: markdown: image has no alt text; describe it for people who cannot see it: ![Screenshot of the scam text message](/images/letter.png)",
		}},
		{"image from another host", third("![Our letter](https://cdn.example.com/letter.png)\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:15: markdown: image is loaded from another host (cdn.example.com), which the site never does; put the file under static/ and write /letter.png",
		}},
		{"heading skips a level", third("## What happened\n\nText.\n\n#### Details\n\nMore.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:10:1: warning: markdown: heading level 4 follows level 2, skipping a level; write ### (people using screen readers move by heading level)",
		}},
		{"empty body", third("\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:1: body: the update has no text; write what happened and what people should do below the front matter",
		}},
		{"withdrawn update may be empty", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nwithdrawn:\n  date: 2024-06-02T09:00:00+10:00\n  note: posted in error\n", ""), nil},
		{"link text that says nothing", third("For the regulator's advice, [click here](https://www.oaic.gov.au/).\n"), []string{
			u3 + ":6:29: warning: markdown: link text \"click here\" says nothing on its own (screen readers list links by their text); name where it leads, like [the regulator's advice](...)",
			u3 + ":6:42: warning: address: https://www.oaic.gov.au/ is not one of the site's web addresses (baseURL and params.support in config.toml, or the incident's official_advice and notified); check every letter, or add it there",
		}},
		{"phone number the site does not give", third("Call our helpline on 1300 555 123 or +61 3 0000 0000. It has helped 12 900 000 people.\n"), []string{
			u3 + ":6:22: warning: phone: 1300 555 123 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{"link to an update's file", third("See [our first update](2024-05-08-first.md).\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:24: markdown: link leads to the file 2024-05-08-first.md; link to the update's address instead: /incidents/x/2024-05-08-1730/",
		}},
		{"alt text that is a file name", third("![IMG_0042.png](/images/letter.png)\n") + "-- static/images/letter.png --\npng\n", []string{
			"content/incidents/x/2024-06-01-third.md:6:1: warning: markdown: the alt text \"IMG_0042.png\" is a file name; describe what the image shows for people who cannot see it",
		}},
		{"web address that is not a link", third("Read the advice at www.oaic.gov.au/privacy and <https://www.cyber.gov.au/>.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:20: warning: address: www.oaic.gov.au/privacy is not one of the site's web addresses (baseURL and params.support in config.toml, or the incident's official_advice and notified); check every letter, or add it there",
			"content/incidents/x/2024-06-01-third.md:6:20: warning: markdown: this address is not a link, so readers cannot tap it; write it as <https://www.oaic.gov.au/privacy> or [what it is](https://www.oaic.gov.au/privacy)",
			"content/incidents/x/2024-06-01-third.md:6:48: warning: address: https://www.cyber.gov.au/ is not one of the site's web addresses (baseURL and params.support in config.toml, or the incident's official_advice and notified); check every letter, or add it there",
		}},
		{"embed shortcode", third("{{< youtube abc123 >}}\n"), []string{
			u3 + ":6:1: markdown: shortcodes are not supported, so {{< youtube >}} would be published as it is typed, braces and all; link to the page instead: [what it shows](https://...)",
		}},
		{"shortcode in text", third("Our letter: {{% figure src=\"/images/letter.png\" %}} and {{<figure src=\"x.png\">}}.\n"), []string{
			u3 + ":6:13: markdown: shortcodes are not supported, so {{% figure %}} would be published as it is typed, braces and all; write an image as ![what it shows](/images/file.png)",
			u3 + ":6:57: markdown: shortcodes are not supported, so {{< figure >}} would be published as it is typed, braces and all; write an image as ![what it shows](/images/file.png)",
		}},
		{"shortcode closed", third("{{< details >}}\nMore.\n{{< /details >}}\n\n{{< /notice >}}\n"), []string{
			u3 + ":6:1: markdown: shortcodes are not supported, so {{< details >}} would be published as it is typed, braces and all; write it in Markdown instead",
			u3 + ":10:1: markdown: shortcodes are not supported, so {{< /notice >}} would be published as it is typed, braces and all; write it in Markdown instead",
		}},
		{"shortcode escaped the Hugo way", third("Write {{</* figure */>}} to show one.\n"), []string{
			u3 + ":6:7: markdown: shortcodes are not supported, so {{</* figure */>}} would be published as it is typed; to show a shortcode as text, put it in backticks: `{{< figure >}}`",
		}},
		{"shortcode in code is shown as text", third("Write `{{< figure >}}` to show one.\n\n```\n{{% notice %}}\n```\n\n    {{< x >}}\n"), nil},
		{"comment then script on one line", third("Text.\n\n<!-- x --><script>alert(1)</script>\n"), []string{
			u3 + ":8:11: markdown: raw HTML <script>alert(1)</script> is not published (it would be dropped, leaving a hole in the text); the site runs no scripts",
		}},
		{"comment then script on the next line", third("Text.\n\n<!-- x -->\n<script>alert(1)</script>\n"), []string{
			u3 + ":8:1: markdown: HTML comment <!-- x --> is not allowed: the site publishes no HTML, comments included, since what a comment holds is dropped unchecked; keep notes for the editor outside the file",
			u3 + ":9:1: markdown: raw HTML <script>alert(1)</script> is not published (it would be dropped, leaving a hole in the text); the site runs no scripts",
		}},
		{"script after a comment of several lines", third("Text.\n\n<!--\nnote\n--><script>alert(1)</script>\n"), []string{
			u3 + ":10:4: markdown: raw HTML <script>alert(1)</script> is not published (it would be dropped, leaving a hole in the text); the site runs no scripts",
		}},
		{"comment inline", third("Text <!-- note --> more.\n"), []string{
			u3 + ":6:6: markdown: HTML comment <!-- note --> is not allowed: the site publishes no HTML, comments included, since what a comment holds is dropped unchecked; keep notes for the editor outside the file",
		}},
		{"HTML block that starts with a closing tag", third("Text.\n\n</div>\n<script>alert(1)</script>\n"), []string{
			u3 + ":8:1: markdown: raw HTML </div> is not published (it would be dropped, leaving a hole in the text); remove it; Markdown needs no wrapper",
		}},
		{"closing tag alone", third("Text </b> more.\n"), []string{
			u3 + ":6:6: markdown: raw HTML </b> is not published (it would be dropped, leaving a hole in the text); write **bold**",
		}},
		{"heading with a < that reads as a tag", third("## Savings <up to half>\n\nText.\n"), []string{
			u3 + ":6:12: markdown: raw HTML <up to half> is not published (it would be dropped, leaving a hole in the text); if you meant the < sign, write \\< or &lt;",
		}},
		{"heading with a < that is text", third("## Price < $5 and 3<4\n\nText.\n"), nil},
		{"heading with a tag", third("## What <b>we</b> know\n\nText.\n"), []string{
			u3 + ":6:9: markdown: raw HTML <b> is not published (it would be dropped, leaving a hole in the text); write **bold**",
		}},
		{"link in a heading", third("## See [the advice](javascript:alert(1))\n\nText.\n"), []string{
			u3 + ":6:21: markdown: link address starts with javascript:, which runs code in the reader's browser; link to an https:// page instead",
		}},
		{"raw HTML in a table cell", third("| What | When |\n|---|---|\n| <i>Letters</i> | Now |\n"), []string{
			u3 + ":8:3: markdown: raw HTML <i> is not published (it would be dropped, leaving a hole in the text); write *italics*",
		}},
		{"raw HTML in link text", third("Read [<b>the advice</b>](/incidents/x/).\n"), []string{
			u3 + ":6:7: markdown: raw HTML <b> is not published (it would be dropped, leaving a hole in the text); write **bold**",
		}},
		{"raw HTML in alt text", third("![Our <i>letter</i>](/images/letter.png)\n") + "-- static/images/letter.png --\npng\n", []string{
			u3 + ":6:7: markdown: raw HTML <i> is not published (it would be dropped, leaving a hole in the text); write *italics*",
		}},
		{"heading id attribute", third("## Contact us {#contact}\n\nText.\n"), []string{
			u3 + ":6:15: warning: markdown: {#contact} after a heading is shown as text: the site's Markdown has no attribute syntax; remove it (each heading gets its address from its own words)",
		}},
		{"heading attributes that restyle", third("## Help {style=\"background:url(/x.png)\" contenteditable}\n\nText.\n"), []string{
			u3 + ":6:9: markdown: {style=\"background:url(/x.png)\" contente...} after a heading is shown as text, and style and contenteditable would restyle the page, run code or make it editable if it were read as attributes; the site's Markdown has no attribute syntax: remove it",
		}},
		{"setext heading attributes", third("Help\n{.big onclick=steal()}\n===\n\nText.\n"), []string{
			u3 + ":7:1: markdown: {.big onclick=steal()} after a heading is shown as text, and onclick would restyle the page, run code or make it editable if it were read as attributes; the site's Markdown has no attribute syntax: remove it",
		}},
		{"heading attributes that do nothing", third("## Options {verbose lang=en}\n\nText.\n"), []string{
			u3 + ":6:12: warning: markdown: {verbose lang=en} after a heading is shown as text: the site's Markdown has no attribute syntax; remove it (each heading gets its address from its own words)",
		}},
		{"braces that are not attributes", third("## Set {a, b} and {x = 1}\n\n## Empty {}\n\n## Escaped \\{#x}\n\nText.\n"), nil},
		{"bidi override", third("Write to us at \u202Eorg.elpmaxe@ofni.\n"), []string{
			u3 + ":6:16: markdown: the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) changes the order in which readers see the text after it, so they would not read what was checked; delete it (right-to-left words need no control characters: type them as they are)",
		}},
		{"bidi isolate as a character reference", third("Call `x` &#x2066;now&#8297;.\n"), []string{
			u3 + ":6:10: markdown: &#x2066;, the invisible character U+2066 (LEFT-TO-RIGHT ISOLATE) changes the order in which readers see the text after it, so they would not read what was checked; delete it (right-to-left words need no control characters: type them as they are)",
			u3 + ":6:21: markdown: &#8297;, the invisible character U+2069 (POP DIRECTIONAL ISOLATE) changes the order in which readers see the text after it, so they would not read what was checked; delete it (right-to-left words need no control characters: type them as they are)",
		}},
		{"right-to-left text without controls", third("Arabic: \u0645\u0631\u062D\u0628\u0627 \u200F.\n"), nil},
		{"invalid UTF-8", third("Our caf\xe9 is open. Caf\xe9.\n\nIt\x92s shut.\n"), []string{
			u3 + ":6:8: markdown: this line is not UTF-8 text (byte 0xE9), so readers would see \ufffd or worse; save the file as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8))",
			u3 + ":8:3: markdown: this line is not UTF-8 text (byte 0x92), so readers would see \ufffd or worse; save the file as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8))",
		}},
		{"control character", third("Text\x0b here.\n"), []string{
			u3 + ":6:5: markdown: the control character U+000B is not text, and no feed may carry it; delete it (it often comes from pasting)",
		}},

		// 5. Notice completeness.
		{"au: no What you can do", strings.Replace(base, "## What you can do", "## Staying safe", 1), []string{
			"content/incidents/x/_index.md:15:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(d) asks for recommendations about the steps individuals should take in response; add a section \"## What you can do\" that says what people should do now",
		}},
		{"gdpr", "-- config.toml --\n" + strings.Replace(configText, `["au"]`, `["gdpr"]`, 1), []string{
			"content/incidents/x/_index.md:15:1: warning: notice: GDPR Art. 34(1) and 34(3)(c) asks for a communication to each data subject: a web page alone is one only when telling each person would involve disproportionate effort; say how this page serves the law: add mode: direct under notice if people are also told one by one, or mode: public if this page is the public communication of Art. 34(3)(c)",
			"content/incidents/x/_index.md:15:1: warning: notice: GDPR Art. 34(2) with Art. 33(3)(c) asks for the likely consequences of the breach; add a section \"## What this means for you\", or a sentence that names the harm and how likely it is (such as \"Scammers could use your details to sound convincing\")",
		}},
		{"us-ca", "-- config.toml --\n" + strings.Replace(configText, `["au"]`, `["us-ca"]`, 1) + strings.Replace(strings.Replace(base, "  - names\n", "  - names\n  - Social Security numbers\n", 1), "## For more information", "## Contact", 1), []string{
			"content/incidents/x/_index.md:16:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the heading \"For More Information\", with text under it; add a section \"## For more information\" that says how to reach us",
			"content/incidents/x/_index.md:16:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the title \"Notice of Data Breach\"; put \"Notice of Data Breach\" in the title, or start the statement with the heading \"## Notice of Data Breach\"",
			"content/incidents/x/_index.md:16:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(D) asks for whether notification was delayed by a law enforcement investigation; say whether the notice was delayed by the police, in a sentence with \"police\" or \"law enforcement\" and \"delay\" (such as \"This notice was not delayed by a police investigation\")",
			"content/incidents/x/_index.md:16:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(F) asks for the toll-free numbers and addresses of the major credit reporting agencies, because a Social Security, driver's license or California ID card number was involved; name Equifax, Experian and TransUnion, with their toll-free numbers and addresses, in the section \"## What you can do\"",
		}},
		{"hipaa: an email address is enough contact (164.404(c)(1)(E) lists alternatives)", "-- config.toml --\n" + strings.Replace(configText, `["au"]`, `["hipaa"]`, 1), nil},
		{"nz", "-- config.toml --\n" + strings.Replace(configText, `["au"]`, `["nz"]`, 1), []string{
			"content/incidents/x/_index.md:15:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(a) asks for whether the agency knows who holds the information; say whether we know who has the information, in a sentence with \"who\" and \"know\" (such as \"We do not know who has the information\"), without naming them",
			"content/incidents/x/_index.md:15:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(d) asks for confirmation that the Privacy Commissioner has been notified; list the Privacy Commissioner under notified: in the front matter, or say \"We have told the Privacy Commissioner\"",
			"content/incidents/x/_index.md:15:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(e) asks for a statement that the individual has the right to make a complaint to the Privacy Commissioner; say \"You have the right to complain to the Privacy Commissioner\" and how (privacy.org.nz)",
			"content/incidents/x/_index.md:15:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(f) asks for details of a contact person within the agency for inquiries; set params.contact.privacy_officer, and params.contact.phone or email, in config.toml",
		}},

		// 6. Plain language.
		{"long sentence", third("We want to let you know that on the first day of June we found that somebody we do not know had looked at some of the files that we keep about the people who use our service.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:1: warning: plain language: this paragraph reads at school grade 12.9 (Flesch-Kincaid), above the limit of 10 (params.readability_grade); use shorter sentences and everyday words",
			"content/incidents/x/2024-06-01-third.md:6:1: warning: plain language: this sentence has 38 words; split it so that none has more than 25",
		}},
		{"hard paragraph", third("Comprehensive organisational investigations regarding unauthorised infrastructure accessibility necessitated immediate operational remediation procedures. Additional sophisticated forensic methodologies subsequently identified considerable informational vulnerabilities.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:1: warning: plain language: this paragraph reads at school grade 39.1 (Flesch-Kincaid), above the limit of 10 (params.readability_grade); use shorter sentences and everyday words",
			"content/incidents/x/2024-06-01-third.md:6:132: warning: plain language: \"remediation\" is jargon; write \"fix\" or \"repair\"",
			"content/incidents/x/2024-06-01-third.md:6:167: warning: plain language: \"sophisticated\" is jargon; say what the attacker did; readers hear \"sophisticated\" as an excuse",
		}},
		{"plain-language rules are for English", "-- config.toml --\n" + strings.Replace(configText, `locale = "en-AU"`, `locale = "fr-FR"`, 1) + third("Un acteur de la menace a exfiltré des données personnelles identifiables, ce qui nécessite une remédiation organisationnelle considérable et immédiate de nos infrastructures informatiques.\n"), nil},
		{"jargon", third("A threat actor exfiltrated some files.\n"), []string{
			"content/incidents/x/2024-06-01-third.md:6:3: warning: plain language: \"threat actor\" is jargon; write \"attacker\" or \"criminal\"",
			"content/incidents/x/2024-06-01-third.md:6:16: warning: plain language: \"exfiltrated\" is jargon; write \"copied\" or \"taken\"",
		}},

		// 7. Config.
		{"no phone or email", "-- config.toml --\n" + strings.Replace(strings.Replace(configText, "phone = \"1800 000 000\"\n", "", 1), "email = \"incident@example.org\"\n", "", 1), []string{
			"config.toml:11:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:11:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:15:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(a) asks for the identity and contact details of the organisation; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:34:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{"baseURL not https", "-- config.toml --\n" + strings.Replace(configText, "https://updates", "http://updates", 1), []string{
			"config.toml:1:11: baseURL: \"http://updates.example.org/\" does not start with https://; the site must be served over HTTPS so readers can trust it is yours",
		}},
		{"unknown time zone", "-- config.toml --\n" + strings.Replace(configText, "Australia/Melbourne", "Australia/Melborne", 1), []string{
			"config.toml:4:12: timeZone: unknown time zone \"Australia/Melborne\"; use a name from the IANA time zone database, like Australia/Melbourne or Pacific/Auckland",
		}},
		{"unknown rule set", "-- config.toml --\n" + strings.Replace(configText, `["au"]`, `["au", "gpdr"]`, 1), []string{
			"config.toml:9:24: params.jurisdictions: unknown rule set \"gpdr\"; did you mean \"gdpr\"? (known: au, ca-federal, ca-qc, gdpr, hipaa, nz, sg, uk, us-ca, us-fl, us-ma, us-ny, us-tx, us-wa)",
		}},
		{"feed_items below 1", "-- config.toml --\n" + strings.Replace(configText, "[params]\n", "[params]\nfeed_items = 0\n", 1), []string{
			"config.toml:7:14: params.feed_items: 0 means each archived page of a feed holds no updates; write 1 or more (50 is usual)",
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

// TestLinksToOlderUpdates: a page of an incident's older updates is an
// address of the site once it is full (updates 1 to 20 of 22), and one
// that is not written yet is not.
func TestLinksToOlderUpdates(t *testing.T) {
	var files strings.Builder
	for i := range 20 {
		day := time.Date(2024, 7, 1+i, 9, 0, 0, 0, time.UTC).Format("2006-01-02")
		files.WriteString(upd(day+"-more.md", "title: More\ndate: "+day+"T09:00:00+10:00\nstatus: contained\n", "Text.\n"))
	}
	files.WriteString(third("See [the first twenty](/incidents/x/updates/1-20/) and [the next](/incidents/x/updates/21-40/).\n"))
	var got []string
	for _, d := range run(t, files.String()) {
		got = append(got, d.String())
	}
	want := []string{"content/incidents/x/2024-06-01-third.md:6:67: markdown: link leads to /incidents/x/updates/21-40/, which is not a page of this site; did you mean /incidents/x/updates/1-20/?"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
