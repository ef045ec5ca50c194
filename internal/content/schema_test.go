package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigDocNamesEveryKey keeps docs/config.md whole: every key the
// loader accepts or refuses is named there, in backticks, and every key
// the schema accepts is also described in a table row.
func TestConfigDocNamesEveryKey(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "config.md"))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(prefix string, fs []field)
	walk = func(prefix string, fs []field) {
		for _, f := range fs {
			path := join(prefix, f.name)
			if !strings.Contains(string(doc), "`"+f.name+"`") && !strings.Contains(string(doc), "`["+path) && !strings.Contains(string(doc), "`[["+path) {
				t.Errorf("docs/config.md does not name %s", path)
			}
			if f.kind != kRefused && !strings.Contains(string(doc), "| `"+f.name+"` |") && f.fields == nil {
				t.Errorf("docs/config.md has no table row for %s", path)
			}
			walk(path, f.fields)
		}
	}
	walk("", configFields)
}
