package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"gocloud.dev/blob"

	"github.com/disclose-dev/disclose/internal/publish"
)

const css = "css/style.min.0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.css"

var para = strings.Repeat("<p>We are contacting everyone whose details were involved.</p>\n", 30)

// siteFiles is a small built site: the files disclose publishes.
var siteFiles = map[string]string{
	"index.html": "<!doctype html><title>Updates</title>" + para,
	"incidents/ransomware/2024-05-16-0900/index.html": "<!doctype html><title>First update</title>" + para,
	"feed.xml":              "<rss>" + strings.Repeat("<item><title>Update</title></item>", 20) + "</rss>",
	"atom.xml":              "<feed>" + strings.Repeat("<entry><title>Update</title></entry>", 20) + "</feed>",
	"feed.json":             `{"items":[` + strings.Repeat(`{"title":"Update"},`, 20) + `{}]}`,
	"manifest.json":         `{"files":[` + strings.Repeat(`{"path":"index.html"},`, 20) + `{}]}`,
	"manifest.json.minisig": "untrusted comment: x\nRW\n",
	css:                     strings.Repeat("body { line-height: 1.5 }\n", 40),
	"images/logo.png":       "\x89PNG\r\n\x1a\n not really a png",
}

// writeSite writes siteFiles, then the .gz, .br and _headers files a build
// adds, which deploy must not upload.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range siteFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := publish.Precompress(dir); err != nil {
		t.Fatal(err)
	}
	if err := publish.WriteHeadersFile(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html.gz")); err != nil {
		t.Fatalf("the fixture has no .gz siblings: %v", err)
	}
	return dir
}

func sortedKeys() []string {
	var keys []string
	for k := range siteFiles {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// listKeys returns the keys stored in the bucket.
func listKeys(t *testing.T, bucketURL string) []string {
	t.Helper()
	ctx := context.Background()
	b, err := blob.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var keys []string
	it := b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, obj.Key)
	}
	return keys
}

// checkObjects checks each stored object's attributes against the policy
// and that its body, decoded, is the file. cacheControl gives the
// Cache-Control a key was stored with, where the service does not say.
func checkObjects(t *testing.T, bucketURL string, cacheControl func(key string) string) {
	t.Helper()
	ctx := context.Background()
	b, err := blob.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, key := range sortedKeys() {
		t.Run(key, func(t *testing.T) {
			attrs, err := b.Attributes(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			want := publish.HeadersFor(key)
			if attrs.ContentType != want.Get("Content-Type") {
				t.Errorf("Content-Type = %q, want %q", attrs.ContentType, want.Get("Content-Type"))
			}
			cc := attrs.CacheControl
			if cacheControl != nil {
				cc = cacheControl(key)
			}
			if cc != want.Get("Cache-Control") {
				t.Errorf("Cache-Control = %q, want %q", cc, want.Get("Cache-Control"))
			}
			wantEnc := ""
			if publish.IsText(key) && len(siteFiles[key]) > 200 {
				wantEnc = "gzip"
			}
			if attrs.ContentEncoding != wantEnc {
				t.Errorf("Content-Encoding = %q, want %q", attrs.ContentEncoding, wantEnc)
			}
			body, err := b.ReadAll(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if attrs.ContentEncoding == "gzip" {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatalf("stored body is not gzip: %v", err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			if string(body) != siteFiles[key] {
				t.Errorf("stored body is not the file")
			}
		})
	}
}

func deploy(t *testing.T, dir, bucketURL string, opts Options) (Summary, string) {
	t.Helper()
	var out strings.Builder
	opts.Out = &out
	sum, err := Deploy(context.Background(), dir, bucketURL, opts)
	if err != nil {
		t.Fatalf("Deploy: %v\n%s", err, out.String())
	}
	return sum, out.String()
}

func TestDeployFile(t *testing.T) {
	site := writeSite(t)
	bucketURL := "file://" + filepath.ToSlash(t.TempDir())

	sum, out := deploy(t, site, bucketURL, Options{DryRun: true})
	if sum.Uploaded != len(siteFiles) || len(listKeys(t, bucketURL)) != 0 {
		t.Fatalf("dry run: %+v, stored %q\n%s", sum, listKeys(t, bucketURL), out)
	}
	if !strings.Contains(out, "would upload index.html (text/html; charset=utf-8, gzip)\n") {
		t.Errorf("dry run output:\n%s", out)
	}

	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Uploaded: len(siteFiles)}); sum != want {
		t.Errorf("first deploy: %+v, want %+v", sum, want)
	}
	if got := listKeys(t, bucketURL); !slices.Equal(got, sortedKeys()) {
		t.Errorf("stored %q\nwant %q", got, sortedKeys())
	}
	checkObjects(t, bucketURL, nil)
	// Assets before the pages that use them; feeds and manifest last.
	order := []string{"upload " + css, "upload images/logo.png", "upload index.html", "upload feed.xml", "upload manifest.json "}
	last := -1
	for _, line := range order {
		i := strings.Index(out, line)
		if i < last {
			t.Errorf("%q is not in upload order:\n%s", line, out)
		}
		last = i
	}
	if !strings.HasSuffix(out, fmt.Sprintf("%d uploaded, 0 unchanged, 0 deleted\n", len(siteFiles))) {
		t.Errorf("summary:\n%s", out)
	}

	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Unchanged: len(siteFiles)}); sum != want {
		t.Errorf("second deploy: %+v, want %+v\n%s", sum, want, out)
	}

	if err := os.WriteFile(filepath.Join(site, "feed.json"), []byte(`{"items":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Uploaded: 1, Unchanged: len(siteFiles) - 1}); sum != want || !strings.HasPrefix(out, "upload feed.json (application/feed+json; charset=utf-8)\n") {
		t.Errorf("after one change: %+v, want %+v\n%s", sum, want, out)
	}

	for _, f := range []string{"atom.xml", "atom.xml.gz", "atom.xml.br"} {
		if err := os.Remove(filepath.Join(site, f)); err != nil {
			t.Fatal(err)
		}
	}
	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Unchanged: len(siteFiles) - 1, Kept: 1}); sum != want || !slices.Contains(listKeys(t, bucketURL), "atom.xml") {
		t.Errorf("removed file without -delete: %+v, want %+v\n%s", sum, want, out)
	}
	if !strings.Contains(out, "use -delete") {
		t.Errorf("no hint about -delete:\n%s", out)
	}
	sum, out = deploy(t, site, bucketURL, Options{Delete: true, DryRun: true})
	if sum.Deleted != 1 || out != fmt.Sprintf("would delete atom.xml\ndry run, nothing changed: 0 to upload, %d unchanged, 1 to delete\n", len(siteFiles)-1) || !slices.Contains(listKeys(t, bucketURL), "atom.xml") {
		t.Errorf("dry run with -delete: %+v\n%s", sum, out)
	}
	sum, out = deploy(t, site, bucketURL, Options{Delete: true})
	if want := (Summary{Unchanged: len(siteFiles) - 1, Deleted: 1}); sum != want || slices.Contains(listKeys(t, bucketURL), "atom.xml") || !strings.HasPrefix(out, "delete atom.xml\n") {
		t.Errorf("with -delete: %+v, want %+v, stored %q\n%s", sum, want, listKeys(t, bucketURL), out)
	}
}

// putRecorder keeps the headers of each PUT the S3 server receives, by key.
type putRecorder struct {
	next http.Handler
	mu   sync.Mutex
	puts map[string]http.Header
}

func (p *putRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPut {
		p.mu.Lock()
		// Path style: /bucket/key
		_, key, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		p.puts[key] = r.Header.Clone()
		p.mu.Unlock()
	}
	p.next.ServeHTTP(w, r)
}

// TestDeployS3 deploys to an S3 server (gofakes3) on loopback through the
// same s3:// driver a real bucket uses.
func TestDeployS3(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("site"); err != nil {
		t.Fatal(err)
	}
	rec := &putRecorder{next: gofakes3.New(backend).Server(), puts: map[string]http.Header{}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	none := filepath.Join(t.TempDir(), "none")
	t.Setenv("AWS_ACCESS_KEY_ID", "test-key")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", none)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", none)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	bucketURL := "s3://site?" + url.Values{
		"endpoint":       {srv.URL},
		"use_path_style": {"true"},
		"region":         {"us-east-1"},
		"disable_https":  {"true"},
	}.Encode()

	site := writeSite(t)
	sum, out := deploy(t, site, bucketURL, Options{})
	if want := (Summary{Uploaded: len(siteFiles)}); sum != want {
		t.Errorf("first deploy: %+v, want %+v\n%s", sum, want, out)
	}
	if got := listKeys(t, bucketURL); !slices.Equal(got, sortedKeys()) {
		t.Errorf("stored %q\nwant %q", got, sortedKeys())
	}
	// gofakes3 keeps Content-Type and Content-Encoding but not Cache-Control,
	// so that is checked on the request S3 received.
	checkObjects(t, bucketURL, func(key string) string {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		return rec.puts[key].Get("Cache-Control")
	})

	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Unchanged: len(siteFiles)}); sum != want {
		t.Errorf("second deploy: %+v, want %+v\n%s", sum, want, out)
	}
	if err := os.WriteFile(filepath.Join(site, "index.html"), []byte("<!doctype html><title>Changed</title>"+para), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, out = deploy(t, site, bucketURL, Options{Delete: true})
	if want := (Summary{Uploaded: 1, Unchanged: len(siteFiles) - 1}); sum != want {
		t.Errorf("after one change: %+v, want %+v\n%s", sum, want, out)
	}
}
