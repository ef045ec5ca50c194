package publish

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/disclose-dev/disclose/internal/sitetest"
)

const caddyDoc = "../../docs/caddy.conf"

func TestCaddySnippetIsDocumented(t *testing.T) {
	checkGolden(t, caddyDoc, CaddySnippet())
}

// TestCaddy runs Debian's Caddy on loopback with docs/caddy.conf, the
// snippet the README shows, and checks what a browser gets.
func TestCaddy(t *testing.T) {
	bin, err := exec.LookPath("caddy")
	if err != nil {
		t.Skip("caddy is not installed (Debian package caddy)")
	}
	snippet, err := filepath.Abs(caddyDoc)
	if err != nil {
		t.Fatal(err)
	}
	site := writeBuiltSite(t)
	tmp := t.TempDir()
	port := sitetest.FreePort(t)
	conf := fmt.Sprintf(`{
	admin off
	auto_https off
}

http://127.0.0.1:%d {
	root * %s
	import %s
}
`, port, site, snippet)
	confPath := filepath.Join(tmp, "Caddyfile")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "run", "--config", confPath, "--adapter", "caddyfile")
	cmd.Env = append(os.Environ(), "HOME="+tmp, "XDG_DATA_HOME="+tmp, "XDG_CONFIG_HOME="+tmp)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	sitetest.ServeCmd(t, ctx, cancel, cmd, "caddy", addr)
	checkServed(t, "http://"+addr, site, true)
}
