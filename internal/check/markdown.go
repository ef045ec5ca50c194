package check

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

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
	draft     bool      // never published, so prompts may stay
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

// markdown runs every rule that reads a body through goldmark's tree.
func (c *checker) markdown(p page) {
	src := p.body.Source
	if len(bytes.TrimSpace(src)) == 0 {
		if p.update && !p.withdrawn {
			c.diags.Add(p.pos(0), "body", "the update has no text; write what happened and what people should do below the front matter")
		}
		return
	}
	p.lines = newLineIndex(p.body)
	c.shortcodes(p)
	// The tree is the one the site's Hugo build renders the page from.
	doc := markdown.Parse(src)
	w := &walker{c: c, p: p, src: src}
	_ = ast.Walk(doc, w.visit)
	if p.parse && c.parsed != nil {
		c.parsed(p.file, src, doc)
	}
}

// walker visits one body's nodes.
type walker struct {
	c         *checker
	p         page
	src       []byte
	lastLevel int // the previous heading's level, 0 before the first
}

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
		if n.Segments.Len() > 0 {
			w.rawHTML(n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop)
		}
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
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		if n.AutoLinkType == ast.AutoLinkURL {
			w.c.link(w.p, string(n.URL(w.src)), w.p.pos(n.Pos()+1), false)
		}
	case *ast.Heading:
		w.heading(n)
		if w.p.plain {
			w.c.plainHeading(w.p, n)
		}
		return ast.WalkSkipChildren, nil
	case *ast.Paragraph, *ast.TextBlock:
		s := proseOf(n, w.src)
		if w.p.plain {
			w.c.plainParagraph(w.p, s)
		}
		w.c.phones(w.p, s)
		w.c.prompt(w.p, s)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
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

// htmlBlock reports a block of raw HTML; comments are left alone, since
// they are notes to the editor and never shown.
func (w *walker) htmlBlock(n *ast.HTMLBlock) {
	if n.HTMLBlockType == ast.HTMLBlockType2 || n.Lines().Len() == 0 {
		return
	}
	first := n.Lines().At(0)
	start := first.Start
	for start < first.Stop && (w.src[start] == ' ' || w.src[start] == '\t') {
		start++
	}
	w.rawHTML(start, first.Stop)
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
}

// rawHTML reports raw HTML between byte offsets start and stop.
func (w *walker) rawHTML(start, stop int) {
	snippet := string(bytes.TrimSpace(w.src[start:stop]))
	if strings.HasPrefix(snippet, "<!--") || strings.HasPrefix(snippet, "</") {
		// a comment is a note to the editor; a closing tag was reported
		// with its opening one
		return
	}
	if r := []rune(snippet); len(r) > 40 {
		snippet = string(r[:40]) + "..."
	}
	advice := "write it in Markdown instead"
	if a, ok := htmlAdvice[tagName(snippet)]; ok {
		advice = a
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

// shortcodes reports Hugo shortcodes that would load from another host or
// that the site does not have.
func (c *checker) shortcodes(p page) {
	for _, m := range reShortcode.FindAllSubmatchIndex(p.body.Source, -1) {
		name := string(p.body.Source[m[2]:m[3]])
		switch {
		case embedShortcodes[name]:
			c.diags.Add(p.pos(m[0]), "markdown", "the %s shortcode loads from another host, which the site never does; link to the page instead", name)
		case !builtinShortcodes[name] && !c.hasShortcode(name):
			c.diags.Add(p.pos(m[0]), "markdown", "there is no %s shortcode in layouts/_shortcodes/; the build would fail; remove it or write plain Markdown", name)
		}
	}
}

func (c *checker) hasShortcode(name string) bool {
	if c.site.Dir == "" {
		return false
	}
	for _, dir := range []string{"_shortcodes", "shortcodes"} {
		for _, ext := range []string{".html", ".md"} {
			if fileExists(c.site.Dir, "layouts/"+dir+"/"+name+ext) {
				return true
			}
		}
	}
	return false
}

var embedShortcodes = map[string]bool{"youtube": true, "vimeo": true, "x": true, "twitter": true, "tweet": true, "instagram": true, "gist": true}

var builtinShortcodes = map[string]bool{"figure": true, "highlight": true, "param": true, "ref": true, "relref": true, "details": true, "qr": true, "comment": true}

// reShortcode finds a shortcode's opening, {{< name or {{% name, but not
// the escaped form {{</* name */>}} that shows one as text.
var reShortcode = regexp.MustCompile(`\{\{[<%]\s*([A-Za-z0-9_.-]+)`)
