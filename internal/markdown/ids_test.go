package markdown

import (
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// oldIDs is the generator as it was before it remembered the next suffix
// of each base: the search for a free "-n" starts from 1 every time. The
// new one must give exactly its IDs.
type oldIDs struct{ used map[string]bool }

func (s *oldIDs) Generate(value []byte, _ ast.NodeKind) []byte {
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

func (s *oldIDs) Put(value []byte) { s.used[string(value)] = true }

// idsOf runs headings (a "put:" prefix means Put, as {#id} did) through
// both generators and returns the IDs each gave.
func idsOf(headings []string) (got, want []string) {
	n, o := newIDs(), &oldIDs{used: map[string]bool{}}
	for _, h := range headings {
		if id, ok := strings.CutPrefix(h, "put:"); ok {
			n.Put([]byte(id))
			o.Put([]byte(id))
			continue
		}
		got = append(got, string(n.Generate([]byte(h), ast.KindHeading)))
		want = append(want, string(o.Generate([]byte(h), ast.KindHeading)))
	}
	return got, want
}

func TestIDsAsBefore(t *testing.T) {
	tests := []struct {
		name     string
		headings []string
		want     string // the IDs, space-separated
	}{
		{"repeats", []string{"h", "h", "h", "h"}, "h h-1 h-2 h-3"},
		{"h-1 written before the repeats", []string{"h-1", "h", "h", "h"}, "h-1 h h-2 h-3"},
		{"h-1 written after a repeat", []string{"h", "h", "h-1", "h"}, "h h-1 h-1-1 h-2"},
		{"h-2 between repeats", []string{"h", "h", "h 2", "h", "h"}, "h h-1 h-2 h-3 h-4"},
		{"a gap filled later", []string{"h", "h-2", "h", "h", "h"}, "h h-2 h-1 h-3 h-4"},
		{"repeats of a suffixed name", []string{"h-1", "h-1", "h", "h", "h-1"}, "h-1 h-1-1 h h-2 h-1-2"},
		{"punctuation", []string{"What happened?", "What happened!", "What (happened)", "what-happened"}, "what-happened what-happened-1 what-happened-2 what-happened-3"},
		{"non-ASCII", []string{"Māori", "MĀORI", "Ärzte", "ärzte", "日本語", "日本語"}, "māori māori-1 ärzte ärzte-1 日本語 日本語-1"},
		{"empty headings", []string{"", "!", "?", "", "heading"}, "heading heading-1 heading-2 heading-3 heading-4"},
		{"put ids are skipped", []string{"put:h-1", "put:h-3", "h", "h", "h", "h"}, "h h-2 h-4 h-5"},
		{"digits only", []string{"1", "1", "1-1", "1"}, "1 1-1 1-1-1 1-2"},
		{"dashes and spaces", []string{"a - b", "a--b", "a - b"}, "a---b a--b a---b-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, old := idsOf(tt.headings)
			if strings.Join(got, " ") != tt.want {
				t.Errorf("ids %q, want %s", got, tt.want)
			}
			if strings.Join(got, " ") != strings.Join(old, " ") {
				t.Errorf("ids %q, the old generator gave %q", got, old)
			}
		})
	}
}

// TestIDsAsBeforeExhaustive gives both generators every sequence of up to
// six headings drawn from names that collide with each other's suffixes.
func TestIDsAsBeforeExhaustive(t *testing.T) {
	names := []string{"h", "h-1", "H 2", "h-1-1", "", "put:h-3"}
	var seq []string
	var walk func(depth int)
	walk = func(depth int) {
		got, old := idsOf(seq)
		if strings.Join(got, " ") != strings.Join(old, " ") {
			t.Fatalf("headings %q: ids %q, the old generator gave %q", seq, got, old)
		}
		if depth == 0 {
			return
		}
		for _, n := range names {
			seq = append(seq, n)
			walk(depth - 1)
			seq = seq[:len(seq)-1]
		}
	}
	walk(6)
}
