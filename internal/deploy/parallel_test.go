package deploy

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// flaky is an S3 server that refuses the first few uploads of one key as a
// busy service does (503 SlowDown), and records the order of the uploads
// it stores.
type flaky struct {
	next    http.Handler
	key     string
	refuse  int
	mu      sync.Mutex
	refused int
	order   []string
}

func (f *flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPut {
		_, key, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		f.mu.Lock()
		if key == f.key && f.refused < f.refuse {
			f.refused++
			f.mu.Unlock()
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`))
			return
		}
		f.order = append(f.order, key)
		f.mu.Unlock()
	}
	f.next.ServeHTTP(w, r)
}

// s3Bucket serves h (an S3 server) on loopback, sets the environment the
// s3:// driver reads to test credentials and nothing of the machine's, and
// returns the bucket "site" as Deploy's URL and the server's address.
func s3Bucket(t *testing.T, h http.Handler) (bucketURL, endpoint string) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	none := filepath.Join(t.TempDir(), "none")
	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret", "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "", "AWS_CONFIG_FILE": none, "AWS_SHARED_CREDENTIALS_FILE": none, "AWS_EC2_METADATA_DISABLED": "true"} {
		t.Setenv(k, v)
	}
	return "s3://site?" + url.Values{"endpoint": {srv.URL}, "use_path_style": {"true"}, "region": {"us-east-1"}, "disable_https": {"true"}}.Encode(), srv.URL
}

// TestParallelDeployKeepsTheOrderAndRetries: uploads run several at a
// time, yet no file of a later stage is stored before every file of the
// stages before it; an upload the service refuses for a while (more times
// than the S3 client's own retries) is tried again until it is stored; and
// the changed addresses are listed for a CDN's invalidation.
func TestParallelDeployKeepsTheOrderAndRetries(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("site"); err != nil {
		t.Fatal(err)
	}
	f := &flaky{next: gofakes3.New(backend).Server(), key: "index.html", refuse: 4}
	bucket, _ := s3Bucket(t, f)
	defer func(w time.Duration) { retryWait = w }(retryWait)
	retryWait = time.Millisecond

	site := writeSite(t)
	keys := siteKeys(t, site)
	var changed strings.Builder
	sum, out := deploy(t, site, bucket, Options{Jobs: 4, Changed: &changed})
	if sum.Uploaded != len(keys) {
		t.Fatalf("uploaded %d of %d\n%s", sum.Uploaded, len(keys), out)
	}
	if f.refused != 4 {
		t.Errorf("the service refused %d uploads, want 4", f.refused)
	}
	last := -1
	for _, k := range f.order {
		s := stage(k)
		if s < last {
			t.Errorf("%s (stage %d) was stored after a file of stage %d: %q", k, s, last, f.order)
			break
		}
		last = s
	}
	if got := f.order[len(f.order)-2:]; got[0] != "manifest.json" || got[1] != "manifest.json.minisig" {
		t.Errorf("the manifest and its signature were not stored last: %q", f.order)
	}
	lines := strings.Split(strings.TrimSpace(changed.String()), "\n")
	for _, want := range []string{"/", "/index.html", "/manifest.json"} {
		found := false
		for _, l := range lines {
			found = found || l == want
		}
		if !found {
			t.Errorf("the changed addresses lack %s:\n%s", want, changed.String())
		}
	}
	// A second deploy changes nothing and lists nothing.
	changed.Reset()
	if sum, out := deploy(t, site, bucket, Options{Changed: &changed}); sum.Uploaded != 0 || changed.Len() != 0 {
		t.Errorf("second deploy: %+v, changed %q\n%s", sum, changed.String(), out)
	}
}

// TestDeployStopsOnARefusal: an error that trying again cannot fix (the
// bucket does not exist) ends the deploy at once, naming the file.
func TestDeployStopsOnARefusal(t *testing.T) {
	bucket, _ := s3Bucket(t, gofakes3.New(s3mem.New()).Server())
	_, err := Deploy(context.Background(), writeSite(t), bucket, Options{})
	if err == nil || !strings.Contains(err.Error(), "deploy:") {
		t.Fatalf("err = %v", err)
	}
}

// TestStageOfTheManifest: a chunk goes up before the incident's part that
// lists it, the part before the root, and the root with its signature last.
func TestStageOfTheManifest(t *testing.T) {
	order := []string{"incidents/x/index.html", "incidents/x/manifest-1.json", "incidents/x/manifest.json", "manifest.json"}
	for i := 1; i < len(order); i++ {
		if stage(order[i-1]) >= stage(order[i]) {
			t.Errorf("%s (stage %d) does not go up before %s (stage %d)", order[i-1], stage(order[i-1]), order[i], stage(order[i]))
		}
	}
	if stage("manifest.json.minisig") != lastStage || stage("static/manifest.json") == lastStage {
		t.Errorf("the signature is in stage %d, another manifest.json in %d; want %d and another", stage("manifest.json.minisig"), stage("static/manifest.json"), lastStage)
	}
}
