package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/frontmatter"
	"github.com/disclose-dev/disclose/internal/par"
)

// ConfigFile is the site's config, relative to the site directory.
const ConfigFile = "config.toml"

// Load reads a site: its config.toml and every incident and update under
// content/incidents. It reports every structural problem it meets (front
// matter syntax, missing and unknown fields, wrong kinds, times without an
// offset, dates that do not exist, unknown status words) and still returns
// as much of the site as it could read; the site is nil only when the
// config could not be read at all.
func Load(dir string) (*Site, diag.List) {
	var diags diag.List
	cfg := loadConfig(dir, &diags)
	if cfg == nil {
		return nil, diags
	}
	site := &Site{Dir: dir, Config: cfg}
	checkContentRoot(dir, &diags)
	checkStatic(dir, &diags)
	root := filepath.Join(dir, "content", "incidents")
	entries, err := os.ReadDir(root)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Add(diag.Pos{File: "content/incidents"}, "", "cannot read the folder: %v", err)
		}
		return site, diags
	}
	for _, e := range entries {
		if !incidentFolder(e, &diags) {
			continue
		}
		if inc := loadIncident(dir, e.Name(), cfg, &diags); inc != nil {
			site.Incidents = append(site.Incidents, inc)
		}
	}
	sort.Slice(site.Incidents, func(a, b int) bool { return site.Incidents[a].Slug < site.Incidents[b].Slug })
	return site, diags
}

// LoadConfig reads only the site's config.toml.
func LoadConfig(dir string) (*Config, diag.List) {
	var diags diag.List
	return loadConfig(dir, &diags), diags
}

// otherConfigs are the files and the folder Hugo reads a site's settings
// from besides config.toml. A setting in one of them would reach the site
// unread, so each is refused.
var otherConfigs = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.yaml", "config.yml", "config.json", "config"}

func loadConfig(dir string, diags *diag.List) *Config {
	for _, name := range otherConfigs {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
			what := "this file"
			if fi.IsDir() {
				what = "this folder"
			}
			diags.Add(diag.Pos{File: name}, "", "Hugo would read its settings as well as config.toml's; disclose reads only config.toml: move what you need into it and remove %s", what)
		}
	}
	src, err := os.ReadFile(filepath.Join(dir, ConfigFile))
	if err != nil {
		diags.Add(diag.Pos{File: ConfigFile}, "", "cannot read the site's config: %v", err)
		return nil
	}
	// config.toml is TOML front matter without its delimiters: parse it as
	// such, one line down, and move every position back up.
	root, err := frontmatter.ParseTOML(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		if errors.As(err, &se) {
			diags.Add(diag.Pos{File: ConfigFile, Line: max(se.Line, 1), Col: se.Col}, "", "%s", se.Msg)
		} else {
			diags.Add(diag.Pos{File: ConfigFile}, "", "%v", err)
		}
		return nil
	}
	d := newDecoder(ConfigFile, diags, siteZone(root))
	d.fold, d.oneLine = true, true
	top := diag.Pos{File: ConfigFile, Line: 1, Col: 1}
	d.walk(root, configFields, "", top)

	cfg := &Config{
		File:          ConfigFile,
		BaseURL:       d.str("baseURL"),
		Title:         d.str("title"),
		Locale:        d.str("locale"),
		TimeZone:      d.str("timeZone"),
		DefaultLang:   d.str("defaultContentLanguage"),
		Organisation:  d.str("params.organisation"),
		KnownAs:       d.str("params.known_as"),
		Jurisdictions: d.strs("params.jurisdictions"),
		FeedItems:     50,
		Contact: Contact{
			Phone:          d.str("params.contact.phone"),
			PhoneHours:     d.str("params.contact.phone_hours"),
			International:  d.str("params.contact.international"),
			Email:          d.str("params.contact.email"),
			Media:          d.str("params.contact.media"),
			Postal:         d.str("params.contact.postal"),
			PrivacyOfficer: d.str("params.contact.privacy_officer"),
		},
		Security: Security{
			Contact:  d.strs("params.security.contact"),
			Policy:   d.str("params.security.policy"),
			Language: d.str("params.security.language"),
		},
		Deployment: Deployment{URL: d.str("deployment.url")},
		Pos:        d.pos,
		refused:    d.refused,
	}
	if t := d.tm("params.security.expires"); !t.IsZero() {
		cfg.Security.Expires = t.Format(time.RFC3339)
	}
	if v, ok := d.vals["params.feed_items"].(int64); ok {
		cfg.FeedItems = int(v)
	}
	if v, ok := d.vals["params.readability_grade"].(int64); ok {
		cfg.Readability = float64(v)
	}
	cfg.Demo, _ = d.vals["params.demo"].(bool)
	d.siteLanguage(cfg)
	if cfg.BaseURL != "" && !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	if cfg.KnownAs == "" {
		cfg.KnownAs = cfg.Organisation
	}
	for i := 0; i < d.count("params.we_will_never"); i++ {
		cfg.WeWillNever = append(cfg.WeWillNever, d.str(fmt.Sprintf("params.we_will_never[%d].text", i)))
	}
	for i := 0; i < d.count("params.support"); i++ {
		p := fmt.Sprintf("params.support[%d].", i)
		cfg.Support = append(cfg.Support, Support{Name: d.str(p + "name"), URL: d.str(p + "url"), Phone: d.str(p + "phone"), About: d.str(p + "about")})
	}
	cfg.Revisions = d.changes("params.revisions")
	cfg.Location = time.UTC
	if cfg.TimeZone != "" {
		loc, err := time.LoadLocation(cfg.TimeZone)
		if err != nil || cfg.TimeZone == "Local" {
			diags.Add(cfg.PosOf("timeZone"), "timeZone", "unknown time zone %q; use a name from the IANA time zone database, like Australia/Melbourne or Pacific/Auckland", cfg.TimeZone)
		} else {
			cfg.Location = loc
		}
	}
	return cfg
}

// siteZone is the zone config.toml names, for suggesting offsets in its
// own times (params.security.expires); UTC if it names none it knows. The
// zone itself is checked with the rest of the config.
func siteZone(root *frontmatter.Node) *time.Location {
	for _, c := range root.Children {
		if strings.EqualFold(c.Key, "timeZone") && c.Kind == frontmatter.Scalar && c.Value != "Local" {
			if loc, err := time.LoadLocation(c.Value); err == nil {
				return loc
			}
		}
	}
	return time.UTC
}

// isLang reports whether code is one of the site's languages other than the
// default, so that "x.mi.md" is a translation and "x.v2.md" is not.
func (c *Config) isLang(code string) bool {
	for _, l := range c.Languages {
		if l == code && l != c.DefaultLang {
			return true
		}
	}
	return false
}

var reUpdateName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$`)

func loadIncident(dir, slug string, cfg *Config, diags *diag.List) *Incident {
	rel := path.Join("content", "incidents", slug)
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		diags.Add(diag.Pos{File: rel}, "", "cannot read the folder: %v", err)
		return nil
	}
	// Files are read and decoded on every core, each with its own
	// diagnostics; they are joined in the folder's order below, so the
	// result is what one core would make.
	type loaded struct {
		lang  string
		inc   *Incident
		u     *Update
		diags diag.List
	}
	files := make([]loaded, len(entries))
	par.Each(len(entries), func(i int) error {
		e, f := entries[i], &files[i]
		name := e.Name()
		file := path.Join(rel, name)
		if !updateFile(e, file, &f.diags) {
			return nil
		}
		base, lang := splitLang(strings.TrimSuffix(name, ".md"), cfg)
		if i := strings.LastIndex(base, "."); i >= 0 {
			// Not read as an update: it would be published in the default
			// language, under another's address.
			l := base[i+1:]
			f.diags.Add(diag.Pos{File: file}, "", "the name ends in .%s.md, which marks a translation into %q, but %q is not one of the site's languages; add [languages.%s] to config.toml, or take the dot out of the name", l, l, l, l)
			return nil
		}
		f.lang = lang
		doc, ok := parseFile(dir, file, &f.diags)
		if !ok {
			return nil
		}
		if base == "_index" {
			f.inc = decodeIncident(doc, file, slug, cfg, &f.diags)
			f.inc.Lang = lang
			return nil
		}
		f.u = decodeUpdate(doc, file, cfg, &f.diags)
		f.u.Lang = lang
		checkFileName(f.u, base, cfg, &f.diags)
		return nil
	})
	var inc *Incident
	var updates []*Update
	translations := map[string][]*Update{}
	incTranslations := map[string]*Incident{}
	for _, f := range files {
		*diags = append(*diags, f.diags...)
		switch {
		case f.inc != nil && f.lang == "":
			inc = f.inc
		case f.inc != nil:
			incTranslations[f.lang] = f.inc
		case f.u != nil && f.lang == "":
			updates = append(updates, f.u)
		case f.u != nil:
			translations[f.lang] = append(translations[f.lang], f.u)
		}
	}
	if inc == nil {
		diags.Add(diag.Pos{File: rel}, "", "no _index.md: every incident folder needs one with the incident's title and discovered time")
		return nil
	}
	inc.Translations = incTranslations
	for _, u := range updates {
		u.Incident = inc
	}
	sortOldestFirst(updates)
	inc.Updates = updates
	linkTranslations(inc, translations, diags)
	return inc
}

func splitLang(name string, cfg *Config) (base, lang string) {
	if i := strings.LastIndex(name, "."); i > 0 && cfg.isLang(strings.ToLower(name[i+1:])) {
		return name[:i], strings.ToLower(name[i+1:])
	}
	return name, ""
}

// linkTranslations attaches each translated update to its source, the file
// of the same name in the default language.
func linkTranslations(inc *Incident, translations map[string][]*Update, diags *diag.List) {
	byBase := map[string]*Update{}
	for _, u := range inc.Updates {
		byBase[strings.TrimSuffix(path.Base(u.File), ".md")] = u
	}
	langs := make([]string, 0, len(translations))
	for l := range translations {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		for _, t := range translations[l] {
			t.Incident = inc
			// "x.mi.md" translates "x.md"; the language may be in any case.
			name := strings.TrimSuffix(path.Base(t.File), ".md")
			base := name[:strings.LastIndex(name, ".")]
			src, ok := byBase[base]
			if !ok {
				// Published on its own, it would be a page in the
				// default language with no source to check it against.
				diags.Add(diag.Pos{File: t.File, Line: 1, Col: 1}, "", "this translates %s.md, which is not in this folder; a translation is named after its source (2024-05-16-first.%s.md beside 2024-05-16-first.md): rename it, or add the source first", base, l)
				continue
			}
			if other := src.Translations[l]; other != nil {
				diags.Add(diag.Pos{File: t.File, Line: 1, Col: 1}, "", "%s already translates %s into %q; keep one of them", other.File, src.File, l)
				continue
			}
			if src.Translations == nil {
				src.Translations = map[string]*Update{}
			}
			src.Translations[l] = t
		}
	}
}

func parseFile(dir, file string, diags *diag.List) (*frontmatter.Document, bool) {
	src, err := readFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		diags.Add(diag.Pos{File: file}, "", "cannot read the file: %v", err)
		return nil, false
	}
	doc, err := frontmatter.Parse(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		if errors.As(err, &se) {
			diags.Add(diag.Pos{File: file, Line: max(se.Line, 1), Col: se.Col}, "", "%s", se.Msg) // Msg names the front matter
		} else {
			diags.Add(diag.Pos{File: file, Line: 1}, "front matter", "%v", strings.TrimPrefix(err.Error(), "front matter: "))
		}
		return nil, false
	}
	if doc.Format == frontmatter.None {
		diags.Add(diag.Pos{File: file, Line: 1, Col: 1}, "front matter", "missing; start the file with a line ---, then fields like title: and date:, then another ---")
		return nil, false
	}
	return doc, true
}

func body(doc *frontmatter.Document) Body {
	return Body{Source: doc.Body, Line: doc.BodyLine, Offset: doc.BodyOffset}
}

// decodePage walks a page's front matter against fields, its positions
// counted from the top of the file.
func decodePage(doc *frontmatter.Document, file string, fields []field, cfg *Config, diags *diag.List) *decoder {
	d := newDecoder(file, diags, cfg.Location)
	top := diag.Pos{File: file, Line: 1, Col: 1}
	d.pos[""] = top
	d.walk(doc.Root, fields, "", top)
	return d
}

func decodeIncident(doc *frontmatter.Document, file, slug string, cfg *Config, diags *diag.List) *Incident {
	d := decodePage(doc, file, incidentFields, cfg, diags)
	inc := &Incident{
		Slug:            slug,
		File:            file,
		Title:           d.str("title"),
		Discovered:      d.tm("discovered"),
		DataWindow:      d.rangeOf("data_window"),
		Affected:        d.affected("affected"),
		WhatToDo:        d.strs("what_to_do"),
		DataInvolved:    d.strs("data_involved"),
		DataNotInvolved: d.strs("data_not_involved"),
		Successor:       d.str("successor"),
		Revisions:       d.changes("revisions"),
		Body:            body(doc),
		Pos:             d.pos,
	}
	inc.Facts = Facts{
		Occurred:             d.ranges("occurred"),
		Affected:             inc.Affected,
		DataInvolved:         inc.DataInvolved,
		DataPossiblyInvolved: d.strs("data_possibly_involved"),
		DataNotInvolved:      inc.DataNotInvolved,
		NeverKnown:           d.str("never_known"),
	}
	for _, name := range FactNames {
		if _, ok := d.pos[name]; ok {
			inc.Facts.Set = append(inc.Facts.Set, name)
		}
	}
	if len(inc.Facts.Occurred) > 0 {
		first := inc.Facts.Occurred[0]
		inc.Occurred = &first
	}
	for i := 0; i < d.count("notified"); i++ {
		p := fmt.Sprintf("notified[%d].", i)
		inc.Notified = append(inc.Notified, Notification{Body: d.str(p + "body"), Date: d.date(p + "date"), URL: d.str(p + "url")})
	}
	for i := 0; i < d.count("official_advice"); i++ {
		p := fmt.Sprintf("official_advice[%d].", i)
		inc.OfficialAdvice = append(inc.OfficialAdvice, Link{Title: d.str(p + "title"), URL: d.str(p + "url")})
	}
	if d.has("notice") {
		inc.Notice = &Notice{Official: d.flag("notice.official"), DisplayUntil: d.date("notice.display_until"),
			Mode: d.str("notice.mode"), Posted: d.date("notice.posted")}
	}
	return inc
}

func decodeUpdate(doc *frontmatter.Document, file string, cfg *Config, diags *diag.List) *Update {
	d := decodePage(doc, file, updateFields, cfg, diags)
	u := &Update{
		File:      file,
		Title:     d.str("title"),
		Date:      d.tm("date"),
		Status:    Status(d.str("status")),
		Summary:   d.str("summary"),
		Draft:     d.flag("draft"),
		Revisions: d.changes("revisions"),
		Facts:     d.facts(),
		Body:      body(doc),
		Pos:       d.pos,
	}
	if d.has("withdrawn") {
		u.Withdrawn = &Withdrawal{Date: d.tm("withdrawn.date"), Note: d.str("withdrawn.note")}
	}
	if d.has("status") && u.Status.Rank() < 0 {
		words := make([]string, len(Statuses))
		for i, s := range Statuses {
			words[i] = string(s)
		}
		msg := fmt.Sprintf("%q is not a status word; use one of %s", string(u.Status), strings.Join(words, ", "))
		if s := suggest(string(u.Status), words); s != "" {
			msg = fmt.Sprintf("%q is not a status word; did you mean %s?", string(u.Status), s)
		}
		diags.Add(u.PosOf("status"), "status", "%s", msg)
	}
	return u
}

// checkFileName warns when an update's file name does not follow
// YYYY-MM-DD-words.md or names a different day than its date: the name is
// what writers see, and a wrong day in it misleads the next editor.
func checkFileName(u *Update, base string, cfg *Config, diags *diag.List) {
	m := reUpdateName.FindStringSubmatch(base)
	pos := diag.Pos{File: u.File, Line: 1, Col: 1}
	if m == nil {
		diags.Warn(pos, "file name", "name update files YYYY-MM-DD-a-few-words.md, in lower case, like 2024-05-16-first-statement.md")
		return
	}
	if !u.Date.IsZero() && u.Date.Format("2006-01-02") != m[1] {
		diags.Warn(u.PosOf("date"), "date", "the file name says %s but the date says %s; rename the file or correct the date", m[1], u.Date.Format("2006-01-02"))
	}
}

// LoadUpdate reads one update file of inc again (file is its slash path
// below dir, as Update.File is), as Load reads it, in the site's config.
// It returns nil when the file cannot be read as an update; the
// diagnostics say why.
func LoadUpdate(dir, file string, inc *Incident, cfg *Config) (*Update, diag.List) {
	var diags diag.List
	doc, ok := parseFile(dir, file, &diags)
	if !ok {
		return nil, diags
	}
	u := decodeUpdate(doc, file, cfg, &diags)
	u.Incident = inc
	return u, diags
}
