// Command disclose builds, checks, signs and publishes a public breach
// transparency site. Run `disclose help` for its commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // times are shown in the site's zone even where the system has no zone files

	"github.com/disclose-dev/disclose/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	code := cli.ExitCode(err)
	if err != nil && code != 0 {
		fmt.Fprintf(os.Stderr, "Error: %v\n", err)
		if hint := cli.Hint(err); hint != "" {
			fmt.Fprintf(os.Stderr, "Try: %s\n", hint)
		}
	}
	os.Exit(code)
}
