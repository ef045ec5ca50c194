package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// feedDrops are the attributes a feed's copy leaves out: the W3C feed
// validator warns about the ARIA roles goldmark puts on footnotes.
var feedDrops = map[string]bool{"role": true}

// RenderPage renders doc, the tree Parse made of src, as the site's page
// shows it: addresses as the writer wrote them. It is the one render of a
// body; ForFeed makes the feed's copy from its output.
func RenderPage(src []byte, doc ast.Node) ([]byte, error) {
	var buf bytes.Buffer
	if err := shared().Renderer().Render(&buf, src, doc); err != nil {
		return nil, fmt.Errorf("markdown: render: %w", err)
	}
	return buf.Bytes(), nil
}

// ForFeed is html, a body RenderPage made, as a feed entry published at
// pageURL carries it: every relative address made absolute (root-relative
// ones below baseURL, the site's base URL), and no ARIA role attributes,
// which the W3C feed validator warns about. Only attributes change.
func ForFeed(html []byte, pageURL, baseURL string) ([]byte, error) {
	out, err := absolutize(html, pageURL, baseURL, feedDrops)
	if err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	return out, nil
}
