package disclose_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/disclose-dev/disclose/internal/cli"
)

// TestMain makes this test binary the disclose program when the scripts
// run it by that name: cli.Main, as cmd/disclose runs it.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"disclose": func() {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
	})
}

// TestScripts runs the command-line stories in testdata/script, each in an
// empty temporary folder: `go test -run TestScripts/init .`
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			env.Setenv("TZ", "Australia/Sydney")
			port, err := freePort()
			if err != nil {
				return err
			}
			env.Setenv("PORT", strconv.Itoa(port))
			// The year init names the first incident by, in the site's zone.
			if syd, err := time.LoadLocation("Australia/Sydney"); err == nil {
				env.Setenv("YEAR", strconv.Itoa(time.Now().In(syd).Year()))
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fetch":           fetch,
			"glob":            glob,
			"until":           until,
			"replace-prompts": replacePrompts,
		},
	})
}

// fetch URL FILE waits (up to a minute) until URL answers 200, and writes
// the body to FILE; with !, it expects an answer that is not 200.
func fetch(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: fetch URL FILE")
	}
	deadline := time.Now().Add(time.Minute)
	for {
		resp, err := http.Get(args[0])
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), body, 0o644))
			if (resp.StatusCode == http.StatusOK) != neg {
				return
			}
			if !neg && time.Now().After(deadline) {
				ts.Fatalf("%s: %s\n%s", args[0], resp.Status, body)
			}
		} else if time.Now().After(deadline) {
			ts.Fatalf("%s: %v", args[0], err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// until URL REGEXP waits (up to a minute) until the page at URL matches
// REGEXP (with !, until it no longer does), as a browser reloading it
// would see.
func until(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: until URL REGEXP")
	}
	re, err := regexp.Compile(args[1])
	ts.Check(err)
	var last string
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(args[0])
		if err != nil {
			last = err.Error()
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		last = string(body)
		if re.MatchString(last) != neg {
			return
		}
	}
	ts.Fatalf("%s: still (not) matching %q after a minute:\n%s", args[0], args[1], last)
}

// glob PATTERN... checks that each pattern names at least one file (with
// !, none): an update's page is at its date and time, which init takes
// from the clock.
func glob(ts *testscript.TestScript, neg bool, args []string) {
	for _, p := range args {
		m, err := filepath.Glob(ts.MkAbs(p))
		ts.Check(err)
		if (len(m) > 0) == neg {
			ts.Fatalf("%s: %d file(s) match", p, len(m))
		}
	}
}

var prompt = regexp.MustCompile(`(?m)^Say what[^\n]*$`)

// replace-prompts DIR does what the writer does after init: every prompt
// paragraph in the Markdown files below DIR becomes a plain sentence.
func replacePrompts(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: replace-prompts DIR")
	}
	n := 0
	err := filepath.Walk(ts.MkAbs(args[0]), func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := prompt.ReplaceAllStringFunc(string(b), func(string) string {
			n++
			return fmt.Sprintf("We found a problem with one of our computer systems on Monday (note %d).", n)
		})
		return os.WriteFile(p, []byte(out), fi.Mode())
	})
	ts.Check(err)
	if n == 0 {
		ts.Fatalf("no prompts below %s", args[0])
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
