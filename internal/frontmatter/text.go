package frontmatter

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// checkLine checks one line of front matter, without its \n, before any
// parser reads it: the characters a parser would take differently from an
// editor or a reader, and the lines that would end the front matter, or
// YAML's document, somewhere else than where the author sees it end. It
// returns the offset in line of the first problem and what to do about it.
func checkLine(line []byte, format Format) (int, string) {
	i, msg := lineShape(line, format)
	if j, m := badChar(line); m != "" && (msg == "" || j <= i) {
		return j, m
	}
	return i, msg
}

// lineShape checks how a line starts.
func lineShape(line []byte, format Format) (int, string) {
	delim := "+++"
	if format == YAML {
		delim = "---"
	}
	if bytes.HasPrefix(line, []byte(delim)) {
		// Not the closing line, which Parse has ruled out.
		return afterDelimiter(line, delim), delimiterMessage(delim)
	}
	if format != YAML {
		return 0, ""
	}
	switch {
	case bytes.HasPrefix(line, []byte("...")):
		return 0, "a line starting with ... ends YAML early and the fields after it would be lost; remove it (the front matter ends at ---)"
	case bytes.HasPrefix(line, []byte("%")):
		return 0, "YAML directives (%YAML, %TAG) are not allowed; remove this line"
	}
	indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
	if i := bytes.IndexByte(indent, '\t'); i >= 0 && len(bytes.TrimRight(line[len(indent):], "\r")) > 0 {
		return i, fmt.Sprintf("a tab indents this line (column %d); YAML needs spaces, so replace the tab with spaces", i+1)
	}
	return 0, ""
}

// badChar returns the offset in line of the first character that may not
// appear in front matter, and why.
func badChar(line []byte) (int, string) {
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if msg := charProblem(r, size, i == len(line)-1); msg != "" {
			return i, msg
		}
		i += size
	}
	return 0, ""
}

// charProblem says what is wrong with the character r, size bytes long;
// last says whether it ends its line.
func charProblem(r rune, size int, last bool) string {
	switch {
	case r == utf8.RuneError && size <= 1:
		return "text is not UTF-8; save the file as UTF-8"
	case r == '\t':
	case r == '\r':
		if !last {
			// YAML starts a new line here, an editor may not: the two
			// would not agree on which field a value belongs to.
			return "a carriage return (U+000D) in the middle of a line; save the file with ordinary line endings (LF or CRLF)"
		}
	case r < 0x20 || (r >= 0x7F && r <= 0x9F):
		return fmt.Sprintf("invisible control character %U is not allowed; delete it", r)
	case (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
		return fmt.Sprintf("invisible text-direction character %U is not allowed, because it makes text show in another order than it is written; delete it", r)
	case r == 0x2028 || r == 0x2029:
		return fmt.Sprintf("invisible line separator %U is not allowed; delete it, or use an ordinary line break", r)
	case r == 0xFEFF:
		return "invisible byte order mark U+FEFF is only allowed at the very start of the file; delete it"
	case r == 0xFFFE || r == 0xFFFF:
		return fmt.Sprintf("%U is not a character; delete it", r)
	}
	return ""
}
