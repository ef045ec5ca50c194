package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/deploy"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sign"
)

func init() {
	register(command{name: "deploy", summary: "upload the built site to object storage (S3, GCS, Azure)", run: runDeploy})
}

// checkSite is `disclose check` on the site's sources: deploy refuses a site
// with errors in its content. Tests may replace it.
var checkSite = func(ctx context.Context, siteDir string) error {
	if _, diags := check.CheckSite(siteDir, time.Now()); diags.Fails(false) {
		return &ContentError{Diags: diags}
	}
	return nil
}

func runDeploy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("deploy", "deploy [-target URL] [-delete] [-dry-run] [-jobs N] [-changed FILE] [-key KEY] [-site DIR] [DIR]",
		"disclose build -o public && disclose deploy public\ndisclose deploy -dry-run -target 's3://updates-example-health?region=ap-southeast-2' public", stderr)
	target := fs.String("target", "", "where to publish: s3://BUCKET?region=R, gs://BUCKET, azblob://CONTAINER or file:///DIR\n(default: url in the [deployment] block of the site's config.toml)")
	del := fs.Bool("delete", false, "delete stored files that are no longer in the site")
	dry := fs.Bool("dry-run", false, "list what would be uploaded and deleted, and change nothing")
	keyArg := fs.String("key", "", "the public key the manifest must be signed with: a .pub file, its contents or the key\n(default: the site's own /"+public.PublicKey+")")
	siteDir := fs.String("site", ".", "the site's sources (config.toml, content/), checked before deploying")
	jobs := fs.Int("jobs", deploy.DefaultJobs, "how many uploads run at once")
	changedFile := fs.String("changed", "", "write the address of every file uploaded or deleted to `FILE`, one a line, for a CDN's invalidation")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	dir := "public"
	switch len(rest) {
	case 0:
	case 1:
		dir = rest[0]
	default:
		return fmt.Errorf("%w: deploy takes at most one built site directory, got %q", ErrUsage, rest)
	}
	var pub sign.PublicKey
	if *keyArg != "" {
		if pub, err = sign.ParsePublicKey(*keyArg); err != nil {
			return fmt.Errorf("%w: -key: %v", ErrUsage, err)
		}
	}
	if *target == "" {
		if *target, err = configTarget(*siteDir); err != nil {
			return err
		}
	}

	if err := checkSite(ctx, *siteDir); err != nil {
		var ce *ContentError
		if errors.As(err, &ce) {
			ce.Diags.Print(stderr)
		}
		fmt.Fprintf(stderr, "deploy: refusing to publish: 'disclose check' found errors in %s\n", *siteDir)
		return err
	}
	if err := verifyBuilt(ctx, dir, pub, *keyArg != "", stdout); err != nil {
		return err
	}
	if *jobs < 1 {
		return fmt.Errorf("%w: -jobs %d: give 1 or more uploads at once", ErrUsage, *jobs)
	}
	var changed bytes.Buffer
	_, err = deploy.Deploy(ctx, dir, *target, deploy.Options{Delete: *del, DryRun: *dry, Out: stdout, Jobs: *jobs, Changed: &changed, Progress: stderr})
	if *changedFile != "" && !*dry {
		if werr := os.WriteFile(*changedFile, changed.Bytes(), 0o644); werr != nil && err == nil {
			err = fmt.Errorf("deploy: -changed: %w", werr)
		}
	}
	return err
}

// configTarget reads the deployment URL from the site's config.toml.
func configTarget(siteDir string) (string, error) {
	cfg, diags := content.LoadConfig(siteDir)
	if cfg == nil || diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		return "", fmt.Errorf("%w: no -target, and the site's config cannot be read:\n%s", ErrUsage, strings.TrimSpace(b.String()))
	}
	if cfg.Deployment.URL == "" {
		return "", fmt.Errorf("%w: where to? give -target URL, or set url in a [deployment] block of %s", ErrUsage, cfg.File)
	}
	return cfg.Deployment.URL, nil
}

// verifyBuilt runs `disclose verify` on the built directory: deploy publishes
// only a site whose files all match its signed manifest. verify's report is
// shown only when it fails.
func verifyBuilt(ctx context.Context, dir string, pub sign.PublicKey, haveKey bool, stdout io.Writer) error {
	site, err := manifest.OpenSite(dir)
	if err != nil {
		return fmt.Errorf("deploy: %w", err)
	}
	defer site.Close()
	var report bytes.Buffer
	v := &verifier{site: site, out: &report}
	err = v.run(ctx, pub, haveKey)
	if err != nil {
		stdout.Write(report.Bytes())
		var fe *FailedError
		if errors.As(err, &fe) {
			return &FailedError{Msg: "deploy: refusing to publish " + dir + ": it does not pass 'disclose verify'; build it again with the secret key"}
		}
		return err
	}
	lines := strings.Split(strings.TrimSpace(report.String()), "\n")
	fmt.Fprintf(stdout, "verified %s: %s\n", dir, strings.TrimPrefix(lines[len(lines)-1], "OK: "))
	return nil
}
