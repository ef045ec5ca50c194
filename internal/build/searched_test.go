package build_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/publish"
	"github.com/disclose-dev/disclose/internal/sign"
)

// TestSecretsAreSearchedInTheBytesCompressRead: the compress step
// refuses a text file of the output that holds a secret key, without
// compressing it into the cache, and the secrets step searches every
// other file (an image, say) that compress does not read.
func TestSecretsAreSearchedInTheBytesCompressRead(t *testing.T) {
	keys := t.TempDir()
	if _, err := sign.Keygen(filepath.Join(keys, "k.key"), filepath.Join(keys, "k.pub")); err != nil {
		t.Fatal(err)
	}
	secret, err := os.ReadFile(filepath.Join(keys, "k.key"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for k, v := range cacheSite {
		files[k] = v
	}
	files["notes/key.txt"] = strings.Repeat("Our notes.\n", 100) + string(secret)
	out, cache := pcWriteTree(t, files), t.TempDir()
	known, diags, err := build.PrecompressSearched(out, cache, "public/", siteFiles(t, out), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 1 || !strings.Contains(diags.Error(), "public/notes/key.txt:1:1: this file holds a minisign secret key") {
		t.Errorf("compress said %q; want notes/key.txt refused", diags.Error())
	}
	if known != nil {
		t.Errorf("compress returned the files of a site it refused")
	}
	for _, ext := range []string{".gz", ".br"} {
		if _, err := os.Stat(filepath.Join(out, "notes", "key.txt"+ext)); err == nil {
			t.Errorf("the file holding the key was compressed (%s)", ext)
		}
	}
	// The cache names an entry by the SHA-256 of the file compressed.
	sum := fmt.Sprintf("%x", sha256.Sum256([]byte(files["notes/key.txt"])))
	entries := 0
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			entries++
			if strings.HasPrefix(d.Name(), sum) {
				t.Errorf("the cache holds the file with the key: %s", p)
			}
		}
		return nil
	})
	if entries == 0 {
		t.Errorf("the cache is empty; want the other files' copies")
	}

	// Without the text file, compress passes, and the key in a file it
	// does not read is found by secrets.
	os.Remove(filepath.Join(out, "notes", "key.txt"))
	os.WriteFile(filepath.Join(out, "image.png"), []byte("\x89PNG "+string(secret)), 0o644)
	known, diags, err = build.PrecompressSearched(out, cache, "public/", siteFiles(t, out), nil)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags.Error())
	}
	if _, ok := known["index.html"]; !ok {
		t.Fatalf("compress did not return index.html")
	}
	d := build.SecretFilesBut(out, "public/", known)
	if len(d) != 1 || !strings.Contains(d.Error(), "public/image.png:1:1:") {
		t.Errorf("secrets said %q; want image.png refused", d.Error())
	}
}

func siteFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := publish.SiteFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}
