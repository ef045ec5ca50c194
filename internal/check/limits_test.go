package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/markdown"
)

// upTo repeats unit as often as it fits in markdown.MaxBodyBytes.
func upTo(unit string) string {
	return strings.Repeat(unit, markdown.MaxBodyBytes/len(unit))
}

// nestedList is a list each of whose items holds the next, as deep as
// fits in markdown.MaxBodyBytes (some 360 levels).
func nestedList() string {
	var b strings.Builder
	for i := 0; b.Len()+2*i+4 <= markdown.MaxBodyBytes; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

// worstBodies are the bodies that cost goldmark the most for their size
// among those within markdown's limits, as measured: each limit's worst.
var worstBodies = []struct{ name, body string }{
	{"repeated headings", upTo("## h\n")},
	{"repeated setext headings", upTo("a\n=\n")},
	{"unclosed images", upTo(strings.Repeat("![a](", markdown.MaxBrackets/2-1) + "\n\n")},
	{"unclosed images then a long word", strings.Repeat("![a](", markdown.MaxBrackets/2-1) + strings.Repeat("x", markdown.MaxBodyBytes-5*markdown.MaxBrackets/2)},
	{"unclosed links then a long word", strings.Repeat("[a](", markdown.MaxBrackets/2-1) + strings.Repeat("x", markdown.MaxBodyBytes-4*markdown.MaxBrackets/2)},
	{"brackets opened and closed", upTo(strings.Repeat("[", markdown.MaxBrackets/2) + strings.Repeat("]", markdown.MaxBrackets/2) + "\n\n")},
	{"quotes 16 deep", upTo(strings.Repeat(">", markdown.MaxNesting) + " x\n")},
	{"lists 16 deep on each line", upTo(strings.Repeat("- ", markdown.MaxNesting) + "x\n")},
	{"a list 360 deep", nestedList()},
	{"the widest table", strings.Repeat("|a", 9999) + "\n" + strings.Repeat("|-", 9999) + "\n"},
	{"the longest table", "|a\n|-\n" + strings.Repeat("|a\n", markdown.MaxTableCells-2)},
	{"emphasis runs", upTo("*a _b ")},
	{"raw HTML", upTo("<b>")},
	{"shortcodes", upTo("{{<")},
	{"bidi overrides", upTo("\u202e")},
}

// TestLimits gives check the bodies that made goldmark's time grow faster
// than their size: past markdown's limits each is refused, with the file
// and line, unparsed; within them each is checked to the end.
func TestLimits(t *testing.T) {
	deep := func(marker string, n int) string { return strings.Repeat(marker, n) + "x\n" }
	tests := []struct {
		name string
		body string
		want string // the one diagnostic about the limits, "" for none
	}{
		{"100,000 repeated headings", strings.Repeat("## h\n", 100000),
			":26220:1: markdown: too large or complex to check: the text is 489 KB, and at most 128 KB of one file can be checked (the limit is passed on this line); split it into several updates"},
		{"50,000 unclosed images", strings.Repeat("![a](", 50000),
			":6:1: markdown: too large or complex to check: the text is 245 KB, and at most 128 KB of one file can be checked (the limit is passed on this line); split it into several updates"},
		{"10,000 [", "Text " + strings.Repeat("[", 10000) + "\n",
			":6:506: markdown: too large or complex to check: this paragraph has more than 500 [ and ], the most that can be checked in one paragraph; split it with blank lines (to show a [ as text, write \\[)"},
		{"brackets over several lines of one paragraph", strings.Repeat("[a] [b] [c]\n", 100),
			":89:5: markdown: too large or complex to check: this paragraph has more than 500 [ and ], the most that can be checked in one paragraph; split it with blank lines (to show a [ as text, write \\[)"},
		{"brackets in paragraphs of their own", strings.Repeat("[a] [b] [c]\n\n", 100), ""},
		{"17 quotes", "Text.\n\n" + deep(">", 17),
			":8:1: markdown: too large or complex to check: this line opens 17 quotes or list items inside each other, and at most 16 can be checked; nest them less deeply"},
		{"17 lists", deep("- ", 17),
			":6:1: markdown: too large or complex to check: this line opens 17 quotes or list items inside each other, and at most 16 can be checked; nest them less deeply"},
		{"17 numbered lists and quotes", deep("> 1. ", 9),
			":6:1: markdown: too large or complex to check: this line opens 18 quotes or list items inside each other, and at most 16 can be checked; nest them less deeply"},
		{"16 quotes", deep(">", 16), ""},
		{"a table too wide", strings.Repeat("| a ", 101) + "|\n" + strings.Repeat("|---", 101) + "|\n" + strings.Repeat("| x |\n", 200),
			":204:1: markdown: too large or complex to check: the tables reach 20099 cells by this line, and at most 20000 in one file can be checked; split the table, or offer it as a file to download"},
		{"a table in a quote", strings.Repeat("> | a ", 1) + strings.Repeat("| a ", 100) + "|\n> " + strings.Repeat("|---", 101) + "|\n" + strings.Repeat("> | x |\n", 200),
			":204:1: markdown: too large or complex to check: the tables reach 20099 cells by this line, and at most 20000 in one file can be checked; split the table, or offer it as a file to download"},
		{"a table of 100 rows", "| a | b |\n|---|---|\n" + strings.Repeat("| x | y |\n", 100), ""},
	}
	for _, w := range worstBodies {
		tests = append(tests, struct{ name, body, want string }{"within the limits: " + w.name, w.body, ""})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, u := memorySite([]byte(tt.body), 6)
			site.Incidents[0].Body.Source = []byte("Text.\n")
			var got []string
			for _, d := range check.Site(site, now) {
				if strings.Contains(d.Message, "too large or complex") {
					got = append(got, d.String())
				}
			}
			want := []string{}
			if tt.want != "" {
				want = append(want, u.File+tt.want)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}

// checkBody checks a site whose one update's body is body, b.N times.
func checkBody(b *testing.B, body string) {
	site, _ := memorySite([]byte(body), 6)
	site.Incidents[0].Body.Source = []byte("Text.\n")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		check.Site(site, now)
	}
}

// BenchmarkRepeatedHeadings checks a body of "## h" lines, as many as
// markdown.MaxBodyBytes holds (26,214): heading IDs are made in linear
// time, so this costs about as much as any body of its size.
func BenchmarkRepeatedHeadings(b *testing.B) {
	checkBody(b, upTo("## h\n"))
}

// BenchmarkUnclosedImages checks bodies of unclosed "![a](", as many as
// the limits allow: in paragraphs of 249, and 249 before a word as long as
// the rest of the body, the case that costs goldmark the most.
func BenchmarkUnclosedImages(b *testing.B) {
	b.Run("paragraphs", func(b *testing.B) { checkBody(b, worstBodies[2].body) })
	b.Run("then a long word", func(b *testing.B) { checkBody(b, worstBodies[3].body) })
}

// BenchmarkWorstBodies checks each of worstBodies.
func BenchmarkWorstBodies(b *testing.B) {
	for _, w := range worstBodies {
		b.Run(strings.ReplaceAll(w.name, " ", "_"), func(b *testing.B) { checkBody(b, w.body) })
	}
}
