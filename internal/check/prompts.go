package check

import (
	"bytes"
)

// promptOpenings are how the paragraphs that `disclose new` and `disclose
// init` write as prompts begin (internal/scaffold; its tests hold the two
// together). A
// prompt left in place would be published as if it were the statement.
var promptOpenings = [][]byte{
	[]byte("Write what has happened since our last update"),
	[]byte("Use short sentences and everyday words"),
	[]byte("Say what "),
	[]byte("Say that we have told"),
	[]byte("Say who "),
	[]byte("Give the date of the breach"),
	[]byte("Name each kind of health information"),
	[]byte("If Social Security, driver's license or ID card numbers were involved, give"),
	[]byte("Give a toll-free phone number here"),
}

// prompt reports a paragraph that is still a prompt from `disclose new`
// or `disclose init`: an error, and a warning in a draft, which is never
// published, so that the writer hears of it before removing draft: true.
func (c *checker) prompt(p page, s *prose) {
	text := bytes.TrimSpace(s.text)
	for _, o := range promptOpenings {
		if !bytes.HasPrefix(text, o) {
			continue
		}
		at := p.pos(s.at(firstLetter(s.text)))
		if p.draft {
			c.diags.Warn(at, "markdown", "this is still a prompt; replace it with what people need to know before you remove 'draft: true'")
		} else {
			c.diags.Add(at, "markdown", "this is a prompt from 'disclose new', not the statement; replace it with what people need to know")
		}
		return
	}
}
