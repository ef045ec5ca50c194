package manifest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/corpus"
	"github.com/disclose-dev/disclose/internal/public"
)

const base = "https://updates.example-health.org/"

// smallSite is a published tree of two incidents and the site's own pages.
var smallSite = map[string]string{
	"index.html":                      "<h1>Cyber security incidents</h1>\n",
	"feed.xml":                        "<rss/>\n",
	"incidents/index.html":            "<ul><li>ransomware</li><li>website</li></ul>\n",
	"incidents/ransomware/index.html": "<p>We are investigating.</p>\n",
	"incidents/ransomware/feed.xml":   "<rss/>\n",
	"incidents/ransomware/2024-05-16-0900/index.html": "<p>First statement.</p>\n",
	"incidents/ransomware/2024-05-17-1000/index.html": "<p>Data posted online.</p>\n",
	"incidents/website/index.html":                    "<p>Our website was changed.</p>\n",
	"mi/incidents/website/index.html":                 "<p>I whakarerekētia tā mātou paetukutuku.</p>\n",
}

func smallRecord() Record {
	return Record{
		Updates:  exampleManifest().Updates,
		Sequence: 3,
		Newest:   "2024-05-18T00:00:00Z",
		Statements: []Statement{
			NewStatement("site contact", "config.toml", []Hashed{{Name: "phone", Value: "1800 000 000"}}),
			NewStatement("incident "+base+"incidents/website/", "content/incidents/website/_index.md", []Hashed{{Name: "body", Value: "Our website was changed.", Lines: true}}),
		},
	}
}

func TestWritePartsGolden(t *testing.T) {
	dir := writeTree(t, smallSite)
	if err := WriteKnown(dir, smallRecord(), base, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct{ file, golden string }{
		{Name, "root.golden.json"},
		{"incidents/ransomware/manifest.json", "part-ransomware.golden.json"},
		{"incidents/website/manifest.json", "part-website.golden.json"},
	} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(g.file)))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", g.golden)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test -update):\n%s", g.file, golden, got)
		}
	}
	m, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != len(smallSite) || len(m.Updates) != 2 || len(m.Statements) != 2 || m.Sequence != 3 || len(m.Parts) != 2 {
		t.Errorf("the whole record read back: %d files, %d updates, %d statements, sequence %d, %d parts", len(m.Files), len(m.Updates), len(m.Statements), m.Sequence, len(m.Parts))
	}
	if _, err := os.Stat(filepath.Join(dir, "mi/incidents/website/manifest.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a translation's folder got a part of its own: %v", err)
	}
}

// TestWriteRefusesAPublishedFileWhereAPartGoes: a file from static/ at an
// incident's part path would be replaced by the part, unlisted.
func TestWriteRefusesAPublishedFileWhereAPartGoes(t *testing.T) {
	for _, p := range []string{"incidents/x/manifest.json", "incidents/x/manifest.json.gz"} {
		dir := writeTree(t, map[string]string{"incidents/x/index.html": "x", p: "mine"})
		err := Write(dir, nil, base, nil)
		if err == nil || !strings.Contains(err.Error(), p+" is a published file, but incidents/x/manifest.json is where the manifest's part for incident x goes") {
			t.Errorf("%s: Write error %v", p, err)
		}
	}
}

// TestWriteAgainKeepsUnchangedParts writes into the same directory twice,
// an incident removed in between: its part goes, the other stays as it was.
func TestWriteAgainKeepsUnchangedParts(t *testing.T) {
	dir := writeTree(t, smallSite)
	if err := WriteKnown(dir, smallRecord(), base, nil, nil); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dir, "incidents", "ransomware", Name)
	before, _ := os.ReadFile(kept)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(kept, old, old)
	os.WriteFile(kept+".gz", []byte("stale copy"), 0o644)
	os.RemoveAll(filepath.Join(dir, "incidents", "website"))
	os.RemoveAll(filepath.Join(dir, "mi"))
	rec := smallRecord()
	rec.Statements = rec.Statements[:1]
	if err := WriteKnown(dir, rec, base, nil, nil); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(kept)
	fi, _ := os.Stat(kept)
	if !bytes.Equal(before, after) || !fi.ModTime().Equal(old) {
		t.Errorf("the unchanged part was written again")
	}
	if _, err := os.Stat(kept + ".gz"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a stale compressed copy of a part is left: %v", err)
	}
	m, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Parts) != 1 || m.Parts[0].Path != "incidents/ransomware/manifest.json" {
		t.Errorf("parts after the website incident went: %+v", m.Parts)
	}
}

// publishedTree is what a build of a corpus site publishes, near enough
// for the manifest: a page per update holding its source, a page and a
// feed per incident listing its updates, and the site's home page and
// feed listing every update. A new update changes its own page, its
// incident's page and feed, and the site-wide pages, as a build does.
func publishedTree(t *testing.T, site *corpus.Site, skip string) (map[string]string, Record) {
	t.Helper()
	files := map[string]string{"style.css": "body{}\n", "_headers": "/*\n"}
	var rec Record
	var all []string
	for _, inc := range site.Incidents {
		var list []string
		for _, u := range inc.Updates {
			if u.File == skip {
				continue
			}
			src, err := os.ReadFile(u.File)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(site.Dir, u.File)
			rel = filepath.ToSlash(rel)
			p := strings.TrimPrefix(u.Path, "/")
			files[p+"index.html"] = "<article>" + string(src) + "</article>\n"
			list = append(list, p)
			date, _ := time.Parse("2006-01-02-1504", path.Base(p))
			rec.Updates = append(rec.Updates, Update{ID: base + p, Published: date.Format(time.RFC3339), SourceSHA256: SourceHash("", "", string(src)), File: rel})
			rec.Statements = append(rec.Statements, NewStatement("update "+base+p, rel, []Hashed{{Name: "body", Value: src, Lines: true}}))
			if rec.Newest < date.Format(time.RFC3339) {
				rec.Newest = date.Format(time.RFC3339)
			}
		}
		files["incidents/"+inc.Slug+"/index.html"] = strings.Join(list, "\n")
		files["incidents/"+inc.Slug+"/feed.xml"] = "<rss>" + strings.Join(list, "") + "</rss>"
		all = append(all, list...)
	}
	files["index.html"] = strings.Join(all, "\n")
	files["feed.xml"] = "<rss>" + strings.Join(all, "") + "</rss>"
	return files, rec
}

// TestNewUpdateChangesOnePart builds a generated site of 4 incidents with
// 50 updates each, then the same site with one more update: the root and
// that update's incident's part change, every other part keeps its bytes,
// and the root is a small fraction of the single manifest of version 1.
func TestNewUpdateChangesOnePart(t *testing.T) {
	site, err := corpus.Generate(t.TempDir(), corpus.Options{Incidents: 4, Updates: 51, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	newest := site.Incidents[2].Updates[len(site.Incidents[2].Updates)-1]
	write := func(skip string) (string, *Manifest) {
		files, rec := publishedTree(t, site, skip)
		dir := writeTree(t, files)
		if err := WriteKnown(dir, rec, base, nil, nil); err != nil {
			t.Fatal(err)
		}
		m, err := Load(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		return dir, m
	}
	beforeDir, before := write(newest.File)
	afterDir, after := write("")
	if len(after.Updates) != len(before.Updates)+1 || len(after.Parts) != 4 {
		t.Fatalf("%d updates then %d, %d parts", len(before.Updates), len(after.Updates), len(after.Parts))
	}
	read := func(dir, p string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	slug := site.Incidents[2].Slug
	changed := changedManifests(t, beforeDir, afterDir)
	if want := []string{public.ManifestChunk(slug, 3), public.ManifestPart(slug), Name}; !slices.Equal(changed, want) {
		t.Errorf("one new update changed %q, want only %q", changed, want)
	}
	if _, err := os.Stat(filepath.Join(afterDir, filepath.FromSlash(public.ManifestChunk(slug, 4)))); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("51 updates in chunks of %d make a fourth chunk: %v", ChunkSize, err)
	}
	v1 := *after
	v1.Version, v1.Parts = 1, nil
	single := len(v1.Marshal())
	root := read(afterDir, Name)
	t.Logf("root %d bytes, the new update's incident part %d bytes and chunk %d bytes, the version 1 manifest %d bytes",
		len(root), len(read(afterDir, public.ManifestPart(slug))), len(read(afterDir, public.ManifestChunk(slug, 3))), single)
	if len(root)*20 > single {
		t.Errorf("the root is %d bytes, over 5%% of the %d of the single manifest", len(root), single)
	}
}

// changedManifests lists the root, parts and chunks that differ between
// two built trees, or are in one only, sorted.
func changedManifests(t *testing.T, a, b string) []string {
	t.Helper()
	all := func(dir string) map[string]string {
		out := map[string]string{}
		files, err := Scan(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if IsPart(f.Path) {
				out[f.Path] = f.SHA256
			}
		}
		root, _ := os.ReadFile(filepath.Join(dir, Name))
		out[Name] = string(root)
		return out
	}
	was, now := all(a), all(b)
	var changed []string
	for p, h := range now {
		if was[p] != h {
			changed = append(changed, p)
		}
	}
	for p := range was {
		if _, ok := now[p]; !ok {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	return changed
}

// TestChunksRefused: what a part's chunks could be made to say.
func TestChunksRefused(t *testing.T) {
	site, err := corpus.Generate(t.TempDir(), corpus.Options{Incidents: 1, Updates: 45, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	files, rec := publishedTree(t, site, "")
	slug := site.Incidents[0].Slug
	tests := []struct {
		name    string
		change  func(dir string)
		wantErr string
	}{
		{"whole", func(string) {}, ""},
		{"a chunk removed", func(dir string) { os.Remove(filepath.Join(dir, filepath.FromSlash(public.ManifestChunk(slug, 2)))) },
			"part " + public.ManifestChunk(slug, 2) + ": listed in the part of incident " + slug + ", but missing"},
		{"a chunk changed", func(dir string) {
			p := filepath.Join(dir, filepath.FromSlash(public.ManifestChunk(slug, 1)))
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 0x01
			os.WriteFile(p, b, 0o644)
		}, "but the part of incident " + slug + " lists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, files)
			if err := WriteKnown(dir, rec, base, nil, nil); err != nil {
				t.Fatal(err)
			}
			tt.change(dir)
			m, err := Load(context.Background(), dir)
			if tt.wantErr == "" {
				if err != nil || len(m.Updates) != 45 || len(m.Statements) != 45 || len(m.ManifestFiles()) != 4 {
					t.Fatalf("Load = %v; want the 45 updates and statements back from 3 chunks", err)
				}
				s, _ := OpenSite(dir)
				defer s.Close()
				if r, err := s.Check(context.Background(), m); err != nil || !r.OK() {
					t.Errorf("Check of the directory = %+v, %v; want every file, the chunks too, to match", r, err)
				}
				return
			}
			var pe *PartError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Load error %v, want a part error containing %q", err, tt.wantErr)
			}
		})
	}

	// A chunk that records what is not its own, or that is another chunk.
	root := &Manifest{Version: Version}
	chunk := func(c Part) []byte { return c.marshal() }
	u := Update{ID: base + "incidents/" + slug + "/2024-01-02-0300/", File: "content/incidents/" + slug + "/a.md"}
	for _, bad := range []struct {
		name    string
		chunk   []byte
		wantErr string
	}{
		{"an update outside its range", chunk(Part{Version: Version, Incident: slug, Chunk: 1, First: "2025-01-01-0000", Last: "2025-02-01-0000", Updates: []Update{u}}), "is not one of its updates"},
		{"a file", chunk(Part{Version: Version, Incident: slug, Chunk: 1, First: "2024-01-01-0000", Last: "2025-02-01-0000",
			Files: []File{{Path: "incidents/" + slug + "/index.html", Size: 1, SHA256: strings.Repeat("a", 64)}}}), "a chunk lists no files"},
		{"another chunk", chunk(Part{Version: Version, Incident: slug, Chunk: 2, First: "2024-01-01-0000", Last: "2025-02-01-0000"}), "is not the chunk of updates"},
		{"chunks of its own", chunk(Part{Version: Version, Incident: slug, Chunk: 1, First: "2024-01-01-0000", Last: "2025-02-01-0000",
			Chunks: []Chunk{{Path: public.ManifestChunk(slug, 1), Size: 1, SHA256: strings.Repeat("a", 64), First: "a", Last: "b"}}}), "a chunk does not list chunks"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			c, _ := hashReader(bytes.NewReader(bad.chunk))
			part := Part{Version: Version, Incident: slug, Chunks: []Chunk{{Path: public.ManifestChunk(slug, 1), Size: c.Size, SHA256: c.SHA256, First: "2024-01-01-0000", Last: "2025-02-01-0000"}}}
			if strings.Contains(bad.name, "outside") {
				part.Chunks[0].First, part.Chunks[0].Last = "2025-01-01-0000", "2025-02-01-0000"
			}
			pdata := part.marshal()
			pe, _ := hashReader(bytes.NewReader(pdata))
			pe.Path = public.ManifestPart(slug)
			root.Parts = []File{pe}
			dir := writeTree(t, map[string]string{public.ManifestPart(slug): string(pdata), public.ManifestChunk(slug, 1): string(bad.chunk)})
			s, _ := OpenSite(dir)
			defer s.Close()
			if _, err := s.ReadParts(context.Background(), root); err == nil || !strings.Contains(err.Error(), bad.wantErr) {
				t.Errorf("ReadParts error %v, want one containing %q", err, bad.wantErr)
			}
		})
	}
}

// TestReadPartsRefuses serves hostile and broken parts.
func TestReadPartsRefuses(t *testing.T) {
	entry := func(p string, data string) File {
		f, _ := hashReader(strings.NewReader(data))
		f.Path = p
		return f
	}
	goodPart := `{"version": 2, "incident": "x", "files": [], "updates": []}` + "\n"
	otherIncident := `{"version": 2, "incident": "x", "files": [{"path": "incidents/y/index.html", "size": 1, "sha256": "` + strings.Repeat("a", 64) + `"}], "updates": []}`
	otherSource := `{"version": 2, "incident": "x", "files": [], "updates": [{"id": "u", "published": "", "source_sha256": "", "file": "content/incidents/y/a.md"}]}`
	selfListed := `{"version": 2, "incident": "x", "files": [{"path": "incidents/x/manifest.json", "size": 1, "sha256": "` + strings.Repeat("a", 64) + `"}], "updates": []}`
	wrongSlug := `{"version": 2, "incident": "y", "files": [], "updates": []}`
	tests := []struct {
		name    string
		served  string // what incidents/x/manifest.json holds; "" for missing
		listed  File   // the root's entry
		wantErr string
	}{
		{"good", goodPart, entry("incidents/x/manifest.json", goodPart), ""},
		{"missing", "", entry("incidents/x/manifest.json", goodPart), "part incidents/x/manifest.json: listed in the signed manifest.json, but missing"},
		{"changed", strings.Replace(goodPart, "\n", " ", 1), entry("incidents/x/manifest.json", goodPart), "but the signed manifest.json lists"},
		{"larger than listed", goodPart + strings.Repeat(" ", 1<<20), entry("incidents/x/manifest.json", goodPart), fmt.Sprintf("larger than the %d bytes the signed manifest.json lists", len(goodPart))},
		{"lists another incident's file", otherIncident, entry("incidents/x/manifest.json", otherIncident), `file "incidents/y/index.html" is not a file of incident "x"`},
		{"lists another incident's update", otherSource, entry("incidents/x/manifest.json", otherSource), `update "u" comes from "content/incidents/y/a.md", not from incident "x"`},
		{"lists itself", selfListed, entry("incidents/x/manifest.json", selfListed), "a part does not list a part"},
		{"names another incident", wrongSlug, entry("incidents/x/manifest.json", wrongSlug), `it is the part of incident "y", not of "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"index.html": "x"}
			if tt.served != "" {
				files["incidents/x/manifest.json"] = tt.served
			}
			dir := writeTree(t, files)
			srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
			defer srv.Close()
			root := &Manifest{Version: Version, Parts: []File{tt.listed}}
			if _, err := Parse(root.Marshal()); err != nil {
				t.Fatal(err)
			}
			for _, from := range []string{dir, srv.URL} {
				s, err := OpenSite(from)
				if err != nil {
					t.Fatal(err)
				}
				_, err = s.ReadParts(context.Background(), root)
				s.Close()
				var pe *PartError
				if tt.wantErr == "" {
					if err != nil {
						t.Errorf("%s: %v", from, err)
					}
					continue
				}
				if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("%s: ReadParts error %v, want a part error containing %q", from, err, tt.wantErr)
				}
			}
		})
	}
}

// TestParseRefusesParts: what a hostile root could say of its parts.
func TestParseRefusesParts(t *testing.T) {
	h := strings.Repeat("c", 64)
	root := func(parts, files string) string {
		return fmt.Sprintf(`{"version": 2, "site": "%s", "files": [%s], "updates": [], "parts": [%s]}`, base, files, parts)
	}
	part := func(p string) string { return fmt.Sprintf(`{"path": %q, "size": 10, "sha256": "%s"}`, p, h) }
	tests := []struct {
		name, text, wantErr string
	}{
		{"listed twice", root(part("incidents/x/manifest.json")+","+part("incidents/x/manifest.json"), ""), `part "incidents/x/manifest.json" is listed twice`},
		{"escapes the site", root(part("incidents/../../etc/manifest.json"), ""), "not the path of an incident's part"},
		{"absolute", root(part("/incidents/x/manifest.json"), ""), "not the path of an incident's part"},
		{"another host", root(part("//evil.example/incidents/x/manifest.json"), ""), "not the path of an incident's part"},
		{"an address", root(part("https://evil.example/incidents/x/manifest.json"), ""), "not the path of an incident's part"},
		{"not a part's name", root(part("incidents/x/index.html"), ""), "not the path of an incident's part"},
		{"nested", root(part("incidents/x/y/manifest.json"), ""), "not the path of an incident's part"},
		{"too large together", root(strings.Replace(part("incidents/x/manifest.json"), "10", fmt.Sprint(MaxManifestSize), 1)+","+part("incidents/y/manifest.json"), ""), "larger than"},
		{"malformed hash", root(strings.Replace(part("incidents/x/manifest.json"), h, "cc", 1), ""), "malformed"},
		{"root lists a file of a part's incident", root(part("incidents/x/manifest.json"), fmt.Sprintf(`{"path": "incidents/x/index.html", "size": 1, "sha256": "%s"}`, h)), `belongs in the part of incident "x"`},
		{"root lists a part as a file", root(part("incidents/x/manifest.json"), fmt.Sprintf(`{"path": "incidents/x/manifest.json", "size": 1, "sha256": "%s"}`, h)), `belongs in the part of incident "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse([]byte(tt.text)); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
	if _, err := Parse([]byte(root(part("incidents/x/manifest.json")+","+part("incidents/y/manifest.json"), ""))); err != nil {
		t.Errorf("a good root is refused: %v", err)
	}
}

// TestLoadVersion1 reads a manifest published before parts, as a site
// and as the previous manifest a build reads.
func TestLoadVersion1(t *testing.T) {
	v1 := exampleManifest()
	v1.Files = []File{{Path: "index.html", Size: 1, SHA256: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"}}
	dir := writeTree(t, map[string]string{"index.html": "x", Name: string(v1.Marshal())})
	m, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != 1 || len(m.Updates) != 2 || len(m.Parts) != 0 {
		t.Errorf("Load of version 1 = %+v", m)
	}
	s, _ := OpenSite(dir)
	defer s.Close()
	r, err := s.Check(context.Background(), m)
	if err != nil || !r.OK() || r.Checked != 1 {
		t.Errorf("Check of a version 1 site = %+v, %v", r, err)
	}
}

func TestIncidentOf(t *testing.T) {
	for p, want := range map[string]string{
		"incidents/x/index.html":    "x",
		"incidents/x/2024/a.html":   "x",
		"mi/incidents/x/index.html": "x",
		"incidents/index.html":      "",
		"index.html":                "",
		"static/incidents/x":        "",
		"incidents/x":               "",
	} {
		if got := IncidentOf(p); got != want {
			t.Errorf("IncidentOf(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestChunksOfOnePageAndOfAShrunkIncident: one page's check reads its
// incident's part but none of its chunks; a second build into the same
// directory with fewer updates takes the chunks it no longer has away.
func TestChunksOfOnePageAndOfAShrunkIncident(t *testing.T) {
	site, err := corpus.Generate(t.TempDir(), corpus.Options{Incidents: 1, Updates: 45, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	files, rec := publishedTree(t, site, "")
	dir := writeTree(t, files)
	if err := WriteKnown(dir, rec, base, nil, nil); err != nil {
		t.Fatal(err)
	}
	var fetched []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched = append(fetched, r.URL.Path)
		http.ServeFile(w, r, filepath.Join(dir, filepath.FromSlash(r.URL.Path)))
	}))
	defer srv.Close()
	s, _ := OpenSite(srv.URL)
	root, err := LoadRoot(context.Background(), filepath.Join(dir, Name))
	if err != nil {
		t.Fatal(err)
	}
	slug := site.Incidents[0].Slug
	part, ok := root.PartOf(strings.TrimPrefix(site.Incidents[0].Updates[3].Path, "/"))
	if !ok || part.Path != public.ManifestPart(slug) {
		t.Fatalf("PartOf an update's page = %+v, %v", part, ok)
	}
	m, err := s.ReadParts(context.Background(), root, part)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/" + public.ManifestPart(slug)}; !slices.Equal(fetched, want) {
		t.Errorf("reading one page's part fetched %q, want %q", fetched, want)
	}
	if !slices.ContainsFunc(m.Files, func(f File) bool {
		return f.Path == strings.TrimPrefix(site.Incidents[0].Updates[3].Path, "/")+"index.html"
	}) {
		t.Error("the part read for a page does not list the page")
	}

	rec.Updates, rec.Statements = rec.Updates[:10], rec.Statements[:10]
	if err := WriteKnown(dir, rec, base, nil, nil); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 3; n++ {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(public.ManifestChunk(slug, n)))); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("chunk %d of 10 updates is left: %v", n, err)
		}
	}
	if m, err := Load(context.Background(), dir); err != nil || len(m.Updates) != 10 {
		t.Errorf("Load after the incident shrank: %v", err)
	}
}

// TestChunksTooLargeTogether: parts that each list a large chunk are
// refused before any chunk is read, whatever each says alone.
func TestChunksTooLargeTogether(t *testing.T) {
	files := map[string]string{}
	root := &Manifest{Version: Version}
	for _, slug := range []string{"x", "y"} {
		part := Part{Version: Version, Incident: slug, Chunks: []Chunk{{Path: public.ManifestChunk(slug, 1), Size: 40 << 20, SHA256: strings.Repeat("a", 64), First: "2024-01-01-0000", Last: "2024-02-01-0000"}}}
		data := part.marshal()
		f, _ := hashReader(bytes.NewReader(data))
		f.Path = public.ManifestPart(slug)
		root.Parts = append(root.Parts, f)
		files[f.Path] = string(data)
	}
	s, _ := OpenSite(writeTree(t, files))
	defer s.Close()
	if _, err := s.ReadParts(context.Background(), root); err == nil || !strings.Contains(err.Error(), "the parts and their chunks are larger than") {
		t.Errorf("ReadParts error %v", err)
	}
}
