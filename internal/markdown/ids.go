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
// everything else dropped; a repeat gets "-1", "-2" and so on.
type ids struct {
	used map[string]bool
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

// Generate returns a fresh ID for a heading whose text is value.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := anchorName(value)
	if base == "" {
		base = "heading"
	}
	id := base
	for n := 1; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an ID the writer chose with {#id}, so no heading repeats it.
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
