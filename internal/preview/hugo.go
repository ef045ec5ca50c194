package preview

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/hugo"
	"github.com/gohugoio/hugo/commands"
)

// hugoOptions says how to run Hugo's server.
type hugoOptions struct {
	siteDir  string
	pagesDir string // the generated pages (package pages)
	baseURL  string // the front server's: pages link there, and live reload connects there
	config   *content.Config
	cacheDir string
	drafts   bool
}

// hugoServer is Hugo's development server running in this process.
type hugoServer struct {
	url     *url.URL // on loopback
	done    chan struct{}
	err     error // what commands.Execute returned; read after done
	cleanup func()
	stopped sync.Once
	// opts and configFile make Hugo's config again when config.toml changes.
	opts       hugo.Options
	configFile string
}

// readyTimeout bounds Hugo's first build and start.
const readyTimeout = 2 * time.Minute

// testRunEnv makes Hugo's server offer /__stop, the one way to stop it in
// process (see the package comment).
const testRunEnv = "HUGO_TESTRUN"

// startHugo starts Hugo's server on a free loopback port and waits until it
// answers, or returns why it could not start.
func startHugo(o hugoOptions) (*hugoServer, error) {
	port, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	extra := []string{
		"--renderToMemory",
		"--port", strconv.Itoa(port),
		"--bind", "127.0.0.1",
		"--baseURL", o.baseURL,
		"--appendPort=false",
		"--navigateToChanged",
		// Our findings, not Hugo's log: the writer needs the address and what
		// the checker found (printed by refresh), not Hugo's build table.
		"--quiet",
	}
	if o.drafts {
		extra = append(extra, "--buildDrafts")
	}
	// Pages link to the front server, whose address is the site's here.
	cfg := *o.config
	cfg.BaseURL = o.baseURL
	ho := hugo.Options{SiteDir: o.siteDir, Config: &cfg, PagesDir: o.pagesDir, CacheDir: o.cacheDir, ExtraArgs: extra, Preview: true}
	args, configFile, cleanup, err := hugo.Args("server", ho)
	if err != nil {
		return nil, err
	}
	h := &hugoServer{
		url:        &url.URL{Scheme: "http", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Path: "/"},
		done:       make(chan struct{}),
		cleanup:    cleanup,
		opts:       ho,
		configFile: configFile,
	}
	old, had := os.LookupEnv(testRunEnv)
	os.Setenv(testRunEnv, "1")
	defer func() {
		if had {
			os.Setenv(testRunEnv, old)
		} else {
			os.Unsetenv(testRunEnv)
		}
	}()
	go func() {
		defer close(h.done)
		defer cleanup()
		if err := commands.Execute(args); err != nil {
			h.err = fmt.Errorf("hugo: %w", err)
		}
	}()
	if err := h.waitReady(); err != nil {
		h.stop()
		return nil, err
	}
	return h, nil
}

// setConfig writes Hugo's config again from the site's config as last
// loaded; Hugo's server rebuilds every page when it changed.
func (h *hugoServer) setConfig(c *content.Config) {
	cfg := *c
	cfg.BaseURL = h.opts.Config.BaseURL
	o := h.opts
	o.Config = &cfg
	hugo.WriteConfig(h.configFile, o)
}

// waitReady polls until Hugo's server answers or Hugo returns.
func (h *hugoServer) waitReady() error {
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(readyTimeout)
	for time.Now().Before(deadline) {
		select {
		case <-h.done:
			if h.err != nil {
				return h.err
			}
			return errors.New("serve: Hugo's server stopped as it started")
		default:
		}
		resp, err := client.Get(h.url.String())
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("serve: Hugo's server did not answer within %v", readyTimeout)
}

// stop asks Hugo's server to stop and waits until it has, returning what
// Hugo returned.
func (h *hugoServer) stop() error {
	h.stopped.Do(func() {
		client := &http.Client{Timeout: 2 * time.Second}
		ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
		defer cancel()
		for {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, h.url.JoinPath("__stop").String(), nil)
			if resp, err := client.Do(req); err == nil {
				resp.Body.Close()
			}
			select {
			case <-h.done:
				return
			case <-ctx.Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	select {
	case <-h.done:
		return h.err
	default:
		return errors.New("serve: Hugo's server did not stop")
	}
}

// freePort is a loopback port nothing listens on now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
