// Package markdown is what Markdown means on the site: goldmark with the
// extensions and settings of New, nothing else. A body is first held to
// the limits within which parsing it takes time in proportion to its size
// (WithinLimits), then parsed once (Parse); the checker reads that tree,
// and RenderPage renders it to the HTML that pages show, ForFeed to the copy feeds carry.
package markdown

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// New returns goldmark configured as the site's Markdown: GitHub tables,
// strikethrough and task lists, definition lists and footnotes; no linkify
// and no typographer (internal/hugo/overlay.toml); heading IDs; raw HTML
// left out. There is no attribute syntax at all: "## Title {#id}" or
// "{style=...}" is text, so nothing a writer types becomes an attribute
// (the checker warns about such headings). Parse with a context from
// NewContext to get Hugo's GitHub-style heading IDs.
func New() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
			extension.DefinitionList,
			extension.Footnote,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			// Never parser.WithHeadingAttribute or parser.WithAttribute.
		),
		// No renderer options: raw HTML stays out, as with Hugo's
		// markup.goldmark.renderer.unsafe = false (goldmark writes
		// "<!-- raw HTML omitted -->" instead), and no XHTML.
	)
}

// shared is the one goldmark that Parse and Render use:
// goldmark keeps no state between documents, and building it is not free.
var shared = sync.OnceValue(New)

// NewContext returns a parse context whose heading IDs follow Hugo's
// "github" autoHeadingIDType, numbered -1, -2 on repeats within one document.
func NewContext() parser.Context {
	return parser.NewContext(parser.WithIDs(newIDs()))
}

// Parse parses the Markdown src as the site's Hugo build does, heading IDs
// included. The tree only reads src; rendering it does not change it, so
// one parse can serve several readers in turn (the checker, then a feed).
func Parse(src []byte) ast.Node {
	return shared().Parser().Parse(text.NewReader(src), parser.WithContext(NewContext()))
}

// FirstParagraphOf returns the first paragraph of html, a body RenderPage made,
// as plain text on one line, as a feed's summary uses it: markup dropped,
// entities decoded, footnote markers left out, runs of white space made
// one space. It reads the HTML the feed entry already has, so the Markdown
// is not parsed again: ForFeed changes only attributes, never the text.
func FirstParagraphOf(html []byte) string {
	return strings.Join(strings.Fields(firstParagraphText(html)), " ")
}
