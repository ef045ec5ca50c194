package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/disclose-dev/disclose/internal/build"
	"github.com/disclose-dev/disclose/internal/sign"
)

// stepTimes is what the steps command prints: each step's time in
// nanoseconds, in pipeline order.
type stepTimes struct {
	Steps []stepTime `json:"steps"`
}

type stepTime struct {
	Name   string        `json:"name"`
	NS     time.Duration `json:"ns"`
	Beside bool          `json:"beside,omitempty"` // ran beside the render: not part of the total
}

// runSteps builds a site in-process with build.Build and prints the time
// of each step as JSON. run calls it in a subprocess of its own, since
// disclose build prints no step times.
func runSteps(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("steps", "steps -site DIR -o DIR [-key FILE] [-cache DIR]", stderr)
	site := fs.String("site", "", "the site to build")
	out := fs.String("o", "", "the directory to publish into")
	keyFile := fs.String("key", "", "the minisign secret key")
	cache := fs.String("cache", "", "Hugo's cache directory")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *site == "" || *out == "" {
		return fmt.Errorf("%w: steps needs -site and -o", errUsage)
	}
	var key *sign.SecretKey
	if *keyFile != "" {
		k, err := sign.LoadSecret(*keyFile)
		if err != nil {
			return err
		}
		key = k
	}
	res, err := build.Build(ctx, build.Options{SiteDir: *site, OutDir: *out, Key: key, Strict: true, CacheDir: *cache})
	if err != nil {
		if res != nil {
			res.Diags.Print(stderr)
		}
		return fmt.Errorf("steps: %w", err)
	}
	var st stepTimes
	for _, s := range res.Steps {
		st.Steps = append(st.Steps, stepTime{s.Name, s.Duration, s.Beside})
	}
	return json.NewEncoder(stdout).Encode(st)
}

// startCPUProfile starts a CPU profile written to path; stop ends it.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
