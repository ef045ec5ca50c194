package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// maxNodes bounds the tree a document may expand to, so that aliases of
// aliases cannot make a small file take all the memory there is.
const maxNodes = 100000

// parseYAML parses the YAML front matter fm, whose first byte is at offset
// base in the file.
func parseYAML(fm []byte, pos *positioner, base int) (root *Node, err error) {
	firstLine, _ := pos.at(base)
	c := &yamlConverter{lineOff: firstLine - 1, budget: maxNodes, active: map[*yaml.Node]bool{}}

	defer func() {
		// The YAML library is not ours; a panic in it is still a file we
		// cannot read, not a reason to stop the whole run.
		if r := recover(); r != nil {
			root, err = nil, &SyntaxError{Line: firstLine, Msg: "front matter: cannot be read as YAML"}
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		return nil, c.syntaxError(err, fm)
	}

	var top *yaml.Node
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		top = doc.Content[0]
	}
	if top == nil || (top.Kind == yaml.ScalarNode && top.ShortTag() == "!!null" && top.Value == "") {
		// Nothing but blank lines or comments.
		return &Node{Kind: Map, Line: firstLine, Col: 1}, nil
	}
	if top.Kind != yaml.MappingNode {
		line, col := c.at(top)
		return nil, &SyntaxError{Line: line, Col: col, Msg: "front matter: expected `key: value` lines"}
	}
	return c.node(top)
}

// yamlConverter turns a yaml.Node tree into a Node tree, with lines counted
// in the whole file.
type yamlConverter struct {
	lineOff int // file line of the front matter's first line, minus one
	budget  int // nodes still allowed
	// active holds the anchored nodes being converted, to catch an alias
	// that refers to a node it sits inside.
	active map[*yaml.Node]bool
	// outerAlias is the alias being expanded, if any, outermost first: the
	// place to blame when the expansion grows too big.
	outerAlias *yaml.Node
}

func (c *yamlConverter) at(y *yaml.Node) (line, col int) {
	return y.Line + c.lineOff, y.Column
}

func (c *yamlConverter) errorAt(y *yaml.Node, format string, args ...any) *SyntaxError {
	line, col := c.at(y)
	return &SyntaxError{Line: line, Col: col, Msg: "front matter: " + fmt.Sprintf(format, args...)}
}

func (c *yamlConverter) node(y *yaml.Node) (*Node, error) {
	c.budget--
	if c.budget < 0 {
		if c.outerAlias != nil {
			y = c.outerAlias
		}
		return nil, c.errorAt(y, "too many values; check that aliases (*name) do not repeat each other")
	}
	if y.Kind == yaml.AliasNode {
		return c.alias(y)
	}
	if y.Anchor != "" {
		c.active[y] = true
		defer delete(c.active, y)
	}
	line, col := c.at(y)
	switch y.Kind {
	case yaml.MappingNode:
		return c.mapping(y)
	case yaml.SequenceNode:
		n := &Node{Kind: List, Line: line, Col: col}
		for _, item := range y.Content {
			child, err := c.node(item)
			if err != nil {
				return nil, err
			}
			n.Children = append(n.Children, child)
		}
		return n, nil
	case yaml.ScalarNode:
		typ := yamlType(y.ShortTag())
		if typ == String && y.Style == 0 && yamlTimestampRE.MatchString(y.Value) {
			// YAML 1.1 calls 2024-05-16T09:00:00 a timestamp; the YAML
			// library only does when it has an offset. The loader must
			// see it as a time to say that the offset is missing.
			typ = Time
		}
		return &Node{Kind: Scalar, Type: typ, Value: y.Value, Line: line, Col: col}, nil
	}
	return nil, c.errorAt(y, "unexpected YAML document")
}

// alias returns a copy of the node an alias refers to, standing where the
// alias is written.
func (c *yamlConverter) alias(y *yaml.Node) (*Node, error) {
	target := y.Alias
	if target == nil {
		return nil, c.errorAt(y, "unknown alias *%s", y.Value)
	}
	if c.active[target] {
		return nil, c.errorAt(y, "alias *%s is used inside the value it names", y.Value)
	}
	if c.outerAlias == nil {
		c.outerAlias = y
		defer func() { c.outerAlias = nil }()
	}
	n, err := c.node(target)
	if err != nil {
		return nil, err
	}
	n.Line, n.Col = c.at(y)
	return n, nil
}

func (c *yamlConverter) mapping(y *yaml.Node) (*Node, error) {
	line, col := c.at(y)
	n := &Node{Kind: Map, Line: line, Col: col}
	seen := map[string]*Node{}
	var merges []*yaml.Node
	for i := 0; i+1 < len(y.Content); i += 2 {
		k, v := y.Content[i], y.Content[i+1]
		key := k
		for key.Kind == yaml.AliasNode && key.Alias != nil && !c.active[key.Alias] {
			key = key.Alias
		}
		if key.Kind != yaml.ScalarNode {
			return nil, c.errorAt(k, "a key must be a single word, not a list or a map")
		}
		if key.ShortTag() == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if prev := seen[key.Value]; prev != nil {
			return nil, c.errorAt(k, "duplicate key %q; it is already set on line %d", key.Value, prev.KeyLine)
		}
		child, err := c.node(v)
		if err != nil {
			return nil, err
		}
		child.Key = key.Value
		child.KeyLine, child.KeyCol = c.at(k)
		seen[key.Value] = child
		n.Children = append(n.Children, child)
	}
	// Merged entries (<<: *defaults) fill in what the map does not set
	// itself; earlier merged maps win over later ones.
	for _, m := range merges {
		from, err := c.node(m)
		if err != nil {
			return nil, err
		}
		maps := []*Node{from}
		if from.Kind == List {
			maps = from.Children
		}
		for _, fm := range maps {
			if fm.Kind != Map {
				return nil, c.errorAt(m, "<< must be followed by a map or a list of maps")
			}
			for _, e := range fm.Children {
				if seen[e.Key] == nil {
					seen[e.Key] = e
					n.Children = append(n.Children, e)
				}
			}
		}
	}
	return n, nil
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
		// The library does not say where; the first use is a good guess.
		if i := bytes.Index(fm, []byte("*"+m[1])); i >= 0 {
			line = bytes.Count(fm[:i], []byte("\n")) + 1
			col = utf8.RuneCount(fm[bytes.LastIndexByte(fm[:i], '\n')+1:i]) + 1
		}
		msg = fmt.Sprintf("alias *%s has no anchor &%s before it", m[1], m[1])
	}
	// Problems at the very end are reported on the line after the last.
	line = max(min(line, bytes.Count(fm, []byte("\n"))), 1)
	return &SyntaxError{Line: line + c.lineOff, Col: col, Msg: "front matter: " + msg}
}
