package markdown

import (
	"net/url"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// FuzzRender checks that whatever a writer types renders without error and
// leaves no relative address behind, and that WithinLimits places what it
// refuses inside the body.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"See the [incident page](/incidents/x/).",
		"![a](../img.png) [b](#top) <https://example.org/> [c](mailto:a@b.example)",
		"Text.[^1]\n\n[^1]: Note.",
		"[x](javascript:alert(1)) <script>alert(1)</script>",
		"[x](<a b>) [y](%zz) [z](http://[::1]:namedport)",
		"## Heading {#id}\n\n| a |\n|---|\n| [l](l) |",
		"> - > 1. x\n\n|-|-|\n|a|\n\n![a](![a](",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if err := WithinLimits([]byte(src)); err != nil {
			if le, ok := err.(*LimitError); !ok || le.Offset < 0 || le.Offset > len(src) {
				t.Fatalf("WithinLimits(%q) = %v, not a *LimitError inside the body", src, err)
			}
		}
		out, err := feedHTML([]byte(src), page, site)
		if err != nil {
			// Only an address that cannot be parsed may fail, and it says so.
			if !strings.Contains(err.Error(), "href") && !strings.Contains(err.Error(), "src") {
				t.Fatalf("Render(%q): %v", src, err)
			}
			return
		}
		z := xhtml.NewTokenizer(strings.NewReader(string(out)))
		for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
			for _, a := range z.Token().Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				if u, err := url.Parse(a.Val); err != nil || !u.IsAbs() {
					t.Fatalf("Render(%q): relative %s=%q in\n%s", src, a.Key, a.Val, out)
				}
			}
		}
	})
}
