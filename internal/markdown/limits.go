package markdown

import (
	"bytes"
	"fmt"
)

// The limits within which goldmark's work on a body grows with its size
// and not faster. Some inputs make goldmark's time grow with the square of
// their size, or worse. Measured in CPU time on one loaded core, before
// these limits: 20 KB of "![a](" took 0.3 s and 80 KB 5.6 s (each unclosed
// link reads the rest of its line); 15 KB of ">" on one line 0.2 s and 60
// KB 5.8 s; "- - - ... x" and "1. 1. ... x" alike; 30 KB of "[[...]]" 0.3
// s and 125 KB 3.6 s; a table of 1000 columns and 1000 rows, 6 KB, 2.6 s
// (each row is as wide as the header). Within them the costliest body
// found, 128 KB of paragraphs of 250 "[" then 250 "]", parses in 0.25 s,
// and every other in less (BenchmarkWorstBodies in internal/check); 128
// KB of prose parses in a few milliseconds.
const (
	// MaxBodyBytes is the most Markdown one file may hold below its front
	// matter: 128 KiB, some 20,000 words, ten times the longest statement
	// the example site has. The content loader refuses larger files.
	MaxBodyBytes = 128 << 10

	// MaxNesting is the most quotes and list items one line may open
	// inside each other ("> - > 1. text" opens 4).
	MaxNesting = 16

	// MaxBrackets is the most "[" and "]" one paragraph (a run of lines
	// without a blank line) may hold: enough for 250 links.
	MaxBrackets = 500

	// MaxTableCells is the most table cells one body may hold, counting
	// each row as wide as its table's header row.
	MaxTableCells = 20000
)

// A LimitError says where a body passes one of the limits above, in words
// a writer can act on. Offset is the byte of the body where it does.
type LimitError struct {
	Offset int
	Msg    string
}

func (e *LimitError) Error() string { return e.Msg }

// WithinLimits returns nil if src is within the limits above, so that Parse
// takes time in proportion to its size, or a *LimitError for the first
// place where it is not. It reads src once and parses nothing: a caller
// runs it before Parse on anything a person typed.
func WithinLimits(src []byte) error {
	if len(src) > MaxBodyBytes {
		return &LimitError{lineStart(src, MaxBodyBytes), fmt.Sprintf(
			"the text is %d KB, and at most %d KB of one file can be checked (the limit is passed on this line); split it into several updates",
			(len(src)+1023)/1024, MaxBodyBytes/1024)}
	}
	var brackets, columns, cells int
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		if len(bytes.TrimSpace(line)) == 0 {
			brackets, columns = 0, 0
			off = end + 1
			continue
		}
		depth, rest := nesting(line)
		if depth > MaxNesting {
			return &LimitError{off, fmt.Sprintf(
				"this line opens %d quotes or list items inside each other, and at most %d can be checked; nest them less deeply",
				depth, MaxNesting)}
		}
		switch {
		case columns > 0:
			cells += columns
		default:
			if columns = delimiterCells(rest); columns > 0 {
				cells += 2 * columns // the header and this row
			}
		}
		if cells > MaxTableCells {
			return &LimitError{off, fmt.Sprintf(
				"the tables reach %d cells by this line, and at most %d in one file can be checked; split the table, or offer it as a file to download",
				cells, MaxTableCells)}
		}
		if n := bytes.Count(line, []byte("[")) + bytes.Count(line, []byte("]")); brackets+n > MaxBrackets {
			return &LimitError{off + nthBracket(line, MaxBrackets-brackets), fmt.Sprintf(
				"this paragraph has more than %d [ and ], the most that can be checked in one paragraph; split it with blank lines (to show a [ as text, write \\[)",
				MaxBrackets)}
		} else {
			brackets += n
		}
		off = end + 1
	}
	return nil
}

// lineStart is the offset of the first byte of the line holding src[off].
func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// nesting counts the block quote and list markers that start line, as
// goldmark would open a container for each, and returns what follows
// them. It counts generously (a thematic break "* * *" counts 3): it only
// has to be sure that goldmark opens no more.
func nesting(line []byte) (int, []byte) {
	depth := 0
	for {
		line = bytes.TrimLeft(line, " \t")
		n := markerLen(line)
		if n == 0 {
			return depth, line
		}
		depth++
		line = line[n:]
	}
}

// markerLen is the length of the quote or list marker line starts with, 0
// if none: ">", or "-", "+", "*" or up to 9 digits and "." or ")" followed
// by white space or the end of the line.
func markerLen(line []byte) int {
	if len(line) == 0 {
		return 0
	}
	if line[0] == '>' {
		return 1
	}
	n := 0
	switch line[0] {
	case '-', '+', '*':
		n = 1
	default:
		for n < len(line) && n < 10 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n == 0 || n > 9 || n == len(line) || (line[n] != '.' && line[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(line) && line[n] != ' ' && line[n] != '\t' {
		return 0
	}
	return n
}

// delimiterCells is the number of cells of line if it could be a table's
// delimiter row ("|---|:-:|"), else 0.
func delimiterCells(line []byte) int {
	line = bytes.TrimSpace(line)
	if bytes.IndexByte(line, '|') < 0 || bytes.IndexByte(line, '-') < 0 {
		return 0
	}
	cells, inCell := 0, false
	for _, b := range line {
		switch b {
		case '-':
			if !inCell {
				cells++
				inCell = true
			}
		case '|':
			inCell = false
		case ':', ' ', '\t':
		default:
			return 0
		}
	}
	return cells
}

// nthBracket is the offset in line of its n-th "[" or "]", counted from 0.
func nthBracket(line []byte, n int) int {
	for i, b := range line {
		if b == '[' || b == ']' {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return 0
}
