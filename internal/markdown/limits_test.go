package markdown

import (
	"strings"
	"testing"
)

// TestWithinLimits checks where each limit is found: the byte of the body
// a writer is pointed at.
func TestWithinLimits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		at   int // the offset refused, -1 for none
	}{
		{"prose", strings.Repeat("We closed the account. ", 1000), -1},
		{"too large, at the line passing the limit", strings.Repeat("abc\n", MaxBodyBytes/4+1), MaxBodyBytes},
		{"too large in one line", strings.Repeat("a", MaxBodyBytes+1), 0},
		{"16 quotes", strings.Repeat(">", 16) + " x", -1},
		{"17 quotes and lists", "x\n" + strings.Repeat("> - ", 9), 2},
		{"quotes written with spaces", strings.Repeat("> ", 17) + "x", 0},
		{"a thematic break counts as markers", strings.Repeat("* ", 17), 0},
		{"markers need a space after them", strings.Repeat("-", 40) + "\n" + strings.Repeat("1.", 40), -1},
		{"ten digits are not a list marker", strings.Repeat("1234567890. ", 17), -1},
		{"brackets in one paragraph", strings.Repeat("[", MaxBrackets) + "\n]", MaxBrackets + 1},
		{"brackets in paragraphs of their own", strings.Repeat(strings.Repeat("[", MaxBrackets)+"\n\n", 3), -1},
		{"a blank line of spaces ends a paragraph", strings.Repeat("[", MaxBrackets) + "\n \t \n]", -1},
		{"table cells", "|a|b|\n|-|:-:|\n" + strings.Repeat("|x|\n", MaxTableCells/2-2) + "|y|\n", 14 + 4*(MaxTableCells/2-2)},
		{"table cells counted across tables", strings.Repeat("|a|b|\n|-|-|\n|x|\n\n", MaxTableCells/6) + "|a|b|\n|-|-|\n", 17*(MaxTableCells/6) + 6},
		{"a delimiter row needs a pipe", "a\n---\n" + strings.Repeat("x\n", MaxTableCells+1), -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WithinLimits([]byte(tt.src))
			got := -1
			if err != nil {
				got = err.(*LimitError).Offset
			}
			if got != tt.at {
				t.Errorf("WithinLimits refused at %d (%v), want %d", got, err, tt.at)
			}
		})
	}
}
