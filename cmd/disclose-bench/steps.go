package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
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
	memProfile := fs.String("memprofile", "", "write a heap profile of the build, taken when its live heap was largest, to this file")
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
	if *memProfile != "" {
		stop := startPeakHeapProfile(*memProfile, stderr)
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

// startPeakHeapProfile samples the live heap every 20 ms and keeps the
// heap profile of the largest one seen (taken when the heap had grown by
// a twentieth since the last one kept); stop writes it to path and says
// how large the heap was and when.
func startPeakHeapProfile(path string, stderr io.Writer) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	start := time.Now()
	var best bytes.Buffer
	var peak uint64
	var at time.Duration
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	n, tookAt := 0, false
	go func() {
		defer close(finished)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if at := os.Getenv("DISCLOSE_BENCH_HEAP_AT"); at != "" && !tookAt {
				if d, err := time.ParseDuration(at); err == nil && time.Since(start) >= d {
					runtime.GC()
					var b bytes.Buffer
					pprof.Lookup("heap").WriteTo(&b, 0)
					os.WriteFile(path+".at", b.Bytes(), 0o644)
					b.Reset()
					pprof.Lookup("goroutine").WriteTo(&b, 1)
					os.WriteFile(path+".goroutines", b.Bytes(), 0o644)
					tookAt = true
				}
			}
			if n++; n%25 == 0 {
				fmt.Fprintf(stderr, "memprofile: %5.1fs live %4d MiB, resident %4d MiB\n", time.Since(start).Seconds(), sample[0].Value.Uint64()>>20, residentMiB())
			}
			if live := sample[0].Value.Uint64(); live > peak+peak/20 {
				peak, at = live, time.Since(start)
				best.Reset()
				pprof.Lookup("heap").WriteTo(&best, 0)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		if err := os.WriteFile(path, best.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, "memprofile:", err)
		}
		fmt.Fprintf(stderr, "memprofile: live heap peaked at %d MiB, %s into the build\n", peak>>20, at.Round(time.Millisecond))
	}
}

// residentMiB is the process's resident set, from /proc (0 elsewhere).
func residentMiB() int {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, rss int
	fmt.Sscan(string(b), &size, &rss)
	return rss * os.Getpagesize() >> 20
}
