package build_test

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestEveryLanguageInABrowser opens the pages of the languages other than
// the default in Debian's Chromium: the example site's te reo Māori pages
// (translated and not) and the Arabic, right-to-left, pages of the
// three-language site. axe-core finds nothing on them, in light and dark
// at every width, and none scrolls sideways at 320 px: a stylesheet with
// left-only rules, or a skip link parked 999 px to the left, pushes a
// right-to-left page out of view.
func TestEveryLanguageInABrowser(t *testing.T) {
	axe := axeScript(t)
	exampleOut, _ := example(t)
	three := sitetest.Write(t, threeLanguages+arabicWords(t))
	threeOut := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, three, threeOut); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	ctx, p := openBrowser(t, 10*time.Minute)
	for _, s := range []struct {
		name, out string
		pages     []string
	}{
		{"example, te reo Māori", exampleOut, []string{
			"/mi/",
			"/mi/incidents/",
			"/mi/incidents/email-account-2023/", // translated
			"/mi/incidents/email-account-2023/2023-04-05-1000/", // translated
			"/mi/incidents/email-account-2023/2023-03-16-1500/", // not yet
			"/mi/incidents/prescription-data-2024/",             // not yet
			"/mi/404.html",
		}},
		{"three languages, Arabic", threeOut, []string{
			"/ar/",
			"/ar/incidents/x/",
			"/ar/incidents/x/2024-05-20-0900/", // translated
			"/ar/incidents/x/2024-05-16-0900/", // not yet
		}},
	} {
		srv := httptest.NewServer(http.FileServer(http.Dir(s.out)))
		t.Run(s.name, func(t *testing.T) {
			for _, path := range s.pages {
				if !exists(filepath.Join(s.out, filepath.FromSlash(path), "index.html")) && !exists(filepath.Join(s.out, filepath.FromSlash(path))) {
					t.Errorf("%s was not built", path)
					continue
				}
				t.Run(path, func(t *testing.T) {
					checkOverflow(ctx, t, p, srv.URL+path)
					checkAxe(ctx, t, p, srv.URL+path, axe)
				})
			}
		})
		srv.Close()
	}
}
