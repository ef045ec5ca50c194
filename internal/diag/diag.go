// Package diag holds the diagnostics that every step reports about a
// person's files: where the problem is, how bad it is and how to fix it.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops publication.
type Severity int

const (
	// Error stops publication.
	Error Severity = iota
	// Warning is reported but publishes, unless the run is strict.
	Warning
)

// Pos is a position in a file as its author sees it: lines and columns count
// from 1, front matter included. Col counts characters (runes), not bytes.
type Pos struct {
	File string // slash-separated, relative to the site directory
	Line int
	Col  int
}

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem found in a site.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Field    string // the field or rule it is about: "date", "affected.count", "markdown"
	Message  string // what is wrong and how to fix it, in plain words
}

// String formats d like a compiler: "file:line:col: field: message", with
// "warning: " before the field for warnings.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List is every problem found in one run.
type List []Diagnostic

// Add appends an error at pos.
func (l *List) Add(pos Pos, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Warn appends a warning at pos.
func (l *List) Warn(pos Pos, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Sort orders l by file, line, column, then message, so output is stable.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.String() < b.String()
	})
}

// Errors counts the diagnostics that stop publication.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the diagnostics that do not stop publication.
func (l List) Warnings() int { return len(l) - l.Errors() }

// Fails reports whether l stops publication; strict makes warnings fail too.
func (l List) Fails(strict bool) bool {
	if strict {
		return len(l) > 0
	}
	return l.Errors() > 0
}

// Print writes l sorted, one diagnostic per line.
func (l List) Print(w io.Writer) {
	l.Sort()
	for _, d := range l {
		fmt.Fprintln(w, d.String())
	}
}

// Error makes l usable as an error: every diagnostic, one per line.
func (l List) Error() string {
	var b strings.Builder
	l.Print(&b)
	return strings.TrimRight(b.String(), "\n")
}
