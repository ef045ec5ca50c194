package frontmatter

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"
)

// bom is the UTF-8 byte order mark some editors put at the start of a file.
var bom = []byte("\xEF\xBB\xBF")

// Parse splits src into front matter and body and parses the front matter.
// Errors about the front matter are *SyntaxError values whose position
// counts in the whole file.
func Parse(src []byte) (*Document, error) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	text := src[start:]
	pos := newPositioner(src, start)

	format, delim := None, ""
	first, firstEnd := nextLine(text, 0)
	switch {
	case isDelimiter(first, "---"):
		format, delim = YAML, "---"
	case isDelimiter(first, "+++"):
		format, delim = TOML, "+++"
	default:
		return &Document{Format: None, Body: text, BodyLine: 1, BodyOffset: start}, nil
	}

	// Find the closing delimiter line.
	fmStart := firstEnd
	lineNo := 2
	for off := fmStart; off < len(text); lineNo++ {
		line, end := nextLine(text, off)
		if isDelimiter(line, delim) {
			fm := text[fmStart:off]
			doc := &Document{
				Format:     format,
				Body:       text[end:],
				BodyLine:   lineNo + bytes.Count(text[off:end], []byte("\n")),
				BodyOffset: start + end,
			}
			if !utf8.Valid(fm) {
				return nil, invalidUTF8(fm, pos, start+fmStart)
			}
			var err error
			if format == YAML {
				doc.Root, err = parseYAML(fm, pos, start+fmStart)
			} else {
				doc.Root, err = parseTOML(fm, pos, start+fmStart)
			}
			if err != nil {
				return nil, err
			}
			return doc, nil
		}
		off = end
	}
	return nil, &SyntaxError{Line: 1, Col: 1, Msg: fmt.Sprintf(
		"front matter: no closing %s line; add a line with only %s after the last field", delim, delim)}
}

// invalidUTF8 reports the first byte of fm that is not UTF-8.
func invalidUTF8(fm []byte, pos *positioner, base int) *SyntaxError {
	i := 0
	for i < len(fm) {
		r, size := utf8.DecodeRune(fm[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	line, col := pos.at(base + i)
	return &SyntaxError{Line: line, Col: col, Msg: "front matter: text is not UTF-8; save the file as UTF-8"}
}

// nextLine returns the line of text that starts at off, without its line
// ending, and the offset just past its line ending.
func nextLine(text []byte, off int) (line []byte, end int) {
	i := bytes.IndexByte(text[off:], '\n')
	if i < 0 {
		return text[off:], len(text)
	}
	return text[off : off+i], off + i + 1
}

// isDelimiter reports whether line is delim, allowing trailing blanks and
// the \r of a \r\n line ending.
func isDelimiter(line []byte, delim string) bool {
	return string(bytes.TrimRight(line, " \t\r")) == delim
}

// positioner turns byte offsets in the file into the lines and columns its
// author sees: lines from 1, columns from 1 counting runes, both counted
// from the first character after any byte order mark.
type positioner struct {
	src        []byte
	lineStarts []int // byte offset in src of each line's first byte
}

func newPositioner(src []byte, start int) *positioner {
	p := &positioner{src: src, lineStarts: []int{start}}
	for i := start; i < len(src); i++ {
		if src[i] == '\n' {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
	return p
}

// at returns the line and column of byte offset off in the file.
func (p *positioner) at(off int) (line, col int) {
	off = max(min(off, len(p.src)), p.lineStarts[0])
	i := sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > off }) - 1
	return i + 1, utf8.RuneCount(p.src[p.lineStarts[i]:off]) + 1
}
