package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"gocloud.dev/blob"

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

const css = "css/style.min.0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.css"

var para = strings.Repeat("<p>We are contacting everyone whose details were involved.</p>\n", 30)

// siteFiles is what a build renders: the rest (_headers, .gz and .br
// copies, manifest and signature) writeSite adds as a build does.
var siteFiles = map[string]string{
	"index.html": "<!doctype html><title>Updates</title>" + para,
	"incidents/ransomware/2024-05-16-0900/index.html": "<!doctype html><title>First update</title>" + para,
	"feed.xml":        "<rss>" + strings.Repeat("<item><title>Update</title></item>", 20) + "</rss>",
	"atom.xml":        "<feed>" + strings.Repeat("<entry><title>Update</title></entry>", 20) + "</feed>",
	"feed.json":       `{"items":[` + strings.Repeat(`{"title":"Update"},`, 20) + `{}]}`,
	css:               strings.Repeat("body { line-height: 1.5 }\n", 40),
	"images/logo.png": "\x89PNG\r\n\x1a\n not really a png",
}

// writeSite writes a built site as `disclose build` leaves it: siteFiles,
// then _headers, the .gz and .br copies, and the signed manifest.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := sitetest.WriteFiles(t, t.TempDir(), siteFiles)
	if err := publish.WriteHeadersFile(dir); err != nil {
		t.Fatal(err)
	}
	if err := publish.Precompress(dir); err != nil {
		t.Fatal(err)
	}
	signSite(t, dir)
	return dir
}

// signSite writes the manifest of the site in dir, signed with a new key.
func signSite(t *testing.T, dir string) {
	t.Helper()
	key, _, err := sign.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if err := manifest.Write(dir, nil, "https://updates.example-health.org/", key); err != nil {
		t.Fatal(err)
	}
}

// siteKeys is every file of the built site in dir, sorted: what the
// bucket must hold after a deploy.
func siteKeys(t *testing.T, dir string) []string {
	t.Helper()
	files, err := manifest.Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{manifest.Name, manifest.SigName}
	for _, f := range files {
		keys = append(keys, f.Path)
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

// wantStored is how some files must be stored: the rest are checked
// against the policy only.
var wantStored = []struct{ key, contentType, cacheControl, encoding string }{
	{"index.html", "text/html; charset=utf-8", publish.CacheShort, "gzip"},
	{"incidents/ransomware/2024-05-16-0900/index.html", "text/html; charset=utf-8", publish.CacheShort, "gzip"},
	{"feed.xml", "application/rss+xml; charset=utf-8", publish.CacheShort, "gzip"},
	{"atom.xml", "application/atom+xml; charset=utf-8", publish.CacheShort, "gzip"},
	{"feed.json", "application/feed+json; charset=utf-8", publish.CacheShort, "gzip"},
	{"manifest.json", "application/json", publish.CacheShort, "gzip"},
	{"incidents/ransomware/manifest.json", "application/json", publish.CacheShort, "gzip"},
	{"manifest.json.minisig", "text/plain; charset=utf-8", publish.CacheShort, "gzip"},
	{css, "text/css; charset=utf-8", publish.CacheImmutable, "gzip"},
	{"images/logo.png", "image/png", publish.CacheStatic, ""},
	// The copies go up as they are, for `disclose verify`.
	{"index.html.gz", "application/gzip", publish.CacheShort, ""},
	{"feed.xml.br", "application/octet-stream", publish.CacheShort, ""},
}

// checkObjects checks each stored object's attributes against the policy
// and that its body, decoded, is the file. cacheControl gives the
// Cache-Control a key was stored with, where the service does not say.
func checkObjects(t *testing.T, site, bucketURL string, cacheControl func(key string) string) {
	t.Helper()
	ctx := context.Background()
	b, err := blob.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, w := range wantStored {
		t.Run("stored/"+w.key, func(t *testing.T) {
			attrs, err := b.Attributes(ctx, w.key)
			if err != nil {
				t.Fatal(err)
			}
			cc := attrs.CacheControl
			if cacheControl != nil {
				cc = cacheControl(w.key)
			}
			if attrs.ContentType != w.contentType || cc != w.cacheControl || attrs.ContentEncoding != w.encoding {
				t.Errorf("stored with Content-Type %q, Cache-Control %q, Content-Encoding %q\nwant %q, %q, %q",
					attrs.ContentType, cc, attrs.ContentEncoding, w.contentType, w.cacheControl, w.encoding)
			}
		})
	}
	for _, key := range siteKeys(t, site) {
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
			body, err := b.ReadAll(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			switch attrs.ContentEncoding {
			case "gzip":
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatalf("stored body is not gzip: %v", err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			case "":
			default:
				t.Errorf("Content-Encoding %q", attrs.ContentEncoding)
			}
			file, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(key)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(body, file) {
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
	keys := siteKeys(t, site)
	n := len(keys)
	bucketURL := "file://" + filepath.ToSlash(t.TempDir())

	sum, out := deploy(t, site, bucketURL, Options{DryRun: true})
	if sum.Uploaded != n || len(listKeys(t, bucketURL)) != 0 {
		t.Fatalf("dry run: %+v, stored %q\n%s", sum, listKeys(t, bucketURL), out)
	}
	if !strings.Contains(out, "would upload index.html (text/html; charset=utf-8, gzip)\n") {
		t.Errorf("dry run output:\n%s", out)
	}

	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Uploaded: n}); sum != want {
		t.Errorf("first deploy: %+v, want %+v", sum, want)
	}
	if got := listKeys(t, bucketURL); !slices.Equal(got, keys) {
		t.Errorf("stored %q\nwant %q", got, keys)
	}
	checkObjects(t, site, bucketURL, nil)
	// Assets before the pages that use them; feeds and the incident's
	// part of the manifest, then its root and signature last.
	order := []string{"upload " + css + " ", "upload images/logo.png", "upload index.html ", "upload feed.xml ", "upload incidents/ransomware/manifest.json ", "upload manifest.json ", "upload manifest.json.minisig "}
	last := -1
	for _, line := range order {
		i := strings.Index(out, line)
		if i < last {
			t.Errorf("%q is not in upload order:\n%s", line, out)
		}
		last = i
	}
	if !strings.HasSuffix(out, fmt.Sprintf("\n%d uploaded, 0 unchanged, 0 deleted\n", n)) {
		t.Errorf("summary:\n%s", out)
	}

	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Unchanged: n}); sum != want {
		t.Errorf("second deploy: %+v, want %+v\n%s", sum, want, out)
	}

	if err := os.WriteFile(filepath.Join(site, "feed.json"), []byte(`{"items":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Uploaded: 1, Unchanged: n - 1}); sum != want || !strings.HasPrefix(out, "upload feed.json (application/feed+json; charset=utf-8)\n") {
		t.Errorf("after one change: %+v, want %+v\n%s", sum, want, out)
	}

	if err := os.Remove(filepath.Join(site, "images", "logo.png")); err != nil {
		t.Fatal(err)
	}
	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Unchanged: n - 1, Kept: 1}); sum != want || !slices.Contains(listKeys(t, bucketURL), "images/logo.png") {
		t.Errorf("removed file without -delete: %+v, want %+v\n%s", sum, want, out)
	}
	if !strings.Contains(out, "use -delete") {
		t.Errorf("no hint about -delete:\n%s", out)
	}
	sum, out = deploy(t, site, bucketURL, Options{Delete: true, DryRun: true})
	if sum.Deleted != 1 || out != fmt.Sprintf("would delete images/logo.png\ndry run, nothing changed: 0 to upload, %d unchanged, 1 to delete\n", n-1) || !slices.Contains(listKeys(t, bucketURL), "images/logo.png") {
		t.Errorf("dry run with -delete: %+v\n%s", sum, out)
	}
	sum, out = deploy(t, site, bucketURL, Options{Delete: true})
	if want := (Summary{Unchanged: n - 1, Deleted: 1}); sum != want || slices.Contains(listKeys(t, bucketURL), "images/logo.png") || !strings.HasPrefix(out, "delete images/logo.png\n") {
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
	bucketURL, endpoint := s3Bucket(t, rec)

	site := writeSite(t)
	keys := siteKeys(t, site)
	n := len(keys)
	sum, out := deploy(t, site, bucketURL, Options{})
	if want := (Summary{Uploaded: n}); sum != want {
		t.Errorf("first deploy: %+v, want %+v\n%s", sum, want, out)
	}
	if got := listKeys(t, bucketURL); !slices.Equal(got, keys) {
		t.Errorf("stored %q\nwant %q", got, keys)
	}
	// gofakes3 keeps Content-Type and Content-Encoding but not Cache-Control,
	// so that is checked on the request S3 received.
	checkObjects(t, site, bucketURL, func(key string) string {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		return rec.puts[key].Get("Cache-Control")
	})

	// A reader fetching the deployed site over HTTP (the S3 server here,
	// a CDN in front of it in production) gets every file the signed
	// manifest lists, byte for byte, once the transport has decoded it.
	raw, err := os.ReadFile(filepath.Join(site, manifest.Name))
	if err != nil {
		t.Fatal(err)
	}
	m, err := manifest.Load(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range slices.Concat(m.Files, m.ManifestFiles(), []manifest.File{{Path: manifest.Name, SHA256: fmt.Sprintf("%x", sha256.Sum256(raw))}}) {
		resp, err := http.Get(endpoint + "/site/" + f.Path)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", f.Path, resp.StatusCode, err)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(body)); got != f.SHA256 {
			t.Errorf("GET %s: sha256 %s, the manifest says %s", f.Path, got, f.SHA256)
		}
	}

	sum, out = deploy(t, site, bucketURL, Options{})
	if want := (Summary{Unchanged: n}); sum != want {
		t.Errorf("second deploy: %+v, want %+v\n%s", sum, want, out)
	}
	if err := os.WriteFile(filepath.Join(site, "index.html"), []byte("<!doctype html><title>Changed</title>"+para), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, out = deploy(t, site, bucketURL, Options{Delete: true})
	if want := (Summary{Uploaded: 1, Unchanged: n - 1}); sum != want {
		t.Errorf("after one change: %+v, want %+v\n%s", sum, want, out)
	}
}

// TestDeployUsesOnlyATrueGzipCopy: deploy sends the build's .gz copy as
// the gzip body of its file, but only when it unpacks to the file: a copy
// left from an older text must not be served for the new one.
func TestDeployUsesOnlyATrueGzipCopy(t *testing.T) {
	site := writeSite(t)
	stale := publish.Gzip([]byte("<!doctype html><title>An older page</title>" + strings.Repeat("<p>Old text.</p>", 50)))
	if err := os.WriteFile(filepath.Join(site, "index.html.gz"), stale, 0o644); err != nil {
		t.Fatal(err)
	}
	// Sign the site again, stale copy and all: deploy takes only a
	// verified site.
	signSite(t, site)
	bucketURL := "file://" + filepath.ToSlash(t.TempDir())
	deploy(t, site, bucketURL, Options{})
	// Every stored body, gzip or not, must be its own file.
	checkObjects(t, site, bucketURL, nil)

	b, err := blob.OpenBucket(context.Background(), bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	feed, err := b.ReadAll(context.Background(), "feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(site, "feed.xml.gz"))
	if !bytes.Equal(feed, want) {
		t.Error("feed.xml was not stored as its build's .gz copy")
	}
}
