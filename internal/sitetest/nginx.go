package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Nginx is Debian's nginx, and NginxBrotliModule its brotli_static module
// (Debian package libnginx-mod-http-brotli-static).
const (
	Nginx             = "/usr/sbin/nginx"
	NginxBrotliModule = "/usr/share/nginx/modules/ngx_http_brotli_static_module.so"
)

// StartNginx starts nginx in the foreground on a free loopback port, serving
// site with the snippet, and returns its base URL.
func StartNginx(t testing.TB, site, snippet string) string {
	t.Helper()
	tmp := t.TempDir()
	port := FreePort(t)
	conf := fmt.Sprintf(`load_module %s;
daemon off;
master_process off;
worker_processes 1;
error_log stderr warn;
pid %[2]s/nginx.pid;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
    server {
        listen 127.0.0.1:%[3]d;
        server_name localhost;
        root %[4]s;
        include %[5]s;
    }
}
`, NginxBrotliModule, tmp, port, site, snippet)
	confPath := filepath.Join(tmp, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	Serve(t, "nginx", addr, Nginx, "-p", tmp, "-c", confPath)
	return "http://" + addr
}

// Serve runs a server program in the foreground until the test ends, and
// returns once it accepts connections on addr. What the server printed is
// shown if the test fails.
func Serve(t testing.TB, name, addr, bin string, args ...string) {
	t.Helper()
	var stderr bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stderr = &stderr
	start(t, ctx, cancel, cmd, name, addr, &stderr)
}

// ServeCmd is Serve for a command the caller has set up (its environment,
// say); cmd must have been made with exec.CommandContext(ctx, ...) and its
// Stderr left unset.
func ServeCmd(t testing.TB, ctx context.Context, cancel context.CancelFunc, cmd *exec.Cmd, name, addr string) {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start(t, ctx, cancel, cmd, name, addr, &stderr)
}

func start(t testing.TB, ctx context.Context, cancel context.CancelFunc, cmd *exec.Cmd, name, addr string, stderr *bytes.Buffer) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		cmd.Wait()
		if t.Failed() {
			t.Logf("%s said:\n%s", name, stderr.String())
		}
	})
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			return
		}
		if i == 100 || ctx.Err() != nil {
			t.Fatalf("%s did not start: %v\n%s", name, err, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// FreePort is a loopback port nothing listens on, for a server to use.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
