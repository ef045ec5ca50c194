package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sign"
)

func init() {
	register(command{name: "build", summary: "check the content and publish the site into a directory", run: runBuild})
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", "build [-o DIR] [-previous DIR_OR_URL] [-key FILE] [-strict] [SITE_DIR]",
		"disclose build -o public\nDISCLOSE_SECRET_KEY=\"$(cat disclose.key)\" disclose build -previous https://updates.example-health.org/", stderr)
	out := fs.String("o", defaultOut, "the directory to publish into; replaced whole, only when every step succeeded")
	previous := fs.String("previous", "", "the last published site or manifest (directory, file or https URL); default: the manifest already in -o")
	keyFile := fs.String("key", "", "the minisign secret key that signs "+public.Manifest+"; default: the key text in $"+sign.SecretKeyEnv+", else unsigned")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	siteDir, err := siteDirArg("build", rest)
	if err != nil {
		return err
	}
	if err := needSite("build", siteDir); err != nil {
		return err
	}
	if *keyFile != "" {
		if err := keyOutsideSite(*keyFile, siteDir); err != nil {
			return err
		}
	}
	key, err := sign.LoadSecret(*keyFile)
	if err != nil {
		return err
	}
	res, err := build.Build(ctx, build.Options{SiteDir: siteDir, OutDir: *out, Previous: *previous, Key: key, Strict: *strict, RefuseSamples: true})
	res.Diags.Print(stderr)
	var ce *build.ContentError
	if errors.As(err, &ce) {
		return &ContentError{Diags: ce.Diags, Summary: fmt.Sprintf("%s; nothing was published", check.Summary(ce.Diags))}
	}
	if err != nil {
		return err
	}
	signed := "unsigned: give -key or $" + sign.SecretKeyEnv + " to sign it"
	if key != nil {
		signed = "manifest signed with key " + key.Public().ID()
	}
	fmt.Fprintf(stdout, "published %d incident(s) and %d update(s) into %s (%s)\n", res.Incidents, res.Updates, fromHere(*out), signed)
	return nil
}

// defaultOut is where build publishes, and where check looks for the last
// published manifest, unless told otherwise.
const defaultOut = "public"

// keyOutsideSite refuses a secret key kept in the site's directory: it
// would be one careless commit away from being published with the site.
// Both paths are resolved through symbolic links, so that a link from
// outside the site to a key inside it (or the reverse) is seen for what
// it is.
func keyOutsideSite(keyFile, siteDir string) error {
	k, err1 := resolved(keyFile)
	s, err2 := resolved(siteDir)
	if err1 != nil || err2 != nil {
		return nil // a missing key is reported when it is read
	}
	if rel, err := filepath.Rel(s, k); err == nil && filepath.IsLocal(rel) {
		if abs, _ := filepath.Abs(keyFile); abs != k {
			keyFile += " (a link to " + k + ")"
		}
		return fmt.Errorf("%w: the secret key %s is inside the site's directory; move it out (and keep it out of the repository), or pass its text in $%s", ErrUsage, keyFile, sign.SecretKeyEnv)
	}
	return nil
}

// resolved is p made absolute, with every symbolic link in it followed;
// the part of p that does not exist yet (a key or site about to be made)
// is kept as written below the part that does.
func resolved(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, rest), nil
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}
