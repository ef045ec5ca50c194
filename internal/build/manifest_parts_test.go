package build_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestManifestPartsOfANewUpdate builds a generated site of 4 incidents,
// then the same site with one more update in one of them: the manifest's
// root, that incident's part (its pages all show the latest update) and
// its last chunk change, every other part and chunk keeps its bytes,
// and the root is a small fraction of the single manifest of version 1.
func TestManifestPartsOfANewUpdate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	gen, err := corpus.Generate(dir, corpus.Options{Incidents: 4, Updates: 50, Seed: 11, ThemeDir: sitetest.RepoRoot()})
	if err != nil {
		t.Fatal(err)
	}
	inc := gen.Incidents[1]
	newest := inc.Updates[len(inc.Updates)-1].File
	aside := filepath.Join(t.TempDir(), "newest.md")
	if err := os.Rename(newest, aside); err != nil {
		t.Fatal(err)
	}
	before := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, dir, before); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	if err := os.Rename(aside, newest); err != nil {
		t.Fatal(err)
	}
	after := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, dir, after); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	m, err := manifest.Load(context.Background(), after)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Parts) != 4 {
		t.Fatalf("%d parts, want one per incident: %+v", len(m.Parts), m.Parts)
	}
	var changed []string
	for _, dir := range []string{before, after} {
		files, err := manifest.Scan(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if manifest.IsPart(f.Path) && !slices.Contains(changed, f.Path) && read(t, filepath.Join(before, f.Path)) != read(t, filepath.Join(after, f.Path)) {
				changed = append(changed, f.Path)
			}
		}
	}
	slices.Sort(changed)
	if want := []string{public.ManifestChunk(inc.Slug, 3), public.ManifestPart(inc.Slug)}; !slices.Equal(changed, want) {
		t.Errorf("one new update changed the parts and chunks %q, want only %q", changed, want)
	}
	root := read(t, filepath.Join(after, manifest.Name))
	if root == read(t, filepath.Join(before, manifest.Name)) {
		t.Error("the root did not change")
	}
	// The output, chunks and all, is a build's own: a build may replace it.
	if res, err := buildSite(t, dir, after); err != nil {
		t.Fatalf("building again into %s: %v\n%s", after, err, res.Diags.Error())
	}
	v1 := *m
	v1.Version, v1.Parts = 1, nil
	single := len(v1.Marshal())
	t.Logf("root %d bytes, the new update's incident part %d bytes and chunk %d bytes, the version 1 manifest %d bytes", len(root),
		len(read(t, filepath.Join(after, public.ManifestPart(inc.Slug)))), len(read(t, filepath.Join(after, public.ManifestChunk(inc.Slug, 3)))), single)
	if len(root)*20 > single {
		t.Errorf("the root is %d bytes, over 5%% of the %d of the single manifest", len(root), single)
	}
}
