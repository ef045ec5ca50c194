package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

// This file holds the tests that count days: how long a notice stays
// posted, and the deadlines for telling regulators and people. They count
// only from dates the site records (discovered, notified, notice.posted and
// the updates' dates), in the site's time zone, by calendar day.

// posting is met when the notice stays up for days counted from
// notice.posted, as notice.display_until says.
func posting(days int) test {
	return func(n *noticeText) result {
		inc := n.inc
		nt := inc.Notice
		if nt == nil || nt.Posted.IsZero() {
			return result{at: inc.PosOf("notice"), fix: fmt.Sprintf("add posted: under notice, with the day this notice was first posted (such as %s), so that the %d days can be counted", n.suggestPosted(), days)}
		}
		until := n.dayOf(nt.Posted).AddDate(0, 0, days).Format(dayLayout)
		switch {
		case nt.DisplayUntil.IsZero():
			return result{at: inc.PosOf("notice.posted"), fix: fmt.Sprintf("add display_until: %s (or later) under notice, %d days after notice.posted", until, days)}
		case n.dayOf(nt.DisplayUntil).Format(dayLayout) < until:
			return result{at: inc.PosOf("notice.display_until"), fix: fmt.Sprintf("display_until is %s, less than %d days after notice.posted (%s); write %s or later", n.dayOf(nt.DisplayUntil).Format(dayLayout), days, n.dayOf(nt.Posted).Format(dayLayout), until)}
		}
		return result{ok: true, at: inc.PosOf("notice.display_until")}
	}
}

// suggestPosted is a likely day for notice.posted: the first published
// update's.
func (n *noticeText) suggestPosted() string {
	if pub := n.inc.Published(); len(pub) > 0 {
		return pub[0].Date.In(n.zone).Format(dayLayout)
	}
	return "2024-05-16"
}

// dayOf is the calendar day d names, at midnight in the site's zone.
func (n *noticeText) dayOf(d content.Date) time.Time {
	t := d.Time
	if !d.DateOnly {
		t = t.In(n.zone)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, n.zone)
}

// firstNotice is the earliest day the page shows people a notice (the
// earlier of notice.posted and the first published update) and where.
func (n *noticeText) firstNotice() (day string, at diag.Pos, ok bool) {
	inc := n.inc
	if pub := inc.Published(); len(pub) > 0 {
		day, at, ok = pub[0].Date.In(n.zone).Format(dayLayout), pub[0].PosOf("date"), true
	}
	if nt := inc.Notice; nt != nil && !nt.Posted.IsZero() {
		if d := n.dayOf(nt.Posted).Format(dayLayout); !ok || d < day {
			day, at, ok = d, inc.PosOf("notice.posted"), true
		}
	}
	return day, at, ok
}

// late is the result for a deadline missed: a warning, unless the
// statement says why, in a sentence with "delay" (or "late") and
// "because", "asked", "reason" or "request": what the laws that allow a
// delay ask for. "This notice was not delayed by the police" says no why,
// and does not count.
func late(n *noticeText, at diag.Pos, fix string) result {
	if r := says([]string{"delay", "late"}, []string{"because", "asked", "reason", "request"})(n); r.ok {
		return result{ok: true, at: r.at}
	}
	return result{at: at, fix: fix + "; if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\""}
}

// noticedWithin is met when people were given notice (as firstNotice
// finds) within days of discovered.
func noticedWithin(days int) test {
	return func(n *noticeText) result {
		inc := n.inc
		day, at, ok := n.firstNotice()
		if !ok || inc.Discovered.IsZero() {
			return result{na: true, fix: "no published update or notice.posted to count to"}
		}
		due := inc.Discovered.In(n.zone).AddDate(0, 0, days).Format(dayLayout)
		if day > due {
			return late(n, at, fmt.Sprintf("the first notice here is dated %s, more than %d days after discovered (%s)", day, days, inc.Discovered.In(n.zone).Format(dayLayout)))
		}
		return result{ok: true, at: at}
	}
}

// toldWithin is met when the earliest-dated notified: entry naming one of
// bodies is dated within hours of discovered. It
// does not apply when no such body is listed: not every breach must be
// reported, and check cannot tell which.
func toldWithin(bodies []string, hours int) test {
	return func(n *noticeText) result {
		inc := n.inc
		i := -1 // the earliest-dated entry that names the body
		for j, b := range inc.Notified {
			if b.Date.IsZero() || !bodyNamed(b.Body, bodies) {
				continue
			}
			if i < 0 || b.Date.Time.Before(inc.Notified[i].Date.Time) {
				i = j
			}
		}
		if i < 0 || inc.Discovered.IsZero() {
			return result{na: true, fix: "notified: lists no dated entry naming " + strings.Join(bodies, ", ")}
		}
		key := fmt.Sprintf("notified[%d].date", i)
		got := n.dayOf(inc.Notified[i].Date).Format(dayLayout)
		due := inc.Discovered.Add(time.Duration(hours) * time.Hour).In(n.zone).Format(dayLayout)
		if got > due {
			return late(n, inc.PosOf(key), fmt.Sprintf("%s was told on %s, more than %s after discovered (%s)", inc.Notified[i].Body, got, spanWords(hours), inc.Discovered.In(n.zone).Format(time.RFC3339)))
		}
		return result{ok: true, at: inc.PosOf(key)}
	}
}

func spanWords(hours int) string {
	if hours%24 == 0 && hours > 72 {
		return fmt.Sprintf("%d days", hours/24)
	}
	return fmt.Sprintf("%d hours", hours)
}

// toldFirst is met when a body named in notified: was told on or before
// the day people were (Singapore's order: the Commission, then people).
func toldFirst(bodies []string, fix string) test {
	return func(n *noticeText) result {
		inc := n.inc
		day, _, ok := n.firstNotice()
		if !ok {
			return result{na: true, fix: "no published update or notice.posted yet"}
		}
		i := notifiedIndex(inc, bodies)
		if i < 0 || inc.Notified[i].Date.IsZero() {
			return result{}
		}
		key := fmt.Sprintf("notified[%d].date", i)
		if got := n.dayOf(inc.Notified[i].Date).Format(dayLayout); got > day {
			return result{at: inc.PosOf(key), fix: fmt.Sprintf("%s was told on %s, after the first notice here (%s); %s", inc.Notified[i].Body, got, day, fix)}
		}
		return result{ok: true, at: inc.PosOf(key)}
	}
}

// toldAfter is met when a body named in notified: was told within days of
// the first notice to people (California's Attorney General). It does not
// apply when no such body is listed.
func toldAfter(bodies []string, days int) test {
	return func(n *noticeText) result {
		inc := n.inc
		day, _, ok := n.firstNotice()
		i := notifiedIndex(inc, bodies)
		if !ok || i < 0 || inc.Notified[i].Date.IsZero() {
			return result{na: true, fix: "notified: lists no dated entry naming " + strings.Join(bodies, ", ")}
		}
		key := fmt.Sprintf("notified[%d].date", i)
		first, _ := time.ParseInLocation(dayLayout, day, n.zone)
		due := first.AddDate(0, 0, days).Format(dayLayout)
		if got := n.dayOf(inc.Notified[i].Date).Format(dayLayout); got > due {
			return late(n, inc.PosOf(key), fmt.Sprintf("%s was told on %s, more than %d days after the first notice here (%s)", inc.Notified[i].Body, got, days, day))
		}
		return result{ok: true, at: inc.PosOf(key)}
	}
}
