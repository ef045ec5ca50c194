package feed

import (
	"html"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/mmcdole/gofeed"
)

// want is what a reader must see for one feed, worked out from the site
// itself rather than from this package.
type want struct {
	file    string // "incidents/x/" or ""
	updates []*content.Update
}

// wantFeeds lists the feeds a site must have and their updates, newest
// first: the site's newest feed_items, and all of each incident's.
func wantFeeds(site *content.Site) []want {
	n := site.Config.FeedItems
	if n == 0 {
		n = 50
	}
	all := site.AllPublished()
	if len(all) > n {
		all = all[:n]
	}
	ws := []want{{"", all}}
	for _, inc := range site.Incidents {
		var us []*content.Update
		for k := len(inc.Updates) - 1; k >= 0; k-- {
			if !inc.Updates[k].Draft {
				us = append(us, inc.Updates[k])
			}
		}
		ws = append(ws, want{"incidents/" + inc.Slug + "/", us})
	}
	return ws
}

// permalink spells out an update's address without content.Update.Path.
func permalink(site *content.Site, u *content.Update) string {
	return site.Config.BaseURL + "incidents/" + u.Incident.Slug + "/" + u.Date.Format("2006-01-02-1504") + "/"
}

func newestRevision(u *content.Update) time.Time {
	t := u.Date
	for _, r := range u.Revisions {
		if r.Date.After(t) {
			t = r.Date
		}
	}
	if u.Withdrawn != nil && u.Withdrawn.Date.After(t) {
		t = u.Withdrawn.Date
	}
	return t
}

func parseFeed(t *testing.T, b []byte) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(string(b))
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	return f
}

func sameTime(t *testing.T, what string, got *time.Time, want time.Time) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: missing, want %s", what, want.Format(time.RFC3339))
		return
	}
	if !got.Equal(want) {
		t.Errorf("%s = %s, want %s", what, got.Format(time.RFC3339), want.Format(time.RFC3339))
	}
}

// checkReadBack reads every feed of files back with gofeed and checks the
// entries, their ids, titles and dates, and the channel's own dates.
func checkReadBack(t *testing.T, site *content.Site, files map[string][]byte) {
	for _, w := range wantFeeds(site) {
		var newest time.Time
		for _, u := range w.updates {
			if r := newestRevision(u); r.After(newest) {
				newest = r
			}
		}
		for _, name := range []string{public.RSS, public.Atom, public.JSONFeed} {
			path := w.file + name
			t.Run(path, func(t *testing.T) {
				b, ok := files[path]
				if !ok {
					t.Fatalf("%s not written", path)
				}
				f := parseFeed(t, b)
				if len(f.Items) != len(w.updates) {
					t.Fatalf("%d items, want %d", len(f.Items), len(w.updates))
				}
				if f.Language != site.Config.Locale {
					t.Errorf("language %q, want %q", f.Language, site.Config.Locale)
				}
				if !newest.IsZero() {
					sameTime(t, "feed updated", f.UpdatedParsed, newest)
				}
				for k, u := range w.updates {
					it := f.Items[k]
					if id := permalink(site, u); it.GUID != id || it.Link != id {
						t.Errorf("item %d: id %q link %q, want both %q", k, it.GUID, it.Link, id)
					}
					if !strings.Contains(it.Title, u.Incident.Title) || !strings.Contains(it.Title, u.Title) {
						t.Errorf("item %d: title %q does not carry the incident %q and the update %q", k, it.Title, u.Incident.Title, u.Title)
					}
					sameTime(t, "item published", it.PublishedParsed, u.Date)
					if name != public.RSS { // RSS has only the first publication
						sameTime(t, "item updated", it.UpdatedParsed, newestRevision(u))
					}
					if !contains(it.Categories, u.Incident.Title) || !contains(it.Categories, string(u.Status)) {
						t.Errorf("item %d: categories %q, want the incident and %q", k, it.Categories, u.Status)
					}
					if strings.TrimSpace(it.Content) == "" || strings.TrimSpace(it.Description) == "" {
						t.Errorf("item %d: content %q, summary %q: want both", k, it.Content, it.Description)
					}
				}
			})
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestReadBackHandSite(t *testing.T) {
	site := handSite()
	checkReadBack(t, site, writeFeeds(t, site))
}

func TestReadBackExampleSite(t *testing.T) {
	site := loadSite(t, "../..")
	checkReadBack(t, site, writeFeeds(t, site))
}

// TestRevisedUpdate checks that a revision shows in the entry's text and
// updated time, keeping its published time and id.
func TestRevisedUpdate(t *testing.T) {
	site := handSite()
	files := writeFeeds(t, site)
	id := "https://updates.example.org/breach/incidents/ransomware-2024/2024-05-13-1100/"
	for _, name := range []string{public.RSS, public.Atom, public.JSONFeed} {
		t.Run(name, func(t *testing.T) {
			it := item(t, parseFeed(t, files["incidents/ransomware-2024/"+name]), id)
			if want := "Revised 14 May 2024, 9:15 am AEST: corrected the helpline number"; !strings.Contains(it.Content, want) {
				t.Errorf("content %q\nwant it to say %q", it.Content, want)
			}
			if !strings.Contains(it.Content, "The helpline is 1800 000 000.") {
				t.Errorf("content %q lost the text", it.Content)
			}
			sameTime(t, "published", it.PublishedParsed, mustTime("2024-05-13T11:00:00+10:00"))
			if name != public.RSS {
				sameTime(t, "updated", it.UpdatedParsed, mustTime("2024-05-14T09:15:00+10:00"))
			}
			if got := html.UnescapeString(it.Description); got != "A helpline is open." {
				t.Errorf("summary %q, want the front matter summary", got)
			}
		})
	}
}

// TestWithdrawnUpdate checks that a withdrawn update keeps its id and
// carries the notice instead of its text.
func TestWithdrawnUpdate(t *testing.T) {
	site := handSite()
	files := writeFeeds(t, site)
	id := "https://updates.example.org/breach/incidents/ransomware-2024/2024-05-24-1600/"
	for _, name := range []string{public.RSS, public.Atom, public.JSONFeed} {
		t.Run(name, func(t *testing.T) {
			it := item(t, parseFeed(t, files[name]), id)
			notice := "Withdrawn 25 May 2024, 9:00 am AEST: this update named the wrong forum"
			if !strings.Contains(it.Content, notice) || !strings.Contains(html.UnescapeString(it.Description), notice) {
				t.Errorf("content %q, summary %q\nwant both to say %q", it.Content, it.Description, notice)
			}
			if strings.Contains(string(files[name]), "Text that was wrong") {
				t.Error("the withdrawn text is still in the feed")
			}
			if !strings.Contains(it.Title, "Withdrawn") {
				t.Errorf("title %q does not say it was withdrawn", it.Title)
			}
			if name != public.RSS {
				sameTime(t, "updated", it.UpdatedParsed, mustTime("2024-05-25T09:00:00+10:00"))
			}
		})
	}
}

// TestSummaryFallsBackToTheFirstParagraph checks the summary of an update
// without one in its front matter.
func TestSummaryFallsBackToTheFirstParagraph(t *testing.T) {
	site := handSite()
	files := writeFeeds(t, site)
	id := "https://updates.example.org/breach/incidents/ransomware-2024/2024-05-08-1730/"
	for _, name := range []string{public.RSS, public.Atom, public.JSONFeed} {
		t.Run(name, func(t *testing.T) {
			it := item(t, parseFeed(t, files[name]), id)
			if got := html.UnescapeString(it.Description); got != "We found a problem on 6 May." {
				t.Errorf("summary %q, want the first paragraph", got)
			}
			if want := `<a href="https://updates.example.org/breach/incidents/ransomware-2024/">`; !strings.Contains(it.Content, want) {
				t.Errorf("content %q\nwant the root-relative link below the base URL's path: %s", it.Content, want)
			}
		})
	}
}

func item(t *testing.T, f *gofeed.Feed, id string) *gofeed.Item {
	t.Helper()
	for _, it := range f.Items {
		if it.GUID == id {
			return it
		}
	}
	t.Fatalf("no item with id %s", id)
	return nil
}
