package build_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/cli"
	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

func signedBuild(t *testing.T, site, out string, key *sign.SecretKey, previous string) (*build.Result, error) {
	t.Helper()
	return build.Build(context.Background(), build.Options{SiteDir: site, OutDir: out, Key: key, Previous: previous, Now: now, CacheDir: t.TempDir()})
}

func TestSignedSiteVerifies(t *testing.T) {
	key, pub, err := sign.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	site := sitetest.CopyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := signedBuild(t, site, out, key, ""); err != nil {
		t.Fatal(err)
	}
	published := read(t, filepath.Join(out, ".well-known", "disclose.pub"))
	if !strings.Contains(published, pub.String()) {
		t.Fatalf("/.well-known/disclose.pub does not hold the signing key:\n%s", published)
	}
	if verify := read(t, filepath.Join(out, "verify", "index.html")); !strings.Contains(html.UnescapeString(verify), pub.String()) {
		t.Error("the page for journalists (/verify/) does not show the public key")
	}
	keyFile := filepath.Join(t.TempDir(), "disclose.pub")
	os.WriteFile(keyFile, pub.MarshalText(), 0o644)

	var stdout, stderr bytes.Buffer
	err = cli.Run(context.Background(), []string{"verify", out, "--key", keyFile}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("verify of a fresh build: %v\n%s%s", err, stdout.String(), stderr.String())
	}

	if mini, err := exec.LookPath("minisign"); err != nil {
		t.Log("minisign is not installed (Debian package minisign): skipping the stock tool's check")
	} else {
		cmd := exec.Command(mini, "-Vm", filepath.Join(out, "manifest.json"), "-p", keyFile)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("minisign rejects our signature: %v\n%s", err, b)
		}
	}

	// One changed byte in a page is found and named.
	page := filepath.Join(out, "incidents", "prescription-data-2024", "index.html")
	b, _ := os.ReadFile(page)
	os.WriteFile(page, bytes.Replace(b, []byte("Southern"), []byte("Southorn"), 1), 0o644)
	stdout.Reset()
	stderr.Reset()
	err = cli.Run(context.Background(), []string{"verify", out, "--key", keyFile}, &stdout, &stderr)
	if cli.ExitCode(err) != 1 || !strings.Contains(stdout.String()+stderr.String(), "changed: incidents/prescription-data-2024/index.html") {
		t.Errorf("verify after a changed byte: exit %d\n%s%s", cli.ExitCode(err), stdout.String(), stderr.String())
	}
}

// TestSignedBuildsAreByteIdentical: signature included, under two local
// zones, on two days, in two directories.
func TestSignedBuildsAreByteIdentical(t *testing.T) {
	key, _, err := sign.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	site := sitetest.CopyExample(t)
	var trees []map[string]string
	for i, zone := range []string{"UTC", "Pacific/Auckland"} {
		restore := setLocal(t, zone)
		out := filepath.Join(t.TempDir(), zone, "public")
		_, err := build.Build(context.Background(), build.Options{SiteDir: site, OutDir: out, Key: key, Now: now.AddDate(0, 0, 2*i), CacheDir: t.TempDir()})
		restore()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(out, "manifest.json.minisig")); err != nil {
			t.Fatal("no signature:", err)
		}
		trees = append(trees, snapshot(t, out))
	}
	sameTree(t, trees[0], trees[1])
}

func TestNoSilentEdits(t *testing.T) {
	site := sitetest.CopyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := signedBuild(t, site, out, nil, ""); err != nil {
		t.Fatal(err)
	}
	rel := filepath.Join("content", "incidents", "prescription-data-2024", "2024-06-19-access-closed.md")
	file := filepath.Join(site, rel)
	orig, _ := os.ReadFile(file)
	edited := bytes.Replace(orig, []byte("\n---\n"), []byte("\n---\nA sentence added later. "), 1)
	if bytes.Equal(edited, orig) {
		t.Fatal("the test could not edit the body")
	}

	t.Run("edit without a revision is refused", func(t *testing.T) {
		os.WriteFile(file, edited, 0o644)
		defer os.WriteFile(file, orig, 0o644)
		before := snapshot(t, out)
		res, err := signedBuild(t, site, out, nil, out)
		var ce *build.ContentError
		if !errors.As(err, &ce) {
			t.Fatalf("want the build refused, got %v", err)
		}
		msg := res.Diags.Error()
		// At the line of the change: the body, which starts on line 7.
		if !strings.Contains(msg, filepath.ToSlash(rel)+":7:1: body: changed since it was published, without a new revisions entry") || !strings.Contains(msg, "revisions: [{date: ") {
			t.Errorf("the message must name the file, the line and what to add:\n%s", msg)
		}
		sameTree(t, before, snapshot(t, out))
	})
	t.Run("edit with a revision publishes and shows it", func(t *testing.T) {
		revised := bytes.Replace(edited, []byte("status:"), []byte("revisions:\n  - date: 2025-01-10T09:00:00+11:00\n    note: added a sentence about the review\nstatus:"), 1)
		os.WriteFile(file, revised, 0o644)
		defer os.WriteFile(file, orig, 0o644)
		other := filepath.Join(t.TempDir(), "public")
		if _, err := signedBuild(t, site, other, nil, out); err != nil {
			t.Fatal(err)
		}
		page := read(t, filepath.Join(other, "incidents/prescription-data-2024/2024-06-19-1500/index.html"))
		if !strings.Contains(page, "added a sentence about the review") || !strings.Contains(page, "Revised") {
			t.Error("the update page does not show the revision")
		}
	})
	t.Run("a removed update is refused", func(t *testing.T) {
		os.Remove(file)
		defer os.WriteFile(file, orig, 0o644)
		res, err := signedBuild(t, site, filepath.Join(t.TempDir(), "public"), nil, out)
		var ce *build.ContentError
		if !errors.As(err, &ce) || !strings.Contains(res.Diags.Error(), "withdrawn:") {
			t.Fatalf("want a refusal that explains withdrawn, got %v\n%s", err, res.Diags.Error())
		}
	})
	t.Run("withdrawn leaves a notice at its address", func(t *testing.T) {
		withdrawn := bytes.Replace(orig, []byte("status:"), []byte("withdrawn:\n  date: 2025-01-11T09:00:00+11:00\n  note: this update gave the wrong date for the review\nstatus:"), 1)
		os.WriteFile(file, withdrawn, 0o644)
		defer os.WriteFile(file, orig, 0o644)
		other := filepath.Join(t.TempDir(), "public")
		if _, err := signedBuild(t, site, other, nil, out); err != nil {
			t.Fatal(err)
		}
		page := read(t, filepath.Join(other, "incidents/prescription-data-2024/2024-06-19-1500/index.html"))
		if !strings.Contains(page, "Withdrawn") || !strings.Contains(page, "this update gave the wrong date for the review") {
			t.Error("the address does not carry the withdrawal notice")
		}
	})
}
