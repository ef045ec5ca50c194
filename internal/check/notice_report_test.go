package check_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestLawReportGolden compares the law report of testdata/check/notice,
// as text and as Markdown, with its golden files (-update rewrites them).
func TestLawReportGolden(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "check")
	site, _ := content.Load(filepath.Join(root, "notice"))
	r := check.Law(site)
	for _, f := range []struct {
		name  string
		write func(*check.LawReport, *bytes.Buffer) error
	}{
		{"law.golden", func(r *check.LawReport, b *bytes.Buffer) error { return r.WriteText(b) }},
		{"law.md.golden", func(r *check.LawReport, b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
	} {
		t.Run(f.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := f.write(r, &got); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(root, f.name)
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/check -run TestLawReport -update to write it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("the law report differs from %s (run with -update if the change is right):\n%s", golden, got.String())
			}
		})
	}
}

// TestLawReportAgreesWithCheck holds the report to what check says: a row
// is missing exactly when check warns about it, for every case of the
// notice table's full statement and one statement with gaps.
func TestLawReportAgreesWithCheck(t *testing.T) {
	for _, set := range noticeSets {
		t.Run(set, func(t *testing.T) {
			for _, site := range []string{
				noticeSite(set, nil, nil, nil),
				noticeSite(set, nil, join(noHappened, noCanDo, noOccurred), nil),
			} {
				s, diags := check.CheckSite(sitetest.Write(t, site), now)
				warned := map[string]bool{}
				for _, d := range diags {
					if d.Field == "notice" {
						warned[d.Message] = true
					}
				}
				missing := 0
				for _, row := range check.Law(s).Incidents[0].Rows {
					switch row.Status {
					case check.LawMissing, check.LawForbidden:
						missing++
						found := false
						for m := range warned {
							if strings.HasPrefix(m, row.Law+" ") {
								found = true
							}
						}
						if !found {
							t.Errorf("the report says %s (%s) is %s, but check does not warn", row.Law, row.Needs, row.Status)
						}
					}
				}
				if missing != len(warned) {
					t.Errorf("the report has %d rows missing, check warns %d times:\n%v", missing, len(warned), warned)
				}
			}
		})
	}
}

// TestLawReportNoRuleSets says so rather than printing an empty table.
func TestLawReportNoRuleSets(t *testing.T) {
	s, _ := check.CheckSite(sitetest.Write(t, strings.Replace(noticeSite("au", nil, nil, nil), `jurisdictions = ["au"]`, `jurisdictions = []`, 1)), now)
	var b bytes.Buffer
	if err := check.Law(s).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "params.jurisdictions in config.toml names no rule set") {
		t.Errorf("got %q", b.String())
	}
}

// TestExampleSiteMeetsItsLaw: the example site gives its notice mode, and
// the law report finds nothing missing under its rule set.
func TestExampleSiteMeetsItsLaw(t *testing.T) {
	site, _ := content.Load(sitetest.RepoRoot())
	r := check.Law(site)
	if strings.Join(r.Sets, ",") != "au" {
		t.Fatalf("the example site applies %v; want au", r.Sets)
	}
	for _, inc := range r.Incidents {
		if inc.Mode != "direct" || inc.Posted == "" {
			t.Errorf("%s: notice.mode %q, notice.posted %q; the example gives both", inc.File, inc.Mode, inc.Posted)
		}
		for _, row := range inc.Rows {
			if row.Status == check.LawMissing || row.Status == check.LawForbidden {
				t.Errorf("%s: %s %s is %s", inc.File, row.Law, row.Needs, row.Status)
			}
		}
	}
}
