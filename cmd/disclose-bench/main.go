// Command disclose-bench writes generated sites and measures disclose build
// against plain Hugo on them.
//
//	disclose-bench gen -incidents 4 -updates 250 -seed 1 -o /tmp/site
//	disclose-bench run -sizes 100,1000,10000 -runs 5 -o BENCHMARKS.md
//
// run builds the disclose and hugo binaries from this module, generates
// one site per size, and times interleaved builds (ours, plain, ours,
// plain ...) as subprocesses, so that each build's CPU time and peak memory
// are its own. See BENCHMARKS.md for what it reports.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// errUsage marks a command line mistake (exit code 2).
var errUsage = errors.New("usage")

var commands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"gen":         runGen,
	"run":         runRun,
	"steps":       runSteps,
	"compress":    runCompress,
	"serveprof":   runServeProf,
	"hugoproject": runHugoProject,
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || commands[args[0]] == nil {
		fmt.Fprintln(stderr, "usage: disclose-bench gen|run|steps|compress|serveprof|hugoproject [flags]  (disclose-bench run -h for the flags)")
		return 2
	}
	if err := commands[args[0]](ctx, args[1:], stdout, stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "disclose-bench:", err)
		}
		return 2
	}
	return 0
}

func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: disclose-bench %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s takes no arguments, got %q", errUsage, fs.Name(), fs.Args())
	}
	return nil
}
