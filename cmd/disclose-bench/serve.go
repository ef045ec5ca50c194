package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/disclose-dev/disclose/internal/corpus"
)

// lockedBuffer is disclose serve's output, written by the process while
// the benchmark reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// count is how many times s has been written.
func (l *lockedBuffer) count(s string) int {
	return strings.Count(l.String(), s)
}

// measureServe starts disclose serve on the site, changes one update file
// at a time and times how long until the preview serves the change. It
// returns the latencies, or none and a note saying why.
func (e *benchEnv) measureServe(ctx context.Context, site string, inc corpus.Incident) ([]time.Duration, string) {
	help, _ := exec.CommandContext(ctx, e.disclose, "help").CombinedOutput()
	if !bytes.Contains(help, []byte("serve")) {
		return nil, "not measured: this disclose has no serve command"
	}
	return e.timeChanges(ctx, "serve", inc, func(u corpus.Update) string { return u.Path },
		func(port int) *exec.Cmd {
			return exec.Command(e.disclose, "serve", "-port", fmt.Sprint(port), site)
		},
		// Each change is saved to an idle preview, as a writer's next save
		// would be: after the checks of the one before have printed.
		"disclose: checked the content")
}

// measurePlainServe does the same with plain Hugo's own server on the
// plain site (same content, minimal templates), as the floor of what a
// live preview on Hugo costs. Its pages are at Hugo's default addresses:
// /incidents/<slug>/<file name>/.
func (e *benchEnv) measurePlainServe(ctx context.Context, plain string, inc corpus.Incident) ([]time.Duration, string) {
	return e.timeChanges(ctx, "plain hugo server", inc,
		func(u corpus.Update) string {
			return path.Dir(strings.TrimSuffix(u.Path, "/")) + "/" + strings.TrimSuffix(filepath.Base(u.File), ".md") + "/"
		},
		func(port int) *exec.Cmd {
			return exec.Command(e.hugo, "server", "--source", plain, "--renderToMemory", "--bind", "127.0.0.1",
				"--port", fmt.Sprint(port), "--cacheDir", filepath.Join(e.cache, "plain"), "--noBuildLock", "--logLevel", "warn")
		}, "")
}

// timeChanges starts a server (cmd, on a free port), then changes one
// update file of inc at a time and times how long until the server's page
// for it (at addr) shows the change. If idle is not empty, each change
// waits until the server has printed idle once more after the change
// before it, then a second more; else a second and a half. It returns the
// latencies, or none and a note saying why.
func (e *benchEnv) timeChanges(ctx context.Context, what string, inc corpus.Incident, addr func(corpus.Update) string, cmdOn func(port int) *exec.Cmd, idle string) ([]time.Duration, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "not measured: " + err.Error()
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var log lockedBuffer
	cmd := cmdOn(port)
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, "not measured: " + err.Error()
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	client := &http.Client{Timeout: 10 * time.Second}
	get := func(path string) (int, []byte) {
		resp, err := client.Get(base + path)
		if err != nil {
			return 0, nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	for {
		if code, _ := get("/"); code == http.StatusOK {
			break
		}
		select {
		case err := <-exited:
			exited <- err
			return nil, fmt.Sprintf("not measured: %s stopped: %v: %s", what, err, tail(log.String(), 500))
		case <-ctx.Done():
			return nil, "not measured: interrupted"
		case <-time.After(100 * time.Millisecond):
		}
		if time.Since(start) > 10*time.Minute {
			return nil, fmt.Sprintf("not measured: %s did not answer within 10 minutes", what)
		}
	}
	ready := time.Since(start)
	e.logf("%s answered after %s", what, ready.Round(time.Millisecond))
	time.Sleep(2 * time.Second) // let the first checks and the watcher settle

	var lat []time.Duration
	for i := range e.serveChanges {
		seen := log.count(idle)
		u := inc.Updates[(i*7+3)%len(inc.Updates)]
		page := addr(u)
		if code, _ := get(page); code != http.StatusOK {
			return lat, fmt.Sprintf("not measured: %s answers %d at %s", what, code, page)
		}
		marker := fmt.Sprintf("Benchmark change number %d to %s was saved.", i+1, what)
		if err := appendLine(u.File, "\n"+marker+"\n"); err != nil {
			return lat, "stopped: " + err.Error()
		}
		t0 := time.Now()
		for {
			if _, body := get(page); bytes.Contains(body, []byte(marker)) {
				lat = append(lat, time.Since(t0))
				break
			}
			if time.Since(t0) > 60*time.Second {
				return lat, fmt.Sprintf("change %d not seen within 60 s", i+1)
			}
			time.Sleep(5 * time.Millisecond)
		}
		e.logf("%s change %d seen after %s", what, i+1, lat[len(lat)-1].Round(time.Millisecond))
		if idle == "" {
			time.Sleep(1500 * time.Millisecond)
			continue
		}
		for t1 := time.Now(); log.count(idle) == seen && time.Since(t1) < time.Minute; {
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(time.Second)
	}
	note := fmt.Sprintf("it answered its first request %s after it started", ready.Round(100*time.Millisecond))
	if strings.Contains(log.String(), "panic") {
		note += "; it logged a panic"
	}
	return lat, note
}
