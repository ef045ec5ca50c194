package feed

import (
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestEntryWordsInItsLanguage: a translated entry's words around its text
// (a revision, the key facts' names) are the theme's in its language, with
// the month named in it, and the facts' values, which are the source's
// front matter, say they are in English; the English entry is as before.
func TestEntryWordsInItsLanguage(t *testing.T) {
	dir := sitetest.Write(t, `-- config.toml --
`+strings.Replace(sitetest.Config, "[params]", "[languages.en]\n[languages.mi]\nlocale = \"mi-NZ\"\n\n[params]", 1)+`
-- content/incidents/x/_index.md --
---
title: Cyber security incident
discovered: 2024-05-06T14:20:00+10:00
affected:
  count: 312
data_involved:
  - Names and phone numbers
---
Someone got into our systems.
-- content/incidents/x/2024-07-16-first.md --
---
title: What we know
date: 2024-07-16T09:00:00+10:00
status: identified
revisions:
  - date: 2024-07-17T09:00:00+10:00
    note: corrected the count
facts:
  affected:
    count: 400
---
We know more now.
-- content/incidents/x/2024-07-16-first.mi.md --
---
title: Ngā mea e mōhio ana mātou
date: 2024-07-16T09:00:00+10:00
status: identified
revisions:
  - date: 2024-07-17T09:00:00+10:00
    note: i whakatikaina te tatau
---
He nui ake ā mātou mōhiohio ināianei.
`)
	site := loadSite(t, dir)
	files := writeFeeds(t, site)
	const path = "incidents/x/2024-07-16-0900/"
	entry := func(feed, id string) string {
		t.Helper()
		return item(t, parseFeed(t, files[feed]), id).Content
	}
	mi := entry("mi/"+public.IncidentFeed("x", public.Atom), site.URL(public.InLanguage("mi", path)))
	for _, want := range []string{
		"<li>I whakahoutia i te 17 Hūrae 2024, 9:00 am AEST: i whakatikaina te tatau</li>",
		"<p><strong>Ngā meka matua i tēnei kōrero hou</strong></p>",
		`<li>E hia ngā tāngata: <span lang="en-AU">400 people</span> (i hurihia i tēnei kōrero hou, ko tōna uara i mua: <span lang="en-AU">312 people</span>)</li>`,
		`<li>E mōhio ana mātou i tangohia, i kitea rānei tēnei: <span lang="en-AU">Names and phone numbers</span></li>`,
	} {
		if !strings.Contains(mi, want) {
			t.Errorf("the te reo Māori entry lacks %s:\n%s", want, mi)
		}
	}
	en := entry(public.IncidentFeed("x", public.Atom), site.URL(path))
	for _, want := range []string{
		"<li>Revised 17 July 2024, 9:00 am AEST: corrected the count</li>",
		"<p><strong>Key facts as of this update</strong></p>",
		"<li>How many people: 400 people (changed in this update, was 312 people)</li>",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("the English entry lacks %s:\n%s", want, en)
		}
	}
}
