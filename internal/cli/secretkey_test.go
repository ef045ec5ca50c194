package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/sign"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestSecretKeyInTheSiteIsRefused: a secret key copied anywhere into the
// site, under any name, is refused by check (even without -strict) and
// by build, at that file, with the fix.
func TestSecretKeyInTheSiteIsRefused(t *testing.T) {
	keys := t.TempDir()
	if _, err := sign.Keygen(filepath.Join(keys, "disclose.key"), filepath.Join(keys, "disclose.pub")); err != nil {
		t.Fatal(err)
	}
	secret, err := os.ReadFile(filepath.Join(keys, "disclose.key"))
	if err != nil {
		t.Fatal(err)
	}
	for _, where := range []string{"static/.well-known/disclose.key", "static/img/notes.txt", "content/incidents/x/key.txt", "layouts/_partials/old.html", "backup.key"} {
		t.Run(where, func(t *testing.T) {
			site := sitetest.Write(t, previousSite)
			sitetest.CopyTheme(t, site)
			sitetest.WriteFiles(t, site, map[string]string{where: string(secret)})
			want := where + ":1:1: this file holds a minisign secret key, which must never be published; remove it"
			stdout, _, code := runCheckCmd(t, site)
			if code != 1 || !strings.Contains(stdout, want) {
				t.Errorf("check: exit %d, want 1 and\n%s\ngot:\n%s", code, want, stdout)
			}
			t.Chdir(t.TempDir())
			out, code := runSigning(t, "build", "-key", filepath.Join(keys, "disclose.key"), site)
			if code != 1 {
				t.Errorf("build: exit %d, want 1\n%s", code, out)
			}
			if _, err := os.Stat("public"); err == nil {
				t.Error("build published the site")
			}
		})
	}
}

// TestKeyFileChecks: a key file others can read, and a key inside the
// site reached through a symbolic link, are refused before anything is
// built.
func TestKeyFileChecks(t *testing.T) {
	keys := t.TempDir()
	keyFile := filepath.Join(keys, "disclose.key")
	if _, err := sign.Keygen(keyFile, filepath.Join(keys, "disclose.pub")); err != nil {
		t.Fatal(err)
	}
	site := sitetest.Write(t, previousSite)
	sitetest.CopyTheme(t, site)
	t.Chdir(t.TempDir())

	os.Chmod(keyFile, 0o666)
	out, err := runBuildErr(t, "build", "-key", keyFile, site)
	if ExitCode(err) != 2 || !strings.Contains(err.Error(), keyFile+" can be read or changed by others (mode 0666)") || !strings.Contains(err.Error(), "chmod 600 "+keyFile) {
		t.Errorf("a key readable by everyone: exit %d, err %v\n%s", ExitCode(err), err, out)
	}
	os.Chmod(keyFile, 0o600)

	// The key kept in the site (outside its published folders), given
	// through a link that lives outside it.
	inside := filepath.Join(site, "keys", "disclose.key")
	os.MkdirAll(filepath.Dir(inside), 0o700)
	os.Rename(keyFile, inside)
	link := filepath.Join(t.TempDir(), "signing.key")
	if err := os.Symlink(inside, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	out, err = runBuildErr(t, "build", "-key", link, site)
	if ExitCode(err) != 2 || !strings.Contains(err.Error(), "is inside the site's directory") {
		t.Errorf("a key inside the site through a link: exit %d, err %v\n%s", ExitCode(err), err, out)
	}
	if _, err := os.Stat("public"); err == nil {
		t.Error("build published the site")
	}
}

func runBuildErr(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr strings.Builder
	err := Run(t.Context(), args, &stdout, &stderr)
	return stdout.String() + stderr.String(), err
}
