package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/sign"
)

// site1000 writes the benchmark's site: 4 incidents of 250 updates.
func site1000(tb testing.TB) (string, *corpus.Site) {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "site")
	site, err := corpus.Generate(dir, corpus.Options{Incidents: 4, Updates: 250, Seed: 1, ThemeDir: repoRoot()})
	if err != nil {
		tb.Fatal(err)
	}
	return dir, site
}

func key(tb testing.TB) *sign.SecretKey {
	tb.Helper()
	k, _, err := sign.GenerateKey(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return k
}

// BenchmarkBuild1000 times the whole pipeline, signed, from an empty
// output directory each time, on a 1,000-update site.
func BenchmarkBuild1000(b *testing.B) {
	dir, _ := site1000(b)
	k := key(b)
	cache := filepath.Join(b.TempDir(), "cache")
	outs := b.TempDir()
	steps := map[string]time.Duration{}
	b.ResetTimer()
	for i := range b.N {
		out := filepath.Join(outs, fmt.Sprint("out-", i))
		res, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: out, Key: k, Strict: true, CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range res.Steps {
			steps[s.Name] += s.Duration
		}
		b.StopTimer()
		os.RemoveAll(out)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/update")
	for name, d := range steps {
		b.ReportMetric(float64(d.Milliseconds())/float64(b.N), name+"-ms/op")
	}
}

func TestGenerated1000PassesStrictCheckAndBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-update site")
	}
	dir, gen := site1000(t)
	if gen.Updates() != 1000 {
		t.Fatalf("generated %d updates, want 1000", gen.Updates())
	}

	// disclose check --strict: no error and no warning.
	site, diags := check.CheckSite(dir, time.Now())
	if len(diags) > 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Fatalf("disclose check --strict would fail on the generated site: %d problem(s):\n%s", len(diags), b.String())
	}
	if n := len(site.AllPublished()); n != 1000 {
		t.Fatalf("the checker loaded %d published updates, want 1000", n)
	}

	out := filepath.Join(t.TempDir(), "public")
	k := key(t)
	res, err := build.Build(context.Background(), build.Options{SiteDir: dir, OutDir: out, Key: k, Strict: true, CacheDir: filepath.Join(t.TempDir(), "cache")})
	if err != nil {
		if res != nil {
			var b strings.Builder
			res.Diags.Print(&b)
			t.Log(b.String())
		}
		t.Fatal(err)
	}

	read := func(rel string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatalf("the build did not publish %s: %v", rel, err)
		}
		return string(data)
	}
	// Every published update has its page, showing its title.
	for _, inc := range gen.Incidents {
		for _, u := range inc.Updates {
			page := read(strings.TrimPrefix(u.Path, "/") + "index.html")
			src, err := os.ReadFile(u.File)
			if err != nil {
				t.Fatal(err)
			}
			title := frontTitle(string(src))
			// A withdrawn update says so before its title.
			if !strings.Contains(page, "<h1>"+htmlEscape(title)+"</h1>") && !strings.Contains(page, "<h1>Withdrawn: "+htmlEscape(title)+"</h1>") {
				t.Errorf("%s does not show its title %q", u.Path, title)
				break
			}
		}
	}
	// The draft is not published.
	draft, err := os.ReadFile(gen.Incidents[0].Draft)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "incidents", gen.Incidents[0].Slug, dateDir(string(draft)))); err == nil {
		t.Errorf("the draft %s was published", gen.Incidents[0].Draft)
	}
	// The home page names the organisation; an incident's older updates are
	// on pages of their own, counted from its first update.
	if home := read("index.html"); !strings.Contains(home, "Tallow Creek Water Pty Ltd") {
		t.Errorf("the home page does not name the organisation")
	}
	first := gen.Incidents[0].Slug
	if p := read("incidents/" + first + "/updates/1-20/index.html"); !strings.Contains(p, "/incidents/"+first+"/") {
		t.Errorf("the page of the first 20 updates does not link back to its incident")
	}
	// The feed carries updates, and the manifest lists every update and is signed.
	last := gen.Incidents[len(gen.Incidents)-1]
	newest := last.Updates[len(last.Updates)-1].Path
	if feed := read("feed.json"); !strings.Contains(feed, newest) {
		t.Errorf("feed.json does not carry the newest update, %s", newest)
	}
	// The manifest is a root and a part per incident (package manifest).
	m, err := manifest.Load(context.Background(), out)
	if err != nil {
		t.Fatalf("the manifest: %v", err)
	}
	if len(m.Updates) != 1000 {
		t.Errorf("the manifest and its parts list %d updates, want 1000", len(m.Updates))
	}
	if _, err := sign.Verify(k.Public(), []byte(read("manifest.json")), []byte(read("manifest.json.minisig"))); err != nil {
		t.Errorf("manifest.json.minisig does not verify with the build's key: %v", err)
	}
}

// frontTitle is the title: line of a generated file.
func frontTitle(src string) string {
	for _, line := range strings.Split(src, "\n") {
		if v, ok := strings.CutPrefix(line, "title: "); ok {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}

// dateDir is the address directory of a generated file's date: line.
func dateDir(src string) string {
	for _, line := range strings.Split(src, "\n") {
		if v, ok := strings.CutPrefix(line, "date: "); ok {
			t, err := time.Parse(time.RFC3339, v)
			if err == nil {
				return t.Format("2006-01-02-1504")
			}
		}
	}
	return "no-date"
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// repoRoot is the repository's top directory, which holds the templates.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
