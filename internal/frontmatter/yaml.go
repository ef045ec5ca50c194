package frontmatter

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// parseYAML parses the YAML front matter fm, whose first byte is at offset
// base in the file.
func parseYAML(fm []byte, pos *positioner, base int) (root *Node, err error) {
	firstLine, _ := pos.at(base)
	c := &yamlConverter{lineOff: firstLine - 1, pos: pos}

	defer func() {
		// The YAML library is not ours; a panic in it is still a file we
		// cannot read, not a reason to stop the whole run.
		if r := recover(); r != nil {
			root, err = nil, &SyntaxError{Line: firstLine, Msg: "front matter: cannot be read as YAML"}
		}
	}()
	// yaml.Unmarshal reads the first value and ignores what follows it:
	// fields after {title: x} would be lost. A second Decode must find
	// the end.
	dec := yaml.NewDecoder(bytes.NewReader(fm))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, c.syntaxError(err, fm)
	}
	if err := dec.Decode(new(yaml.Node)); err != io.EOF {
		// Not a second document, whose start the text checks refuse,
		// but text after the first value.
		line := firstLine
		if err != nil {
			line = c.syntaxError(err, fm).Line
		}
		return nil, &SyntaxError{Line: line, Msg: "front matter: text after a complete value, which YAML would ignore; write every field as `key: value` on its own line"}
	}

	var top *yaml.Node
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		top = doc.Content[0]
	}
	if top == nil || (top.Kind == yaml.ScalarNode && top.ShortTag() == "!!null" && top.Value == "") {
		// Nothing but blank lines or comments.
		return &Node{Kind: Map, Line: firstLine, Col: 1}, nil
	}
	if err := c.plain(top); err != nil {
		return nil, err
	}
	if top.Kind != yaml.MappingNode {
		return nil, c.errorAt(top, "expected `key: value` lines")
	}
	return c.node(top)
}

// yamlConverter turns a yaml.Node tree into a Node tree, with lines counted
// in the whole file, refusing what YAML can say in more than one way.
type yamlConverter struct {
	lineOff int // file line of the front matter's first line, minus one
	pos     *positioner
	// cursor is the last node's position and byte offset in the file:
	// nodes come in the order they are written, so the next one is found
	// from there, not from the start of its line.
	cursor struct{ line, col, off int }
}

func (c *yamlConverter) at(y *yaml.Node) (line, col int) {
	return y.Line + c.lineOff, y.Column
}

func (c *yamlConverter) errorAt(y *yaml.Node, format string, args ...any) *SyntaxError {
	line, col := c.at(y)
	return &SyntaxError{Line: line, Col: col, Msg: "front matter: " + fmt.Sprintf(format, args...)}
}

// plain refuses a node written with an alias, an anchor or a tag: they
// make one value stand for another, or give it a type that its text does
// not show. A node's position is that of its first property; a node
// without one cannot start with *, & or !.
func (c *yamlConverter) plain(y *yaml.Node) error {
	src := c.source(y)
	// What the author wrote: &name, !tag or *name up to the next blank.
	written := string(src[:max(bytes.IndexAny(src, " \t\r\n"), 0)])
	switch {
	case y.Kind == yaml.AliasNode || bytes.HasPrefix(src, []byte("*")):
		return c.errorAt(y, "YAML aliases are not allowed; write the value out in full")
	case y.Anchor != "" || bytes.HasPrefix(src, []byte("&")):
		if y.Anchor != "" {
			written = "&" + y.Anchor
		}
		return c.errorAt(y, "YAML anchors are not allowed; remove %s and write each value out in full", written)
	case y.Style&yaml.TaggedStyle != 0 || bytes.HasPrefix(src, []byte("!")):
		return c.errorAt(y, "YAML tags are not allowed; remove %s, and put the value in quotes if it is text", written)
	}
	return nil
}

// source returns the file from where y is written.
func (c *yamlConverter) source(y *yaml.Node) []byte {
	line, col := c.at(y)
	cur := &c.cursor
	if line != cur.line || col < cur.col {
		cur.line, cur.col, cur.off = line, 1, c.pos.lineStart(line)
	}
	for ; cur.col < col && cur.off < len(c.pos.src) && c.pos.src[cur.off] != '\n'; cur.col++ {
		_, size := utf8.DecodeRune(c.pos.src[cur.off:])
		cur.off += size
	}
	return c.pos.src[cur.off:]
}

// node converts y, which plain has accepted.
func (c *yamlConverter) node(y *yaml.Node) (*Node, error) {
	line, col := c.at(y)
	switch y.Kind {
	case yaml.MappingNode:
		return c.mapping(y)
	case yaml.SequenceNode:
		n := &Node{Kind: List, Line: line, Col: col}
		for _, item := range y.Content {
			child, err := c.child(item)
			if err != nil {
				return nil, err
			}
			n.Children = append(n.Children, child)
		}
		return n, nil
	case yaml.ScalarNode:
		return c.scalar(y)
	}
	return nil, c.errorAt(y, "unexpected YAML document")
}

func (c *yamlConverter) child(y *yaml.Node) (*Node, error) {
	if err := c.plain(y); err != nil {
		return nil, err
	}
	return c.node(y)
}

func (c *yamlConverter) scalar(y *yaml.Node) (*Node, error) {
	typ := yamlType(y.ShortTag())
	if y.Style == 0 { // plain, not quoted
		msg := curlyQuoteProblem(y.Value, "value")
		if msg == "" {
			msg = boolWordProblem(y.Value)
		}
		if msg == "" && (typ == Int || typ == Float) {
			msg = yamlNumberProblem(y.Value)
		}
		if msg != "" {
			return nil, c.errorAt(y, "%s", msg)
		}
		if typ == String && yamlTimestampRE.MatchString(y.Value) {
			// YAML 1.1 calls 2024-05-16T09:00:00 a timestamp; the YAML
			// library only does when it has an offset. The loader must
			// see it as a time to say that the offset is missing.
			typ = Time
		}
	}
	line, col := c.at(y)
	return &Node{Kind: Scalar, Type: typ, Value: y.Value, Line: line, Col: col}, nil
}

func (c *yamlConverter) mapping(y *yaml.Node) (*Node, error) {
	line, col := c.at(y)
	n := &Node{Kind: Map, Line: line, Col: col}
	seen := map[string]*Node{} // by key in lower case
	for i := 0; i+1 < len(y.Content); i += 2 {
		k, v := y.Content[i], y.Content[i+1]
		if err := c.plain(k); err != nil {
			return nil, err
		}
		if k.Kind != yaml.ScalarNode {
			return nil, c.errorAt(k, "a key must be a single word, not a list or a map")
		}
		if k.ShortTag() == "!!merge" {
			return nil, c.errorAt(k, "YAML merge keys (<<) are not allowed; write the fields out in full")
		}
		if k.Style == 0 {
			if msg := curlyQuoteProblem(k.Value, "key"); msg != "" {
				return nil, c.errorAt(k, "%s", msg)
			}
		}
		if prev := seen[strings.ToLower(k.Value)]; prev != nil {
			return nil, c.duplicate(k, prev)
		}
		child, err := c.child(v)
		if err != nil {
			return nil, err
		}
		child.Key = k.Value
		child.KeyLine, child.KeyCol = c.at(k)
		seen[strings.ToLower(k.Value)] = child
		n.Children = append(n.Children, child)
	}
	return n, nil
}

func (c *yamlConverter) duplicate(k *yaml.Node, prev *Node) *SyntaxError {
	if prev.Key != k.Value {
		return c.errorAt(k, "duplicate key %q; %q is already set on line %d", k.Value, prev.Key, prev.KeyLine)
	}
	return c.errorAt(k, "duplicate key %q; it is already set on line %d", k.Value, prev.KeyLine)
}

// yamlTimestampRE is the timestamp of YAML 1.1 (yaml.org/type/timestamp),
// whose time zone is optional.
var yamlTimestampRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}` +
	`(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?` +
	`(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$`)

func yamlType(tag string) ScalarType {
	switch tag {
	case "!!int":
		return Int
	case "!!float":
		return Float
	case "!!bool":
		return Bool
	case "!!null":
		return Null
	case "!!timestamp":
		return Time
	}
	return String
}

// yamlLineRE matches the position at the start of the YAML library's
// messages; the line counts from the front matter's first line.
var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// yamlParserProblems are the messages of the YAML library's parser (as
// opposed to its scanner). The parser reports lines counting from 0, the
// scanner from 1.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

var unknownAnchorRE = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// syntaxError rewrites an error from the YAML library into one that counts
// lines in the whole file.
func (c *yamlConverter) syntaxError(err error, fm []byte) *SyntaxError {
	msg := err.Error()
	line, col := 1, 0
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
			if yamlParserProblems[msg] {
				line++
			}
		}
	}
	if m := unknownAnchorRE.FindStringSubmatch(msg); m != nil {
		// The library does not say where; the first *name that stands
		// as a value, not inside text or a comment, is a good guess.
		use := regexp.MustCompile(`(?:^|[\s\[{,:])(\*` + regexp.QuoteMeta(m[1]) + `)(?:$|[\s\]},])`)
		for _, loc := range use.FindAllSubmatchIndex(fm, -1) {
			i := loc[2]
			before := fm[bytes.LastIndexByte(fm[:i], '\n')+1 : i]
			if bytes.HasPrefix(before, []byte("#")) || bytes.Contains(before, []byte(" #")) {
				continue
			}
			line = bytes.Count(fm[:i], []byte("\n")) + 1
			col = utf8.RuneCount(before) + 1
			break
		}
		msg = "YAML aliases are not allowed; write the value out in full"
	}
	if strings.Contains(msg, "tab character") {
		// The library does not say where on the line; the text checks
		// have found all tabs but those on blank lines.
		if i := bytes.IndexByte(lineOf(fm, line), '\t'); i >= 0 {
			col = i + 1
			msg = fmt.Sprintf("a tab on this line (column %d) where YAML needs spaces; replace it with spaces", col)
		}
	}
	if msg == "found undefined tag handle" {
		msg = "YAML tags are not allowed; remove the tag, and put the value in quotes if it is text"
	}
	// Quotes pasted from a word processor are not quotes to YAML, so the
	// text between them is read as YAML (a colon in it makes a mapping):
	// the library's message then says nothing of the real cause.
	if l := lineOf(fm, line); col == 0 {
		if i := bytes.IndexAny(l, "“”„‘’"); i >= 0 {
			col = utf8.RuneCount(l[:i]) + 1
			msg += "; " + curlyQuoteProblem(string(l[i:]), "the text at this column")
		}
	}
	// Problems at the very end are reported on the line after the last.
	line = max(min(line, bytes.Count(fm, []byte("\n"))), 1)
	return &SyntaxError{Line: line + c.lineOff, Col: col, Msg: "front matter: " + msg}
}

// lineOf returns line n of fm, counting from 1, without its line ending.
func lineOf(fm []byte, n int) []byte {
	for ; n > 1; n-- {
		i := bytes.IndexByte(fm, '\n')
		if i < 0 {
			return nil
		}
		fm = fm[i+1:]
	}
	line, _ := nextLine(fm, 0)
	return line
}
