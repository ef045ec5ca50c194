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
	"syscall"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/hugo"
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
	err     error // what hugo.Serve returned; read after done
	cleanup func()
	stopped sync.Once
	token   string // the secret first segment of every path Hugo answers
	// opts and configFile make Hugo's config again when config.toml changes.
	opts       hugo.Options
	configFile string
}

// readyTimeout bounds Hugo's first build and start.
const readyTimeout = 2 * time.Minute

// startHugo starts Hugo's server on a free loopback port and waits until it
// answers, or returns why it could not start.
func startHugo(o hugoOptions) (*hugoServer, error) {
	port, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	// Hugo's server answers only below its base URL's path: a secret one
	// keeps other programs on this machine, which can reach its loopback
	// port, from reading the drafts it serves (the front server, which
	// checks every request's Host, adds and removes it: inner.go).
	token, err := secret()
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	base := o.baseURL + token + "/"
	extra := []string{
		"--renderToMemory",
		"--port", strconv.Itoa(port),
		"--bind", "127.0.0.1",
		"--baseURL", base,
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
	cfg.BaseURL = base
	ho := hugo.Options{SiteDir: o.siteDir, Config: &cfg, PagesDir: o.pagesDir, CacheDir: o.cacheDir, ExtraArgs: extra, Preview: true}
	args, configFile, cleanup, err := hugo.Args("server", ho)
	if err != nil {
		return nil, err
	}
	h := &hugoServer{
		url:        &url.URL{Scheme: "http", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Path: "/" + token + "/"},
		token:      token,
		done:       make(chan struct{}),
		cleanup:    cleanup,
		opts:       ho,
		configFile: configFile,
	}
	go func() {
		defer close(h.done)
		defer cleanup()
		h.err = hugo.Serve(args, ho)
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
// Hugo returned. Hugo's server stops on SIGTERM, for which it listens
// (signal.Notify) from before it answers requests, so the process sends
// itself one: Hugo offers no other way to stop it in process but its
// /__stop endpoint, which any program on the machine could call. A
// process that listens for SIGTERM itself (disclose's main) is stopping
// the preview when this runs anyway.
func (h *hugoServer) stop() error {
	h.stopped.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
		defer cancel()
		for {
			select {
			case <-h.done:
				return
			default:
			}
			syscall.Kill(os.Getpid(), syscall.SIGTERM)
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
