package check

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// maxAttributeTries is how many of a heading's last "{" are tried as the
// start of attribute syntax, so that a heading of a thousand "{" costs no
// more than one of sixteen.
const maxAttributeTries = 16

// headingAttributes reports a heading that ends in attribute syntax,
// "{#id .class key=value}" as other Markdown sites write it. The site's
// Markdown has none (internal/markdown), so the braces and all are shown
// as the heading's text: a warning, since the words are still the ones
// checked (a writer wishing for an anchor or a class learns why the page
// shows braces). Attributes named style, contenteditable or on...
// (onclick, onmouseover) are an error: they can only restyle the page,
// make it editable or run code, which no statement needs and an attacker
// tries first, so a person must remove them before anything is published,
// whatever a later version of the Markdown would make of them.
func (w *walker) headingAttributes(n *ast.Heading) {
	if n.Lines().Len() == 0 {
		return
	}
	last := n.Lines().At(n.Lines().Len() - 1)
	line := last.Value(w.src)
	at, names, ok := attributeSyntax(line)
	if !ok {
		return
	}
	snippet := string(bytes.TrimSpace(line[at:]))
	if r := []rune(snippet); len(r) > 40 {
		snippet = string(r[:40]) + "...}"
	}
	pos := w.p.pos(last.Start + at)
	var active []string
	for _, name := range names {
		if name == "style" || name == "contenteditable" || strings.HasPrefix(name, "on") {
			active = append(active, name)
		}
	}
	if len(active) == 0 {
		w.c.diags.Warn(pos, "markdown", "%s after a heading is shown as text: the site's Markdown has no attribute syntax; remove it (each heading gets its address from its own words)", snippet)
		return
	}
	w.c.diags.Add(pos, "markdown", "%s after a heading is shown as text, and %s would restyle the page, run code or make it editable if it were read as attributes; the site's Markdown has no attribute syntax: remove it",
		snippet, strings.Join(active, " and "))
}

// attributeSyntax finds the "{" from which the rest of line reads as
// attribute syntax, and the attributes' names (lower case, each once).
// It reads more than goldmark's own attribute parser did ("{hidden}" and
// "{onclick=alert(1)}" count), since what matters is what a writer meant.
func attributeSyntax(line []byte) (at int, names []string, ok bool) {
	line = bytes.TrimRight(line, " \t\r\n")
	if !bytes.HasSuffix(line, []byte("}")) {
		return 0, nil, false
	}
	var opens []int
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++ // an escaped "{" opens nothing
		case '{':
			opens = append(opens, i)
		}
	}
	if len(opens) > maxAttributeTries {
		opens = opens[len(opens)-maxAttributeTries:]
	}
	for _, at := range opens {
		if names, ok := attributes(line[at:]); ok {
			return at, names, true
		}
	}
	return 0, nil, false
}

// attributes reads s, "{" and "}" around attributes separated by white
// space: #id, .class, name, name=value, name="value" or name='value'.
func attributes(s []byte) (names []string, ok bool) {
	seen := map[string]bool{}
	add := func(name string) {
		if name = strings.ToLower(name); !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	i := 1
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return nil, false
		}
		if s[i] == '}' {
			return names, i == len(s)-1 && len(names) > 0
		}
		switch s[i] {
		case '#', '.':
			j := i + 1
			for j < len(s) && !isAttrEnd(s[j]) {
				j++
			}
			if j == i+1 {
				return nil, false
			}
			add(map[byte]string{'#': "id", '.': "class"}[s[i]])
			i = j
		default:
			j := i
			for j < len(s) && isNameByte(s[j], j == i) {
				j++
			}
			if j == i {
				return nil, false
			}
			add(string(s[i:j]))
			i = j
			if i < len(s) && s[i] == '=' {
				i++
				if i < len(s) && (s[i] == '"' || s[i] == '\'') {
					end := bytes.IndexByte(s[i+1:], s[i])
					if end < 0 {
						return nil, false
					}
					i += end + 2
				} else {
					j := i
					for j < len(s) && !isAttrEnd(s[j]) {
						j++
					}
					if j == i {
						return nil, false
					}
					i = j
				}
			}
		}
		if i < len(s) && !isAttrEnd(s[i]) {
			return nil, false
		}
	}
}

func isAttrEnd(b byte) bool { return b == ' ' || b == '\t' || b == '}' }

// isNameByte reports whether b may stand in an attribute's name, as its
// first byte if first: letters, digits (not first), "_", ":", "@", "-", ".".
func isNameByte(b byte, first bool) bool {
	switch {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b == '_', b == ':', b == '@':
		return true
	case b >= '0' && b <= '9', b == '-', b == '.':
		return !first
	}
	return false
}
