package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/manifest"
)

// Records lists what the manifest says of each published update.
func Records(site *content.Site) []manifest.Update {
	var out []manifest.Update
	for _, inc := range site.Incidents {
		for _, u := range inc.Published() {
			r := manifest.Update{
				ID:           site.URL(u.Path()),
				Published:    u.Date.Format(time.RFC3339),
				SourceSHA256: manifest.SourceHash(u.Title, u.Summary, string(u.Body.Source)),
				File:         u.File,
				Withdrawn:    u.Withdrawn != nil,
			}
			if len(u.Revisions) > 0 {
				r.Updated = u.Updated().Format(time.RFC3339)
			}
			out = append(out, r)
		}
	}
	return out
}

// Previous compares the site with the last published manifest and refuses
// silent changes to what readers were told (see compare), and returns what
// the new manifest records. previous is a directory, file or URL; empty
// means the manifest in out, if any. `disclose build` and `disclose check
// -previous` both call it, so that a pull request is refused what the
// build on main would refuse. An error (the manifest cannot be read) is
// not prefixed: the caller names its step.
func Previous(ctx context.Context, site *content.Site, previous, out string, now time.Time) (manifest.Record, diag.List, error) {
	return previousOf(ctx, site, previous, out, nil, now)
}

// previousOf is Previous with out's manifest, when the caller has read it
// already (inOut; nil if not, or if out holds none).
func previousOf(ctx context.Context, site *content.Site, previous, out string, inOut *manifest.Manifest, now time.Time) (manifest.Record, diag.List, error) {
	sts := statements(site)
	rec := manifest.Record{Updates: Records(site), Sequence: 1, Newest: newest(sts)}
	for _, s := range sts {
		rec.Statements = append(rec.Statements, s.Statement)
	}
	prev := inOut
	if previous == "" && prev == nil {
		if _, err := os.Stat(filepath.Join(out, manifest.Name)); errors.Is(err, fs.ErrNotExist) {
			return rec, nil, nil
		}
		previous = out
	}
	if previous != "" {
		var err error
		if prev, err = manifest.Load(ctx, previous); err != nil {
			return rec, nil, fmt.Errorf("read the last published manifest from %s: %w", previous, err)
		}
	}
	rec.Sequence = prev.Sequence + 1
	c := &comparison{site: site, when: now.In(site.Config.Location).Format("2006-01-02T15:04:05-07:00")}
	c.since, _ = time.Parse(time.RFC3339, prev.Newest)
	c.updates(prev)
	if len(prev.Statements) > 0 {
		c.statements(prev.Statements, sts)
	}
	c.diags.Sort()
	return rec, c.diags, nil
}

// checkPrevious is Previous for the build.
func checkPrevious(ctx context.Context, site *content.Site, previous, out string, inOut *manifest.Manifest, now time.Time) (manifest.Record, diag.List, error) {
	rec, diags, err := previousOf(ctx, site, previous, out, inOut, now)
	if err != nil {
		return rec, diags, fmt.Errorf("build: %w", err)
	}
	return rec, diags, nil
}

// comparison is one site compared with its last published manifest.
type comparison struct {
	site  *content.Site
	when  string    // now, as a writer would write it in a revisions entry
	since time.Time // the newest dated entry of the last published build; zero if it recorded none
	diags diag.List
}

// updates holds every published update to its address and its time. For a
// manifest made before statements were recorded, it also refuses a changed
// title, summary or text without a newer revision, as far as that manifest
// can tell.
func (c *comparison) updates(prev *manifest.Manifest) {
	byID := map[string]*content.Update{}
	for _, inc := range c.site.Incidents {
		for _, u := range inc.Published() {
			byID[c.site.URL(u.Path())] = u
		}
	}
	old := len(prev.Statements) == 0
	for _, p := range prev.Updates {
		u, ok := byID[p.ID]
		if !ok {
			if old {
				c.missing("update", p.ID, p.File, "")
			}
			continue
		}
		if t, err := time.Parse(time.RFC3339, p.Published); err == nil && !t.Equal(u.Date) {
			c.moved(u, t)
		}
		if !old || u.Withdrawn != nil {
			continue
		}
		sum := manifest.SourceHash(u.Title, u.Summary, string(u.Body.Source))
		if sum != p.SourceSHA256 && !revisedSince(u, p) {
			c.diags.Add(u.PosOf("revisions"), "revisions", "the title, summary or text of this published update changed without a new revisions entry; %s", c.addRevision("update", len(u.Revisions)))
		}
	}
}

// moved refuses a published time that moved: the address, made from the
// time as written, can stay the same while the offset changes the instant.
func (c *comparison) moved(u *content.Update, was time.Time) {
	loc := c.site.Config.Location
	c.diags.Add(u.PosOf("date"), "date", "this update was published as %s (%s) and now says %s (%s); a published time cannot move: write date: %s, "+
		"and to correct the time readers were given, publish a new update that says so",
		was.Format(time.RFC3339), was.In(loc).Format("2 Jan 2006 15:04 MST"), u.Date.Format(time.RFC3339), u.Date.In(loc).Format("2 Jan 2006 15:04 MST"), was.In(u.Date.Location()).Format(time.RFC3339))
}

// missing refuses a published statement that is gone.
func (c *comparison) missing(kind, id, file, lang string) {
	pos := diag.Pos{File: file}
	switch {
	case kind == "update" && lang == "":
		c.diags.Add(pos, "", "this update was published at %s and is now missing (deleted, made a draft, or its date changed); "+
			"a published update stays at its address: put the file back as it was and, to retract it, add withdrawn: {date: %s, note: \"why it was withdrawn\"}", strings.TrimPrefix(id, "update "), c.when)
	case kind == "update":
		c.diags.Add(pos, "", "this translation (%s) was published and is now missing (deleted, made a draft, or renamed); "+
			"a published translation stays: put the file back as it was and, to retract it, add withdrawn: {date: %s, note: \"why it was withdrawn\"}", lang, c.when)
	default:
		c.diags.Add(pos, "", "this incident's statement (%s) was published and is now missing; a published statement stays: put the file back as it was, "+
			"and say what changed in a revisions entry", strings.TrimPrefix(id, "incident "))
	}
}

// addRevision is the fix for a change without a note: the entry to add.
func (c *comparison) addRevision(kind string, have int) string {
	if kind == "config" {
		return fmt.Sprintf("readers who saved the old details need to see that they changed: add to config.toml [[params.revisions]] with date = %s and note = \"what changed\" (shown beside the contact details)", c.when)
	}
	if have > 0 {
		return fmt.Sprintf("say what changed for readers by adding an entry to revisions: {date: %s, note: \"what you changed\"}", c.when)
	}
	return fmt.Sprintf("say what changed for readers by adding to the front matter: revisions: [{date: %s, note: \"what you changed\"}]", c.when)
}

// statements refuses, for each statement prev recorded: one that is gone,
// a revision entry removed or rewritten, a withdrawal undone or rewritten,
// a withdrawn update's text changed, and any other change without a new
// revisions entry.
func (c *comparison) statements(prev []manifest.Statement, cur []statement) {
	now := make(map[string]*statement, len(cur))
	for i := range cur {
		now[cur[i].ID] = &cur[i]
	}
	for _, p := range prev {
		kind, lang := idParts(p.ID)
		s, ok := now[p.ID]
		if !ok {
			c.missing(kind, p.ID, p.File, lang)
			continue
		}
		key := func(k string) string {
			if s.kind == "config" {
				return "params." + k
			}
			return k
		}
		appended := c.revisions(s, p, key)
		if !c.withdrawal(s, p) {
			continue
		}
		changed := s.Changed(p)
		changed = slicesDelete(changed, "date") // moved() says it, with the time to write
		if len(changed) == 0 {
			continue
		}
		at := changeAt(s, p, changed[0])
		if s.withdrawn != nil {
			c.diags.Add(at, changed[0], "changed since this update was published%s; a withdrawn update keeps the text it was published with, shown under its withdrawal notice: "+
				"put back the published %s, and to correct it, publish a new update", also(changed), changed[0])
			continue
		}
		if appended {
			continue
		}
		c.diags.Add(at, changed[0], "changed since it was published%s, without a new revisions entry; %s",
			also(changed), c.addRevision(s.kind, len(s.revisions)))
	}
}

// changeAt is where field changed: in a body, the first line that differs
// from the published text; in a list, the first entry that differs;
// elsewhere, where the field is written.
func changeAt(s *statement, p manifest.Statement, field string) diag.Pos {
	pos := s.pos(field)
	was, ok1 := p.FieldNamed(field)
	now, ok2 := s.FieldNamed(field)
	if !ok1 || !ok2 {
		return pos
	}
	i := manifest.FirstChangedLine(was.Lines, now.Lines)
	switch {
	case i < 0:
		return pos
	case field == "body":
		pos.Line += i
		return pos
	}
	// An entry of one text (the scam warning's text = "...") is shown at
	// its text; any other at the entry's first line.
	return s.pos(fmt.Sprintf("%s[%d].text", field, i))
}

// revisions refuses a published revision entry removed or rewritten, and
// reports whether s has entries p did not.
func (c *comparison) revisions(s *statement, p manifest.Statement, key func(string) string) bool {
	n := len(p.Revisions)
	for i, h := range p.Revisions {
		if i >= len(s.Revisions) {
			c.diags.Add(s.pos(key("revisions")), key("revisions"), "%d revision entr%s published, and %d remain; a published revision note stays on the page, with the text it replaced: put back the %s removed",
				n, plural(n, "y was", "ies were"), len(s.Revisions), plural(n-len(s.Revisions), "entry", "entries"))
			return false
		}
		if s.Revisions[i] != h {
			k := key(fmt.Sprintf("revisions[%d]", i))
			c.diags.Add(s.pos(k+".note"), k, "revision entry %d was published with another date or note; a published revision note cannot be rewritten or reordered: put it back as it was, and add a new entry to say what changed", i+1)
			return false
		}
	}
	for i := n; i < len(s.revisions); i++ {
		if d := s.revisions[i].Date; !c.since.IsZero() && d.Before(c.since) {
			k := key(fmt.Sprintf("revisions[%d].date", i))
			c.diags.Add(s.pos(k), k, "this new revision is dated %s, before the newest entry of the last published build (%s), so readers would read it as older than it is; "+
				"date a revision when it is published: write %s", d.Format(time.RFC3339), c.since.In(c.site.Config.Location).Format(time.RFC3339), c.when)
		}
	}
	return len(s.Revisions) > n
}

// withdrawal refuses a withdrawal undone or rewritten, and reports whether
// the comparison may go on.
func (c *comparison) withdrawal(s *statement, p manifest.Statement) bool {
	switch {
	case p.Withdrawn == "" && s.withdrawn != nil && !c.since.IsZero() && s.withdrawn.Date.Before(c.since):
		c.diags.Add(s.pos("withdrawn.date"), "withdrawn.date", "this new withdrawal is dated %s, before the newest entry of the last published build (%s), so readers would read it as older than it is; "+
			"date a withdrawal when it is published: write %s", s.withdrawn.Date.Format(time.RFC3339), c.since.In(c.site.Config.Location).Format(time.RFC3339), c.when)
		return true
	case p.Withdrawn == "":
		return true
	case s.Withdrawn == "":
		c.diags.Add(s.pos("withdrawn"), "withdrawn", "this update was published as withdrawn, and the withdrawal is gone; a withdrawal cannot be undone: put back its withdrawn entry as it was, "+
			"and if it was withdrawn in error, publish a new update that says so")
		return false
	case s.Withdrawn != p.Withdrawn:
		c.diags.Add(s.pos("withdrawn.note"), "withdrawn", "the withdrawal was published with another date or note; a published withdrawal cannot be rewritten: put it back as it was, and say more in a new update")
		return false
	}
	return true
}

// idParts is the kind and language of a statement's ID.
func idParts(id string) (kind, lang string) {
	kind, rest, _ := strings.Cut(id, " ")
	if strings.HasSuffix(rest, ")") {
		if i := strings.LastIndex(rest, " ("); i >= 0 {
			lang = rest[i+2 : len(rest)-1]
		}
	}
	if kind == "site" {
		kind = "config"
	}
	return kind, lang
}

func slicesDelete(l []string, s string) []string {
	var out []string
	for _, x := range l {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// also names the other fields that changed, after the first.
func also(names []string) string {
	switch len(names) {
	case 1:
		return ""
	case 2:
		return " (as did " + names[1] + ")"
	}
	return " (as did " + strings.Join(names[1:len(names)-1], ", ") + " and " + names[len(names)-1] + ")"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// revisedSince reports whether u has a revision newer than what p recorded.
func revisedSince(u *content.Update, p manifest.Update) bool {
	if len(u.Revisions) == 0 {
		return false
	}
	last := p.Published
	if p.Updated != "" {
		last = p.Updated
	}
	t, err := time.Parse(time.RFC3339, last)
	if err != nil {
		return true // an unreadable record cannot hold a writer back
	}
	return u.Updated().After(t)
}
