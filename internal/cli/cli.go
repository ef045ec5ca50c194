// Package cli is the disclose command line: one file per subcommand, each
// with its own flag.FlagSet, registered in an init function.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
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
// Summary, when set, is the one line that says so; Printed says the
// command has printed it already (check's own), so Main prints only the hint.
type ContentError struct {
	Diags   diag.List
	Summary string
	Printed bool
}

func (e *ContentError) Error() string {
	if e.Summary != "" {
		return e.Summary
	}
	return fmt.Sprintf("%d error(s) and %d warning(s) in the content", e.Diags.Errors(), e.Diags.Warnings())
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

// Main runs the command line as the disclose program does: it prints an
// error with a hint to stderr and returns the exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	err := Run(ctx, args, stdout, stderr)
	code := ExitCode(err)
	var ce *ContentError
	if err != nil && code != 0 {
		if !errors.As(err, &ce) || !ce.Printed {
			fmt.Fprintf(stderr, "Error: %v\n", err)
		}
		if hint := Hint(err); hint != "" {
			fmt.Fprintf(stderr, "Try: %s\n", hint)
		}
	}
	return code
}

// siteC is the -C DIR given before the command, as typed, for the
// commands the program suggests: "" when there was none.
var siteC string

// disclose is the command line for sub as the writer should type it next:
// "disclose -C my-site check" after 'disclose -C my-site build'.
func disclose(sub string) string {
	if siteC == "" {
		return "disclose " + sub
	}
	return "disclose -C " + quoteArg(siteC) + " " + sub
}

// quoteArg quotes a folder name for the shell when it needs it.
func quoteArg(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// chdirFlag takes -C DIR (or -C=DIR) from the front of args, as git and
// make do: the command then runs in DIR, and every path it is given or
// prints is relative to DIR.
func chdirFlag(args []string) (rest []string, dir string, err error) {
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "-C" || a == "--C":
			if len(args) < 2 || args[1] == "" {
				return nil, "", fmt.Errorf("%w: -C needs the site's folder, as in: disclose -C my-site check", ErrUsage)
			}
			dir, args = args[1], args[2:]
		case strings.HasPrefix(a, "-C=") || strings.HasPrefix(a, "--C="):
			_, dir, _ = strings.Cut(a, "=")
			args = args[1:]
		default:
			return args, dir, nil
		}
	}
	return args, dir, nil
}

// Run runs the disclose command line with args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	args, dir, err := chdirFlag(args)
	if err != nil {
		return err
	}
	siteC = dir
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return &NoSiteError{Dir: dir, Missing: true}
		}
		if err := os.Chdir(dir); err != nil {
			return fmt.Errorf("-C %s: %w", dir, err)
		}
	}
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
	err = c.run(ctx, args[1:], stdout, stderr)
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
	fmt.Fprintln(w, "\nUsage: disclose [-C SITE_DIR] COMMAND [flags]\n\nCommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'disclose COMMAND -h' for a command's flags and an example.")
	fmt.Fprintln(w, "-C SITE_DIR runs the command on the site in that folder, from wherever you are.")
	fmt.Fprintln(w, "Example: disclose init my-site, then disclose -C my-site serve")
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
	var ns *NoSiteError
	switch {
	case errors.As(err, &ns):
		return ns.hint()
	case errors.As(err, &ce):
		return "fix the problems above, then run '" + disclose("check") + "' again"
	case errors.Is(err, ErrUsage):
		return "disclose help"
	}
	return ""
}

// NoSiteError is a command that needs a site run in a folder that holds
// none (no config.toml): the writer is in the wrong folder, or has not
// made the site yet (exit 2).
type NoSiteError struct {
	Cmd     string // the command, "check"
	Dir     string // the folder as given; "." for this one
	Missing bool   // the folder itself is not there
	// Up is the nearest folder above Dir that holds a site, relative to
	// Dir ("../.."), or "".
	Up string
}

func (e *NoSiteError) Error() string {
	where := "this folder"
	if filepath.Clean(e.Dir) != "." {
		where = "the folder " + e.Dir
	}
	switch {
	case e.Missing && e.Cmd == "":
		return fmt.Sprintf("-C %s: there is no such folder", e.Dir)
	case e.Missing:
		return fmt.Sprintf("%s: there is no folder %s", e.Cmd, e.Dir)
	}
	return fmt.Sprintf("%s: %s holds no site: there is no %s in it", e.Cmd, where, content.ConfigFile)
}

func (e *NoSiteError) hint() string {
	if e.Missing {
		return "check the folder's name; 'disclose init " + quoteArg(e.Dir) + "' makes a new site there"
	}
	if e.Up != "" {
		return fmt.Sprintf("the site is in %s: run 'disclose -C %s %s'", e.Up, quoteArg(e.Up), e.Cmd)
	}
	return "'disclose init' makes a new site here; 'disclose -C SITE_DIR " + e.Cmd + "' works on the site in folder SITE_DIR"
}

// needSite refuses to run cmd on dir unless dir holds a site's config.
func needSite(cmd, dir string) error {
	if _, err := os.Stat(filepath.Join(dir, content.ConfigFile)); err == nil {
		return nil
	}
	e := &NoSiteError{Cmd: cmd, Dir: dir}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		e.Missing = true
		return e
	}
	p, err := filepath.Abs(dir)
	if err != nil {
		return e
	}
	for up := ".."; filepath.Dir(p) != p; up = filepath.Join(up, "..") {
		p = filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(p, content.ConfigFile)); err == nil {
			e.Up = filepath.Join(dir, up)
			break
		}
	}
	return e
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
