package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

func init() {
	register(command{name: "check", summary: "find every problem in the config and content, with file, line and fix", run: runCheck})
}

// runCheck loads and checks a site, prints every problem sorted by file and
// line, and fails on errors (and on warnings with -strict).
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "check [-strict] [-previous DIR_OR_URL] [-law] [-law-md FILE] [SITE_DIR]", "disclose check\ndisclose check path/to/site --strict\ndisclose check -previous https://updates.example-health.org/\ndisclose check -law -law-md notice-laws.md", stderr)
	strict := fs.Bool("strict", false, "fail on warnings too (for CI before publishing)")
	previous := fs.String("previous", "", "the last published site or manifest (directory, file or https URL), compared as build compares it; default: the manifest in "+defaultOut+"/, if there is one")
	law := fs.Bool("law", false, "print each notice law's requirements, whether the site meets them and where (problems go to stderr)")
	lawMD := fs.String("law-md", "", "write that report as Markdown to `FILE`, for the incident's records")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	dir, err := siteDirArg("check", rest)
	if err != nil {
		return err
	}
	if err := needSite("check", dir); err != nil {
		return err
	}
	// The check writes nothing, so when it is interrupted it stops at once.
	type result struct {
		site  *content.Site
		diags diag.List
		err   error
	}
	done := make(chan result, 1)
	go func() {
		site, diags, err := checkWithPrevious(ctx, dir, *previous, *strict, time.Now())
		if site != nil {
			diags = append(diags, check.Placeholders(site.Config)...)
			diags.Sort()
		}
		done <- result{site, diags, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		return ctx.Err()
	}
	if r.err != nil {
		return fmt.Errorf("check: %w", r.err)
	}
	site, diags := r.site, r.diags
	if *law || *lawMD != "" {
		diags.Print(stderr)
		if site != nil {
			if err := lawReport(check.Law(site), *law, *lawMD, stdout); err != nil {
				return err
			}
		}
	} else {
		diags.Print(stdout)
	}
	fmt.Fprintln(stderr, check.Summary(diags))
	if diags.Fails(*strict) {
		return &ContentError{Diags: diags, Summary: check.Summary(diags), Printed: true}
	}
	return nil
}

// checkWithPrevious is what build finds in the content before it renders:
// the loaded site, then (when that is not refused) the comparison with the
// last published manifest, then every rule, in build's order, so that
// check and build give the same diagnostics.
func checkWithPrevious(ctx context.Context, dir, previous string, strict bool, now time.Time) (*content.Site, diag.List, error) {
	site, diags := content.Load(dir)
	diags = append(diags, build.SiteSecrets(dir)...)
	if site == nil {
		return nil, diags, nil
	}
	if !diags.Fails(strict) {
		_, prev, err := build.Previous(ctx, site, previous, defaultOut, now)
		if err != nil {
			return site, nil, err
		}
		diags = append(diags, prev...)
	}
	diags = append(diags, check.Site(site, now)...)
	diags.Sort()
	return site, diags, nil
}

// lawReport prints the law report, and writes it as Markdown to mdFile.
func lawReport(r *check.LawReport, print bool, mdFile string, stdout io.Writer) error {
	if print {
		if err := r.WriteText(stdout); err != nil {
			return fmt.Errorf("check: write the law report: %w", err)
		}
	}
	if mdFile == "" {
		return nil
	}
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		return fmt.Errorf("check: write the law report: %w", err)
	}
	if err := os.WriteFile(mdFile, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("check: write the law report: %w", err)
	}
	return nil
}
