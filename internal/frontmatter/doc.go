// Package frontmatter splits a Markdown file into its front matter and body,
// and parses YAML (between "---" lines) or TOML (between "+++" lines) into a
// tree of nodes that remember where in the file each key and value stands.
//
// The API below is the contract the content loader is written against:
//
//	doc, err := frontmatter.Parse(src) // err is a *SyntaxError with a position
//	doc.Root.Get("affected").Get("count").Value
//
// Positions count lines and columns from 1 in the whole file as its author
// sees it, front matter delimiters included; columns count runes.
//
// There is one reading of a file, and Parse refuses what a writer, a
// reader or another parser could take to mean something else:
//
//   - The front matter starts on the first line (after a byte order mark)
//     and ends at the first line that is exactly its delimiter, with
//     nothing after it but blanks; any other line starting with the
//     delimiter, or one after blank lines or spaces, is an error.
//   - No text that is not UTF-8, no control characters other than tab and
//     line endings, no carriage return within a line, and no invisible
//     text-direction controls or line separators.
//   - Booleans are true and false: True, yes, on, y and their kin are
//     errors, quoted they are text. YAML numbers with a leading 0 or a
//     0x, 0o or 0b prefix are errors.
//   - No YAML anchors, aliases, merge keys, tags, directives or document
//     ends (...), no tabs in YAML indentation, and no key set twice, not
//     even in another case.
//   - A value or key starting with a typographic quote is an error.
package frontmatter

// Format is the front matter's language.
type Format int

const (
	// None means the file has no front matter.
	None Format = iota
	// YAML front matter sits between two "---" lines.
	YAML
	// TOML front matter sits between two "+++" lines.
	TOML
)

// Kind is the shape of a node.
type Kind int

const (
	// Map is a mapping (YAML) or table (TOML); Children are its entries in
	// document order, each with Key set.
	Map Kind = iota
	// List is a sequence (YAML) or array (TOML); Children are its items.
	List
	// Scalar is a single value; see Type and Value.
	Scalar
)

// ScalarType is what a scalar's text was written as.
type ScalarType int

const (
	// String is quoted or plain text.
	String ScalarType = iota
	// Int is a whole number.
	Int
	// Float is a number with a fraction or exponent.
	Float
	// Bool is true or false; Value is "true" or "false", written so.
	Bool
	// Null is YAML's null, ~ or an empty value.
	Null
	// Time is a date, a date and time, or a time, in YAML's or TOML's
	// unquoted form; Value keeps the text as written so that the loader can
	// tell a time without an offset from one with.
	Time
)

// Node is one key's value in the front matter tree.
type Node struct {
	Kind Kind
	Type ScalarType // for scalars
	// Key is set on map entries; KeyLine and KeyCol are where it is written.
	Key             string
	KeyLine, KeyCol int
	// Line and Col are where the value starts.
	Line, Col int
	// Value is a scalar's text: unquoted and unescaped for strings, as
	// written for everything else.
	Value    string
	Children []*Node
}

// Get returns the entry of a map with key, or nil. It is safe on nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	for _, c := range n.Children {
		if c.Key == key {
			return c
		}
	}
	return nil
}

// Document is a parsed Markdown file.
type Document struct {
	Format Format
	Root   *Node // a Map; nil when Format is None
	// Body is the Markdown after the closing delimiter line.
	Body []byte
	// BodyLine is the 1-based line of the file on which Body starts, and
	// BodyOffset its byte offset in the file.
	BodyLine   int
	BodyOffset int
}

// SyntaxError is front matter that cannot be parsed.
type SyntaxError struct {
	Line, Col int // in the whole file; Col may be 0 when unknown
	Msg       string
}

func (e *SyntaxError) Error() string { return e.Msg }
