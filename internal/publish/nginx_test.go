package publish

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

const (
	nginxDoc = "../../docs/nginx.conf"
)

func TestNginxSnippetIsDocumented(t *testing.T) {
	checkGolden(t, nginxDoc, NginxSnippet())
}

// TestNginx runs Debian's nginx on loopback with docs/nginx.conf, the
// snippet the README shows, and checks what a browser gets.
func TestNginx(t *testing.T) {
	if _, err := os.Stat(sitetest.Nginx); err != nil {
		t.Skip("nginx is not installed (Debian package nginx)")
	}
	if _, err := os.Stat(sitetest.NginxBrotliModule); err != nil {
		t.Skip("the snippet needs nginx's brotli_static (Debian package libnginx-mod-http-brotli-static)")
	}
	snippet, err := filepath.Abs(nginxDoc)
	if err != nil {
		t.Fatal(err)
	}
	site := writeBuiltSite(t)
	base := sitetest.StartNginx(t, site, snippet)
	checkServed(t, base, site, true)
}

// checkServed checks with real requests that the server at base sends the
// built site in dir with the policy's headers and its precompressed copies.
func checkServed(t *testing.T, base, site string, brotli bool) {

	// The headers every response carries, whatever the file.
	for _, p := range []string{"/", "/incidents/ransomware/", "/feed.xml", "/" + fingerprintedCSS, "/images/logo.png", "/no-such-page/"} {
		t.Run("security"+p, func(t *testing.T) {
			resp, _ := get(t, base+p, "")
			for _, h := range SecurityHeaders {
				if got := resp.Header.Values(h.Name); len(got) != 1 || got[0] != h.Value {
					t.Errorf("%s: %s = %q, want %q", p, h.Name, got, h.Value)
				}
			}
		})
	}

	t.Run("not found", func(t *testing.T) {
		resp, body := get(t, base+"/no-such-page/", "")
		if resp.StatusCode != http.StatusNotFound || !bytes.Contains(body, []byte("<title>Not found</title>")) {
			t.Errorf("/no-such-page/: %d %q, want 404 with the site's 404 page", resp.StatusCode, body)
		}
	})

	tests := []struct {
		path, contentType, cacheControl string
	}{
		{"/", "text/html; charset=utf-8", CacheShort},
		{"/incidents/ransomware/2024-05-16-0900/", "text/html; charset=utf-8", CacheShort},
		{"/feed.xml", "application/rss+xml; charset=utf-8", CacheShort},
		{"/atom.xml", "application/atom+xml; charset=utf-8", CacheShort},
		{"/feed.json", "application/feed+json; charset=utf-8", CacheShort},
		{"/incidents/ransomware/feed.xml", "application/rss+xml; charset=utf-8", CacheShort},
		{"/manifest.json", "application/json", CacheShort},
		{"/manifest.json.minisig", "text/plain; charset=utf-8", CacheShort},
		{"/.well-known/disclose.pub", "text/plain; charset=utf-8", CacheShort},
		{"/.well-known/security.txt", "text/plain; charset=utf-8", CacheShort},
		{"/" + fingerprintedCSS, "text/css", CacheImmutable},
		{"/images/logo.png", "image/png", CacheStatic},
	}
	for _, tt := range tests {
		t.Run("headers"+tt.path, func(t *testing.T) {
			resp, _ := get(t, base+tt.path, "")
			if resp.StatusCode != 200 {
				t.Fatalf("%s: status %d", tt.path, resp.StatusCode)
			}
			// A server may name the charset of a stylesheet or not.
			if got := resp.Header.Get("Content-Type"); got != tt.contentType && got != tt.contentType+"; charset=utf-8" {
				t.Errorf("%s: Content-Type = %q, want %q", tt.path, got, tt.contentType)
			}
			if got := resp.Header.Values("Cache-Control"); len(got) != 1 || got[0] != tt.cacheControl {
				t.Errorf("%s: Cache-Control = %q, want %q", tt.path, got, tt.cacheControl)
			}
			if want := HeadersFor(tt.path).Get("Cache-Control"); want != tt.cacheControl {
				t.Errorf("%s: the policy says Cache-Control %q but nginx sends %q", tt.path, want, tt.cacheControl)
			}
		})
	}

	precompressed := []struct {
		path, file, encoding string
	}{
		{"/", "index.html", "gzip"},
		{"/", "index.html", "br"},
		{"/feed.xml", "feed.xml", "gzip"},
		{"/feed.xml", "feed.xml", "br"},
		{"/" + fingerprintedCSS, fingerprintedCSS, "gzip"},
	}
	for _, tt := range precompressed {
		if tt.encoding == "br" && !brotli {
			continue
		}
		t.Run(tt.encoding+tt.path, func(t *testing.T) {
			resp, body := get(t, base+tt.path, tt.encoding)
			if got := resp.Header.Get("Content-Encoding"); got != tt.encoding {
				t.Fatalf("%s with Accept-Encoding %s: Content-Encoding = %q", tt.path, tt.encoding, got)
			}
			ext := map[string]string{"gzip": ".gz", "br": ".br"}[tt.encoding]
			want, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(tt.file)+ext))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(body, want) {
				t.Errorf("%s: body is not the precompressed %s%s", tt.path, tt.file, ext)
			}
			if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("%s: Vary = %q, want Accept-Encoding", tt.path, got)
			}
			if got, want := resp.Header.Get("Cache-Control"), HeadersFor(tt.file).Get("Cache-Control"); got != want {
				t.Errorf("%s: Cache-Control = %q, want %q", tt.path, got, want)
			}
		})
	}
}

// get fetches url as it is on the wire: with acceptEncoding set, the body is
// left compressed.
func get(t *testing.T, url, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") && acceptEncoding == "" && !bytes.Contains(body, []byte("<title>")) {
		t.Errorf("%s: not the page: %q", url, body)
	}
	return resp, body
}
