package publish

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/disclose-dev/disclose/internal/content"
)

func TestHeadersFor(t *testing.T) {
	tests := []struct {
		path, contentType, cacheControl string
	}{
		{"index.html", "text/html; charset=utf-8", CacheShort},
		{"/incidents/ransomware/", "text/html; charset=utf-8", CacheShort},
		{"incidents/ransomware/2024-05-16-0900/index.html", "text/html; charset=utf-8", CacheShort},
		{"feed.xml", "application/rss+xml; charset=utf-8", CacheShort},
		{"incidents/ransomware/atom.xml", "application/atom+xml; charset=utf-8", CacheShort},
		{"feed.json", "application/feed+json; charset=utf-8", CacheShort},
		{"manifest.json", "application/json", CacheShort},
		{"manifest.json.minisig", "text/plain; charset=utf-8", CacheShort},
		{".well-known/disclose.pub", "text/plain; charset=utf-8", CacheShort},
		{".well-known/security.txt", "text/plain; charset=utf-8", CacheShort},
		{"sitemap.xml", "application/xml; charset=utf-8", CacheShort},
		{"css/style.3f2a9c1b.css", "text/css; charset=utf-8", CacheImmutable},
		{fingerprintedCSS, "text/css; charset=utf-8", CacheImmutable},
		{"css/style.css", "text/css; charset=utf-8", CacheStatic},
		{"images/logo.png", "image/png", CacheStatic},
		{"files/notice.pdf", "application/pdf", CacheStatic},
		{"files/unknown.bin", "application/octet-stream", CacheStatic},
		{"index.html.gz", "application/gzip", CacheShort},
		{fingerprintedCSS + ".br", "application/octet-stream", CacheShort},
		// A hex run in a page's name is not a fingerprint.
		{"incidents/deadbeef01.html", "text/html; charset=utf-8", CacheShort},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			h := HeadersFor(tt.path)
			if got := h.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			if got := h.Get("Cache-Control"); got != tt.cacheControl {
				t.Errorf("Cache-Control = %q, want %q", got, tt.cacheControl)
			}
			if got := h.Get("Content-Security-Policy"); got != ContentSecurityPolicy {
				t.Errorf("Content-Security-Policy = %q", got)
			}
		})
	}
	if !strings.Contains(PermissionsPolicy, "camera=()") || !strings.Contains(PermissionsPolicy, "browsing-topics=()") || strings.Contains(PermissionsPolicy, "interest-cohort") {
		t.Errorf("Permissions-Policy = %q", PermissionsPolicy)
	}
}

// TestHeadersFile reads the _headers file the way Netlify and Cloudflare
// Pages do (every matching rule applies; a header set twice is joined with a
// comma) and checks each address gets exactly the policy's headers.
func TestHeadersFile(t *testing.T) {
	site := writeSite(t)
	if err := Precompress(site); err != nil {
		t.Fatal(err)
	}
	if err := WriteHeadersFile(site); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(site, HeadersFileName))
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/_headers.golden", string(text))
	again, err := HeadersFile(site)
	if err != nil || again != string(text) {
		t.Errorf("a second run wrote something else (%v)", err)
	}

	rules := parseHeaders(t, string(text))
	files, err := SiteFiles(site)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, f := range files {
		urls = append(urls, "/"+f)
		if path.Base(f) == "index.html" {
			urls = append(urls, "/"+strings.TrimSuffix(f, "index.html"))
		}
	}
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			got := map[string][]string{}
			for _, r := range rules {
				if r.matches(u) {
					for _, h := range r.headers {
						got[h.Name] = append(got[h.Name], h.Value)
					}
				}
			}
			want := HeadersFor(u)
			for _, name := range []string{"Cache-Control", "Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
				if v := strings.Join(got[name], ", "); v != want.Get(name) {
					t.Errorf("%s: %s = %q, want %q", u, name, v, want.Get(name))
				}
			}
			if ct := got["Content-Type"]; len(ct) > 1 || (len(ct) == 1 && ct[0] != want.Get("Content-Type")) {
				t.Errorf("%s: Content-Type = %q, want %q", u, ct, want.Get("Content-Type"))
			}
			if strings.HasSuffix(u, ".xml") || strings.HasSuffix(u, ".json") || strings.HasSuffix(u, ".minisig") || strings.HasSuffix(u, ".pub") {
				if len(got["Content-Type"]) != 1 {
					t.Errorf("%s: no Content-Type rule; the host would guess from the extension", u)
				}
			}
		})
	}
}

type headersRule struct {
	pattern string
	headers []Header
}

// matches implements the hosts' splat: "*" matches any run of characters.
func (r headersRule) matches(u string) bool {
	before, after, splat := strings.Cut(r.pattern, "*")
	if !splat {
		return u == r.pattern
	}
	return len(u) >= len(before)+len(after) && strings.HasPrefix(u, before) && strings.HasSuffix(u, after)
}

func parseHeaders(t *testing.T, text string) []headersRule {
	var rules []headersRule
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			if strings.Count(line, "*") > 1 {
				t.Errorf("%q: more than one splat", line)
			}
			rules = append(rules, headersRule{pattern: line})
		case strings.HasPrefix(line, "  ") && len(rules) > 0:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("bad header line %q", line)
			}
			rules[len(rules)-1].headers = append(rules[len(rules)-1].headers, Header{name, value})
		default:
			t.Fatalf("bad line %q", line)
		}
	}
	if len(rules) > 100 {
		t.Errorf("%d rules; Cloudflare Pages reads 100 at most", len(rules))
	}
	return rules
}

func TestSecurityTxt(t *testing.T) {
	base := content.Config{
		BaseURL:     "https://updates.example-health.org/",
		DefaultLang: "en",
		Contact:     content.Contact{Email: "incident@example-health.org"},
	}
	tests := []struct {
		name    string
		sec     content.Security
		want    string
		wantErr string
	}{
		{
			name: "email from the contact block",
			sec:  content.Security{Expires: "2027-05-16T09:00:00+10:00"},
			want: "Contact: mailto:incident@example-health.org\nExpires: 2027-05-15T23:00:00Z\nPreferred-Languages: en\nCanonical: https://updates.example-health.org/.well-known/security.txt\n",
		},
		{
			name: "own contacts, language and policy",
			sec: content.Security{
				Contact:  []string{"mailto:security@example-health.org", "https://example-health.org/report"},
				Expires:  "2027-01-01T00:00:00Z",
				Language: "en, mi",
				Policy:   "https://example-health.org/disclosure-policy",
			},
			want: "Contact: mailto:security@example-health.org\nContact: https://example-health.org/report\nExpires: 2027-01-01T00:00:00Z\nPreferred-Languages: en, mi\nCanonical: https://updates.example-health.org/.well-known/security.txt\nPolicy: https://example-health.org/disclosure-policy\n",
		},
		{name: "no expiry: no file", sec: content.Security{}},
		{name: "expiry without offset", sec: content.Security{Expires: "2027-01-01T00:00:00"}, wantErr: "not an RFC 3339 time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := base
			cfg.Security = tt.sec
			dir := t.TempDir()
			err := WriteSecurityTxt(dir, &cfg)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(dir, ".well-known", "security.txt"))
			if tt.want == "" {
				if err == nil {
					t.Fatalf("wrote security.txt without an expiry date:\n%s", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestPrecompress(t *testing.T) {
	site := writeSite(t)
	// A stale sibling of a file too small to compress must go.
	stale := filepath.Join(site, "404.html.gz")
	if err := os.WriteFile(stale, Gzip([]byte("old")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Precompress(site); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("stale 404.html.gz was kept")
	}
	for _, f := range []string{"images/logo.png.gz", "images/logo.png.br"} {
		if _, err := os.Stat(filepath.Join(site, f)); err == nil {
			t.Errorf("%s was written", f)
		}
	}
	first := map[string][]byte{}
	for _, f := range []string{"index.html", "feed.xml", "atom.xml", "feed.json", "manifest.json", fingerprintedCSS, "incidents/ransomware/2024-05-16-0900/index.html"} {
		t.Run(f, func(t *testing.T) {
			orig, err := os.ReadFile(filepath.Join(site, f))
			if err != nil {
				t.Fatal(err)
			}
			gz, err := os.ReadFile(filepath.Join(site, f+".gz"))
			if err != nil {
				t.Fatal(err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(gz))
			if err != nil {
				t.Fatal(err)
			}
			if zr.Name != "" || !zr.ModTime.IsZero() || gz[4]|gz[5]|gz[6]|gz[7] != 0 {
				t.Errorf("gzip header carries a name %q or a time %v", zr.Name, zr.ModTime)
			}
			if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, orig) {
				t.Errorf(".gz does not decompress to the file (%v)", err)
			}
			br, err := os.ReadFile(filepath.Join(site, f+".br"))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || !bytes.Equal(got, orig) {
				t.Errorf(".br does not decompress to the file (%v)", err)
			}
			first[f+".gz"], first[f+".br"] = gz, br
		})
	}
	if err := Precompress(site); err != nil {
		t.Fatal(err)
	}
	for f, b := range first {
		if again, _ := os.ReadFile(filepath.Join(site, f)); !bytes.Equal(again, b) {
			t.Errorf("%s differs on a second run", f)
		}
	}
	// The siblings are not themselves compressed again.
	if _, err := os.Stat(filepath.Join(site, "index.html.gz.gz")); err == nil {
		t.Errorf("index.html.gz.gz was written")
	}
}

func BenchmarkPrecompress(b *testing.B) {
	site := writeSite(b)
	for b.Loop() {
		if err := Precompress(site); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReusedCompressorsMakeWhatNewOnesMake: Gzip and Brotli reuse their
// writers; a reused writer must leave nothing of the last file behind, or
// a sibling would depend on what was compressed before it.
func TestReusedCompressorsMakeWhatNewOnesMake(t *testing.T) {
	inputs := [][]byte{
		bytes.Repeat([]byte("<p>We are writing to everyone whose details were involved.</p>\n"), 400),
		[]byte("<!doctype html><title>short</title>"),
		bytes.Repeat([]byte("<item><title>Update</title><description>Call the helpline.</description></item>\n"), 3000),
		bytes.Repeat([]byte("<p>We are writing to everyone whose details were involved.</p>\n"), 400),
	}
	for round := range 2 {
		for i, in := range inputs {
			var gz bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
			zw.Write(in)
			zw.Close()
			if got := Gzip(in); !bytes.Equal(got, gz.Bytes()) {
				t.Errorf("round %d, input %d: Gzip differs from a new writer's output", round, i)
			}
			lgwin := 10
			for lgwin < 24 && 1<<lgwin-16 < len(in) {
				lgwin++
			}
			var br bytes.Buffer
			bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: brotliQuality, LGWin: lgwin})
			bw.Write(in)
			bw.Close()
			got := Brotli(in)
			if !bytes.Equal(got, br.Bytes()) {
				t.Errorf("round %d, input %d: Brotli differs from a new writer's output", round, i)
			}
			if back, err := io.ReadAll(brotli.NewReader(bytes.NewReader(got))); err != nil || !bytes.Equal(back, in) {
				t.Errorf("round %d, input %d: Brotli's output does not decompress to the input: %v", round, i, err)
			}
		}
	}
}
