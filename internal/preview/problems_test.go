package preview

import (
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/diag"
)

// TestProblemsBox: the box lists every problem as check prints it, with
// what the author wrote escaped, and is not there without an error.
func TestProblemsBox(t *testing.T) {
	var p problems
	var l diag.List
	l.Warn(diag.Pos{File: "config.toml", Line: 3, Col: 1}, "params.contact.phone_hours", "say when the phone line is answered")
	p.set(l)
	if b := p.box(); b != nil {
		t.Errorf("a box for warnings only:\n%s", b)
	}
	l.Add(diag.Pos{File: "content/incidents/x/2024-05-16-<script>.md", Line: 3, Col: 7}, "date", `no time zone offset; write 2024-05-16T09:00:00+10:00 "now"`)
	l.Sort()
	p.set(l)
	got := string(p.box())
	for _, want := range []string{
		`<section class="warning" id="disclose-problems" role="alert">`,
		"<h2>1 error, 1 warning: 'disclose build' will not publish the site yet</h2>",
		"<li><code>config.toml:3:1</code>: warning: params.contact.phone_hours: say when the phone line is answered</li>",
		"<li><code>content/incidents/x/2024-05-16-&lt;script&gt;.md:3:7</code>: date: no time zone offset; write 2024-05-16T09:00:00+10:00 &#34;now&#34;</li>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the box does not hold %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<script>") {
		t.Errorf("the box holds markup from a file name:\n%s", got)
	}
}

// TestProblemsOfOneFile: the quick path replaces what is known of the
// saved file only, so that its page shows without its fixed error and
// with the other files' errors; set says whether the box changed, so that
// the preview reloads the pages when it did.
func TestProblemsOfOneFile(t *testing.T) {
	const saved, other = "content/incidents/x/2024-05-16-first.md", "content/incidents/x/2024-05-17-second.md"
	var p problems
	var l diag.List
	l.Add(diag.Pos{File: saved, Line: 4, Col: 9}, "status", `"finished" is not a status word`)
	l.Add(diag.Pos{File: other, Line: 2, Col: 8}, "title", "empty")
	if !p.set(l) {
		t.Error("set of two errors after none: the box did not change")
	}
	if p.set(l) {
		t.Error("set of the same errors again: the box changed")
	}
	var fixed diag.List
	fixed.Warn(diag.Pos{File: saved, Line: 9, Col: 1}, "plain", "a long sentence")
	p.setFile(saved, fixed)
	box := string(p.box())
	if strings.Contains(box, "not a status word") {
		t.Errorf("the saved file's fixed error is still in the box:\n%s", box)
	}
	for _, want := range []string{"2024-05-17-second.md:2:8</code>: title: empty", "2024-05-16-first.md:9:1</code>: warning: plain: a long sentence"} {
		if !strings.Contains(box, want) {
			t.Errorf("the box does not hold %q:\n%s", want, box)
		}
	}
	if p.set(nil); p.box() != nil {
		t.Error("a box with no findings")
	}
}
