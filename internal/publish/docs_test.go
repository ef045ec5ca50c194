package publish

import (
	"os"
	"strings"
	"testing"
)

// snippetDocs are the documents that show the server snippets between
// their markers (see syncSnippets).
var snippetDocs = []struct {
	path     string
	required bool
}{
	{"../../docs/publishing.md", true},
	{"../../README.md", true},
}

// TestDocsShowSnippets checks that the documents show the nginx and Caddy
// snippets exactly as the tests run them; -update copies them in.
func TestDocsShowSnippets(t *testing.T) {
	for _, d := range snippetDocs {
		data, err := os.ReadFile(d.path)
		if err != nil {
			if d.required {
				t.Error(err)
			}
			continue
		}
		doc, n, stale := syncSnippets(string(data))
		if n == 0 && d.required {
			t.Errorf("%s shows no snippet", d.path)
		}
		switch {
		case stale && *update:
			if err := os.WriteFile(d.path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
		case stale:
			t.Errorf("%s does not show the snippets as the tests run them; run go test ./internal/publish -update", d.path)
		}
	}
}

// syncSnippets puts each snippet between its markers in doc:
//
//	<!-- begin docs/nginx.conf -->
//	<!-- end docs/nginx.conf -->
//
// and returns the new text, how many marker pairs it found, and whether any
// block differed.
func syncSnippets(doc string) (string, int, bool) {
	n, stale := 0, false
	for _, s := range []struct{ name, lang, text string }{
		{"docs/nginx.conf", "nginx", NginxSnippet()},
		{"docs/caddy.conf", "caddy", CaddySnippet()},
	} {
		begin, end := "<!-- begin "+s.name+" -->\n", "<!-- end "+s.name+" -->"
		i, j := strings.Index(doc, begin), strings.Index(doc, end)
		if i < 0 || j < i {
			continue
		}
		n++
		block := "```" + s.lang + "\n" + s.text + "```\n"
		if doc[i+len(begin):j] != block {
			stale = true
			doc = doc[:i+len(begin)] + block + doc[j:]
		}
	}
	return doc, n, stale
}
