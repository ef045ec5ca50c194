package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/disclose-dev/disclose/internal/hugo"
)

func init() {
	register(command{"theme", "write the built-in theme's layouts/, static/ and i18n/ into a site, to change them", runTheme})
}

func runTheme(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("theme", "theme export [SITE_DIR]",
		"disclose theme export\ndisclose -C my-site theme export", stderr)
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 || rest[0] != "export" {
		fs.Usage()
		return fmt.Errorf("%w: theme takes export, and the site's directory if it is not this one", ErrUsage)
	}
	dir, err := siteDirArg("theme export", rest[1:])
	if err != nil {
		return err
	}
	if err := needSite("theme export", dir); err != nil {
		return err
	}
	written, err := hugo.WriteTheme(dir, true)
	var kept *hugo.KeptError
	if err != nil && !errors.As(err, &kept) {
		return err
	}
	fmt.Fprintf(stdout, "Wrote %d file(s) of the built-in theme into %s (layouts/, static/ and i18n/).\n", len(written), fromHere(dir))
	if kept != nil {
		fmt.Fprintf(stdout, "Left %d file(s) that were already there as they are, such as %s.\n", len(kept.Files), kept.Files[0])
	}
	fmt.Fprintln(stdout, "A file there is used instead of the built-in one of the same name; delete the ones you do not change,")
	fmt.Fprintln(stdout, "so that they stay up to date with the program.")
	return nil
}
