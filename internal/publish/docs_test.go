package publish

import (
	"os"
	"strings"
	"testing"
)

const publishingDoc = "../../docs/publishing.md"

// TestPublishingDocShowsSnippets checks that docs/publishing.md shows the
// nginx and Caddy snippets exactly as the tests run them; -update copies
// them in.
func TestPublishingDocShowsSnippets(t *testing.T) {
	data, err := os.ReadFile(publishingDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, s := range []struct{ name, lang, text string }{
		{"docs/nginx.conf", "nginx", NginxSnippet()},
		{"docs/caddy.conf", "caddy", CaddySnippet()},
	} {
		begin, end := "<!-- begin "+s.name+" -->\n", "<!-- end "+s.name+" -->"
		i, j := strings.Index(doc, begin), strings.Index(doc, end)
		if i < 0 || j < i {
			t.Errorf("%s has no %q ... %q block", publishingDoc, begin, end)
			continue
		}
		block := "```" + s.lang + "\n" + s.text + "```\n"
		if got := doc[i+len(begin) : j]; got != block {
			if !*update {
				t.Errorf("%s does not show %s as the tests run it; run go test ./internal/publish -update", publishingDoc, s.name)
			}
			doc = doc[:i+len(begin)] + block + doc[j:]
		}
	}
	if *update {
		if err := os.WriteFile(publishingDoc, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
