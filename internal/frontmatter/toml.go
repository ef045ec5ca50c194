package frontmatter

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// origin is how a TOML table or array came to be, which decides what a
// later line may still add to it.
type origin int

const (
	// fromValue: written as a value (key = [..] or key = {..}); sealed.
	fromValue origin = iota
	// fromImplicit: named only as part of a longer [a.b] header.
	fromImplicit
	// fromHeader: defined by its own [table] header.
	fromHeader
	// fromDotted: made by a dotted key such as a.b = 1.
	fromDotted
	// fromArrayTable: the list that [[table]] headers append to.
	fromArrayTable
)

// tomlBuilder turns the expressions of the positioned TOML parser into a
// Node tree, enforcing the rules that keep a key from being set twice.
type tomlBuilder struct {
	p       unstable.Parser
	fm      []byte
	base    int // offset of fm in the file
	pos     *positioner
	origins map[*Node]origin
}

// tomlKey is one part of a possibly dotted key.
type tomlKey struct {
	name     string
	off, end int // in fm
}

// parseTOML parses the TOML front matter fm, whose first byte is at offset
// base in the file.
func parseTOML(fm []byte, pos *positioner, base int) (root *Node, err error) {
	// Cap fm so that the parser cannot see the body through it.
	fm = fm[:len(fm):len(fm)]
	b := &tomlBuilder{fm: fm, base: base, pos: pos, origins: map[*Node]origin{}}
	defer func() {
		// The TOML library is not ours; a panic in it is still a file we
		// cannot read, not a reason to stop the whole run.
		if r := recover(); r != nil {
			line, _ := pos.at(base)
			root, err = nil, &SyntaxError{Line: line, Msg: "front matter: cannot be read as TOML"}
		}
	}()

	line, col := b.at(0)
	root = &Node{Kind: Map, Line: line, Col: col}
	table := root
	b.p.Reset(fm)
	for b.p.NextExpression() {
		e := b.p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			_, err = b.keyValue(table, e)
		case unstable.Table:
			table, err = b.table(root, e)
		case unstable.ArrayTable:
			table, err = b.arrayTable(root, e)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := b.p.Error(); err != nil {
		return nil, b.parserError(err)
	}
	return root, nil
}

func (b *tomlBuilder) at(off int) (line, col int) {
	return b.pos.at(b.base + off)
}

func (b *tomlBuilder) errorAt(off int, format string, args ...any) *SyntaxError {
	line, col := b.at(off)
	return &SyntaxError{Line: line, Col: col, Msg: "front matter: " + fmt.Sprintf(format, args...)}
}

func (b *tomlBuilder) duplicate(k tomlKey, prev *Node) *SyntaxError {
	if prev.Key != k.name {
		return b.errorAt(k.off, "duplicate key %q; %q is already set on line %d", k.name, prev.Key, prev.KeyLine)
	}
	return b.errorAt(k.off, "duplicate key %q; it is already set on line %d", k.name, prev.KeyLine)
}

// get returns the entry of table named k. An entry whose name differs
// only in case is an error: the content loader folds the case of some
// keys, and a writer does not see Title and title as two fields.
func (b *tomlBuilder) get(table *Node, k tomlKey) (*Node, error) {
	if n := table.Get(k.name); n != nil {
		return n, nil
	}
	for _, c := range table.Children {
		if strings.EqualFold(c.Key, k.name) {
			return nil, b.duplicate(k, c)
		}
	}
	return nil, nil
}

// parserError gives an error of the TOML parser the position of the bytes
// it highlights.
func (b *tomlBuilder) parserError(err error) *SyntaxError {
	var pe *unstable.ParserError
	if !errors.As(err, &pe) {
		return b.errorAt(0, "%v", err)
	}
	off := len(b.fm)
	func() {
		defer func() { _ = recover() }() // a highlight outside fm: use the end
		off = int(b.p.Range(pe.Highlight).Offset)
	}()
	if msg := b.wordProblem(off, pe.Message); msg != "" {
		return b.errorAt(off, "%s", msg)
	}
	msg := pe.Message
	if off < len(b.fm) && b.fm[off] >= utf8.RuneSelf {
		// The parser names the first byte of a character as if it were
		// the character: say ü, not Ã.
		r, _ := utf8.DecodeRune(b.fm[off:])
		msg = strings.ReplaceAll(msg, fmt.Sprintf("%#U", rune(b.fm[off])), fmt.Sprintf("%#U", r))
	}
	return b.errorAt(off, "%s", msg)
}

// wordProblem explains a parser error at off that a writer's habit from
// YAML or a word processor causes: a bare yes or True, a curly quote.
func (b *tomlBuilder) wordProblem(off int, parserMsg string) string {
	what := ""
	switch {
	case off >= len(b.fm):
		return ""
	case strings.Contains(parserMsg, "at start of value"):
		what = "value"
	case strings.Contains(parserMsg, "at start of key"):
		what = "key"
	default:
		return ""
	}
	if msg := curlyQuoteProblem(string(b.fm[off:]), what); msg != "" || what == "key" {
		return msg
	}
	end := off
	for end < len(b.fm) && isWordByte(b.fm[end]) {
		end++
	}
	return boolWordProblem(string(b.fm[off:end]))
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (b *tomlBuilder) keys(e *unstable.Node) []tomlKey {
	var keys []tomlKey
	it := e.Key()
	for it.Next() {
		k := it.Node()
		off := int(k.Raw.Offset)
		keys = append(keys, tomlKey{name: string(k.Data), off: off, end: off + int(k.Raw.Length)})
	}
	return keys
}

// newEntry adds an empty table or list named k to parent.
func (b *tomlBuilder) newEntry(parent *Node, kind Kind, k tomlKey, o origin) *Node {
	line, col := b.at(k.off)
	n := &Node{Kind: kind, Key: k.name, KeyLine: line, KeyCol: col, Line: line, Col: col}
	parent.Children = append(parent.Children, n)
	b.origins[n] = o
	return n
}

// keyValue adds `a.b.c = value` to table and returns where the value ends.
func (b *tomlBuilder) keyValue(table *Node, e *unstable.Node) (int, error) {
	keys := b.keys(e)
	if len(keys) == 0 {
		return 0, b.errorAt(int(e.Raw.Offset), "key missing")
	}
	for _, k := range keys[:len(keys)-1] {
		child, err := b.get(table, k)
		switch {
		case err != nil:
			return 0, err
		case child == nil:
			child = b.newEntry(table, Map, k, fromDotted)
		case child.Kind != Map || b.origins[child] != fromDotted:
			return 0, b.duplicate(k, child)
		}
		table = child
	}
	last := keys[len(keys)-1]
	prev, err := b.get(table, last)
	if err != nil {
		return 0, err
	}
	if prev != nil {
		return 0, b.duplicate(last, prev)
	}
	// The value starts after the key, the = and the blanks around it.
	start := last.end
	for start < len(b.fm) && (b.fm[start] == ' ' || b.fm[start] == '\t' || b.fm[start] == '=') {
		start++
	}
	v, end, err := b.value(e.Value(), start)
	if err != nil {
		return 0, err
	}
	v.Key = last.name
	v.KeyLine, v.KeyCol = b.at(last.off)
	table.Children = append(table.Children, v)
	return end, nil
}

// headerParent walks the keys of a [a.b.c] or [[a.b.c]] header but the
// last from root, creating the tables it names.
func (b *tomlBuilder) headerParent(root *Node, keys []tomlKey) (*Node, error) {
	table := root
	for _, k := range keys {
		child, err := b.get(table, k)
		switch {
		case err != nil:
			return nil, err
		case child == nil:
			child = b.newEntry(table, Map, k, fromImplicit)
		case child.Kind == Map && b.origins[child] != fromValue:
		case child.Kind == List && b.origins[child] == fromArrayTable:
			child = child.Children[len(child.Children)-1]
		default:
			return nil, b.duplicate(k, child)
		}
		table = child
	}
	return table, nil
}

// headerStart returns the offset of the [ or [[ before a header's key.
func (b *tomlBuilder) headerStart(keyOff int) int {
	i := keyOff
	for i > 0 && (b.fm[i-1] == ' ' || b.fm[i-1] == '\t') {
		i--
	}
	for i > 0 && b.fm[i-1] == '[' {
		i--
	}
	return i
}

// header reads a [table] or [[array of tables]] header: its keys, never
// empty, and the table its last key goes in.
func (b *tomlBuilder) header(root *Node, e *unstable.Node) ([]tomlKey, *Node, error) {
	keys := b.keys(e)
	if len(keys) == 0 {
		return nil, nil, b.errorAt(int(e.Raw.Offset), "table name missing")
	}
	parent, err := b.headerParent(root, keys[:len(keys)-1])
	return keys, parent, err
}

func (b *tomlBuilder) table(root *Node, e *unstable.Node) (*Node, error) {
	keys, parent, err := b.header(root, e)
	if err != nil {
		return nil, err
	}
	last := keys[len(keys)-1]
	t, err := b.get(parent, last)
	switch {
	case err != nil:
		return nil, err
	case t == nil:
		t = b.newEntry(parent, Map, last, fromHeader)
	case t.Kind == Map && b.origins[t] == fromImplicit:
		// Named before by a longer header; this is its definition.
		b.origins[t] = fromHeader
		t.KeyLine, t.KeyCol = b.at(last.off)
	default:
		return nil, b.duplicate(last, t)
	}
	t.Line, t.Col = b.at(b.headerStart(keys[0].off))
	return t, nil
}

func (b *tomlBuilder) arrayTable(root *Node, e *unstable.Node) (*Node, error) {
	keys, parent, err := b.header(root, e)
	if err != nil {
		return nil, err
	}
	last := keys[len(keys)-1]
	start := b.headerStart(keys[0].off)
	list, err := b.get(parent, last)
	switch {
	case err != nil:
		return nil, err
	case list == nil:
		list = b.newEntry(parent, List, last, fromArrayTable)
		list.Line, list.Col = b.at(start)
	case list.Kind != List || b.origins[list] != fromArrayTable:
		return nil, b.duplicate(last, list)
	}
	line, col := b.at(start)
	item := &Node{Kind: Map, Line: line, Col: col}
	b.origins[item] = fromHeader
	list.Children = append(list.Children, item)
	return item, nil
}

// value converts a value that starts at offset start in fm, and returns
// where it ends. The parser records no position for arrays, so positions
// inside them are found by stepping over the text between items.
func (b *tomlBuilder) value(n *unstable.Node, start int) (*Node, int, error) {
	if n.Raw.Length > 0 {
		start = int(n.Raw.Offset)
	}
	end := start + int(n.Raw.Length)
	line, col := b.at(start)
	v := &Node{Kind: Scalar, Line: line, Col: col}
	raw := string(b.p.Raw(n.Raw))
	switch n.Kind {
	case unstable.String:
		v.Type, v.Value = String, string(n.Data)
	case unstable.Bool:
		v.Type, v.Value = Bool, raw
	case unstable.Integer, unstable.Float:
		v.Type, v.Value = Int, raw
		if n.Kind == unstable.Float {
			v.Type = Float
		}
		if !validTOMLValue(raw) {
			return nil, 0, b.errorAt(start, "%s is not a valid number", raw)
		}
	case unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime, unstable.DateTime:
		// Not checked here: the loader reads the date and can say better
		// what is wrong with 2024-13-45 than the TOML library.
		v.Type, v.Value = Time, raw
	case unstable.Array:
		v.Kind = List
		cur := start + 1
		for it := n.Children(); it.Next(); {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			child, cend, err := b.value(c, b.skipFill(cur))
			if err != nil {
				return nil, 0, err
			}
			v.Children = append(v.Children, child)
			cur = cend
		}
		end = b.closing(cur, ']')
	case unstable.InlineTable:
		v.Kind = Map
		cur := start + 1
		for it := n.Children(); it.Next(); {
			c := it.Node()
			if c.Kind != unstable.KeyValue {
				continue
			}
			cend, err := b.keyValue(v, c)
			if err != nil {
				return nil, 0, err
			}
			cur = cend
		}
		end = b.closing(cur, '}')
		b.seal(v)
	default:
		return nil, 0, b.errorAt(start, "unexpected %s", n.Kind)
	}
	return v, end, nil
}

// seal marks the tables inside an inline table as values: no header or
// dotted key may add to them later.
func (b *tomlBuilder) seal(n *Node) {
	delete(b.origins, n)
	for _, c := range n.Children {
		b.seal(c)
	}
}

// skipFill returns the offset of the next item in an array or inline table
// at or after i: past blanks, line ends, commas and comments.
func (b *tomlBuilder) skipFill(i int) int {
	for i < len(b.fm) {
		switch b.fm[i] {
		case ' ', '\t', '\r', '\n', ',':
			i++
		case '#':
			for i < len(b.fm) && b.fm[i] != '\n' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// closing returns the offset after the bracket that closes a container
// whose last item ends at i.
func (b *tomlBuilder) closing(i int, bracket byte) int {
	i = b.skipFill(i)
	if i < len(b.fm) && b.fm[i] == bracket {
		i++
	}
	return i
}

// validTOMLValue reports whether the TOML library can decode a number; its
// parser only delimits them.
func validTOMLValue(raw string) bool {
	var m map[string]any
	return toml.Unmarshal([]byte("v = "+raw), &m) == nil
}
