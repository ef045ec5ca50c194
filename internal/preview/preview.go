// Package preview is `disclose serve`: a live preview of a site for the
// people who write it. Hugo's own development server renders the pages in
// memory, drafts included, and reloads the browser on every save; in front
// of it, on the address the writer opens, a small server of ours serves
// the feeds and the manifest as a subscriber would get them and passes
// every other request (the live-reload websocket too) to Hugo. Hugo never
// reads the writer's files: on start and after every save, the content is
// loaded, checked and rendered as a build does it, the generated pages that
// changed are written where Hugo's server watches (package pages), and the
// checker's diagnostics are printed.
//
// Hugo's server runs in this process, on a loopback port of its own, and
// answers only below a secret path that the front server adds to every
// request and takes out of every answer (inner.go): another program on the
// machine can reach the port, but not the drafts. Hugo's /__stop endpoint
// is never offered; the preview stops Hugo's server the way a terminal
// does, with SIGTERM (hugo.go). Hugo keeps process-wide state (its
// live-reload hub, its signal handler), so run one preview per process.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
)

// Options says what to preview and where.
type Options struct {
	SiteDir string
	// Addr is where the writer opens the preview: "127.0.0.1:1313". Port 0
	// picks a free port (see Server.URL).
	Addr string
	// Drafts shows draft updates on the pages and in the feeds, as they
	// will look once published.
	Drafts bool
	// CacheDir holds Hugo's caches; empty means the user's cache directory.
	CacheDir string
	// Log receives the checker's diagnostics and the preview's messages.
	Log io.Writer
	// Debounce is how long the files must be quiet after a save before the
	// content is checked again; 0 means 100ms, more than an editor takes
	// to save a file (even by writing a new one and renaming it) and less
	// than a writer notices.
	Debounce time.Duration
	// Now is the checker's present; nil means time.Now.
	Now func() time.Time
}

// rebuildWait bounds how long the whole site's check waits for Hugo's
// rebuild of a saved page before it runs anyway.
const rebuildWait = 2 * time.Second

// Server is a running preview.
type Server struct {
	opts   Options
	url    string
	ln     net.Listener
	front  *http.Server
	hugo   *hugoServer
	feeds  *feeds
	cancel context.CancelFunc
	watch  *watcher
	// reloads follows Hugo's rebuilds; following is its goroutine.
	reloads   *rebuilds
	following sync.WaitGroup
	// pagesDir holds the generated pages Hugo's server lays out.
	pagesDir string
	// site is the content as last loaded (refresh), for quick.
	site     *content.Site
	problems problems // shown on every page while any is an error

	closeOnce sync.Once
	closeErr  error
	done      chan struct{}
}

// Start checks the site and prints what the checker finds, starts Hugo's
// server and the front server, and returns once both answer requests. It
// stops the preview when ctx is done; Close stops it earlier.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("serve: %s is in use, perhaps by another preview; stop that one, or choose another port with -port: %w", opts.Addr, err)
	} else if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s := &Server{opts: opts, ln: ln, url: publicURL(ln.Addr().(*net.TCPAddr)), done: make(chan struct{})}
	s.feeds = &feeds{siteDir: opts.SiteDir, baseURL: s.url, drafts: opts.Drafts}
	if s.pagesDir, err = os.MkdirTemp("", "disclose-preview-*"); err != nil {
		ln.Close()
		return nil, fmt.Errorf("serve: %w", err)
	}
	site := s.refresh()
	if site == nil {
		ln.Close()
		os.RemoveAll(s.pagesDir)
		return nil, fmt.Errorf("serve: %s has no readable %s, so there is no site to preview", opts.SiteDir, content.ConfigFile)
	}
	s.hugo, err = startHugo(hugoOptions{
		siteDir: opts.SiteDir, pagesDir: s.pagesDir, baseURL: s.url, config: site.Config,
		cacheDir: opts.CacheDir, drafts: opts.Drafts,
	})
	if err != nil {
		ln.Close()
		os.RemoveAll(s.pagesDir)
		return nil, err
	}

	proxy := s.hugo.proxy() // inner.go
	strip := proxy.ModifyResponse
	proxy.ModifyResponse = func(r *http.Response) error {
		if err := strip(r); err != nil {
			return err
		}
		return s.addBox(r)
	}
	proxy.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		http.Error(w, "The preview is not ready: Hugo did not answer ("+err.Error()+"). Look at the terminal where disclose serve runs.", http.StatusBadGateway)
	}
	s.front = &http.Server{Handler: s.handler(proxy), ReadHeaderTimeout: 10 * time.Second}
	go s.front.Serve(ln)

	wctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.reloads = newRebuilds()
	s.following.Add(1)
	go func() {
		defer s.following.Done()
		s.reloads.follow(wctx, s.hugo.url.String(), s.url)
	}()
	s.watch, err = newWatcher(opts.SiteDir, opts.Debounce, func(_ time.Time, changed []string) {
		// Hugo rebuilds once the pages that changed are written: the
		// saved updates' pages first (quick.go), then whatever the whole
		// site's check and render change. That check waits until Hugo has
		// shown the saved page (it follows Hugo's live reload, as a
		// browser does): on a large site it takes seconds of both cores,
		// which the page the writer waits for needs.
		wrote := time.Now()
		if s.quick(changed) {
			s.reloads.waitAfter(wctx, wrote, rebuildWait)
		}
		if site := s.refresh(); site != nil {
			s.hugo.setConfig(site.Config)
		}
	})
	if err != nil {
		fmt.Fprintf(opts.Log, "disclose: cannot watch the files, so the checks will not run again on save: %v\n", err)
	} else {
		go s.watch.run(wctx)
	}
	go func() {
		select {
		case <-ctx.Done():
		case <-s.hugo.done: // Hugo stopped by itself: Ctrl+C, or it failed
		}
		s.Close()
	}()
	return s, nil
}

// URL is the preview's address, ending in "/": "http://127.0.0.1:1313/".
func (s *Server) URL() string { return s.url }

// Done is closed when the preview has stopped.
func (s *Server) Done() <-chan struct{} { return s.done }

// Err is why the preview stopped: nil when it was asked to. Call it after
// Done is closed.
func (s *Server) Err() error { return s.closeErr }

// Close stops the watcher, the front server and Hugo's server, and waits
// until Hugo has returned. It is safe to call more than once.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		if s.cancel != nil {
			s.cancel()
		}
		if s.watch != nil {
			s.watch.wait()
		}
		s.following.Wait()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ferr := s.front.Shutdown(ctx)
		if errors.Is(ferr, context.DeadlineExceeded) {
			ferr = s.front.Close() // a live-reload websocket is still open
		}
		herr := s.hugo.stop()
		os.RemoveAll(s.pagesDir)
		s.closeErr = errors.Join(herr, ferr)
		close(s.done)
	})
	return s.closeErr
}

// handler serves the feeds and the manifest, refuses /__stop, and passes
// everything else to Hugo.
func (s *Server) handler(hugo http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.ownRequest(w, r) { // host.go
			return
		}
		if r.URL.Path == "/__stop" {
			http.NotFound(w, r)
			return
		}
		if s.feeds.serve(w, r) {
			return
		}
		hugo.ServeHTTP(w, r)
	})
}

// publicURL is the address a browser on this machine opens for addr.
func publicURL(addr *net.TCPAddr) string {
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return (&url.URL{Scheme: "http", Host: net.JoinHostPort(host, strconv.Itoa(addr.Port)), Path: "/"}).String()
}
