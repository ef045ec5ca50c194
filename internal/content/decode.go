package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/frontmatter"
)

// decoder checks a front matter tree against a schema, reporting every
// problem with its position, and keeps each valid value under its dotted
// path ("affected.count", "notified[1].date") for the typed structs.
type decoder struct {
	file  string
	diags *diag.List
	loc   *time.Location // the site's zone, for suggesting an offset
	fold  bool           // keys match without regard to case (Hugo's config)
	// oneLine refuses text holding a control or direction-override
	// character (config.toml: its values go into headers and files line
	// by line).
	oneLine bool
	refused map[string]bool // keys whose text plain refused
	pos     map[string]diag.Pos
	vals    map[string]any
}

func newDecoder(file string, diags *diag.List, loc *time.Location) *decoder {
	return &decoder{file: file, diags: diags, loc: loc, pos: map[string]diag.Pos{}, vals: map[string]any{}, refused: map[string]bool{}}
}

func (d *decoder) at(line, col int) diag.Pos {
	return diag.Pos{File: d.file, Line: line, Col: col}
}

func (d *decoder) valuePos(n *frontmatter.Node) diag.Pos { return d.at(n.Line, n.Col) }

func (d *decoder) keyPos(n *frontmatter.Node) diag.Pos {
	if n.KeyLine == 0 {
		return d.valuePos(n)
	}
	return d.at(n.KeyLine, n.KeyCol)
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// walk checks the map n against spec, under the dotted path prefix.
func (d *decoder) walk(n *frontmatter.Node, spec []field, prefix string, where diag.Pos) {
	seen := map[string]*frontmatter.Node{}
	for _, c := range n.Children {
		f, ok := d.lookup(spec, c.Key)
		if !ok {
			d.unknown(c, spec, prefix)
			continue
		}
		path := join(prefix, f.name)
		if prev := seen[f.name]; prev != nil && d.fold && f.kind != kRefused {
			// Only where keys fold: the parser refuses a key written twice
			// alike, but Title and title are one key to Hugo.
			d.diags.Add(d.keyPos(c), join(prefix, c.Key), "is %s again (line %d); Hugo reads keys without regard to case, so keep one", join(prefix, prev.Key), d.keyPos(prev).Line)
			continue
		}
		seen[f.name] = c
		// A scalar's problems are in its value, where an editor's cursor
		// should go; a group's or list's start at its key.
		d.pos[path] = d.keyPos(c)
		if c.Kind == frontmatter.Scalar {
			d.pos[path] = d.valuePos(c)
		}
		d.value(c, f, path)
	}
	for _, f := range spec {
		if f.required && seen[f.name] == nil {
			msg := "missing; this field is required"
			if f.example != "" {
				msg = fmt.Sprintf("missing; add a line like %s", f.example)
			}
			d.diags.Add(where, join(prefix, f.name), "%s", msg)
		}
	}
}

func (d *decoder) lookup(spec []field, key string) (field, bool) {
	for _, f := range spec {
		if f.name == key || (d.fold && strings.EqualFold(f.name, key)) {
			return f, true
		}
	}
	return field{}, false
}

func (d *decoder) unknown(c *frontmatter.Node, spec []field, prefix string) {
	var names []string
	for _, f := range spec {
		if f.kind != kRefused {
			names = append(names, f.name)
		}
	}
	path := join(prefix, c.Key)
	if s := suggest(c.Key, names); s != "" {
		d.diags.Add(d.keyPos(c), path, "unknown field; did you mean %s?", join(prefix, s))
		return
	}
	d.diags.Add(d.keyPos(c), path, "unknown field; the fields here are: %s", strings.Join(names, ", "))
}

func (d *decoder) value(n *frontmatter.Node, f field, path string) {
	pos := d.valuePos(n)
	switch f.kind {
	case kRefused:
		d.diags.Add(d.keyPos(n), path, "%s", f.refuse)
	case kLanguages:
		d.languages(n, f, path)
	case kText:
		if n.Kind != frontmatter.Scalar || n.Type == frontmatter.Null {
			d.diags.Add(pos, path, "should be text, written on the same line")
			return
		}
		if !d.plain(n.Value, path, pos) {
			return
		}
		d.vals[path] = n.Value
	case kBool:
		if n.Kind != frontmatter.Scalar || n.Type != frontmatter.Bool {
			d.diags.Add(pos, path, "should be true or false")
			return
		}
		d.vals[path] = n.Value == "true"
	case kInt:
		d.integer(n, path, pos, f.example)
	case kTime:
		if t, ok := d.parseTime(n, path, pos, false); ok {
			d.vals[path] = t.Time
		}
	case kDate:
		if t, ok := d.parseTime(n, path, pos, true); ok {
			d.vals[path] = t
		}
	case kRangeList:
		if n.Kind != frontmatter.List {
			d.vals[path+"[]"] = 0
			d.value(n, field{name: f.name, kind: kDateRange, fields: f.fields}, path)
			return
		}
		if len(n.Children) == 0 {
			d.diags.Add(pos, path, "is an empty list; give each time as an entry with from:, to: and note:, or leave %s out while it is not known", f.name)
			return
		}
		d.vals[path+"[]"] = len(n.Children)
		for i, c := range n.Children {
			item := fmt.Sprintf("%s[%d]", path, i)
			d.pos[item] = d.valuePos(c)
			if c.Kind != frontmatter.Map {
				d.diags.Add(d.valuePos(c), item, "should be an entry with %s, like - {from: 2019-03-01, to: 2019-03-31}", fieldNames(f.fields))
				continue
			}
			d.walk(c, f.fields, item, d.valuePos(c))
		}
	case kDateRange:
		if n.Kind == frontmatter.Map {
			d.walk(n, f.fields, path, pos)
			return
		}
		if t, ok := d.parseTime(n, path, pos, true); ok {
			d.vals[path+".from"], d.vals[path+".to"] = t, t
			d.pos[path+".from"], d.pos[path+".to"] = pos, pos
		}
	case kTextList:
		if n.Kind != frontmatter.List {
			d.diags.Add(pos, path, "should be a list; put each item on its own line, starting with \"- \"")
			return
		}
		var items []string
		for i, c := range n.Children {
			if c.Kind != frontmatter.Scalar || c.Type == frontmatter.Null {
				d.diags.Add(d.valuePos(c), fmt.Sprintf("%s[%d]", path, i), "should be text")
				continue
			}
			d.pos[fmt.Sprintf("%s[%d]", path, i)] = d.valuePos(c)
			if !d.plain(c.Value, fmt.Sprintf("%s[%d]", path, i), d.valuePos(c)) {
				continue
			}
			items = append(items, c.Value)
		}
		d.vals[path] = items
	case kObject:
		if n.Kind != frontmatter.Map {
			d.diags.Add(pos, path, "should be a group of fields (%s), each on its own indented line", fieldNames(f.fields))
			return
		}
		d.vals[path] = true
		d.walk(n, f.fields, path, d.keyPos(n))
	case kList:
		if n.Kind != frontmatter.List {
			d.diags.Add(pos, path, "should be a list of entries, each starting with \"- \" and holding %s", fieldNames(f.fields))
			return
		}
		d.vals[path] = len(n.Children)
		for i, c := range n.Children {
			item := fmt.Sprintf("%s[%d]", path, i)
			d.pos[item] = d.valuePos(c)
			if c.Kind != frontmatter.Map {
				d.diags.Add(d.valuePos(c), item, "should be an entry with %s", fieldNames(f.fields))
				continue
			}
			d.walk(c, f.fields, item, d.valuePos(c))
		}
	}
}

// plain reports whether s may stand in the config as it is, and reports
// the first control or direction-override character in it otherwise: a
// line break would start a new line of security.txt or a header, and an
// override makes text read otherwise than it is stored (a number or an
// address shown reversed).
func (d *decoder) plain(s, path string, pos diag.Pos) bool {
	if !d.oneLine {
		return true
	}
	i := 0
	for _, r := range s {
		i++
		if name := unsafeRune(r); name != "" {
			d.diags.Add(pos, path, "has %s (U+%04X) at character %d of the value%s; write the value on one line without it", name, r, i, after(s, r))
			d.refused[path] = true
			return false
		}
	}
	return true
}

// after quotes up to 20 characters before the first r in s, so the writer
// can find an invisible character: ` after "PO Box 7010,"`.
func after(s string, r rune) string {
	before := []rune(s[:strings.IndexRune(s, r)])
	if len(before) == 0 {
		return ", at its start"
	}
	if len(before) > 20 {
		before = before[len(before)-20:]
	}
	return fmt.Sprintf(", after %q", string(before))
}

// unsafeRune names r when it may not stand in a config value, or is "".
func unsafeRune(r rune) string {
	switch {
	case r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
		return "a line break"
	case r == '\t':
		return "a tab"
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return "a control character"
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return "an invisible direction override"
	case r == 0xfeff:
		return "an invisible character"
	}
	return ""
}

func fieldNames(fs []field) string {
	var names []string
	for _, f := range fs {
		if f.kind != kRefused {
			names = append(names, f.name)
		}
	}
	return strings.Join(names, ", ")
}

// integer reads a whole number; like is an example for the message, or ""
// for a count like 12900000.
func (d *decoder) integer(n *frontmatter.Node, path string, pos diag.Pos, like string) {
	if n.Kind == frontmatter.Scalar && n.Type == frontmatter.Int {
		v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err == nil && v >= 0 {
			d.vals[path] = v
			return
		}
	}
	if n.Kind == frontmatter.Scalar {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, n.Value)
		if digits != "" && n.Type != frontmatter.Float && !strings.HasPrefix(strings.TrimSpace(n.Value), "-") {
			d.diags.Add(pos, path, "should be a whole number without commas or spaces; write %s", digits)
			return
		}
	}
	if like == "" {
		like = "12900000"
	}
	d.diags.Add(pos, path, "should be a whole number, 0 or more, like %s", like)
}

var (
	reDate     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	reDateTime = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|z|[+-]\d{2}:\d{2})?$`)
)

// parseTime reads an RFC 3339 time with an offset; with dateOK a bare date
// is allowed too (midnight in the site's zone).
func (d *decoder) parseTime(n *frontmatter.Node, path string, pos diag.Pos, dateOK bool) (Date, bool) {
	example := "2024-05-16T09:00:00+10:00"
	if dateOK {
		example = "2024-05-16"
	}
	if n.Kind != frontmatter.Scalar || (n.Type != frontmatter.Time && n.Type != frontmatter.String) {
		d.diags.Add(pos, path, "should be a %s like %s", kindWord(dateOK), example)
		return Date{}, false
	}
	s := strings.TrimSpace(n.Value)
	if m := reDate.FindStringSubmatch(s); m != nil {
		t, err := time.ParseInLocation("2006-01-02", s, d.loc)
		if err != nil {
			d.diags.Add(pos, path, "%s is not a real date (%s)", s, dayProblem(m))
			return Date{}, false
		}
		if !dateOK {
			d.diags.Add(pos, path, "needs a time of day and a time zone offset as well as the date; write %sT09:00:00%s", s, offsetAt(t.Add(9*time.Hour)))
			return Date{}, false
		}
		return Date{Time: t, DateOnly: true}, true
	}
	m := reDateTime.FindStringSubmatch(s)
	if m == nil {
		d.diags.Add(pos, path, "%q is not a %s; write it like %s", s, kindWord(dateOK), example)
		return Date{}, false
	}
	clock := m[2]
	if len(clock) == 5 {
		clock += ":00"
	}
	if _, err := time.Parse("2006-01-02", m[1]); err != nil {
		d.diags.Add(pos, path, "%s is not a real date (%s)", m[1], dayProblem(reDate.FindStringSubmatch(m[1])))
		return Date{}, false
	}
	if m[3] == "" {
		local, err := time.ParseInLocation("2006-01-02T15:04:05", m[1]+"T"+clock, d.loc)
		if err != nil {
			d.diags.Add(pos, path, "%q is not a real time of day; write it like %s", m[2], example)
			return Date{}, false
		}
		d.diags.Add(pos, path, "no time zone offset; write %s", local.Format("2006-01-02T15:04:05-07:00"))
		return Date{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, m[1]+"T"+clock+strings.ToUpper(m[3]))
	if err != nil {
		d.diags.Add(pos, path, "%q is not a real time of day; write it like %s", m[2], example)
		return Date{}, false
	}
	return Date{Time: t}, true
}

func kindWord(dateOK bool) string {
	if dateOK {
		return "date"
	}
	return "date and time with a time zone offset"
}

func offsetAt(t time.Time) string { return t.Format("-07:00") }

func dayProblem(m []string) string {
	if m == nil {
		return "write it as YYYY-MM-DD"
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return fmt.Sprintf("there is no month %d; write YYYY-MM-DD", mo)
	}
	last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return fmt.Sprintf("%s %d has %d days", time.Month(mo), y, last)
}

// Getters for the decoded values.

func (d *decoder) str(path string) string {
	s, _ := d.vals[path].(string)
	return s
}

func (d *decoder) flag(path string) bool {
	b, _ := d.vals[path].(bool)
	return b
}

func (d *decoder) tm(path string) time.Time {
	t, _ := d.vals[path].(time.Time)
	return t
}

func (d *decoder) date(path string) Date {
	t, _ := d.vals[path].(Date)
	return t
}

func (d *decoder) strs(path string) []string {
	s, _ := d.vals[path].([]string)
	return s
}

func (d *decoder) count(path string) int {
	n, _ := d.vals[path].(int)
	return n
}

func (d *decoder) has(path string) bool {
	_, ok := d.vals[path]
	return ok
}

func (d *decoder) rangeOf(path string) *Range {
	if !d.has(path+".from") && !d.has(path+".to") {
		return nil
	}
	return &Range{From: d.date(path + ".from"), To: d.date(path + ".to")}
}

// ranges reads a kRangeList: nil when not given, else one Range for each
// entry (one for a single range or date). An entry whose dates were
// refused is left out; its problem is already reported.
func (d *decoder) ranges(path string) []Range {
	n, ok := d.vals[path+"[]"].(int)
	if !ok {
		return nil
	}
	if n == 0 {
		if r := d.rangeOf(path); r != nil {
			r.Note, r.Key = d.str(path+".note"), path
			return []Range{*r}
		}
		return nil
	}
	var out []Range
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("%s[%d]", path, i)
		if r := d.rangeOf(p); r != nil {
			r.Note = d.str(p + ".note")
			r.Key = p
			out = append(out, *r)
		}
	}
	return out
}

// affected reads an affected: group under path, or nil.
func (d *decoder) affected(path string) *Affected {
	if !d.has(path) {
		return nil
	}
	a := &Affected{AsOf: d.date(path + ".as_of"), Estimate: d.flag(path + ".estimate"), Who: d.str(path + ".who")}
	for _, k := range []struct {
		name string
		to   *int64
	}{{"count", &a.Count}, {"min", &a.Min}, {"max", &a.Max}} {
		v, ok := d.vals[path+"."+k.name].(int64)
		if ok && v == 0 {
			// 0 would read as "not known yet"; no one is not a count.
			d.diags.Add(d.pos[path+"."+k.name], path+"."+k.name, "is 0; leave %s out while the number is not known (the page says \"not known yet\"), or give the number", k.name)
		}
		*k.to = v
	}
	return a
}

// facts reads an update's facts: block, or nil.
func (d *decoder) facts() *Facts {
	if !d.has("facts") {
		return nil
	}
	f := &Facts{
		Occurred:             d.ranges("facts.occurred"),
		Affected:             d.affected("facts.affected"),
		DataInvolved:         d.strs("facts.data_involved"),
		DataPossiblyInvolved: d.strs("facts.data_possibly_involved"),
		DataNotInvolved:      d.strs("facts.data_not_involved"),
		NeverKnown:           d.str("facts.never_known"),
	}
	for _, name := range FactNames {
		if _, ok := d.pos["facts."+name]; ok {
			f.Set = append(f.Set, name)
		}
	}
	return f
}

func (d *decoder) changes(path string) []Revision {
	var out []Revision
	for i := 0; i < d.count(path); i++ {
		p := fmt.Sprintf("%s[%d]", path, i)
		out = append(out, Revision{Date: d.tm(p + ".date"), Note: d.str(p + ".note")})
	}
	return out
}
