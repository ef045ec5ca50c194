// Command disclose builds, checks, signs and publishes a public breach
// transparency site. Run `disclose help` for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // times are shown in the site's zone even where the system has no zone files

	"github.com/disclose-dev/disclose/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
