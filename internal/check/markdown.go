package check

import (
	"bytes"
	"errors"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/markdown"
)

// page is one Markdown body and where it will be published.
type page struct {
	file      string
	body      content.Body
	path      string // its address, for relative links: "/incidents/x/"
	plain     bool   // the plain-language rules apply (English text)
	update    bool   // an update, whose body may not be empty
	withdrawn bool
	draft     bool      // never published, so a prompt is only a warning
	known     *[]string // phone numbers the site gives on purpose (digits)
	lines     *lineIndex
	// parse says the body is handed to the checker's parsed callback (the
	// renderer), keyed by file.
	parse bool
}

// pos is where byte off of the page's body stands in its file.
func (p page) pos(off int) diag.Pos {
	if p.lines == nil {
		return bodyPos(p.file, p.body, off)
	}
	return p.lines.pos(p.file, off)
}

// markdown runs every rule that reads a body through goldmark's tree, and
// returns the tree (nil for a body that is empty or past the limits), for
// the rules that read the statement as a whole (notice) to read too.
func (c *checker) markdown(p page) ast.Node {
	src := p.body.Source
	if len(bytes.TrimSpace(src)) == 0 {
		if p.update && !p.withdrawn {
			c.diags.Add(p.pos(0), "body", "the update has no text; write what happened and what people should do below the front matter")
		}
		return nil
	}
	p.lines = newLineIndex(p.body)
	if !c.bounded(p) {
		return nil
	}
	c.characters(p)
	// The tree is the one the site's pages and feeds are rendered from.
	doc := markdown.Parse(src)
	w := &walker{c: c, p: p, src: src}
	_ = ast.Walk(doc, w.visit)
	c.shortcodes(p, w.code)
	if p.parse && c.parsed != nil {
		c.parsed(p.file, src, doc)
	}
	return doc
}

// bounded reports a body that passes one of the limits within which
// goldmark's time grows with the body's size (markdown.WithinLimits), and
// whether the body is within them: a body that is not is neither parsed
// nor published.
func (c *checker) bounded(p page) bool {
	err := markdown.WithinLimits(p.body.Source)
	var le *markdown.LimitError
	if !errors.As(err, &le) {
		return true
	}
	c.diags.Add(p.pos(le.Offset), "markdown", "too large or complex to check: %s", le.Msg)
	return false
}

// walker visits one body's nodes.
type walker struct {
	c         *checker
	p         page
	src       []byte
	lastLevel int      // the previous heading's level, 0 before the first
	code      []span   // the body's code, in order: shortcodes there are text
	rawIn     ast.Node // the block of the last raw HTML reported
}

// span is the bytes [start, stop) of a body.
type span struct{ start, stop int }

func (w *walker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w.c.addresses(w.p, n, w.src) // eyes.go
	switch n := n.(type) {
	case *ast.HTMLBlock:
		w.htmlBlock(n)
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		w.rawHTML(n)
	case *ast.Link:
		at := w.destinationAt(n.Pos(), n.Destination)
		label := strings.ToLower(strings.Trim(string(bytes.TrimSpace(plainText(n, w.src))), ".:!"))
		switch {
		case label == "" && !hasImage(n):
			w.c.diags.Add(w.p.pos(n.Pos()), "markdown", "link to %q has no text; write what it leads to between the [ ]", n.Destination)
		case vagueLinks[label]:
			w.c.diags.Warn(w.p.pos(n.Pos()), "markdown", "link text %q says nothing on its own (screen readers list links by their text); name where it leads, like [the regulator's advice](...)", label)
		}
		w.c.link(w.p, string(n.Destination), at, false)
	case *ast.Image:
		alt := string(bytes.TrimSpace(plainText(n, w.src)))
		switch {
		case alt == "":
			w.c.diags.Add(w.p.pos(n.Pos()), "markdown", "image has no alt text; describe it for people who cannot see it: ![Screenshot of the scam text message](%s)", n.Destination)
		case reFileName.MatchString(alt):
			w.c.diags.Warn(w.p.pos(n.Pos()), "markdown", "the alt text %q is a file name; describe what the image shows for people who cannot see it", alt)
		}
		w.c.link(w.p, string(n.Destination), w.destinationAt(n.Pos(), n.Destination), true)
		// The alt text is the image's words: only raw HTML in it matters
		// here (the renderer drops it from the alt).
		w.rawHTMLWithin(n)
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		if n.AutoLinkType == ast.AutoLinkURL {
			w.c.link(w.p, string(n.URL(w.src)), w.p.pos(n.Pos()+1), false)
		}
	case *ast.Heading:
		w.heading(n)
		w.headingAttributes(n)
		if w.p.plain {
			w.c.plainHeading(w.p, n)
		}
		// Its links, images and raw HTML are checked as anywhere else.
	case *ast.Paragraph, *ast.TextBlock:
		s := proseOf(n, w.src)
		if w.p.plain {
			w.c.plainParagraph(w.p, s)
		}
		w.c.phones(w.p, s)
		w.c.prompt(w.p, s)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			w.code = append(w.code, span{n.Lines().At(i).Start, n.Lines().At(i).Stop})
		}
		return ast.WalkSkipChildren, nil
	case *ast.CodeSpan:
		if first, ok := n.FirstChild().(*ast.Text); ok {
			last, _ := n.LastChild().(*ast.Text)
			if last == nil {
				last = first
			}
			w.code = append(w.code, span{first.Segment.Start, last.Segment.Stop})
		}
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		w.bareURL(n)
	}
	return ast.WalkContinue, nil
}

// reFileName matches alt text that is only an image's file name.
var reFileName = regexp.MustCompile(`(?i)^[\w.-]+\.(?:png|jpe?g|gif|webp|svg|avif)$`)

// reBareURL finds a web address typed as text. The site's Markdown does
// not turn these into links (no linkify), so readers cannot tap them.
var reBareURL = regexp.MustCompile(`\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?'"]`)

// bareURL warns about web addresses in text that are not links. Text
// inside links never reaches here: the walk visits a link's text, so check
// the parent.
func (w *walker) bareURL(n *ast.Text) {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.Link, *ast.Image, *ast.AutoLink:
			return
		}
	}
	seg := n.Segment.Value(w.src)
	// Every match holds one of these; most text holds neither, and the
	// regular expression is most of check's time on such text.
	if !bytes.Contains(seg, []byte("http")) && !bytes.Contains(seg, []byte("www.")) {
		return
	}
	for _, m := range reBareURL.FindAllIndex(seg, -1) {
		u := string(seg[m[0]:m[1]])
		if !strings.Contains(u, "://") {
			u = "https://" + u
		}
		w.c.diags.Warn(w.p.pos(n.Segment.Start+m[0]), "markdown", "this address is not a link, so readers cannot tap it; write it as <%s> or [what it is](%s)", u, u)
	}
}

// destinationAt finds where a link's destination is written after the
// link's "[", or the "[" itself for reference links and escaped text.
func (w *walker) destinationAt(start int, dest []byte) diag.Pos {
	if start < 0 {
		start = 0
	}
	end := min(len(w.src), start+4096)
	if len(dest) > 0 && start <= end {
		if i := bytes.Index(w.src[start:end], dest); i >= 0 {
			return w.p.pos(start + i)
		}
	}
	return w.p.pos(start)
}

// htmlBlock reports a block of raw HTML, once, at the first thing in it
// that is not a comment; a block of nothing but comments as a comment.
// goldmark drops the whole block, whatever follows its first comment.
func (w *walker) htmlBlock(n *ast.HTMLBlock) {
	var b []byte
	var at []int // the body offset of each byte of b
	add := func(seg text.Segment) {
		for i := seg.Start; i < seg.Stop; i++ {
			b = append(b, w.src[i])
			at = append(at, i)
		}
	}
	for i := 0; i < n.Lines().Len(); i++ {
		add(n.Lines().At(i))
	}
	if n.HasClosure() {
		add(n.ClosureLine)
	}
	first := skipSpace(b, 0)
	if first == len(b) {
		return
	}
	for i := first; i < len(b); i = skipSpace(b, i) {
		if !bytes.HasPrefix(b[i:], []byte("<!--")) {
			w.reportRaw(at[i], b[i:], false)
			return
		}
		end := bytes.Index(b[i+4:], []byte("-->"))
		if end < 0 {
			break
		}
		i += 4 + end + 3
	}
	w.reportRaw(at[first], b[first:], false)
}

// skipSpace is the index of the first byte of b from i on that is not
// white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// vagueLinks are link texts that say nothing out of context.
var vagueLinks = map[string]bool{"here": true, "click here": true, "this link": true, "link": true,
	"read more": true, "more": true, "this": true, "this page": true, "click": true}

// htmlAdvice says what to write in Markdown instead of common tags.
var htmlAdvice = map[string]string{
	"a": "write a link as [text](https://...)", "b": "write **bold**", "strong": "write **bold**",
	"i": "write *italics*", "em": "write *italics*", "br": "end the line with a backslash \\ for a line break",
	"p": "leave a blank line between paragraphs", "img": "write an image as ![what it shows](/images/file.png)",
	"h1": "write headings with ##", "h2": "write headings with ##", "h3": "write headings with ###",
	"ul": "start each list item with \"- \"", "ol": "start each list item with \"1. \"", "li": "start each list item with \"- \"",
	"table":  "write a Markdown table with | between the cells",
	"script": "the site runs no scripts", "iframe": "the site loads nothing from other hosts; link to the page instead",
	"style": "the site's one stylesheet styles every page", "div": "remove it; Markdown needs no wrapper",
	"span": "remove it; Markdown needs no wrapper", "u": "use **bold** for emphasis; underlines look like links",
	"s": "write ~~struck out~~", "del": "write ~~struck out~~", "strike": "write ~~struck out~~",
}

// rawHTML reports a piece of raw HTML in a paragraph, a heading, a table
// cell, a link's text or an image's alt: goldmark drops every one. A
// closing tag is left out when its block has had a report already, which
// its opening tag made; a tag that is part of a shortcode ({{<name>}}) is
// the shortcodes rule's.
func (w *walker) rawHTML(n *ast.RawHTML) {
	if n.Segments.Len() == 0 {
		return
	}
	start, stop := n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop
	if start >= 2 && w.src[start-2] == '{' && w.src[start-1] == '{' {
		return
	}
	block := n.Parent()
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	closing := bytes.HasPrefix(w.src[start:stop], []byte("</"))
	if closing && block != nil && block == w.rawIn {
		return
	}
	w.rawIn = block
	w.reportRaw(start, w.src[start:stop], true)
}

// rawHTMLWithin reports the raw HTML among n's descendants.
func (w *walker) rawHTMLWithin(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := c.(*ast.RawHTML); ok && entering {
			w.rawHTML(r)
		}
		return ast.WalkContinue, nil
	})
}

// reportRaw reports the raw HTML s, which starts at byte start of the body:
// the site publishes no HTML at all, comments included, since goldmark
// leaves every piece out and what it leaves out was never checked.
func (w *walker) reportRaw(start int, s []byte, inline bool) {
	snippet := string(bytes.TrimSpace(s))
	if i := strings.IndexByte(snippet, '\n'); i >= 0 {
		snippet = strings.TrimSpace(snippet[:i])
	}
	if r := []rune(snippet); len(r) > 40 {
		snippet = string(r[:40]) + "..."
	}
	if strings.HasPrefix(snippet, "<!--") {
		w.c.diags.Add(w.p.pos(start), "markdown", "HTML comment %s is not allowed: the site publishes no HTML, comments included, since what a comment holds is dropped unchecked; keep notes for the editor outside the file", snippet)
		return
	}
	advice, ok := htmlAdvice[tagName(snippet)]
	if !ok {
		advice = "write it in Markdown instead"
		if inline {
			advice = "if you meant the < sign, write \\< or &lt;"
		}
	}
	w.c.diags.Add(w.p.pos(start), "markdown", "raw HTML %s is not published (it would be dropped, leaving a hole in the text); %s", snippet, advice)
}

// tagName is the lower-case name of the tag that s starts with.
func tagName(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "<"), "/")
	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	if end >= 0 {
		s = s[:end]
	}
	return strings.ToLower(s)
}

// heading warns when a heading skips a level: the body's first heading
// may have any level (the page sets the title above it), each later one at
// most one level deeper than the one before, as screen readers expect.
func (w *walker) heading(n *ast.Heading) {
	prev := w.lastLevel
	w.lastLevel = n.Level
	if prev == 0 || n.Level <= prev+1 {
		return
	}
	w.c.diags.Warn(w.headingPos(n), "markdown", "heading level %d follows level %d, skipping a level; write %s (people using screen readers move by heading level)",
		n.Level, prev, strings.Repeat("#", prev+1))
}

// headingPos is where a heading's first "#" stands, or its text.
func (w *walker) headingPos(n *ast.Heading) diag.Pos {
	if n.Lines().Len() == 0 {
		return w.p.pos(max(n.Pos(), 0))
	}
	start := n.Lines().At(0).Start
	lineStart := bytes.LastIndexByte(w.src[:start], '\n') + 1
	if i := bytes.IndexByte(w.src[lineStart:start], '#'); i >= 0 {
		return w.p.pos(lineStart + i)
	}
	return w.p.pos(start)
}

// plainText is the text of n's inline children, as a reader sees it.
func plainText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

func hasImage(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Image); ok {
			return true
		}
	}
	return false
}

// shortcodes reports every Hugo shortcode outside code. The site's
// Markdown is rendered by goldmark alone, which knows no shortcodes, so
// {{< figure src="..." >}} would be published as it is typed, braces and
// all. In a code span or a code block it is shown as the writer typed it,
// as code: that is harmless, and how a writer shows one as text. A
// closing {{< /name >}} after its opening is reported with the opening.
func (c *checker) shortcodes(p page, code []span) {
	src := p.body.Source
	if !bytes.Contains(src, []byte("{{<")) && !bytes.Contains(src, []byte("{{%")) {
		return
	}
	sort.Slice(code, func(i, j int) bool { return code[i].start < code[j].start }) // footnotes move to the end
	open := map[string]int{}
	for _, m := range reShortcode.FindAllSubmatchIndex(src, -1) {
		if inSpans(code, m[0]) {
			continue
		}
		delim, slash, name := string(src[m[2]:m[3]]), string(src[m[4]:m[5]]), string(src[m[6]:m[7]])
		closer := ">}}"
		if delim == "%" {
			closer = "%}}"
		}
		switch slash {
		case "/*":
			c.diags.Add(p.pos(m[0]), "markdown", "shortcodes are not supported, so {{%s/* %s */%s would be published as it is typed; to show a shortcode as text, put it in backticks: `{{%s %s %s`",
				delim, name, closer, delim, name, closer)
			continue
		case "/":
			if open[name] > 0 {
				open[name]--
				continue
			}
		default:
			open[name]++
		}
		c.diags.Add(p.pos(m[0]), "markdown", "shortcodes are not supported, so {{%s %s%s %s would be published as it is typed, braces and all; %s",
			delim, slash, name, closer, shortcodeAdvice(name))
	}
}

// shortcodeAdvice says what to write instead of the shortcode name.
func shortcodeAdvice(name string) string {
	switch {
	case name == "figure":
		return "write an image as ![what it shows](/images/file.png)"
	case embedShortcodes[name]:
		return "link to the page instead: [what it shows](https://...)"
	case name == "ref" || name == "relref":
		return "write the page's address, like [our first update](/incidents/x/2024-05-08-1730/)"
	case name == "highlight":
		return "put the text between two lines of ``` instead"
	}
	return "write it in Markdown instead"
}

// inSpans reports whether off lies in one of spans, which are in order.
func inSpans(spans []span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].stop > off })
	return i < len(spans) && spans[i].start <= off
}

var embedShortcodes = map[string]bool{"youtube": true, "vimeo": true, "x": true, "twitter": true, "tweet": true, "instagram": true, "gist": true}

// reShortcode finds a shortcode's opening: {{< name, {{% name, the closing
// {{< /name and the escaped {{</* name that Hugo showed as text.
var reShortcode = regexp.MustCompile(`\{\{([<%])\s*(/\*|/|)\s*([A-Za-z0-9_.-]*)`)
