package check

import (
	"bytes"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// bidiNames are the Unicode controls that reorder the text around them:
// the embeddings and overrides (U+202A to U+202E) and the isolates (U+2066
// to U+2069). With them a line can show readers other words, in another
// order, than the ones the checker read. The marks U+200E and U+200F
// change no order of their own and are left alone.
var bidiNames = map[rune]string{
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
}

// reCharRef finds numeric character references (&#8238; &#x202E;), which
// the browser turns into the character they name.
var reCharRef = regexp.MustCompile(`&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));`)

// characters reports what a body holds that is not text a reader can see
// as the checker read it: bytes that are not UTF-8 (the first of each
// line), controls that reorder text, written as themselves or as
// character references, and control characters, which no feed may carry.
func (c *checker) characters(p page) {
	src := p.body.Source
	line, badLine := 0, -1 // the line's start; the last line reported as not UTF-8
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == '\n':
			line = i + 1
		case r == utf8.RuneError && size == 1:
			if line != badLine {
				badLine = line
				c.diags.Add(p.pos(i), "markdown", "this line is not UTF-8 text (byte 0x%02X), so readers would see � or worse; save the file as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8))", src[i])
			}
		case bidiNames[r] != "":
			c.bidi(p, i, r, "the invisible character")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7F:
			c.diags.Add(p.pos(i), "markdown", "the control character U+%04X is not text, and no feed may carry it; delete it (it often comes from pasting)", r)
		}
		i += size
	}
	if !bytes.Contains(src, []byte("&#")) {
		return
	}
	for _, m := range reCharRef.FindAllSubmatchIndex(src, -1) {
		var n uint64
		var err error
		if m[2] >= 0 {
			n, err = strconv.ParseUint(string(src[m[2]:m[3]]), 16, 32)
		} else {
			n, err = strconv.ParseUint(string(src[m[4]:m[5]]), 10, 32)
		}
		if err == nil && n <= utf8.MaxRune && bidiNames[rune(n)] != "" {
			c.bidi(p, m[0], rune(n), string(src[m[0]:m[1]])+", the invisible character")
		}
	}
}

func (c *checker) bidi(p page, off int, r rune, what string) {
	c.diags.Add(p.pos(off), "markdown", "%s U+%04X (%s) changes the order in which readers see the text after it, so they would not read what was checked; delete it (right-to-left words need no control characters: type them as they are)",
		what, r, bidiNames[r])
}
