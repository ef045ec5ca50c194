package preview

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/diag"
)

// problems are the checker's findings on the content as last saved. While
// any is an error, every page of the preview opens with them, as check
// prints them, so that the writer sees in the browser what build would
// refuse; the box goes once the errors are fixed (Hugo reloads the page
// when the fix changes it).
type problems struct {
	mu   sync.Mutex
	list diag.List
}

// set makes l the findings, and reports whether the box changed.
func (p *problems) set(l diag.List) bool {
	before := p.box()
	p.mu.Lock()
	p.list = l
	p.mu.Unlock()
	return !bytes.Equal(before, p.box())
}

// setFile makes l the findings about file, leaving the others as they are:
// the saved update's page shows at once with its own findings (quick.go),
// before the whole site is checked again.
func (p *problems) setFile(file string, l diag.List) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var kept diag.List
	for _, d := range p.list {
		if d.Pos.File != file {
			kept = append(kept, d)
		}
	}
	kept = append(kept, l...)
	kept.Sort()
	p.list = kept
}

// box is the HTML that opens each page, or nil when there is no error.
func (p *problems) box() []byte {
	p.mu.Lock()
	l := p.list
	p.mu.Unlock()
	if l.Errors() == 0 {
		return nil
	}
	var b bytes.Buffer
	// The theme's .warning box; no inline style, which the pages' CSP refuses.
	fmt.Fprintf(&b, "\n<section class=\"warning\" id=\"disclose-problems\" role=\"alert\">\n<h2>%s: 'disclose build' will not publish the site yet</h2>\n",
		html.EscapeString(check.Summary(l)))
	b.WriteString("<p>Only the preview shows this box. Fix each problem below and save the file: the box goes by itself.</p>\n<ol>\n")
	for _, d := range l {
		s := d.String()
		where, what, ok := strings.Cut(s, ": ")
		if !ok {
			where, what = "", s
		}
		fmt.Fprintf(&b, "<li><code>%s</code>: %s</li>\n", html.EscapeString(where), html.EscapeString(what))
	}
	b.WriteString("</ol>\n</section>\n")
	return b.Bytes()
}

// addBox puts the problems box at the top of an HTML page from Hugo (a
// page or the 404 page, not a 304 or a HEAD request, which have no body).
func (s *Server) addBox(resp *http.Response) error {
	if resp.Request.Method != http.MethodGet || resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotFound ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || resp.Header.Get("Content-Encoding") != "" {
		return nil
	}
	box := s.problems.box()
	if box == nil {
		return nil
	}
	page, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	at := 0
	if i := bytes.Index(page, []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			at = i + j + 1
		}
	}
	out := make([]byte, 0, len(page)+len(box))
	out = append(append(append(out, page[:at]...), box...), page[at:]...)
	resp.Body = io.NopCloser(bytes.NewReader(out))
	resp.ContentLength = int64(len(out))
	resp.Header.Set("Content-Length", strconv.Itoa(len(out)))
	return nil
}
