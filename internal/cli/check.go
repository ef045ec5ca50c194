package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/diag"
)

func init() {
	register(command{name: "check", summary: "find every problem in the config and content, with file, line and fix", run: runCheck})
}

// runCheck loads and checks a site, prints every problem sorted by file and
// line, and fails on errors (and on warnings with -strict).
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "check [-strict] [SITE_DIR]", "disclose check\ndisclose check path/to/site --strict", stderr)
	strict := fs.Bool("strict", false, "fail on warnings too (for CI before publishing)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	dir, err := siteDirArg("check", rest)
	if err != nil {
		return err
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%w: %s is not a site directory (one holding config.toml and content/)", ErrUsage, dir)
	}
	// The check writes nothing, so when it is interrupted it stops at once.
	done := make(chan diag.List, 1)
	go func() {
		_, diags := check.CheckSite(dir, time.Now())
		done <- diags
	}()
	var diags diag.List
	select {
	case diags = <-done:
	case <-ctx.Done():
		return ctx.Err()
	}
	diags.Print(stdout)
	fmt.Fprintln(stderr, check.Summary(diags))
	if diags.Fails(*strict) {
		return &ContentError{Diags: diags}
	}
	return nil
}
