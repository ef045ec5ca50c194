package browser

import (
	"context"
	_ "embed"
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
