package corpus_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/corpus"
)

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsAFunctionOfTheSeed(t *testing.T) {
	opts := corpus.Options{Incidents: 3, Updates: 12, Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	if _, err := corpus.Generate(a, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Generate(b, opts); err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("same seed wrote %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("same seed wrote two versions of %s", name)
		}
	}

	opts.Seed = 8
	c := t.TempDir()
	if _, err := corpus.Generate(c, opts); err != nil {
		t.Fatal(err)
	}
	same := 0
	tc := readTree(t, c)
	for name, data := range tc {
		if bytes.Equal(data, ta[name]) {
			same++
		}
	}
	if same > 1 { // config.toml is the same for every seed
		t.Errorf("seeds 7 and 8 wrote %d identical files of %d", same, len(tc))
	}
}

func TestGeneratedSitesPassStrictCheck(t *testing.T) {
	for _, tc := range []struct {
		name               string
		incidents, updates int
	}{
		{"one update", 1, 1},
		{"one incident", 1, 40},
		{"several incidents", 6, 15},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			gen, err := corpus.Generate(dir, corpus.Options{Incidents: tc.incidents, Updates: tc.updates, Seed: 3, ThemeDir: repoRoot()})
			if err != nil {
				t.Fatal(err)
			}
			site, diags := check.CheckSite(dir, time.Now())
			if len(diags) > 0 {
				var b strings.Builder
				diags.Print(&b)
				t.Fatalf("check found %d problem(s) in a generated site:\n%s", len(diags), b.String())
			}
			if got := len(site.Incidents); got != tc.incidents {
				t.Errorf("loaded %d incidents, want %d", got, tc.incidents)
			}
			var published int
			for _, inc := range site.Incidents {
				published += len(inc.Published())
			}
			if published != tc.incidents*tc.updates || gen.Updates() != published {
				t.Errorf("loaded %d published updates, generator says %d, want %d", published, gen.Updates(), tc.incidents*tc.updates)
			}
			for _, d := range []string{"layouts", "static"} {
				if _, err := os.Stat(filepath.Join(dir, d)); err != nil {
					t.Errorf("the theme was not copied: %v", err)
				}
			}
		})
	}
}

// TestGeneratedSitesUseTheContentModel checks that the fields and Markdown
// the benchmark means to exercise are really in the site.
func TestGeneratedSitesUseTheContentModel(t *testing.T) {
	dir := t.TempDir()
	gen, err := corpus.Generate(dir, corpus.Options{Incidents: 3, Updates: 60, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	site, diags := content.Load(dir)
	if diags.Errors() > 0 {
		t.Fatalf("load: %v", diags)
	}
	var revised, withdrawn, summaries, drafts, tables, lists, crossLinks int
	for _, inc := range site.Incidents {
		if inc.Affected == nil || inc.DataWindow == nil || inc.Occurred == nil || inc.Notice == nil ||
			len(inc.Notified) == 0 || len(inc.OfficialAdvice) == 0 || len(inc.DataInvolved) == 0 || len(inc.DataNotInvolved) == 0 {
			t.Errorf("%s leaves out an incident field: %+v", inc.File, inc)
		}
		for _, u := range inc.Updates {
			body := string(u.Body.Source)
			if u.Draft {
				drafts++
				continue
			}
			if len(u.Revisions) > 0 {
				revised++
			}
			if u.Withdrawn != nil {
				withdrawn++
			}
			if u.Summary != "" {
				summaries++
			}
			if strings.Contains(body, "\n|---|") {
				tables++
			}
			if strings.Contains(body, "\n- ") {
				lists++
			}
			for _, other := range site.Incidents {
				if other != inc && strings.Contains(body, "("+"/"+other.Path()) {
					crossLinks++
				}
			}
		}
	}
	for what, n := range map[string]int{"revised": revised, "withdrawn": withdrawn, "summarised": summaries,
		"draft": drafts, "with a table": tables, "with a list": lists, "linking to another incident": crossLinks} {
		if n == 0 {
			t.Errorf("no update is %s", what)
		}
	}
	if drafts != 1 || gen.Incidents[0].Draft == "" {
		t.Errorf("%d drafts; want exactly one, in the first incident", drafts)
	}
	if lists != 180 {
		t.Errorf("%d of 180 updates have a list", lists)
	}
}

// repoRoot is the repository's top directory, which holds the templates.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
