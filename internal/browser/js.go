package browser

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed measure.js
var measureJS string

// Where is where a reader finds things on a page, in CSS px from its top;
// -1 is not on the page.
type Where struct {
	Height int `json:"height"` // the whole page
	Tel    int `json:"tel"`    // the first tel: link
	Todo   int `json:"todo"`   // the "What you can do" heading
	Scam   int `json:"scam"`   // the first mention of scams
}

// Measure reports Where for the loaded page.
func (p *Page) Measure(ctx context.Context) (Where, error) {
	var w Where
	err := p.Eval(ctx, measureJS, &w)
	return w, err
}

//go:embed firstscreen.js
var firstScreenJS string

// Box is an element as the browser laid it out, in CSS px from the top of
// the page.
type Box struct {
	Top     int    `json:"top"`
	Bottom  int    `json:"bottom"`
	Lines   int    `json:"lines"` // how many boxes the element broke into: 1 is one line
	Text    string `json:"text"`
	Href    string `json:"href"`
	Visible bool   `json:"visible"`
}

// Screen is what a page shows on its first screen; a nil Box is not on the
// page.
type Screen struct {
	Viewport   int    `json:"viewport"`
	H1         *Box   `json:"h1"`
	Header     *Box   `json:"header"`    // the site's name in the header
	HeaderAll  *Box   `json:"headerAll"` // the whole header
	Status     *Box   `json:"status"`    // "Status: Notifying — ..."
	When       *Box   `json:"when"`      // when it last changed
	Todo       []*Box `json:"todo"`      // the things to do now
	Tel        *Box   `json:"tel"`       // the helpline's tel: link among them
	Scam       *Box   `json:"scam"`      // the short scam warning
	ScamLink   *Box   `json:"scamLink"`  // its link to the full list
	ScamTarget *Box   `json:"scamTarget"`
	AllTel     []*Box `json:"allTel"` // every tel: link on the page
}

// FirstScreen reports the loaded page's Screen.
func (p *Page) FirstScreen(ctx context.Context) (Screen, error) {
	var s Screen
	err := p.Eval(ctx, firstScreenJS, &s)
	return s, err
}

// Violation is one axe-core rule a page breaks, with the elements that
// break it.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	s := fmt.Sprintf("%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 3 {
			s += fmt.Sprintf("\n\t... and %d more", len(v.Nodes)-3)
			break
		}
		s += fmt.Sprintf("\n\t%v %s", n.Target, n.HTML)
	}
	return s
}

// Axe runs axe-core (its axe.min.js, the npm package's) on the loaded page
// with the rules of the given tags, and returns what they find.
func (p *Page) Axe(ctx context.Context, axeSource string, tags []string) ([]Violation, error) {
	if err := p.Eval(ctx, axeSource+"\n;undefined", nil); err != nil {
		return nil, err
	}
	t, err := json.Marshal(tags)
	if err != nil {
		return nil, err
	}
	var vs []Violation
	err = p.Eval(ctx, `axe.run(document, {runOnly: {type: 'tag', values: `+string(t)+`}, resultTypes: ['violations']}).then(r => r.violations)`, &vs)
	return vs, err
}

// Overflow is how much wider than the window the page is laid out, in CSS
// px: more than 0 is a horizontal scroll bar.
func (p *Page) Overflow(ctx context.Context) (int, error) {
	var n int
	err := p.Eval(ctx, `Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth`, &n)
	return n, err
}

// Overflowing lists the elements that reach past the window's right edge:
// tag, class and the start of their text.
func (p *Page) Overflowing(ctx context.Context) ([]string, error) {
	var out []string
	err := p.Eval(ctx, `[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + JSON.stringify(e.textContent.replace(/\s+/g, ' ').trim().slice(0, 60)))`, &out)
	return out, err
}

// SetTextSize sets the root font size to percent of the browser's default,
// as a reader's larger text setting does; the stylesheet sizes text in rem.
func (p *Page) SetTextSize(ctx context.Context, percent int) error {
	return p.Eval(ctx, fmt.Sprintf(`document.documentElement.style.fontSize = '%d%%'`, percent), nil)
}
