package build_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestPagesLoadCleanlyInABrowser serves the built example site with nginx
// and the README's header snippet (its Content-Security-Policy included),
// opens pages in headless Chromium, and fails on anything the browser
// blocked or complained about: an inline style, a script, an asset from
// another host.
func TestPagesLoadCleanlyInABrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian package chromium)")
	}
	if _, err := os.Stat(sitetest.Nginx); err != nil {
		t.Skip("nginx is not installed (Debian package nginx)")
	}
	if _, err := os.Stat(sitetest.NginxBrotliModule); err != nil {
		t.Skip("nginx's brotli module is not installed (Debian package libnginx-mod-http-brotli-static)")
	}
	out, site := example(t)
	base := sitetest.StartNginx(t, out, filepath.Join(sitetest.RepoRoot(), "docs", "nginx.conf"))
	inc := site.Incidents[len(site.Incidents)-1]
	pages := map[string]string{
		"/":                         site.Config.KnownAs,
		"/incidents/":               inc.Title,
		"/" + inc.Path():            inc.Title,
		"/" + inc.Updates[0].Path(): inc.Updates[0].Title,
		"/no-such-page/":            site.Config.Contact.Phone,
	}
	for path, want := range pages {
		t.Run(path, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--disable-quic", "--user-data-dir="+t.TempDir(),
				"--enable-logging=stderr", "--v=0", "--dump-dom", base+path)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			dom, err := cmd.Output()
			if err != nil {
				t.Fatalf("chromium: %v\n%s", err, stderr.String())
			}
			if !strings.Contains(string(dom), want) {
				t.Errorf("the page as the browser built it lacks %q", want)
			}
			for _, line := range strings.Split(stderr.String(), "\n") {
				if strings.Contains(line, ":CONSOLE") {
					t.Errorf("the browser complained: %s", line)
				}
			}
		})
	}
}
