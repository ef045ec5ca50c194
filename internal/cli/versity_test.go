package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// versitygw is Versity's S3 gateway, built and installed by
// scripts/setup-test-tools.sh (VERSITYGW names another copy).
func versitygw(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("VERSITYGW"); p != "" {
		return p
	}
	p, err := exec.LookPath("versitygw")
	if err != nil {
		t.Fatal("versitygw is not installed: run scripts/setup-test-tools.sh (it runs go install github.com/versity/versitygw/cmd/versitygw)")
	}
	return p
}

// startGateway starts the gateway on loopback with a POSIX backend in a new
// directory, and returns its S3 endpoint and its website endpoint.
func startGateway(t *testing.T) (s3URL, webURL string) {
	t.Helper()
	s3Port, webPort := sitetest.FreePort(t), sitetest.FreePort(t)
	cmd := exec.Command(versitygw(t), "--port", fmt.Sprintf("127.0.0.1:%d", s3Port), "--website", fmt.Sprintf("127.0.0.1:%d", webPort), "posix", t.TempDir())
	cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY=disclose-test", "ROOT_SECRET_KEY=disclose-test-secret")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	s3URL = fmt.Sprintf("http://127.0.0.1:%d", s3Port)
	for deadline := time.Now().Add(30 * time.Second); ; {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s3Port)); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the gateway did not start:\n%s", log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return s3URL, fmt.Sprintf("http://127.0.0.1:%d", webPort)
}

// TestDeployToVersityGateway deploys a signed build of the example site to
// a real S3 server, reads every object's headers back, reads the site
// through the gateway as a reader would, verifies it there, then adds an
// update, deploys again and checks that exactly the changed files went up.
func TestDeployToVersityGateway(t *testing.T) {
	endpoint, web := startGateway(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "disclose-test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "disclose-test-secret")
	t.Setenv("AWS_SESSION_TOKEN", "")
	none := filepath.Join(t.TempDir(), "none")
	t.Setenv("AWS_CONFIG_FILE", none)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", none)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	ctx := context.Background()
	client := s3.New(s3.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(endpoint), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider("disclose-test", "disclose-test-secret", ""),
	})
	const bucket = "site"
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatal(err)
	}
	// Readers fetch it without credentials, as from a public website bucket.
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::site/*"]}]}`
	if _, err := client.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String(bucket), Policy: aws.String(policy)}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{Bucket: aws.String(bucket), WebsiteConfiguration: &s3types.WebsiteConfiguration{
		IndexDocument: &s3types.IndexDocument{Suffix: aws.String("index.html")},
	}}); err != nil {
		t.Fatal(err)
	}
	target := "s3://" + bucket + "?" + url.Values{"endpoint": {endpoint}, "use_path_style": {"true"}, "region": {"us-east-1"}, "disable_https": {"true"}}.Encode()

	site := sitetest.CopyExample(t)
	keys := t.TempDir()
	if _, err := sign.Keygen(filepath.Join(keys, "disclose.key"), filepath.Join(keys, "disclose.pub")); err != nil {
		t.Fatal(err)
	}
	key, err := sign.LoadSecret(filepath.Join(keys, "disclose.key"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	buildSigned := func() *manifest.Manifest {
		t.Helper()
		if _, err := build.Build(ctx, build.Options{SiteDir: site, OutDir: out, Key: key, Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), CacheDir: filepath.Join(keys, "cache")}); err != nil {
			t.Fatal(err)
		}
		m, err := manifest.Load(ctx, out)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	deployed := func() []string {
		t.Helper()
		changed := filepath.Join(t.TempDir(), "changed.txt")
		var stdout, stderr bytes.Buffer
		if err := Run(ctx, []string{"deploy", "-site", site, "-target", target, "-changed", changed, out}, &stdout, &stderr); err != nil {
			t.Fatalf("deploy: %v\n%s%s", err, stdout.String(), stderr.String())
		}
		var up []string
		for _, l := range strings.Split(stdout.String(), "\n") {
			if k, ok := strings.CutPrefix(l, "upload "); ok {
				up = append(up, k[:strings.Index(k, " (")])
			}
		}
		slices.Sort(up)
		return up
	}

	first := buildSigned()
	up := deployed()
	all := []string{manifest.Name, manifest.Name + ".minisig"}
	for _, f := range slices.Concat(first.Files, first.ManifestFiles()) {
		all = append(all, f.Path)
	}
	slices.Sort(all)
	if !slices.Equal(up, all) {
		t.Fatalf("the first deploy uploaded %d files, want all %d", len(up), len(all))
	}

	// Every object carries the headers of the publish policy.
	for _, k := range all {
		h, err := client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(bucket), Key: aws.String(k)})
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		want := publish.HeadersFor(k)
		if got := aws.ToString(h.ContentType); got != want.Get("Content-Type") {
			t.Errorf("%s: Content-Type %q, want %q", k, got, want.Get("Content-Type"))
		}
		if got := aws.ToString(h.CacheControl); got != want.Get("Cache-Control") {
			t.Errorf("%s: Cache-Control %q, want %q", k, got, want.Get("Cache-Control"))
		}
		if enc := aws.ToString(h.ContentEncoding); enc != "" && enc != "gzip" {
			t.Errorf("%s: Content-Encoding %q", k, enc)
		}
		if publish.IsText(k) && strings.HasSuffix(k, ".html") && aws.ToString(h.ContentEncoding) != "gzip" {
			t.Errorf("%s: a page is stored without gzip", k)
		}
	}

	// A reader's browser, through the gateway's website endpoint: the
	// home page and an incident's page by their addresses, decoded.
	for _, p := range []string{"/", "/incidents/prescription-data-2024/"} {
		req, _ := http.NewRequest("GET", web+p, nil)
		req.Host = bucket
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte("Cyber security incident")) {
			t.Errorf("GET %s through the website endpoint: %d\n%.300s", p, resp.StatusCode, body)
		}
	}

	// disclose verify against the stored copy, over HTTP.
	var vout, verr bytes.Buffer
	if err := Run(ctx, []string{"verify", "-key", filepath.Join(keys, "disclose.pub"), endpoint + "/" + bucket + "/"}, &vout, &verr); err != nil {
		t.Fatalf("verify: %v\n%s%s", err, vout.String(), verr.String())
	}

	// One new update: exactly the files whose bytes changed go up again.
	sitetest.WriteInto(t, site, `
-- content/incidents/prescription-data-2024/2024-12-20-new-hours.md --
---
title: "New helpline hours over summer"
date: 2024-12-20T09:00:00+11:00
status: notifying
---
Our helpline is open from 9 am to 5 pm on weekdays until the end of January.
`)
	second := buildSigned()
	before := map[string]string{}
	for _, f := range slices.Concat(first.Files, first.ManifestFiles()) {
		before[f.Path] = f.SHA256
	}
	want := []string{manifest.Name, manifest.Name + ".minisig"}
	for _, f := range slices.Concat(second.Files, second.ManifestFiles()) {
		if before[f.Path] != f.SHA256 {
			want = append(want, f.Path)
		}
	}
	slices.Sort(want)
	got := deployed()
	if !slices.Equal(got, want) {
		t.Errorf("the second deploy uploaded\n%q\nwant the changed files\n%q", got, want)
	}
	t.Logf("a new update uploaded %d of %d files", len(got), len(second.Files)+2)
}
