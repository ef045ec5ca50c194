package publish

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/*.conf from the policy")

// fingerprintedCSS is a stylesheet named as Hugo's fingerprint names it.
const fingerprintedCSS = "css/style.min.0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.css"

// writeSite writes a small built site into a new temporary directory: the
// kinds of file disclose publishes, with text long enough to compress.
func writeSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	para := strings.Repeat("<p>We are contacting everyone whose details were involved. ", 40)
	files := map[string]string{
		"index.html":                      "<!doctype html><title>Updates</title>" + para,
		"404.html":                        "<!doctype html><title>Not found</title>",
		"incidents/ransomware/index.html": "<!doctype html><title>Incident</title>" + para,
		"incidents/ransomware/feed.xml":   `<?xml version="1.0"?><rss version="2.0"><channel>` + strings.Repeat("<item><title>Update</title></item>", 30) + "</channel></rss>",
		"incidents/ransomware/2024-05-16-0900/index.html": "<!doctype html><title>First update</title>" + para,
		"feed.xml":                 `<?xml version="1.0"?><rss version="2.0"><channel>` + strings.Repeat("<item><title>Update</title></item>", 30) + "</channel></rss>",
		"atom.xml":                 `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">` + strings.Repeat("<entry><title>Update</title></entry>", 30) + "</feed>",
		"feed.json":                `{"version":"https://jsonfeed.org/version/1.1","items":[` + strings.Repeat(`{"id":"x","title":"Update"},`, 30) + `{}]}`,
		"manifest.json":            `{"files":[` + strings.Repeat(`{"path":"index.html","sha256":"00"},`, 20) + `{}]}`,
		"manifest.json.minisig":    "untrusted comment: signature\nRWQAAAAA\ntrusted comment: t\nAAAA\n",
		".well-known/disclose.pub": "untrusted comment: minisign public key\nRWQAAAAAAAAA\n",
		".well-known/security.txt": "Contact: mailto:security@example.org\nExpires: 2027-01-01T00:00:00Z\n",
		fingerprintedCSS:           strings.Repeat("body { font-family: system-ui, sans-serif; line-height: 1.5 }\n", 40),
		"images/logo.png":          "\x89PNG\r\n\x1a\n not really a png",
	}
	return sitetest.WriteFiles(t, dir, files)
}

// checkGolden compares got with the file at path, or rewrites it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/publish -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is not what the policy generates; run go test ./internal/publish -update\n--- got ---\n%s", path, got)
	}
}

// writeBuiltSite is writeSite with what the build adds for the server:
// _headers and the precompressed copies.
func writeBuiltSite(t testing.TB) string {
	t.Helper()
	site := writeSite(t)
	if err := WriteHeadersFile(site); err != nil {
		t.Fatal(err)
	}
	if err := Precompress(site); err != nil {
		t.Fatal(err)
	}
	return site
}
