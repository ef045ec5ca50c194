package cli

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

func init() {
	register(command{"version", "print the program's version and the commit it was built from", runVersion})
}

// modulePath is the module disclose is installed from.
const modulePath = "github.com/disclose-dev/disclose"

// readBuildInfo is the build information Go wrote into the program;
// tests replace it.
var readBuildInfo = debug.ReadBuildInfo

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "version", "disclose version", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: version takes no arguments, got %q", ErrUsage, fs.Arg(0))
	}
	fmt.Fprintln(stdout, versionLine())
	return nil
}

// versionLine is "disclose v1.2.0 (commit 0123abc, built with go1.26.8)",
// from what the Go toolchain recorded: the module's version when it was
// installed with go install ...@version, else "(devel)", and the commit
// when it was built from a git checkout (with "+ changes" when the work
// tree had uncommitted changes).
func versionLine() string {
	bi, ok := readBuildInfo()
	if !ok {
		return "disclose (no build information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var commit, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = " + changes"
			}
		}
	}
	line := "disclose " + v
	switch {
	case commit != "":
		if len(commit) > 12 {
			commit = commit[:12]
		}
		line += fmt.Sprintf(" (commit %s%s, built with %s)", commit, modified, bi.GoVersion)
	default:
		line += fmt.Sprintf(" (built with %s)", bi.GoVersion)
	}
	return line
}

// installVersion is the version a new site's workflow installs: this
// one when it has a version, else the latest.
func installVersion() string {
	if bi, ok := readBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "latest"
}
