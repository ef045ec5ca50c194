package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sign"
)

func init() {
	register(command{"keygen", "make the key pair that signs the site", runKeygen})
}

func runKeygen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("keygen", "keygen [-secret FILE] [-public FILE]",
		"disclose keygen -secret ~/keys/disclose.key -public disclose.pub", stderr)
	secret := fs.String("secret", "disclose.key", "where to write the secret key (readable only by you); keep it out of the repository")
	pubFile := fs.String("public", "disclose.pub", "where to write the public key")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: keygen takes no arguments, got %q", ErrUsage, fs.Arg(0))
	}
	// The folders the hints name (~/keys, static/.well-known) may not
	// be there yet; the secret's is the user's alone.
	if err := os.MkdirAll(filepath.Dir(*secret), 0o700); err != nil {
		return fmt.Errorf("keygen: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(*pubFile), 0o755); err != nil {
		return fmt.Errorf("keygen: %w", err)
	}
	pk, err := sign.Keygen(*secret, *pubFile)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Secret key: %s (keep it secret; anyone who has it can sign a site as you)\n", *secret)
	fmt.Fprintf(stdout, "Public key: %s (key ID %s)\n", *pubFile, pk.ID())
	if repo := gitRepoOf(*secret); repo != "" {
		fmt.Fprintf(stdout, "\nwarning: %s is inside the git repository at %s: move it out before you commit anything.\n", *secret, repo)
	}
	fmt.Fprintf(stdout, `
Next:
  1. Keep the secret key out of the repository. Store the contents of
     %[1]s as a CI secret in the variable %[2]s,
     which disclose build reads; keep an offline copy somewhere safe;
     then delete the file from this computer.
  2. Publish the public key with the site:
       mkdir -p static/%[7]s && cp %[3]s static/%[8]s
  3. Publish the key ID somewhere other than this site too (a press release,
     a notice to regulators, your main website), so that readers can check
     that the key on the site is yours: %[4]s

Anyone can then check the published site:
  disclose verify https://YOUR-SITE/ --key %[5]s
  minisign -Vm %[9]s -P %[6]s
`, *secret, sign.SecretKeyEnv, *pubFile, pk.ID(), pk.String(), pk.String(), path.Dir(public.PublicKey), public.PublicKey, public.Manifest)
	return nil
}

// gitRepoOf is the top of the git work tree holding path, or "".
func gitRepoOf(path string) string {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
