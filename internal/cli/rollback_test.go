package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// signedBuildN writes a published tree as build number seq of one site,
// its update page saying text, signed with the key in keys.
func signedBuildN(t *testing.T, keys string, pub sign.PublicKey, seq int64, text string) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.WriteFiles(t, dir, map[string]string{
		"index.html":                             "<h1>Cyber security incident</h1>\n",
		"incidents/x/2024-05-16-0900/index.html": "<p>" + text + "</p>\n",
		".well-known/disclose.pub":               string(pub.MarshalText()),
	})
	sk, err := sign.LoadSecret(filepath.Join(keys, "disclose.key"))
	if err != nil {
		t.Fatal(err)
	}
	update := manifest.NewStatement("update https://updates.example-health.org/incidents/x/2024-05-16-0900/", "content/incidents/x/2024-05-16-first.md",
		[]manifest.Hashed{{Name: "body", Value: text}})
	standing := manifest.NewStatement("incident https://updates.example-health.org/incidents/x/", "content/incidents/x/_index.md",
		[]manifest.Hashed{{Name: "body", Value: "Someone got into our systems."}})
	rec := manifest.Record{Sequence: seq, Newest: "2024-05-16T00:00:00Z", Statements: []manifest.Statement{update, standing}}
	if err := manifest.WriteKnown(dir, rec, "https://updates.example-health.org/", sk, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestVerifyCatchesRollback serves, over loopback HTTP, a genuinely signed
// copy of the site from before a correction, after the corrected one was
// checked: verify remembers the newer build and refuses the older copy.
func TestVerifyCatchesRollback(t *testing.T) {
	keys := t.TempDir()
	pub, err := sign.Keygen(filepath.Join(keys, "disclose.key"), filepath.Join(keys, "disclose.pub"))
	if err != nil {
		t.Fatal(err)
	}
	older := signedBuildN(t, keys, pub, 11, "Call 1800 111 111.")
	newer := signedBuildN(t, keys, pub, 12, "Call 1800 222 222 (corrected).")
	var mu sync.Mutex
	serving := older
	var agents, encodings []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		dir := serving
		agents = append(agents, r.UserAgent())
		encodings = append(encodings, r.Header.Get("Accept-Encoding"))
		mu.Unlock()
		http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	serve := func(dir string) { mu.Lock(); serving = dir; mu.Unlock() }
	state := filepath.Join(t.TempDir(), "state.json")
	key := filepath.Join(keys, "disclose.pub")

	if out, code := runSigning(t, "verify", srv.URL, "-key", key, "-state", state); code != 0 {
		t.Fatalf("the first check of build 11: exit %d\n%s", code, out)
	}
	serve(newer)
	if out, code := runSigning(t, "verify", srv.URL, "-key", key, "-state", state); code != 0 || !strings.Contains(out, "build: number 12") {
		t.Fatalf("a fresh verify of build 12: exit %d\n%s", code, out)
	}
	serve(older)
	out, code := runSigning(t, "verify", srv.URL, "-key", key, "-state", state)
	if code != 1 || !strings.Contains(out, "FAILED: this copy is older than one you checked on ") || !strings.Contains(out, "it is missing 1 statement(s) (this is build 11, you saw build 12") {
		t.Errorf("the older copy after build 12 was checked: exit %d, want 1 and the rollback named\n%s", code, out)
	}
	// The state still holds build 12: a refused copy does not lower it.
	st, err := manifest.LoadState(state)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Sites["https://updates.example-health.org/"].Sequence; got != 12 {
		t.Errorf("remembered build %d, want 12", got)
	}
	// Without remembered state, -since with a saved copy of the newer
	// manifest catches it too.
	out, code = runSigning(t, "verify", srv.URL, "-key", key, "-state", filepath.Join(t.TempDir(), "fresh.json"), "-since", filepath.Join(newer, manifest.Name))
	if code != 1 || !strings.Contains(out, "FAILED: this copy is older than the saved manifest given with -since: it is missing 1 statement(s)") {
		t.Errorf("-since a newer saved manifest: exit %d\n%s", code, out)
	}
	// Another build signed under the newer one's number is refused too.
	serve(signedBuildN(t, keys, pub, 12, "Call 1800 999 999."))
	out, code = runSigning(t, "verify", srv.URL, "-key", key, "-state", state)
	if code != 1 || !strings.Contains(out, "FAILED: this copy says it is build 12, as the one you checked on ") || !strings.Contains(out, "two different builds were signed under one number") {
		t.Errorf("a second build 12: exit %d\n%s", code, out)
	}
	mu.Lock()
	defer mu.Unlock()
	for i, a := range agents {
		if a == "" || strings.Contains(strings.ToLower(a), "disclose") || strings.Contains(a, "Go-http-client") {
			t.Errorf("request %d sent User-Agent %q, not a browser's", i, a)
		}
		if !strings.Contains(encodings[i], "gzip") || !strings.Contains(encodings[i], "br") {
			t.Errorf("request %d sent Accept-Encoding %q, not a browser's", i, encodings[i])
		}
	}
	if _, err := os.Stat(state); err != nil {
		t.Error(err)
	}
}
