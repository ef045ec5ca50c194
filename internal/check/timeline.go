package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
)

// timeline checks that an incident's dates tell a story that can be true.
func (c *checker) timeline(inc *content.Incident) {
	c.incidentDates(inc)
	c.updateDates(inc)
	c.statusOrder(inc)
	for _, u := range inc.Updates {
		c.changes(u)
		c.offset(u)
	}
	if len(inc.Updates) > 0 && len(inc.Published()) == 0 {
		c.diags.Warn(inc.PosOf(""), "updates", "every update of this incident is a draft, so its page shows no status; publish the first update by removing draft: true")
	}
}

// incidentDates checks the incident's own dates against each other and now.
func (c *checker) incidentDates(inc *content.Incident) {
	if !inc.Discovered.IsZero() && inc.Discovered.After(c.now) {
		c.diags.Add(inc.PosOf("discovered"), "discovered", "%s is in the future; write when the organisation found out", inc.Discovered.Format(time.RFC3339))
	}
	c.occurred(inc.Facts.Occurred, inc.PosOf, inc.Discovered)
	c.rangeOrder(inc, "data_window", inc.DataWindow)
	if a := inc.Affected; a != nil {
		if !a.AsOf.IsZero() && a.AsOf.Time.After(c.now) {
			c.diags.Add(inc.PosOf("affected.as_of"), "affected.as_of", "%s is in the future; a count can only be as of today or earlier", c.show(a.AsOf))
		}
		if _, written := inc.Pos["affected.as_of"]; a.Count > 0 && !written {
			c.diags.Warn(inc.PosOf("affected.count"), "affected.count", "say when this count was made: add as_of: with the date under affected")
		}
	}
	for i, n := range inc.Notified {
		key := fmt.Sprintf("notified[%d].date", i)
		switch {
		case n.Date.IsZero():
		case n.Date.Time.After(c.now):
			c.diags.Add(inc.PosOf(key), key, "%s is in the future; list a regulator only once it has been told", c.show(n.Date))
		case !inc.Discovered.IsZero() && c.dayBefore(n.Date, inc.Discovered):
			c.diags.Add(inc.PosOf(key), key, "%s is before the incident was discovered (%s); check the date", c.show(n.Date), inc.Discovered.In(c.zone()).Format(dayLayout))
		}
		c.frontMatterURL(inc.File, inc.PosOf(fmt.Sprintf("notified[%d].url", i)), fmt.Sprintf("notified[%d].url", i), n.URL)
	}
	for i, l := range inc.OfficialAdvice {
		key := fmt.Sprintf("official_advice[%d].url", i)
		c.frontMatterURL(inc.File, inc.PosOf(key), key, l.URL)
	}
}

// rangeOrder checks that a span of dates does not end before it starts.
func (c *checker) rangeOrder(inc *content.Incident, key string, r *content.Range) {
	if r == nil || r.From.IsZero() || r.To.IsZero() || !r.From.Time.After(r.To.Time) {
		return
	}
	c.diags.Add(inc.PosOf(key+".from"), key+".from", "%s is after %s.to (%s); swap them, or correct the date", c.show(r.From), key, c.show(r.To))
}

// updateDates checks each update against the discovery, now and its siblings.
func (c *checker) updateDates(inc *content.Incident) {
	seen := map[string]*content.Update{}
	for _, u := range inc.Updates {
		if u.Date.IsZero() {
			continue
		}
		if !inc.Discovered.IsZero() && u.Date.Before(inc.Discovered) {
			c.diags.Add(u.PosOf("date"), "date", "%s is before the incident was discovered (%s in %s); check the date and its offset",
				u.Date.Format(time.RFC3339), inc.Discovered.Format(time.RFC3339), inc.File)
		}
		if !u.Draft && u.Date.After(c.now) {
			c.diags.Add(u.PosOf("date"), "date", "%s is in the future, so the update would not be published; correct the date, or add draft: true until it is ready", u.Date.Format(time.RFC3339))
		}
		addr := u.Path()
		if other, ok := seen[addr]; ok {
			c.diags.Add(u.PosOf("date"), "date", "%s has the same time as %s, so both would have the address /%s; give each update its own minute",
				u.Date.Format(time.RFC3339), other.File, addr)
			continue
		}
		seen[addr] = u
	}
}

// reopenWords are what an update that moves its incident back to an
// earlier status says to explain itself.
var reopenWords = []string{"reopen", "re-open", "back to", "new information", "new evidence", "further investigation", "more to investigate"}

// statusOrder warns when the published status goes back in an incident's
// life without the update saying why.
func (c *checker) statusOrder(inc *content.Incident) {
	var prev *content.Update
	for _, u := range inc.Published() {
		if u.Withdrawn != nil || u.Status.Rank() < 0 || u.Date.IsZero() {
			continue
		}
		if prev != nil && u.Status.Rank() < prev.Status.Rank() && !explainsReopening(u) {
			c.diags.Warn(u.PosOf("status"), "status", "goes back from %s (%s) to %s; say why in the update (for example \"We have reopened our investigation because ...\") or in a revision note",
				prev.Status, prev.File, u.Status)
		}
		prev = u
	}
}

func explainsReopening(u *content.Update) bool {
	text := strings.ToLower(string(u.Body.Source))
	for _, r := range u.Revisions {
		text += " " + strings.ToLower(r.Note)
	}
	for _, w := range reopenWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// changes checks an update's revisions and withdrawal against its date.
func (c *checker) changes(u *content.Update) {
	last := u.Date
	for i, r := range u.Revisions {
		key := fmt.Sprintf("revisions[%d].date", i)
		switch {
		case r.Date.IsZero():
			continue
		case !u.Date.IsZero() && r.Date.Before(u.Date):
			c.diags.Add(u.PosOf(key), key, "%s is before the update's own date (%s); a revision comes after publication", r.Date.Format(time.RFC3339), u.Date.Format(time.RFC3339))
		case !last.IsZero() && r.Date.Before(last):
			c.diags.Add(u.PosOf(key), key, "%s is before the revision above it; list revisions oldest first, newest last", r.Date.Format(time.RFC3339))
		case r.Date.After(c.now) && !u.Draft:
			c.diags.Add(u.PosOf(key), key, "%s is in the future; date a revision when it is made", r.Date.Format(time.RFC3339))
		}
		last = r.Date
	}
	if w := u.Withdrawn; w != nil && !w.Date.IsZero() {
		switch {
		case !u.Date.IsZero() && w.Date.Before(u.Date):
			c.diags.Add(u.PosOf("withdrawn.date"), "withdrawn.date", "%s is before the update's own date (%s); an update is withdrawn after it was published", w.Date.Format(time.RFC3339), u.Date.Format(time.RFC3339))
		case w.Date.After(c.now) && !u.Draft:
			c.diags.Add(u.PosOf("withdrawn.date"), "withdrawn.date", "%s is in the future; date the withdrawal when it is made", w.Date.Format(time.RFC3339))
		}
	}
}

// offset warns when an update's written offset is not the site zone's at
// that instant (+11:00 written in winter, say): the time is still exact, but
// the address and the time readers compare with other updates disagree.
func (c *checker) offset(u *content.Update) {
	if u.Date.IsZero() || c.cfg.Location == nil || c.cfg.Location.String() != c.cfg.TimeZone {
		return
	}
	_, written := u.Date.Zone()
	local := u.Date.In(c.cfg.Location)
	_, want := local.Zone()
	if written == want {
		return
	}
	meant := time.Date(u.Date.Year(), u.Date.Month(), u.Date.Day(), u.Date.Hour(), u.Date.Minute(), u.Date.Second(), 0, c.cfg.Location)
	c.diags.Warn(u.PosOf("date"), "date", "offset %s is not the offset of %s on that day (%s): readers see %s, but the address uses %s; if you meant %s local time, write %s",
		u.Date.Format("-07:00"), c.cfg.TimeZone, local.Format("-07:00"), local.Format("15:04 MST"), u.Date.Format("15:04"), u.Date.Format("15:04"), meant.Format(time.RFC3339))
}

// translation checks that a translation carries its source's facts.
func (c *checker) translation(src, t *content.Update) {
	if !t.Date.IsZero() && !src.Date.IsZero() && !t.Date.Equal(src.Date) {
		c.diags.Add(t.PosOf("date"), "date", "%s differs from %s in %s; a translation carries the same date as its source", t.Date.Format(time.RFC3339), src.Date.Format(time.RFC3339), src.File)
	}
	if t.Status != "" && t.Status != src.Status {
		c.diags.Add(t.PosOf("status"), "status", "%s differs from %s in %s; a translation carries the same status as its source", t.Status, src.Status, src.File)
	}
	c.translationRevisions(src, t)
	// A translation is published with its source: a draft translation of
	// a published update would leave a page in the site's lists that is
	// not built.
	switch {
	case t.Draft && !src.Draft:
		c.diags.Add(t.PosOf("draft"), "draft", "%s is published, and a translation is published with its source; remove draft: here, or keep this file out of content/ until the translation is ready", src.File)
	case !t.Draft && src.Draft:
		c.diags.Add(t.PosOf("date"), "draft", "%s is a draft, and a translation is published with its source; add draft: true here too, or publish the source", src.File)
	}
	switch w, sw := t.Withdrawn, src.Withdrawn; {
	case sw != nil && w == nil:
		c.diags.Add(t.PosOf("date"), "withdrawn", "%s was withdrawn on %s; a translation carries its source's withdrawal: copy its withdrawn: block here, with the note translated", src.File, sw.Date.Format(time.RFC3339))
	case sw == nil && w != nil:
		c.diags.Add(t.PosOf("withdrawn"), "withdrawn", "%s is not withdrawn; a translation is withdrawn only with its source: withdraw the source first, or remove this block", src.File)
	case sw != nil && !w.Date.IsZero() && !w.Date.Equal(sw.Date):
		c.diags.Add(t.PosOf("withdrawn.date"), "withdrawn.date", "%s differs from %s in %s; a translation carries the same withdrawal as its source", w.Date.Format(time.RFC3339), sw.Date.Format(time.RFC3339), src.File)
	}
}

// translationRevisions checks a translation's revisions against its
// source's: the same dates, in the same order. A translation that has only
// the source's first revisions is behind, not wrong: the source was
// revised since, and the translation still says what it said before.
func (c *checker) translationRevisions(src, t *content.Update) {
	same := 0
	for same < len(t.Revisions) && same < len(src.Revisions) && t.Revisions[same].Date.Equal(src.Revisions[same].Date) {
		same++
	}
	switch {
	case same == len(t.Revisions) && same == len(src.Revisions):
	case same == len(t.Revisions):
		r := src.Revisions[len(src.Revisions)-1]
		at := t.PosOf("revisions")
		if len(t.Revisions) == 0 {
			at = t.PosOf("date")
		}
		c.diags.Warn(at, "revisions", "%s was revised on %s (%q) and this translation was not; translate the change, then copy the revision entry here", src.File, r.Date.In(c.cfg.Location).Format("2 January 2006"), r.Note)
	case same < len(src.Revisions):
		c.diags.Add(t.PosOf(fmt.Sprintf("revisions[%d].date", same)), "revisions", "%s differs from %s, revision %d in %s; a translation carries the same revisions as its source", t.Revisions[same].Date.Format(time.RFC3339), src.Revisions[same].Date.Format(time.RFC3339), same+1, src.File)
	default:
		c.diags.Add(t.PosOf(fmt.Sprintf("revisions[%d].date", same)), "revisions", "%d revisions here but %d in %s; a translation is revised only with its source: revise the source too, or remove this entry", len(t.Revisions), len(src.Revisions), src.File)
	}
}

func (c *checker) ruleSet(name string) bool {
	for _, j := range c.cfg.Jurisdictions {
		if strings.EqualFold(strings.TrimSpace(j), name) {
			return true
		}
	}
	return false
}

// dayBefore reports whether date d falls on an earlier day than t in the
// site's zone (or, for a full time, earlier than t).
func (c *checker) dayBefore(d content.Date, t time.Time) bool {
	return c.day(d) < t.In(c.zone()).Format(dayLayout)
}

// dayAfter reports whether d falls on a later day than t in the site's zone.
func (c *checker) dayAfter(d content.Date, t time.Time) bool {
	return c.day(d) > t.In(c.zone()).Format(dayLayout)
}

// show formats a date as its author wrote it.
func (c *checker) show(d content.Date) string {
	if d.DateOnly {
		return d.Time.Format("2006-01-02")
	}
	return d.Time.Format(time.RFC3339)
}

// dayLayout is how a calendar date is written in front matter.
const dayLayout = "2006-01-02"

// day is the calendar date d names, in the site's zone for a full time.
func (c *checker) day(d content.Date) string {
	if d.DateOnly {
		return d.Time.Format(dayLayout)
	}
	return d.Time.In(c.zone()).Format(dayLayout)
}
