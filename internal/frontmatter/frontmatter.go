package frontmatter

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
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
		if off, msg := misplacedOpening(text); msg != "" {
			return nil, errorAt(pos, start+off, "%s", msg)
		}
		return &Document{Format: None, Body: text, BodyLine: 1, BodyOffset: start}, nil
	}

	// Find the closing delimiter line, checking each line on the way: no
	// parser sees a character or a line that the checks have not.
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
		if i, msg := checkLine(line, format); msg != "" {
			return nil, errorAt(pos, start+off+i, "%s", msg)
		}
		off = end
	}
	return nil, &SyntaxError{Line: 1, Col: 1, Msg: fmt.Sprintf(
		"front matter: no closing %s line; add a line with only %s after the last field", delim, delim)}
}

// ParseTOML parses src, a whole TOML file such as a site's config.toml,
// with the checks of TOML front matter. Errors are *SyntaxError values
// whose position counts in src after any byte order mark, and whose Msg,
// not being about front matter, does not start with "front matter: ".
func ParseTOML(src []byte) (*Node, error) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	pos := newPositioner(src, start)
	var err error
	for off := start; off < len(src) && err == nil; {
		line, end := nextLine(src, off)
		if i, msg := badChar(line); msg != "" {
			err = errorAt(pos, off+i, "%s", msg)
		}
		off = end
	}
	var root *Node
	if err == nil {
		root, err = parseTOML(src[start:], pos, start)
	}
	if se, ok := err.(*SyntaxError); ok {
		se.Msg = strings.TrimPrefix(se.Msg, "front matter: ")
		return nil, se
	}
	return root, err
}

// errorAt returns a *SyntaxError at byte offset off in the file.
func errorAt(pos *positioner, off int, format string, args ...any) *SyntaxError {
	line, col := pos.at(off)
	return &SyntaxError{Line: line, Col: col, Msg: "front matter: " + fmt.Sprintf(format, args...)}
}

// misplacedOpening finds a file that does not start with a delimiter line
// but looks as if it meant to: the delimiter with more on its line, or
// after blank lines or spaces. Read as Markdown, its fields would be
// published as text; it returns the offset in text to blame and why.
func misplacedOpening(text []byte) (int, string) {
	off, lineNo := 0, 1
	for off < len(text) {
		line, end := nextLine(text, off)
		trimmed := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimRight(trimmed, "\r")) == 0 {
			off, lineNo = end, lineNo+1
			continue
		}
		indent := len(line) - len(trimmed)
		var delim string
		switch {
		case bytes.HasPrefix(trimmed, []byte("---")):
			delim = "---"
		case bytes.HasPrefix(trimmed, []byte("+++")):
			delim = "+++"
		default:
			return 0, ""
		}
		switch {
		case lineNo > 1:
			return off + indent, fmt.Sprintf("the %s line must be the first line of the file; remove the blank lines above it", delim)
		case indent > 0:
			return off + indent, fmt.Sprintf("the %s line must start at the beginning of the line; remove the spaces before it", delim)
		}
		i := afterDelimiter(line, delim)
		if j, msg := badChar(line); msg != "" && j <= i {
			return off + j, msg // ---\r...: old Mac line endings
		}
		return off + i, delimiterMessage(delim)
	}
	return 0, ""
}

// afterDelimiter returns the offset in line of what follows delim and the
// blanks after it.
func afterDelimiter(line []byte, delim string) int {
	i := len(delim)
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

func delimiterMessage(delim string) string {
	return fmt.Sprintf("a line starting with %s must be exactly %s; remove the rest of the line, or start the line differently", delim, delim)
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
	line = bytes.TrimSuffix(line, []byte("\r"))
	return string(bytes.TrimRight(line, " \t")) == delim
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

// lineStart returns the byte offset in the file of the start of line.
func (p *positioner) lineStart(line int) int {
	if line < 1 || line > len(p.lineStarts) {
		return len(p.src)
	}
	return p.lineStarts[line-1]
}
