package cli

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestServeCommand runs `disclose serve` as a writer does, in its own
// process, and stops it with Ctrl+C (SIGINT): the preview package's own
// test covers what it serves; this one covers the command and how it ends.
func TestServeCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the disclose binary")
	}
	bin := filepath.Join(t.TempDir(), "disclose")
	build := exec.Command("go", "build", "-o", bin, "./cmd/disclose")
	build.Dir = sitetest.RepoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := sitetest.CopyExample(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()

	cmd := exec.Command(bin, "serve", "-port", port, dir)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	opened := make(chan string, 1)
	var all strings.Builder
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			all.WriteString(sc.Text() + "\n")
			if u, ok := strings.CutPrefix(sc.Text(), "Open "); ok {
				opened <- strings.Fields(u)[0]
			}
		}
		close(opened)
	}()
	var url string
	select {
	case url = <-opened:
	case <-time.After(2 * time.Minute):
		t.Fatal("disclose serve did not say where to open the preview")
	}
	if want := "http://127.0.0.1:" + port + "/"; url != want {
		t.Errorf("it says to open %s, want %s", url, want)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "<h1>Cyber incident updates</h1>") {
		t.Errorf("the home page is not there:\n%.1000s", body)
	}

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() {
		for range opened { // drain the output until it closes
		}
		exited <- cmd.Wait()
	}()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after Ctrl+C: %v, want exit 0\n%s", err, all.String())
		}
	case <-time.After(time.Minute):
		t.Fatalf("disclose serve did not stop on Ctrl+C\n%s", all.String())
	}
	if !strings.Contains(all.String(), "disclose: checked the content: no problems found") {
		t.Errorf("the checker's findings were not printed:\n%s", all.String())
	}
	for _, name := range []string{"public", "resources", ".hugo_build.lock"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("serve left %s in the site", name)
		}
	}
}
