// Package cli is the disclose command line: one file per subcommand, each
// with its own flag.FlagSet, registered in an init function.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/internal/diag"
)

// command is one subcommand.
type command struct {
	name    string
	summary string // one line for `disclose help`
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// ErrUsage marks a mistake in how the command was called (exit 2).
var ErrUsage = errors.New("usage")

// ContentError is returned when the site's content is wrong (exit 1): the
// diagnostics have already been printed.
type ContentError struct{ Diags diag.List }

func (e *ContentError) Error() string {
	return fmt.Sprintf("%d error(s) and %d warning(s) in the content; nothing was published", e.Diags.Errors(), e.Diags.Warnings())
}

// ExitCode maps an error from Run to the process exit status: 0 fine, 1 the
// content is wrong (or a check found a mismatch), 2 usage or internal failure.
func ExitCode(err error) int {
	var ce *ContentError
	var fe *FailedError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ce), errors.As(err, &fe):
		return 1
	}
	return 2
}

// ErrInterrupted is a command stopped by Ctrl+C or SIGTERM (exit 2). A
// build stopped this way published nothing and removed what it had made.
var ErrInterrupted = errors.New("interrupted: stopped before it finished; nothing was published or changed")

// FailedError is a check that ran and found a problem (exit 1), such as a
// file that does not match its signed hash. Its message has been printed.
type FailedError struct{ Msg string }

func (e *FailedError) Error() string { return e.Msg }

// Run runs the disclose command line with args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return fmt.Errorf("%w: no command given", ErrUsage)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run(ctx, []string{"-h"}, stdout, stdout)
			}
		}
		usage(stdout)
		return nil
	}
	c, ok := commands[name]
	if !ok {
		usage(stderr)
		return fmt.Errorf("%w: unknown command %q", ErrUsage, name)
	}
	err := c.run(ctx, args[1:], stdout, stderr)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return ErrInterrupted
	}
	return err
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "disclose builds a public breach transparency site from Markdown updates.")
	fmt.Fprintln(w, "\nUsage: disclose COMMAND [flags]\n\nCommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'disclose COMMAND -h' for a command's flags and an example.")
	fmt.Fprintln(w, "Example: disclose build -o public")
}

// newFlagSet makes a FlagSet whose -h prints usage, an example and the flags.
func newFlagSet(name, usageLine, example string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: disclose %s\n\n", usageLine)
		fmt.Fprintf(out, "Example:\n  %s\n", strings.ReplaceAll(example, "\n", "\n  "))
		var hasFlags bool
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(out, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args, turning a bad flag into ErrUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	return nil
}

// Hint is a one-line suggestion printed after an error, or "".
func Hint(err error) string {
	var ce *ContentError
	switch {
	case errors.As(err, &ce):
		return "fix the problems above, then run 'disclose check' again"
	case errors.Is(err, ErrUsage):
		return "disclose help"
	}
	return ""
}

// parseInterspersed parses flags that may come before or after positional
// arguments (the flag package stops at the first positional one), and
// returns the positional arguments. Everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		i := slices.Index(args, "--")
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if i >= 0 && len(args)-i-1 == len(rest) { // the parser stopped at "--"
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// siteDirArg is the optional SITE_DIR argument of cmd: "." when absent.
func siteDirArg(cmd string, rest []string) (string, error) {
	switch len(rest) {
	case 0:
		return ".", nil
	case 1:
		return rest[0], nil
	}
	return "", fmt.Errorf("%w: %s takes at most one site directory, got %q", ErrUsage, cmd, rest)
}
