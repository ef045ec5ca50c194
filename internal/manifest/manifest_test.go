package manifest

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// writeTree writes files (slash path → contents) under a new directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	return sitetest.WriteFiles(t, t.TempDir(), files)
}

var site = map[string]string{
	"index.html":                              "<h1>Cyber security incident</h1>\n",
	"a.txt":                                   "",
	"a/b.html":                                "b",
	"incidents/ransomware/index.html":         "<p>We are investigating.</p>\n",
	"incidents/ransomware/manifest.json":      "not the top manifest, so listed",
	".well-known/disclose.pub":                "key",
	"manifest.json":                           "{}",
	"manifest.json.minisig":                   "sig",
	"incidents/ransomware/2024-05-16-0900/ok": "x",
}

func TestScan(t *testing.T) {
	got, err := Scan(writeTree(t, site))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range got {
		paths = append(paths, f.Path)
	}
	want := []string{
		".well-known/disclose.pub",
		"a.txt", // before "a/b.html": sorted as strings, not in walk order
		"a/b.html",
		"incidents/ransomware/2024-05-16-0900/ok",
		"incidents/ransomware/index.html",
		"incidents/ransomware/manifest.json",
		"index.html",
	}
	if !slices.Equal(paths, want) {
		t.Fatalf("Scan paths:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
	empty := got[1]
	if empty.Size != 0 || empty.SHA256 != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("empty file: %+v, want size 0 and the SHA-256 of nothing", empty)
	}
	if b := got[2]; b.Size != 1 || b.SHA256 != "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d" {
		t.Errorf("a/b.html: %+v, want size 1 and the SHA-256 of \"b\"", b)
	}
}

func TestScanRefusesSymlinks(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "x"})
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "leak.html")); err != nil {
		t.Skip(err)
	}
	if _, err := Scan(dir); err == nil || !strings.Contains(err.Error(), "leak.html is not a regular file") {
		t.Errorf("Scan with a symlink: error %v", err)
	}
}

// exampleManifest is a version 1 manifest, everything in one file, as
// sites published before parts have it.
func exampleManifest() *Manifest {
	return &Manifest{
		Version: 1,
		Site:    "https://updates.example-health.org/",
		Files: []File{
			{Path: "index.html", Size: 10, SHA256: strings.Repeat("b", 64)},
			{Path: "a&b/index.html", Size: 0, SHA256: strings.Repeat("a", 64)},
		},
		Updates: []Update{
			{ID: "https://updates.example-health.org/incidents/ransomware/2024-05-17-1000/", Published: "2024-05-17T10:00:00+10:00",
				SourceSHA256: SourceHash("Data posted online", "", "We have learnt..."), File: "content/incidents/ransomware/2024-05-17-data.md",
				Updated: "2024-05-18T09:00:00+10:00"},
			{ID: "https://updates.example-health.org/incidents/ransomware/2024-05-16-0900/", Published: "2024-05-16T09:00:00+10:00",
				SourceSHA256: SourceHash("First statement", "", "We are investigating."), File: "content/incidents/ransomware/2024-05-16-first.md",
				Withdrawn: true},
		},
	}
}

func TestMarshalGolden(t *testing.T) {
	got := exampleManifest().Marshal()
	golden := filepath.Join("testdata", "manifest.golden.json")
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
		t.Errorf("Marshal differs from %s (run go test -update):\n%s", golden, got)
	}
	m, err := Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if again := m.Marshal(); !bytes.Equal(again, got) {
		t.Errorf("Parse then Marshal changed the bytes:\n%s", again)
	}
	if m.Updates[0].ID > m.Updates[1].ID || m.Files[0].Path > m.Files[1].Path {
		t.Errorf("Marshal did not sort: %+v", m)
	}
}

func TestParseRejects(t *testing.T) {
	good := string(exampleManifest().Marshal())
	tests := []struct {
		name, text, wantErr string
	}{
		{"not json", "<html>", "not a manifest"},
		{"trailing data", good + "{}", "not a manifest"},
		{"future version", strings.Replace(good, `"version": 1`, `"version": 3`, 1), "version 3 is not one"},
		{"parts in version 1", strings.Replace(good, `"updates"`, `"parts": [{"path": "incidents/x/manifest.json", "size": 1, "sha256": "`+strings.Repeat("c", 64)+`"}], "updates"`, 1), "version 1 manifest has no parts"},
		{"path leaves the site", strings.Replace(good, `"index.html"`, `"../../etc/passwd"`, 1), "not a clean path inside the site"},
		{"absolute path", strings.Replace(good, `"index.html"`, `"/etc/passwd"`, 1), "not a relative path"},
		{"unclean path", strings.Replace(good, `"index.html"`, `"x/./index.html"`, 1), "not a clean path"},
		{"lists itself", strings.Replace(good, `"index.html"`, `"manifest.json"`, 1), "does not list itself"},
		{"listed twice", strings.Replace(good, `"index.html"`, `"a&b/index.html"`, 1), "listed twice"},
		{"short hash", strings.Replace(good, strings.Repeat("b", 64), "bbbb", 1), "malformed"},
		{"update twice", strings.ReplaceAll(good, "2024-05-16-0900", "2024-05-17-1000"), "listed twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Parse error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	f := func(p, h string) File {
		return File{Path: p, Size: int64(len(h)), SHA256: strings.Repeat(h, 64/len(h))}
	}
	want := []File{f("a", "1"), f("b", "2"), f("c", "3"), f("d", "4")}
	got := []File{f("a", "1"), f("b", "9"), f("d", "4"), f("e", "5"), f("0", "6")}
	added, changed, removed := Compare(want, got)
	if !slices.Equal(added, []string{"0", "e"}) || !slices.Equal(changed, []string{"b"}) || !slices.Equal(removed, []string{"c"}) {
		t.Errorf("Compare = added %v, changed %v, removed %v", added, changed, removed)
	}
	sameHashOtherSize := []File{{Path: "a", Size: 2, SHA256: want[0].SHA256}, want[1], want[2], want[3]}
	if _, changed, _ := Compare(want, sameHashOtherSize); !slices.Equal(changed, []string{"a"}) {
		t.Errorf("a size change is not a change: %v", changed)
	}
	if a, c, r := Compare(want, want); a != nil || c != nil || r != nil {
		t.Errorf("Compare of equal lists = %v %v %v", a, c, r)
	}
}

func TestSourceHash(t *testing.T) {
	base := SourceHash("First statement", "", "We are investigating.\n\nMore soon.")
	tests := []struct {
		name                 string
		title, summary, body string
		same                 bool
	}{
		{"CRLF line endings", "First statement", "", "We are investigating.\r\n\r\nMore soon.\r\n", true},
		{"trailing newline", "First statement", "", "We are investigating.\n\nMore soon.\n\n", true},
		{"title changed", "First statement (corrected)", "", "We are investigating.\n\nMore soon.", false},
		{"summary added", "First statement", "We are looking into it.", "We are investigating.\n\nMore soon.", false},
		{"one word changed", "First statement", "", "We are investigating.\n\nMore later.", false},
		{"text moved from title to body", "First", "", "statement\x00We are investigating.\n\nMore soon.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SourceHash(tt.title, tt.summary, tt.body); (got == base) != tt.same {
				t.Errorf("hash equal to the original: %v, want %v", got == base, tt.same)
			}
		})
	}
}

func TestWrite(t *testing.T) {
	sk, pk, err := sign.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	updates := exampleManifest().Updates
	build := func() (string, []byte, []byte) {
		dir := writeTree(t, map[string]string{"index.html": "<h1>hi</h1>", "incidents/x/index.html": "x"})
		if err := Write(dir, updates, "https://updates.example-health.org/", sk); err != nil {
			t.Fatal(err)
		}
		m, _ := os.ReadFile(filepath.Join(dir, Name))
		s, _ := os.ReadFile(filepath.Join(dir, SigName))
		return dir, m, s
	}
	dir, m1, s1 := build()
	_, m2, s2 := build()
	if !bytes.Equal(m1, m2) || !bytes.Equal(s1, s2) {
		t.Errorf("two builds of the same tree differ:\n%s\n%s\n%s\n%s", m1, m2, s1, s2)
	}
	if _, err := sign.Verify(pk, m1, s1); err != nil {
		t.Errorf("signature written by Write does not verify: %v", err)
	}
	m, err := Parse(m1)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != 1 || m.Files[0].Path != "index.html" || len(m.Updates) != 0 || m.Site != "https://updates.example-health.org/" {
		t.Errorf("root: %+v, want index.html only: the rest is in the incidents' parts", m)
	}
	var parts []string
	for _, p := range m.Parts {
		parts = append(parts, p.Path)
	}
	if want := []string{"incidents/ransomware/manifest.json", "incidents/x/manifest.json"}; !slices.Equal(parts, want) {
		t.Errorf("parts %q, want %q", parts, want)
	}
	whole, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Files) != 2 || whole.Files[0].Path != "incidents/x/index.html" || whole.Files[1].Path != "index.html" || len(whole.Updates) != 2 {
		t.Errorf("the whole record: %+v", whole)
	}

	// Rebuilding unsigned into the same directory must not leave the old
	// signature, which no longer matches, nor list the old manifest, nor
	// keep a compressed copy of the old one that a server would send.
	os.WriteFile(filepath.Join(dir, "manifest.json.gz"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.json.minisig.br"), []byte("old"), 0o644)
	if err := Write(dir, nil, "https://updates.example-health.org/", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, SigName)); !os.IsNotExist(err) {
		t.Errorf("unsigned build left %s: %v", SigName, err)
	}
	m3, _ := os.ReadFile(filepath.Join(dir, Name))
	if strings.Contains(string(m3), `"manifest.json`) {
		t.Errorf("manifest lists itself, its signature or a copy:\n%s", m3)
	}
	for _, stale := range []string{"manifest.json.gz", "manifest.json.minisig.br"} {
		if _, err := os.Stat(filepath.Join(dir, stale)); !os.IsNotExist(err) {
			t.Errorf("Write left the stale %s: %v", stale, err)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "x"})
	if err := Write(dir, exampleManifest().Updates, "https://updates.example-health.org/", nil); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	other := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer other.Close()
	away := httptest.NewServer(http.RedirectHandler(other.URL+"/manifest.json", http.StatusFound))
	defer away.Close()
	mux := http.NewServeMux()
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/real"+r.URL.Path, http.StatusMovedPermanently)
	}))
	mux.Handle("/real/", http.StripPrefix("/real/", http.FileServer(http.Dir(dir))))
	within := httptest.NewServer(mux)
	defer within.Close()

	tests := []struct {
		name, from, wantErr string
	}{
		{"directory", dir, ""},
		{"file", filepath.Join(dir, Name), ""},
		{"site address", srv.URL, ""},
		{"site address with slash", srv.URL + "/", ""},
		{"manifest address", srv.URL + "/manifest.json", ""},
		{"redirect to another host", away.URL, "outside http://127.0.0.1"},
		{"redirect on the same host", within.URL, ""},
		{"plain http to another machine", "http://updates.example-health.org/", "use https://"},
		{"missing directory", filepath.Join(dir, "nope"), "no such file"},
		{"not a manifest", filepath.Join(dir, "index.html"), "not a manifest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Load(context.Background(), tt.from)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Load error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Updates) != 2 || len(m.Files) != 1 || m.Files[0].Path != "index.html" {
				t.Errorf("Load = %+v", m)
			}
		})
	}
}

func TestReadFileLimit(t *testing.T) {
	dir := writeTree(t, map[string]string{"big.html": strings.Repeat("x", 1000)})
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	for _, from := range []string{dir, srv.URL} {
		s, err := OpenSite(from)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReadFile(context.Background(), "big.html", 999); err == nil || !strings.Contains(err.Error(), "larger than 999 bytes") {
			t.Errorf("%s: ReadFile over the limit: error %v", from, err)
		}
		if b, err := s.ReadFile(context.Background(), "big.html", 1000); err != nil || len(b) != 1000 {
			t.Errorf("%s: ReadFile at the limit: %d bytes, %v", from, len(b), err)
		}
		if _, err := s.ReadFile(context.Background(), "../"+filepath.Base(dir)+"/big.html", 1000); err == nil {
			t.Errorf("%s: ReadFile outside the site succeeded", from)
		}
		s.Close()
	}
}

func TestCheck(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "x", "a/index.html": "a", "b.css": "b"})
	if err := Write(dir, nil, "https://updates.example-health.org/", nil); err != nil {
		t.Fatal(err)
	}
	m, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a", "index.html"), []byte("A"), 0o644)
	os.Remove(filepath.Join(dir, "b.css"))
	os.WriteFile(filepath.Join(dir, "new.html"), []byte("n"), 0o644)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	for _, tt := range []struct {
		from  string
		added []string
	}{{dir, []string{"new.html"}}, {srv.URL, nil}} {
		t.Run(tt.from, func(t *testing.T) {
			s, err := OpenSite(tt.from)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			r, err := s.Check(context.Background(), m)
			if err != nil {
				t.Fatal(err)
			}
			if r.Checked != 3 || !slices.Equal(r.Changed, []string{"a/index.html"}) || !slices.Equal(r.Removed, []string{"b.css"}) ||
				!slices.Equal(r.Added, tt.added) || len(r.Unreadable) != 0 || r.OK() {
				t.Errorf("Check = %+v", r)
			}
		})
	}
}

// TestCheckEncodedCopies serves a site the way some hosts do: a .gz file is
// labelled gzip-encoded for clients that accept gzip, so a client that
// unpacks it sees other bytes than the file the manifest lists.
func TestCheckEncodedCopies(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "hello", "index.html.gz": "pretend gzip"})
	if err := Write(dir, nil, "https://updates.example-health.org/", nil); err != nil {
		t.Fatal(err)
	}
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".gz") && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	m, err := Load(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := OpenSite(srv.URL)
	r, err := s.Check(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Errorf("Check = %+v, want every file to match", r)
	}
}

// TestCheckObjectStoreEncoding serves a site the way S3 and CDNs in front
// of it do after `disclose deploy`: text uploaded gzip-encoded comes back
// with Content-Encoding: gzip whatever the request asked for. The bytes the
// manifest lists are the decoded ones; a tampered encoded body still fails.
func TestCheckObjectStoreEncoding(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "<p>hello</p>", "feed.xml": "<rss/>", "index.html.gz": "stored as it is"})
	if err := Write(dir, nil, "https://updates.example-health.org/", nil); err != nil {
		t.Fatal(err)
	}
	tamper := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/"))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".gz") {
			w.Write(b)
			return
		}
		if tamper && r.URL.Path == "/index.html" {
			b = []byte("<p>defaced</p>")
		}
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(buf.Bytes())
	}))
	defer srv.Close()
	m, err := Load(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := OpenSite(srv.URL)
	defer s.Close()
	r, err := s.Check(context.Background(), m)
	if err != nil || !r.OK() {
		t.Fatalf("Check = %+v, %v; want every file to match", r, err)
	}
	tamper = true
	r, err = s.Check(context.Background(), m)
	if err != nil || !slices.Equal(r.Changed, []string{"index.html"}) {
		t.Errorf("Check of a defaced page = %+v, %v; want index.html changed", r, err)
	}
}
