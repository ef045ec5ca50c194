package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
)

// Update writes a draft update titled title to the incident slug of the
// site in siteDir, dated now in the site's time zone, and returns its slash
// path relative to the site:
// "content/incidents/<slug>/<YYYY-MM-DD>-<words>.md". Its status is the
// status of the incident's newest update, drafts included, or
// investigating for the first one.
func Update(siteDir, slug, title string, now time.Time) (string, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return "", errors.New("new: the update needs a title, like \"Data posted online: what we know\"")
	}
	if err := knownIncident(siteDir, slug); err != nil {
		return "", err
	}
	cfg, err := loadConfig(siteDir)
	if err != nil {
		return "", err
	}
	local := freeMinute(siteDir, slug, now.In(cfg.Location))
	words := Slugify(title, MaxWords)
	if words == "" {
		words = "update"
	}
	file := path.Join("content", "incidents", slug, local.Format("2006-01-02")+"-"+words+".md")
	src := UpdateText(title, local, newestStatus(siteDir, slug))
	if err := create(siteDir, file, src); err != nil {
		return "", err
	}
	return file, nil
}

// UpdateText is the text of a new draft update: its front matter and a
// body that prompts the writer. It passes `disclose check` as it is.
func UpdateText(title string, date time.Time, status content.Status) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n", yamlString(title))
	fmt.Fprintf(&b, "date: %s\n", date.Format(TimeLayout))
	fmt.Fprintf(&b, "status: %s\n", status)
	b.WriteString("# One or two sentences for feeds and lists. Remove the # to use it:\n")
	b.WriteString("# summary: \"\"\n")
	b.WriteString("draft: true\n---\n\n")
	b.WriteString(updateBody)
	return []byte(b.String())
}

// updateBody prompts the writer in the words readers will need. Plain
// text, not comments: raw HTML would be dropped from the site.
const updateBody = `Write what has happened since our last update.
Use short sentences and everyday words.

Say what we are doing now, and when we will update this page next.

Say what people can do to protect themselves, and who they can call for help.
`

// freeMinute is now, or the first minute after it that no update of the
// incident has: an update's address is its minute, and two updates written
// in one minute (init's holding statement, then the next one) would share
// it.
func freeMinute(siteDir, slug string, now time.Time) time.Time {
	site, _ := content.Load(siteDir)
	if site == nil {
		return now
	}
	taken := map[time.Time]bool{}
	for _, inc := range site.Incidents {
		if inc.Slug == slug {
			for _, u := range inc.Updates {
				taken[u.Date.Truncate(time.Minute).UTC()] = true
			}
		}
	}
	for taken[now.Truncate(time.Minute).UTC()] {
		now = now.Add(time.Minute)
	}
	return now
}

// newestStatus is the status of the incident's newest update, drafts
// included, or investigating when it has none.
func newestStatus(siteDir, slug string) content.Status {
	site, _ := content.Load(siteDir)
	if site == nil {
		return content.Investigating
	}
	for _, inc := range site.Incidents {
		if inc.Slug != slug {
			continue
		}
		for i := len(inc.Updates) - 1; i >= 0; i-- {
			if s := inc.Updates[i].Status; s.Rank() >= 0 {
				return s
			}
		}
	}
	return content.Investigating
}

// knownIncident returns an UnknownIncidentError unless the site has an
// incident slug.
func knownIncident(siteDir, slug string) error {
	if ValidSlug(slug) {
		_, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(incidentFile(slug))))
		if err == nil {
			return nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("new: %w", err)
		}
	}
	known := Incidents(siteDir)
	return &UnknownIncidentError{Slug: slug, Suggest: closest(slug, known), Known: known}
}

// Incidents lists the slugs of the site's incidents: the folders under
// content/incidents that hold an _index.md, sorted.
func Incidents(siteDir string) []string {
	entries, _ := os.ReadDir(filepath.Join(siteDir, "content", "incidents"))
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(incidentFile(e.Name())))); err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// closest is the name in names nearest to s: one that s is a part of (or
// the other way round), else the one fewest edits away if that is less than
// half of s. It returns "" when nothing is close.
func closest(s string, names []string) string {
	s = strings.ToLower(s)
	for _, n := range names {
		if s != "" && (strings.Contains(n, s) || strings.Contains(s, n)) {
			return n
		}
	}
	best, bestDist := "", 0
	for _, n := range names {
		if d := content.EditDistance(s, n); best == "" || d < bestDist {
			best, bestDist = n, d
		}
	}
	if best == "" || bestDist*2 > len([]rune(s)) {
		return ""
	}
	return best
}
