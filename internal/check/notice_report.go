package check

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"

	"github.com/yuin/goldmark/ast"

	"github.com/disclose-dev/disclose/internal/markdown"
)

// LawReport is a lawyer's view of a site: for each incident and each rule
// set in params.jurisdictions, every requirement, whether the page meets
// it and where. It is a pure function of the site, so that the report
// filed with an incident's records can be made again from the same commit.
type LawReport struct {
	Sets      []string // the rule sets applied, as config.toml lists them
	Incidents []IncidentLaw
	Texts     []string // the legalTexts keys the rows cite, sorted
}

// IncidentLaw is the report for one incident.
type IncidentLaw struct {
	File, Title string
	Mode        string // notice.mode, "" when not given
	Posted      string // notice.posted as a date, "" when not given
	Rows        []LawRow
}

// LawRow is one requirement of one law, as the site meets it or not.
type LawRow struct {
	Set    string
	Law    string // the provision
	Quote  string // its words
	Text   string // the legalTexts key
	Needs  string // the requirement in plain words
	Status string // one of the Law* statuses
	Where  string // "file:line" where the page meets it (or falls short), or ""
	Note   string // the fix, or why the rule does not apply
}

// The statuses a LawRow can have.
const (
	LawMet       = "met"
	LawMissing   = "missing"
	LawForbidden = "forbidden content"
	LawNA        = "not applicable"
	LawByHand    = "check by hand"
)

// Law reports how the site meets each notice rule of each rule set it
// applies. Deadlines are counted from the dates the site records.
func Law(site *content.Site) *LawReport {
	r := &LawReport{}
	if site == nil {
		return r
	}
	c := &checker{site: site, cfg: site.Config}
	if c.cfg == nil {
		c.cfg = &content.Config{File: content.ConfigFile}
	}
	for _, j := range c.cfg.Jurisdictions {
		if _, ok := ruleSets[j]; ok && !contains(r.Sets, j) {
			r.Sets = append(r.Sets, j)
		}
	}
	texts := map[string]bool{}
	for _, inc := range site.Incidents {
		il := IncidentLaw{File: inc.File, Title: inc.Title, Mode: noticeMode(inc)}
		if inc.Notice != nil && !inc.Notice.Posted.IsZero() {
			il.Posted = c.day(inc.Notice.Posted)
		}
		// The report is a run of its own: it parses each statement once,
		// within the limits the markdown rules refuse past.
		var doc ast.Node
		if markdown.WithinLimits(inc.Body.Source) == nil {
			doc = markdown.Parse(inc.Body.Source)
		}
		n := c.noticeText(inc, inc, "", doc)
		for _, set := range r.Sets {
			for _, rule := range noticeRules {
				if rule.Set != set {
					continue
				}
				il.Rows = append(il.Rows, lawRow(rule, n, il.Mode))
				texts[rule.Text] = true
			}
		}
		r.Incidents = append(r.Incidents, il)
	}
	for k := range texts {
		r.Texts = append(r.Texts, k)
	}
	sort.Strings(r.Texts)
	return r
}

// lawRow judges one rule as check does, and says so in a row.
func lawRow(rule noticeRule, n *noticeText, mode string) LawRow {
	row := LawRow{Set: rule.Set, Law: rule.Law, Quote: rule.Quote, Text: rule.Text, Needs: rule.Needs}
	if !rule.appliesTo(mode) {
		row.Status, row.Note = LawNA, "applies when notice.mode is "+strings.Join(rule.Modes, " or ")
		if mode == "" {
			row.Note += "; notice.mode is not given"
		}
		return row
	}
	var res result
	if rule.Test != nil {
		res = rule.Test(n)
	}
	row.Where = where(res.at)
	switch {
	case rule.Kind == byHand && res.ok:
		row.Status = LawMet
	case rule.Kind == byHand:
		row.Status, row.Note, row.Where = LawByHand, "the site cannot show this", ""
	case res.na:
		row.Status, row.Note, row.Where = LawNA, res.fix, ""
	case res.ok:
		row.Status = LawMet
	case rule.Kind == mustNotHave:
		row.Status, row.Note = LawForbidden, rule.Fix
	default:
		row.Status, row.Note = LawMissing, rule.Fix
		if res.fix != "" {
			row.Note = res.fix
		}
		if row.Where == "" {
			row.Where = where(n.start)
		}
	}
	return row
}

func where(p diag.Pos) string {
	if p.File == "" {
		return ""
	}
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// WriteText writes the report as aligned columns, for a terminal.
func (r *LawReport) WriteText(w io.Writer) error {
	var b strings.Builder
	if len(r.Sets) == 0 {
		b.WriteString("params.jurisdictions in config.toml names no rule set, so no notice law is checked.\n")
	}
	for _, inc := range r.Incidents {
		fmt.Fprintf(&b, "%s (%s)\n", inc.File, printable(inc.Title))
		fmt.Fprintf(&b, "notice.mode: %s; notice.posted: %s\n", orNone(inc.Mode), orNone(inc.Posted))
		for _, set := range r.Sets {
			fmt.Fprintf(&b, "\n%s [%s]\n", ruleSets[set], set)
			tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "  STATUS\tPROVISION\tREQUIREMENT\tWHERE")
			for _, row := range inc.Rows {
				if row.Set == set {
					fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", row.Status, row.Law, row.Needs, row.Where)
				}
			}
			tw.Flush()
		}
		b.WriteString("\n")
	}
	if len(r.Texts) > 0 {
		b.WriteString("Texts read\n")
		for _, k := range r.Texts {
			t := legalTexts[k]
			fmt.Fprintf(&b, "  %s: %s, read %s (%s); %s\n", t.Title, readAt(t), t.Read, verbatim(t), t.Note)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the report as Markdown tables, for the incident's
// records: every row with the words of the law and where they were read.
func (r *LawReport) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Notice laws: how the site meets them\n\n")
	b.WriteString("Made by `disclose check -law-md FILE` from the site's files. Every requirement of every rule set in `params.jurisdictions`, whether the page meets it, and where. \"Check by hand\" rows are things the site cannot show.\n")
	if len(r.Sets) == 0 {
		b.WriteString("\n`params.jurisdictions` in config.toml names no rule set, so no notice law is checked.\n")
	}
	for _, inc := range r.Incidents {
		fmt.Fprintf(&b, "\n## %s\n\n`%s`; notice.mode: %s; notice.posted: %s\n", md(inc.Title), inc.File, orNone(inc.Mode), orNone(inc.Posted))
		for _, set := range r.Sets {
			fmt.Fprintf(&b, "\n### %s (`%s`)\n\n", md(ruleSets[set]), set)
			b.WriteString("| Status | Provision | Requirement | Words of the law | Where | Note |\n|---|---|---|---|---|---|\n")
			for _, row := range inc.Rows {
				if row.Set != set {
					continue
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", row.Status, md(row.Law), md(row.Needs), md(quoted(row)), code(row.Where), md(row.Note))
			}
		}
	}
	if len(r.Texts) > 0 {
		b.WriteString("\n## Texts read\n\n| Text | Where | Read | Words | Note |\n|---|---|---|---|---|\n")
		for _, k := range r.Texts {
			t := legalTexts[k]
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", md(t.Title), md(readAt(t)), t.Read, verbatim(t), md(t.Note))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quoted is the row's quotation, marked when it is not the enacted text.
func quoted(row LawRow) string {
	if !legalTexts[row.Text].Verbatim {
		return "“" + row.Quote + "” (not read as enacted; see Texts read)"
	}
	return "“" + row.Quote + "”"
}

func verbatim(t legalText) string {
	if t.Verbatim {
		return "the words as enacted"
	}
	return "not read as enacted"
}

func readAt(t legalText) string {
	if t.Where == "" {
		return "no copy could be read"
	}
	return t.Where
}

func orNone(s string) string {
	if s == "" {
		return "not given"
	}
	return s
}

// md escapes text for a Markdown table cell.
func md(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "<", "&lt;", "[", `\[`, "]", `\]`, "`", "\\`").Replace(printable(s))
}

// printable replaces control characters, which a title could carry to a
// terminal (an escape sequence) or a Markdown viewer, with spaces.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

func code(s string) string {
	if s == "" {
		return ""
	}
	return "`" + s + "`"
}
