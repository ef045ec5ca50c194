package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/disclose-dev/disclose/internal/sign"
)

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	secret, public := filepath.Join(dir, "disclose.key"), filepath.Join(dir, "disclose.pub")
	out, code := runSigning(t, "keygen", "-secret", secret, "-public", public)
	if code != 0 {
		t.Fatalf("exit code %d\n%s", code, out)
	}
	pub, err := sign.ParsePublicKey(public)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"Secret key: " + secret + " (keep it secret; anyone who has it can sign a site as you)",
		"Public key: " + public + " (key ID " + pub.ID() + ")",
		"       mkdir -p static/.well-known && cp " + public + " static/.well-known/disclose.pub",
		"     that the key on the site is yours: " + pub.ID(),
		"  minisign -Vm manifest.json -P " + pub.String(),
	} {
		if !hasOutputLine(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if fi, err := os.Stat(secret); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("secret key: %v, mode %v; want 0600", err, fi.Mode().Perm())
	}

	before, _ := os.ReadFile(secret)
	if _, code := runSigning(t, "keygen", "-secret", secret, "-public", filepath.Join(dir, "x.pub")); code != 2 {
		t.Errorf("keygen over an existing key: exit %d, want 2", code)
	}
	if after, _ := os.ReadFile(secret); !bytes.Equal(before, after) {
		t.Error("keygen replaced an existing secret key")
	}

	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	inRepo := filepath.Join(repo, "disclose.key")
	out, _ = runSigning(t, "keygen", "-secret", inRepo, "-public", filepath.Join(repo, "disclose.pub"))
	if !hasOutputLine(out, "warning: "+inRepo+" is inside the git repository at "+repo+": move it out before you commit anything.") {
		t.Errorf("no warning for a key inside a repository:\n%s", out)
	}
}
