package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"strconv"

	"github.com/disclose-dev/disclose/internal/preview"
)

func init() {
	register(command{"serve", "preview the site as you write, drafts included, with the checker's findings on every save", runServe})
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [-port 1313] [-bind 127.0.0.1] [-drafts=false] [SITE_DIR]",
		"disclose serve\ndisclose serve -port 8080 my-site", stderr)
	port := fs.Int("port", 1313, "the `port` to serve the preview on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 lets other devices on your network see the preview")
	showDrafts := fs.Bool("drafts", true, "show draft updates, marked DRAFT, on the pages and in the feeds")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	siteDir, err := siteDirArg("serve", rest)
	if err != nil {
		return err
	}
	if err := needSite("serve", siteDir); err != nil {
		return err
	}
	if *port < 0 || *port > 65535 {
		return fmt.Errorf("%w: -port %d is not a port; use a number from 1 to 65535, like 1313", ErrUsage, *port)
	}
	srv, err := preview.Start(ctx, preview.Options{
		SiteDir: siteDir,
		Addr:    net.JoinHostPort(*bind, strconv.Itoa(*port)),
		Drafts:  *showDrafts,
		Log:     stdout,
	})
	if err != nil {
		return err
	}
	drafts := ""
	if *showDrafts {
		drafts = " (drafts shown, marked DRAFT)"
	}
	fmt.Fprintf(stdout, "Open %s in your browser%s. Press Ctrl+C to stop.\n", srv.URL(), drafts)
	<-srv.Done()
	return srv.Err()
}
