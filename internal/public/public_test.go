package public_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

func TestAddresses(t *testing.T) {
	zone := time.FixedZone("AEST", 10*3600)
	u := public.Update("prescription-data-2024", time.Date(2024, 5, 16, 9, 5, 0, 0, zone))
	for _, tc := range []struct{ got, want string }{
		{public.Incident("x"), "incidents/x/"},
		{u, "incidents/prescription-data-2024/2024-05-16-0905/"},
		{public.EarlierVersion(u, 2), "incidents/prescription-data-2024/2024-05-16-0905/v2/"},
		{public.IncidentFeed("x", public.Atom), "incidents/x/atom.xml"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for name, want := range map[string]bool{"index.html.gz": true, "feed.xml.br": true, "feed.xml": false, "x.brief": false} {
		if got := public.IsCompressedCopy(name); got != want {
			t.Errorf("IsCompressedCopy(%q) = %v", name, got)
		}
	}
}

// TestOneOwner fails when code or a template outside this package spells
// one of the published site's file names: a name spelt twice can be
// changed once, and then a feed, the manifest or the key is published at
// an address that the pages, the preview, the deploy or verify do not
// know. Tests, documentation and the benchmark's generated sites may
// spell them (they check what a reader sees at those addresses).
func TestOneOwner(t *testing.T) {
	root := sitetest.RepoRoot()
	names := []string{public.RSS, public.Atom, public.JSONFeed, public.Manifest, public.PublicKey, public.SecurityTxt, public.Sitemap}
	var quoted []string
	for _, n := range names {
		quoted = append(quoted, regexp.QuoteMeta(n))
	}
	spelt := regexp.MustCompile(`["'/ ](` + strings.Join(quoted, "|") + `)\b`)
	// Comments name files to explain them; only code and templates count.
	comment := regexp.MustCompile(`^\s*(//|\{\{-? */\*)`)
	for _, dir := range []string{"internal", "cmd/disclose", "layouts"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if rel == "internal/public" || d.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(p, "_test.go") || !(strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".txt")) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(b), "\n") {
				if comment.MatchString(line) {
					continue
				}
				if i := strings.Index(line, " // "); i >= 0 {
					line = line[:i] // a comment after the code
				}
				if m := spelt.FindStringSubmatch(line); m != nil {
					t.Errorf("%s:%d spells %q: use package public's name for it", rel, i+1, m[1])
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
