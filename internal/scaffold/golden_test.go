package scaffold

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGolden keeps the exact text a writer is given under testdata/, so a
// change to the prompts is reviewed as the writer will read it.
func TestGolden(t *testing.T) {
	melbourne, err := time.LoadLocation("Australia/Melbourne")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 7, 10, 12, 30, 0, 0, melbourne)
	t.Run("update", func(t *testing.T) {
		golden(t, "update.md", UpdateText(`Data posted online: "what we know"`, at, content.Identified))
	})
	for _, j := range []string{"au", "gdpr", "nz", "hipaa", "us-ca"} {
		t.Run("incident "+j, func(t *testing.T) {
			cfgText := strings.Replace(sitetest.Config, `jurisdictions = ["au"]`, `jurisdictions = ["`+j+`"]`, 1)
			dir := sitetest.Write(t, "-- config.toml --\n"+cfgText)
			cfg, diags := content.LoadConfig(dir)
			if cfg == nil || diags.Errors() > 0 {
				t.Fatalf("config: %v", diags)
			}
			golden(t, "incident-"+j+".md", IncidentText("Cyber security incident", at, cfg))
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the text written; if the change is meant, run go test -update\ngot:\n%s", p, got)
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Data posted online: what we know", "Ngā mihi", "数据泄露", "We’re sorry", "a--b", "  ", "Ǆ ǅ ǆ ﬁ ①"} {
		f.Add(s)
	}
	words := regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)
	f.Fuzz(func(t *testing.T, title string) {
		s := Slugify(title, MaxWords)
		if !words.MatchString(s) {
			t.Fatalf("Slugify(%q) = %q, not lower case words joined by hyphens", title, s)
		}
		if s != "" && !ValidSlug(s) {
			t.Fatalf("Slugify(%q) = %q, which is not a valid slug", title, s)
		}
		if n := len(strings.Split(s, "-")); s != "" && n > MaxWords {
			t.Fatalf("Slugify(%q) = %q, %d words", title, s, n)
		}
	})
}
