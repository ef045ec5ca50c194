package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// ids makes heading IDs the way Hugo's "github" autoHeadingIDType does:
// letters, digits and "_" kept and lower-cased, spaces and "-" become "-",
// everything else dropped; a repeat gets "-1", "-2" and so on, the
// smallest number whose ID is still free.
//
// next remembers, for each base, the number to try first: every smaller
// one is taken, and stays taken, since IDs are only ever added. So a
// document of n repeated headings costs n steps, not n*n/2, and each ID
// is the one the plain search from 1 would give.
type ids struct {
	used map[string]bool
	next map[string]int
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

// Generate returns a fresh ID for a heading whose text is value.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := anchorName(value)
	if base == "" {
		base = "heading"
	}
	id := base
	if s.used[id] {
		n := max(s.next[base], 1)
		for id = suffixed(base, n); s.used[id]; id = suffixed(base, n) {
			n++
		}
		s.next[base] = n + 1
	}
	s.used[id] = true
	return []byte(id)
}

func suffixed(base string, n int) string { return base + "-" + strconv.Itoa(n) }

// Put records an ID chosen by other means, so no heading repeats it.
// (The site's Markdown has no {#id} syntax, so goldmark never calls it.)
func (s *ids) Put(value []byte) { s.used[string(value)] = true }

func anchorName(value []byte) string {
	var b strings.Builder
	for len(value) > 0 {
		r, size := utf8.DecodeRune(value)
		value = value[size:]
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
