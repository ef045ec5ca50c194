package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// exampleSite is the repository's example site, which passes check.
const exampleSite = "../.."

// bucketFiles lists the files a file:// bucket holds, without fileblob's
// .attrs sidecars.
func bucketFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".attrs") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	slices.Sort(files)
	return files
}

func TestDeploy(t *testing.T) {
	brokenSite := t.TempDir() // no config.toml: check fails
	tests := []struct {
		name     string
		args     func(site signedSite, bucket string) []string
		change   func(t *testing.T, site signedSite)
		code     int
		want     []string // lines of output, "…" for a prefix
		uploaded bool
	}{
		{
			name: "signed and checked",
			args: func(s signedSite, b string) []string {
				return []string{"deploy", "-site", exampleSite, "-target", "file://" + b, s.dir}
			},
			code:     0,
			want:     []string{"verified …", "upload index.html (text/html; charset=utf-8)", "upload manifest.json (application/json, gzip)", "upload manifest.json.minisig (text/plain; charset=utf-8, gzip)", "… uploaded, 0 unchanged, 0 deleted"},
			uploaded: true,
		},
		{
			name: "dry run",
			args: func(s signedSite, b string) []string {
				return []string{"deploy", "-dry-run", "-site", exampleSite, "-target", "file://" + b, s.dir}
			},
			want: []string{"would upload index.html (text/html; charset=utf-8)", "dry run, nothing changed: …"},
		},
		{
			name: "with the key given",
			args: func(s signedSite, b string) []string {
				return []string{"deploy", "-key", s.pubFile, "-site", exampleSite, "-target", "file://" + b, s.dir}
			},
			want:     []string{"verified …"},
			uploaded: true,
		},
		{
			name: "a file changed after signing",
			args: func(s signedSite, b string) []string {
				return []string{"deploy", "-site", exampleSite, "-target", "file://" + b, s.dir}
			},
			change: func(t *testing.T, s signedSite) {
				if err := os.WriteFile(s.path("index.html"), []byte("<h1>Defaced</h1>\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			code: 1,
			want: []string{"changed: index.html", "FAILED: 1 file(s) do not match the signed manifest …"},
		},
		{
			name: "not signed",
			args: func(s signedSite, b string) []string {
				return []string{"deploy", "-site", exampleSite, "-target", "file://" + b, s.dir}
			},
			change: func(t *testing.T, s signedSite) { os.Remove(s.path("manifest.json.minisig")) },
			code:   1,
			want:   []string{"missing: manifest.json.minisig"},
		},
		{
			name: "no manifest",
			args: func(s signedSite, b string) []string {
				return []string{"deploy", "-site", exampleSite, "-target", "file://" + b, s.dir}
			},
			change: func(t *testing.T, s signedSite) { os.Remove(s.path("manifest.json")) },
			code:   1,
			want:   []string{"missing: manifest.json"},
		},
		{
			name: "content has errors",
			args: func(s signedSite, b string) []string {
				return []string{"deploy", "-site", brokenSite, "-target", "file://" + b, s.dir}
			},
			code: 1,
		},
		{
			name: "nowhere to deploy",
			args: func(s signedSite, b string) []string { return []string{"deploy", "-site", brokenSite, s.dir} },
			code: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newSignedSite(t)
			bucket := t.TempDir()
			if tt.change != nil {
				tt.change(t, site)
			}
			out, code := runSigning(t, tt.args(site, bucket)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, out)
			}
			for _, w := range tt.want {
				if !hasOutputLine(out, w) && !(strings.HasPrefix(w, "…") && strings.Contains(out, strings.TrimPrefix(w, "…"))) {
					t.Errorf("no line %q in\n%s", w, out)
				}
			}
			stored := bucketFiles(t, bucket)
			if tt.uploaded {
				if !slices.Contains(stored, "index.html") || !slices.Contains(stored, "manifest.json.minisig") {
					t.Errorf("bucket holds %q", stored)
				}
			} else if len(stored) > 0 {
				t.Errorf("refused, yet the bucket holds %q", stored)
			}
		})
	}
}

// TestDeployConfigTarget takes the target from the [deployment] block of
// the site's config.toml.
func TestDeployConfigTarget(t *testing.T) {
	src := t.TempDir()
	if out, err := exec.Command("cp", "-R", filepath.Join(exampleSite, "content"), filepath.Join(exampleSite, "config.toml"), src).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	bucket := t.TempDir()
	cfg, err := os.OpenFile(filepath.Join(src, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	cfg.WriteString("\n[deployment]\nurl = \"file://" + filepath.ToSlash(bucket) + "\"\n")
	cfg.Close()
	site := newSignedSite(t)
	out, code := runSigning(t, "deploy", "-site", src, site.dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if stored := bucketFiles(t, bucket); !slices.Contains(stored, "index.html") {
		t.Errorf("bucket holds %q\n%s", stored, out)
	}
}
