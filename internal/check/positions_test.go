package check_test

import (
	"strings"
	"testing"
)

// TestPositions checks that each diagnostic points at the line and column
// the author sees in the file, front matter included, columns in
// characters: in the first line of front matter, in a nested field, in
// TOML front matter, and deep in the Markdown body.
func TestPositions(t *testing.T) {
	deep := strings.Repeat("A short line.\n\n", 20) // 40 lines
	tests := []struct {
		name, files, want string
	}{
		{"first line of front matter (loader)",
			upd("2024-06-01-third.md", "titel: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n"),
			u3 + ":2:1: titel: unknown field; did you mean title?"},
		{"first line of front matter (checker)",
			upd("2024-06-01-third.md", "date: 2030-06-01T09:00:00+10:00\ntitle: Third\nstatus: contained\n", "Text.\n"),
			u3 + ":2:7: date: 2030-06-01T09:00:00+10:00 is in the future"},
		{"nested field",
			strings.Replace(base, "as_of: 2024-07-01", "as_of: 2031-07-01", 1),
			idx + ":12:10: affected.as_of: 2031-07-01 is in the future"},
		{"nested field in a list",
			upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-02T09:00:00+10:00\n    note: one\n  - date: 2024-06-01T10:00:00+10:00\n    note: two\n", "Text.\n"),
			u3 + ":8:11: revisions[1].date: 2024-06-01T10:00:00+10:00 is before the revision above it"},
		{"TOML front matter",
			"-- " + u3 + " --\n+++\ntitle = \"Third\"\nstatus = \"contained\"\ndate = 2024-05-01T09:00:00+10:00\n+++\nText.\n",
			u3 + ":4:8: date: 2024-05-01T09:00:00+10:00 is before the incident was discovered"},
		{"TOML front matter, nested table (loader)",
			"-- " + u3 + " --\n+++\ntitle = \"Third\"\nstatus = \"contained\"\ndate = 2024-06-01T09:00:00+10:00\n[withdrawn]\n  date = 2024-06-02T09:00:00\n  note = \"x\"\n+++\n",
			u3 + ":6:10: withdrawn.date: no time zone offset"},
		{"deep in the body, after characters of several bytes",
			third(deep + "Ärzte und Apotheken — <span>bitte</span> anrufen.\n"),
			u3 + ":46:23: markdown: raw HTML <span>"},
		{"deep in the body, in a list inside a quote",
			third(deep + "> - one\n>   - see [this](/nowhere/)\n"),
			u3 + ":47:18: markdown: link leads to /nowhere/"},
		{"Windows line endings",
			strings.ReplaceAll(third("Text.\n\nCall <b>now</b>.\n"), "\n", "\r\n"),
			u3 + ":8:6: markdown: raw HTML <b>"},
		{"byte order mark",
			"-- " + u3 + " --\n\xEF\xBB\xBF---\ntitle: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n---\n<i>x</i>\n",
			u3 + ":6:1: markdown: raw HTML <i>"},
		{"image alt in a table",
			third("| a | b |\n|---|---|\n| x | ![](/nothing.png) |\n"),
			u3 + ":8:7: markdown: image has no alt text"},
		{"jargon after a line break in a paragraph",
			third("First line,\n  then a threat actor.\n"),
			u3 + ":7:10: warning: plain language: \"threat actor\" is jargon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, tt.files)
			for _, d := range got {
				if strings.HasPrefix(d.String(), tt.want) {
					return
				}
			}
			t.Errorf("no diagnostic starts with\n  %s\ngot:\n%s", tt.want, got.Error())
		})
	}
}
