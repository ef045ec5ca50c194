package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// signedSite is a published tree signed by key, written as a build would.
type signedSite struct {
	dir     string
	pubFile string
	pub     sign.PublicKey
}

func newSignedSite(t *testing.T) signedSite {
	t.Helper()
	return newSignedSiteWith(t, nil)
}

// newSignedSiteWith is newSignedSite with extra files written before the
// manifest is signed.
func newSignedSiteWith(t *testing.T, extra map[string]string) signedSite {
	t.Helper()
	dir := t.TempDir()
	keys := t.TempDir()
	pubFile := filepath.Join(keys, "disclose.pub")
	pub, err := sign.Keygen(filepath.Join(keys, "disclose.key"), pubFile)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"index.html":                                      "<h1>Cyber security incident</h1>\n<p>Call 1800 000 000.</p>\n",
		"incidents/ransomware/index.html":                 "<p>We are investigating an incident.</p>\n",
		"incidents/ransomware/2024-05-16-0900/index.html": "<p>First statement.</p>\n",
		"feed.xml":                 "<feed/>\n",
		".well-known/disclose.pub": string(pub.MarshalText()),
	}
	maps.Copy(files, extra)
	sitetest.WriteFiles(t, dir, files)
	sk, err := sign.LoadSecret(filepath.Join(keys, "disclose.key"))
	if err != nil {
		t.Fatal(err)
	}
	updates := []manifest.Update{{
		ID:           "https://updates.example-health.org/incidents/ransomware/2024-05-16-0900/",
		Published:    "2024-05-16T09:00:00+10:00",
		SourceSHA256: manifest.SourceHash("First statement", "", "We are investigating an incident."),
		File:         "content/incidents/ransomware/2024-05-16-first.md",
	}}
	if err := manifest.Write(dir, updates, "https://updates.example-health.org/", sk); err != nil {
		t.Fatal(err)
	}
	return signedSite{dir: dir, pubFile: pubFile, pub: pub}
}

func (s signedSite) path(p string) string { return filepath.Join(s.dir, filepath.FromSlash(p)) }

func runSigning(t *testing.T, args ...string) (out string, code int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), args, &stdout, &stderr)
	if stderr.Len() > 0 {
		t.Logf("stderr:\n%s", stderr.String())
	}
	return stdout.String(), ExitCode(err)
}

func outputLines(out string) []string { return strings.Split(strings.TrimRight(out, "\n"), "\n") }

// hasLine reports whether out has a line equal to want, or starting with
// want when want ends in "…".
func hasOutputLine(out, want string) bool {
	for _, l := range outputLines(out) {
		if l == want || strings.HasSuffix(want, "…") && strings.HasPrefix(l, strings.TrimSuffix(want, "…")) {
			return true
		}
	}
	return false
}

func TestVerify(t *testing.T) {
	_, otherPub, _ := sign.GenerateKey(nil)
	tests := []struct {
		name       string
		change     func(t *testing.T, s signedSite)
		key        func(s signedSite) string // the --key value; "" for the site's own
		wantCode   int
		want       []string // lines the output must have
		notOverWeb bool     // a change only a directory scan can see
	}{
		{
			name:     "fresh build",
			wantCode: 0,
			want:     []string{"signature: good, made by key ID …", "parts: all 1 match the signed root", "OK: all 5 files match the manifest signed by key ID …"},
		},
		{
			name: "one byte changed",
			change: func(t *testing.T, s signedSite) {
				p := s.path("incidents/ransomware/index.html")
				b, _ := os.ReadFile(p)
				b[4] ^= 0x20 // "We" → "we"
				os.WriteFile(p, b, 0o644)
			},
			wantCode: 1,
			want: []string{"changed: incidents/ransomware/index.html",
				"FAILED: 1 file(s) do not match the signed manifest (1 changed, 0 added, 0 removed; 5 listed)"},
		},
		{
			name: "one file added",
			change: func(t *testing.T, s signedSite) {
				os.WriteFile(s.path("incidents/ransomware/fake.html"), []byte("<p>All clear!</p>"), 0o644)
			},
			wantCode:   1,
			want:       []string{"added: incidents/ransomware/fake.html", "FAILED: 1 file(s) do not match the signed manifest (0 changed, 1 added, 0 removed; 5 listed)"},
			notOverWeb: true,
		},
		{
			name: "one file grew",
			change: func(t *testing.T, s signedSite) {
				f, _ := os.OpenFile(s.path("index.html"), os.O_APPEND|os.O_WRONLY, 0)
				f.WriteString("<p>Update: all data was recovered.</p>\n")
				f.Close()
			},
			wantCode: 1,
			want:     []string{"changed: index.html"},
		},
		{
			name:     "one file removed",
			change:   func(t *testing.T, s signedSite) { os.Remove(s.path("feed.xml")) },
			wantCode: 1,
			want:     []string{"removed: feed.xml", "FAILED: 1 file(s) do not match the signed manifest (0 changed, 0 added, 1 removed; 5 listed)"},
		},
		{
			name: "one byte changed in a page of the site's own",
			change: func(t *testing.T, s signedSite) {
				p := s.path("index.html")
				b, _ := os.ReadFile(p)
				b[1] ^= 0x01
				os.WriteFile(p, b, 0o644)
			},
			wantCode: 1,
			want:     []string{"changed: index.html", "FAILED: 1 file(s) do not match the signed manifest (1 changed, 0 added, 0 removed; 5 listed)"},
		},
		{
			name: "an incident's part changed",
			change: func(t *testing.T, s signedSite) {
				// The attacker changes a page and lists its new hash in
				// the incident's part, leaving the signed root alone.
				page := []byte("<p>No data was taken.</p>\n")
				os.WriteFile(s.path("incidents/ransomware/index.html"), page, 0o644)
				part, _ := os.ReadFile(s.path("incidents/ransomware/manifest.json"))
				sum := sha256.Sum256(page)
				was := []byte("<p>We are investigating an incident.</p>\n")
				old := sha256.Sum256(was)
				part = bytes.Replace(part, []byte(hex.EncodeToString(old[:])), []byte(hex.EncodeToString(sum[:])), 1)
				part = bytes.Replace(part, []byte(fmt.Sprintf(`"size": %d,`, len(was))), []byte(fmt.Sprintf(`"size": %d,`, len(page))), 1)
				os.WriteFile(s.path("incidents/ransomware/manifest.json"), part, 0o644)
			},
			wantCode: 1,
			want: []string{"incidents/ransomware/manifest.json: 730 bytes with SHA-256 …",
				"FAILED: the signed manifest's part incidents/ransomware/manifest.json does not match its entry in the signed manifest, so what it lists cannot be checked"},
		},
		{
			name:     "an incident's part removed",
			change:   func(t *testing.T, s signedSite) { os.Remove(s.path("incidents/ransomware/manifest.json")) },
			wantCode: 1,
			want: []string{"missing: incidents/ransomware/manifest.json (a part of the signed manifest)",
				"FAILED: the signed manifest's part incidents/ransomware/manifest.json is missing, so what it lists cannot be checked"},
		},
		{
			name:     "wrong key",
			key:      func(signedSite) string { return otherPub.String() },
			wantCode: 1,
			want: []string{"manifest.json.minisig: signature does not match the key: it was made by key ID …",
				"FAILED: the manifest's signature does not verify, so no file was checked against it"},
		},
		{
			name: "tampered manifest",
			change: func(t *testing.T, s signedSite) {
				// The attacker changes a page and lists its new hash.
				page := []byte("<p>No data was taken.</p>\n")
				os.WriteFile(s.path("incidents/ransomware/index.html"), page, 0o644)
				m, _ := manifest.Load(context.Background(), s.dir)
				files, _ := manifest.Scan(s.dir)
				m.Files = files
				os.WriteFile(s.path("manifest.json"), m.Marshal(), 0o644)
			},
			wantCode: 1,
			want: []string{"manifest.json.minisig: signature does not match the key: the manifest was changed or signed by another key",
				"FAILED: the manifest's signature does not verify, so no file was checked against it"},
		},
		{
			name:     "signature removed",
			change:   func(t *testing.T, s signedSite) { os.Remove(s.path("manifest.json.minisig")) },
			wantCode: 1,
			want:     []string{"missing: manifest.json.minisig", "FAILED: the manifest is not signed, so nothing shows who published these files"},
		},
		{
			name: "site's key replaced along with the signature",
			change: func(t *testing.T, s signedSite) {
				// Whoever controls the site can re-sign it with a key of
				// their own and publish that key: only --key catches this.
				dir := t.TempDir()
				pub, _ := sign.Keygen(filepath.Join(dir, "k"), filepath.Join(dir, "p"))
				sk, _ := sign.LoadSecret(filepath.Join(dir, "k"))
				os.WriteFile(s.path(".well-known/disclose.pub"), pub.MarshalText(), 0o644)
				m, _ := manifest.Load(context.Background(), s.dir)
				manifest.Write(s.dir, m.Updates, m.Site, sk)
			},
			wantCode: 1,
			want:     []string{"manifest.json.minisig: signature does not match the key: it was made by key ID …"},
		},
	}
	for _, tt := range tests {
		for _, web := range []bool{false, true} {
			name := tt.name + "/directory"
			if web {
				name = tt.name + "/httptest"
			}
			t.Run(name, func(t *testing.T) {
				s := newSignedSite(t)
				if tt.change != nil {
					tt.change(t, s)
				}
				target := s.dir
				if web {
					srv := httptest.NewServer(http.FileServer(http.Dir(s.dir)))
					defer srv.Close()
					target = srv.URL + "/"
				}
				key := s.pubFile
				if tt.key != nil {
					key = tt.key(s)
				}
				out, code := runSigning(t, "verify", target, "--key", key)
				wantCode, want := tt.wantCode, tt.want
				if web && tt.notOverWeb {
					wantCode, want = 0, []string{"note: over the web only the listed files can be checked; a file added without being listed is not found."}
				}
				if code != wantCode {
					t.Errorf("exit code %d, want %d", code, wantCode)
				}
				for _, w := range want {
					if !hasOutputLine(out, w) {
						t.Errorf("output lacks the line %q", w)
					}
				}
				if t.Failed() {
					t.Logf("output:\n%s", out)
				}
			})
		}
	}
}

func TestVerifySiteKey(t *testing.T) {
	s := newSignedSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.dir)))
	defer srv.Close()

	out, code := runSigning(t, "verify", srv.URL)
	if code != 0 {
		t.Fatalf("exit code %d with the site's own key:\n%s", code, out)
	}
	for _, w := range []string{
		"key: " + s.pub.String() + " (key ID " + s.pub.ID() + "), read from " + srv.URL + "/.well-known/disclose.pub",
		"warning: this key comes from the site being checked, so it proves less: it shows",
		"OK: all 5 files match the manifest signed by key ID " + s.pub.ID() + "; it lists 1 update(s)",
	} {
		if !hasOutputLine(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if !hasOutputLine(out, "note: the manifest was signed for https://updates.example-health.org/, not "+srv.URL+"/ (a copy or mirror?)") {
		t.Errorf("output does not say the manifest is for another address:\n%s", out)
	}

	os.Remove(s.path(".well-known/disclose.pub"))
	out, code = runSigning(t, "verify", s.dir)
	if code != 1 || !hasOutputLine(out, "FAILED: the site publishes no key at /.well-known/disclose.pub; pass the key with --key") {
		t.Errorf("without a key anywhere: exit %d\n%s", code, out)
	}
}

func TestVerifyArguments(t *testing.T) {
	s := newSignedSite(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"key after the directory", []string{"verify", s.dir, "--key", s.pubFile}, 0},
		{"key before the directory", []string{"verify", "-key", s.pubFile, s.dir}, 0},
		{"key as the file's contents", []string{"verify", s.dir, "--key", string(s.pub.MarshalText())}, 0},
		{"directory after --", []string{"verify", "--key", s.pub.String(), "--", s.dir}, 0},
		{"no directory", []string{"verify", "--key", s.pubFile}, 2},
		{"two directories", []string{"verify", s.dir, s.dir}, 2},
		{"unknown flag", []string{"verify", s.dir, "--kee", s.pubFile}, 2},
		{"key that is not a key", []string{"verify", s.dir, "--key", "RWSnotakey"}, 2},
		{"missing directory", []string{"verify", filepath.Join(s.dir, "nope")}, 2},
		{"plain http to another machine", []string{"verify", "http://updates.example-health.org/"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, code := runSigning(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d\n%s", code, tt.wantCode, out)
			}
		})
	}
}

// TestMinisignAcceptsBuild checks a signed build the way the README tells a
// journalist to, with the stock minisign tool.
func TestMinisignAcceptsBuild(t *testing.T) {
	minisign, err := exec.LookPath("minisign")
	if err != nil {
		t.Skip("minisign not installed (Debian package: minisign)")
	}
	s := newSignedSite(t)
	cmd := exec.Command(minisign, "-Vm", "manifest.json", "-p", s.pubFile)
	cmd.Dir = s.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("minisign -Vm manifest.json -p KEY: %v\n%s", err, out)
	}
	os.WriteFile(s.path("manifest.json"), []byte("{}\n"), 0o644)
	cmd = exec.Command(minisign, "-Vm", "manifest.json", "-P", s.pub.String())
	cmd.Dir = s.dir
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("minisign accepted a replaced manifest:\n%s", out)
	}
}

// TestVerifyUnreadable: a file the server fails to send is neither a match
// nor a mismatch; verify says the check is incomplete and exits 2.
func TestVerifyUnreadable(t *testing.T) {
	s := newSignedSite(t)
	files := http.FileServer(http.Dir(s.dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	out, code := runSigning(t, "verify", srv.URL, "--key", s.pub.String())
	if code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	for _, w := range []string{
		"unreadable: feed.xml: HTTP 503 Service Unavailable",
		"INCOMPLETE: 1 of 5 listed files could not be read; the others match",
	} {
		if !hasOutputLine(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

// A .gz copy that the build got wrong (a cache entry that does not hold
// what its name says, say) is signed like any other file, so only
// unpacking it shows that browsers would read something else.
func TestVerifyFindsACopyThatDoesNotUnpackToItsFile(t *testing.T) {
	gz := func(text string) string { return string(publish.Gzip([]byte(text))) } // the build's own compressor
	page := "<h1>Cyber security incident</h1>\n<p>Call 1800 000 000.</p>\n"
	good := newSignedSiteWith(t, map[string]string{"index.html.gz": gz(page)})
	out, code := runSigning(t, "verify", "--key", good.pubFile, good.dir)
	if code != 0 || !hasOutputLine(out, "OK: all 6 files match the manifest signed by key ID …") {
		t.Errorf("a right copy: exit %d\n%s", code, out)
	}
	bad := newSignedSiteWith(t, map[string]string{"index.html.gz": gz("<h1>All clear</h1>\n<p>Nothing was taken.</p>\n")})
	out, code = runSigning(t, "verify", "--key", bad.pubFile, bad.dir)
	for _, want := range []string{
		"does not unpack to its file: index.html.gz",
		"FAILED: 1 compressed copy(ies) (.gz or .br) do not unpack to the file beside them, so browsers that accept compression would read something else; empty the build's compression cache …",
	} {
		if !hasOutputLine(out, want) {
			t.Errorf("a wrong copy: no line %q; exit %d\n%s", want, code, out)
		}
	}
	if code != 1 {
		t.Errorf("a wrong copy: exit %d, want 1", code)
	}
}

// TestVerifyPage checks one page over HTTP and counts what is fetched: the
// signed root, its signature, the part of the page's incident and the
// page's own files, nothing of the other incident.
func TestVerifyPage(t *testing.T) {
	s := newSignedSiteWith(t, map[string]string{
		"incidents/ransomware/2024-05-16-0900/index.html.gz": string(publish.Gzip([]byte("<p>First statement.</p>\n"))),
		"incidents/website/index.html":                       "<p>Our website was changed.</p>\n",
	})
	var mu sync.Mutex
	var fetched []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		fetched = append(fetched, r.URL.Path)
		mu.Unlock()
		b, err := os.ReadFile(s.path(strings.TrimPrefix(r.URL.Path, "/")))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	defer srv.Close()
	tests := []struct {
		name, page string
		change     func()
		wantCode   int
		want       []string
		fetched    []string
	}{
		{
			name: "an update's folder", page: "incidents/ransomware/2024-05-16-0900/", wantCode: 0,
			want: []string{"part: incidents/ransomware/manifest.json matches the signed root",
				"OK: all 2 files at /incidents/ransomware/2024-05-16-0900 match the manifest signed by key ID …"},
			fetched: []string{"/incidents/ransomware/2024-05-16-0900/index.html", "/incidents/ransomware/2024-05-16-0900/index.html.gz",
				"/incidents/ransomware/manifest.json", "/manifest.json", "/manifest.json.minisig"},
		},
		{
			name: "its address", page: srv.URL + "/incidents/website/", wantCode: 0,
			want:    []string{"OK: all 1 files at /incidents/website match the manifest signed by key ID …"},
			fetched: []string{"/incidents/website/index.html", "/incidents/website/manifest.json", "/manifest.json", "/manifest.json.minisig"},
		},
		{
			name: "a page of the site's own", page: "index.html", wantCode: 0,
			want:    []string{"OK: all 1 files at /index.html match the manifest signed by key ID …"},
			fetched: []string{"/index.html", "/manifest.json", "/manifest.json.minisig"},
		},
		{
			name: "a changed page", page: "/incidents/website/",
			change: func() {
				os.WriteFile(s.path("incidents/website/index.html"), []byte("<p>Nothing happened.</p>\n"), 0o644)
			},
			wantCode: 1,
			want:     []string{"changed: incidents/website/index.html", "FAILED: 1 file(s) do not match the signed manifest (1 changed, 0 added, 0 removed; 1 listed)"},
			fetched:  []string{"/incidents/website/index.html", "/incidents/website/manifest.json", "/manifest.json", "/manifest.json.minisig"},
		},
		{
			name: "a page that is not listed", page: "incidents/ransomware/2099-01-01-0000/", wantCode: 1,
			want:    []string{"FAILED: the signed manifest lists no file at /incidents/ransomware/2099-01-01-0000; give the path of a page's folder or a file, as in its address"},
			fetched: []string{"/incidents/ransomware/manifest.json", "/manifest.json", "/manifest.json.minisig"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.change != nil {
				tt.change()
			}
			fetched = nil
			out, code := runSigning(t, "verify", srv.URL, "-page", tt.page, "--key", s.pubFile, "-state", filepath.Join(t.TempDir(), "state.json"))
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d", code, tt.wantCode)
			}
			for _, w := range tt.want {
				if !hasOutputLine(out, w) {
					t.Errorf("output lacks the line %q", w)
				}
			}
			slices.Sort(fetched)
			if !slices.Equal(fetched, tt.fetched) {
				t.Errorf("fetched %q, want %q", fetched, tt.fetched)
			}
			if t.Failed() {
				t.Logf("output:\n%s", out)
			}
		})
	}
	for _, bad := range []string{"../etc/passwd", "/", "https://elsewhere.example/incidents/website/"} {
		if out, code := runSigning(t, "verify", srv.URL, "-page", bad, "--key", s.pubFile); code != 2 {
			t.Errorf("-page %q: exit %d, want 2\n%s", bad, code, out)
		}
	}
}

// TestVerifySinceSavedRootAlone: a reader kept only the manifest.json of a
// copy they quoted, not its parts; a later, older copy is still caught by
// its build number.
func TestVerifySinceSavedRootAlone(t *testing.T) {
	s := newSignedSite(t) // build 0
	newer := sitetest.WriteFiles(t, t.TempDir(), map[string]string{"incidents/x/index.html": "x"})
	if err := manifest.WriteKnown(newer, manifest.Record{Sequence: 3}, "https://updates.example-health.org/", nil, nil); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(newer, manifest.Name))
	saved := filepath.Join(t.TempDir(), manifest.Name)
	os.WriteFile(saved, raw, 0o644)
	out, code := runSigning(t, "verify", s.dir, "--key", s.pubFile, "-since", saved, "-state", filepath.Join(t.TempDir(), "state.json"))
	for _, w := range []string{
		"note: -since: the saved manifest's parts are not beside it (incidents/x/manifest.json), so only its build number is compared",
		"FAILED: this copy is older than the saved manifest given with -since (this is build 0, the saved one is build 3, newest statement (none recorded))",
	} {
		if !hasOutputLine(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, out)
	}
}
