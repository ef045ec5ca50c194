package hugo

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/internal/diag"
)

// SiteError is Hugo failing on one of the site's own files (a template in
// layouts/): Diags says where, as the checker says it, so that the writer
// or the theme's author gets the file, line and column, and the command
// exits 1 (the site is wrong), not 2.
type SiteError struct{ Diags diag.List }

func (e *SiteError) Error() string { return e.Diags.Error() }

// hugoPos is a position as Hugo quotes it in its messages:
// "/abs/path/layouts/page.html:5:3".
var hugoPos = regexp.MustCompile(`"([^"]+):(\d+):(\d+)"`)

// siteError turns one of Hugo's error messages into a diagnostic at the
// innermost position it names in the site's own files, with the page being
// made named by its source file (sources maps a generated page's path
// below the pages directory to the author's file). It returns nil when the
// message names no file of the site: then it is the tool's fault.
func siteError(msg, siteDir, pagesDir string, sources map[string]string) *diag.Diagnostic {
	var at *diag.Pos
	rest := msg
	for _, m := range hugoPos.FindAllStringSubmatchIndex(msg, -1) {
		file := msg[m[2]:m[3]]
		rel, err := filepath.Rel(siteDir, file)
		if err != nil || !filepath.IsLocal(rel) {
			continue
		}
		line, _ := strconv.Atoi(msg[m[4]:m[5]])
		col, _ := strconv.Atoi(msg[m[6]:m[7]])
		at = &diag.Pos{File: filepath.ToSlash(rel), Line: line, Col: col}
		rest = msg[m[1]:]
	}
	if at == nil {
		return nil
	}
	rest = strings.TrimLeft(rest, ": ")
	// The last clause is the cause; what comes before it repeats where.
	if i := strings.LastIndex(rest, ": "); i >= 0 && strings.Contains(rest[:i], "executing") {
		rest = rest[i+2:]
	}
	page := ""
	if m := regexp.MustCompile(`render of "([^"]+)"`).FindStringSubmatch(msg); m != nil {
		if rel, err := filepath.Rel(filepath.Join(pagesDir, "content"), m[1]); err == nil {
			if src, ok := sources[filepath.ToSlash(rel)]; ok {
				page = fmt.Sprintf(" (while making the page of %s)", src)
			}
		}
	}
	return &diag.Diagnostic{Pos: *at, Field: "template", Message: rest + page}
}
