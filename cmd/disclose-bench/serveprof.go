package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/preview"
)

// runServeProf runs the preview of disclose serve in this process, changes
// update files one at a time and writes a CPU profile of the time between
// each save and the moment the preview serves the change.
func runServeProf(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serveprof", "serveprof -site DIR -cpuprofile FILE [-changes N]", stderr)
	site := fs.String("site", "", "a generated site (disclose-bench gen)")
	prof := fs.String("cpuprofile", "", "where to write the CPU profile")
	changes := fs.Int("changes", 5, "how many one-file changes to time")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *site == "" || *prof == "" {
		return fmt.Errorf("%w: serveprof needs -site and -cpuprofile", errUsage)
	}
	var updates []string
	err := filepath.WalkDir(filepath.Join(*site, "content", "incidents"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			updates = append(updates, p)
		}
		return err
	})
	if err != nil || len(updates) == 0 {
		return fmt.Errorf("serveprof: no updates under %s: %v", *site, err)
	}
	start := time.Now()
	var log lockedBuffer
	srv, err := preview.Start(ctx, preview.Options{SiteDir: *site, Addr: "127.0.0.1:0", Drafts: true, Log: &log})
	if err != nil {
		return err
	}
	defer srv.Close()
	fmt.Fprintf(stdout, "preview ready after %s at %s\n", time.Since(start).Round(time.Millisecond), srv.URL())
	time.Sleep(3 * time.Second)
	stop, err := startCPUProfile(*prof)
	if err != nil {
		return err
	}
	defer stop()
	client := &http.Client{Timeout: 30 * time.Second}
	const checked = "disclose: checked the content" // each save waits for the check of the one before, as in run
	for i := range *changes {
		checks := log.count(checked)
		file := updates[(i*977+len(updates)/2)%len(updates)]
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		addr := addressOf(data)
		marker := fmt.Sprintf("Profiled change number %d (run %d) was saved.", i+1, start.UnixNano())
		if err := appendLine(file, "\n"+marker+"\n"); err != nil {
			return err
		}
		t0 := time.Now()
		for {
			resp, err := client.Get(strings.TrimSuffix(srv.URL(), "/") + addr)
			if err == nil {
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if bytes.Contains(body, []byte(marker)) {
					break
				}
			}
			if time.Since(t0) > time.Minute {
				return fmt.Errorf("serveprof: change %d to %s not seen at %s within a minute", i+1, file, addr)
			}
			time.Sleep(5 * time.Millisecond)
		}
		fmt.Fprintf(stdout, "change %d seen after %s\n", i+1, time.Since(t0).Round(time.Millisecond))
		for t1 := time.Now(); log.count(checked) == checks && time.Since(t1) < time.Minute; {
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(time.Second)
	}
	return nil
}

// addressOf is the address of a generated update from its date: line.
func addressOf(src []byte) string {
	var slug, stamp string
	for _, line := range strings.Split(string(src), "\n") {
		if v, ok := strings.CutPrefix(line, "date: "); ok {
			if t, err := time.Parse(time.RFC3339, v); err == nil {
				stamp = t.Format("2006-01-02-1504")
			}
		}
		if v, ok := strings.CutPrefix(line, "All our updates are on the [incident page]("); ok {
			slug, _, _ = strings.Cut(v, ")")
		}
	}
	return slug + stamp + "/"
}
