package manifest

import (
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// Limits on what is read from a site, so that a hostile or broken server
// cannot exhaust memory or hang a check.
const (
	MaxManifestSize = 64 << 20  // manifest.json
	MaxSmallFile    = 64 << 10  // the signature and the public key
	MaxFileSize     = 512 << 20 // any listed file
)

// Deadline bounds a whole check of a site over HTTP(S): the manifest, its
// signature, the key and every listed file, 10 minutes in all, however the
// time is spent. Callers apply it to the context they pass (`disclose
// verify` does); the client itself bounds only the steps a stalled server
// could hold open: connecting, the TLS handshake and waiting for headers.
const Deadline = 10 * time.Minute

// Browser headers: a site is fetched as a reader's browser fetches it, so
// that a server that shows tools one thing and browsers another is checked
// on what readers get.
const (
	browserAgent          = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
	browserAccept         = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	browserAcceptEncoding = "gzip, deflate, br"
)

// Site is a published site being read, from a directory or over HTTP(S).
type Site struct {
	dir    string
	root   *os.Root
	base   *url.URL // ends in "/"
	client *http.Client
}

// OpenSite opens a site given as a directory or as an https:// address
// (plain http:// only on this machine, for tests). An address ending in
// /manifest.json stands for the directory that holds it.
func OpenSite(dirOrURL string) (*Site, error) {
	if isURL(dirOrURL) {
		base, err := siteURL(dirOrURL)
		if err != nil {
			return nil, err
		}
		return &Site{base: base, client: newClient(base)}, nil
	}
	root, err := os.OpenRoot(dirOrURL)
	if err != nil {
		return nil, fmt.Errorf("manifest: open site: %w", err)
	}
	return &Site{dir: dirOrURL, root: root}, nil
}

// Close releases the site's directory, if it has one.
func (s *Site) Close() error {
	if s.root != nil {
		return s.root.Close()
	}
	return nil
}

// Remote reports whether the site is read over HTTP(S).
func (s *Site) Remote() bool { return s.base != nil }

// String is where the site is: its directory or base address.
func (s *Site) String() string {
	if s.base != nil {
		return s.base.String()
	}
	return s.dir
}

// URL is the address of the file at the slash path name, or "" for a
// directory.
func (s *Site) URL(name string) string {
	if s.base == nil {
		return ""
	}
	return s.base.ResolveReference(&url.URL{Path: name}).String()
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

func siteURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("manifest: %s: no host in the address", raw)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, fmt.Errorf("manifest: %s: use https:// (a site read over plain http could be altered on the way)", raw)
	}
	u.RawQuery, u.Fragment, u.User = "", "", nil
	if strings.HasSuffix(u.Path, "/"+Name) {
		u.Path = strings.TrimSuffix(u.Path, Name)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return u, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// newClient fetches as a careful reader would: bounded time for each step,
// and redirects followed only within the site's own host and scheme.
func newClient(base *url.URL) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: 15 * time.Second}).DialContext
	t.TLSHandshakeTimeout = 15 * time.Second
	t.ResponseHeaderTimeout = 30 * time.Second
	return &http.Client{
		Transport: t,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			if req.URL.Host != base.Host || req.URL.Scheme != base.Scheme {
				return fmt.Errorf("redirected to %s, outside %s://%s; check that address instead", req.URL.Redacted(), base.Scheme, base.Host)
			}
			return nil
		},
	}
}

// Open opens the file at the slash path name. A file that does not exist
// gives an error that matches fs.ErrNotExist.
func (s *Site) Open(ctx context.Context, name string) (io.ReadCloser, error) {
	if err := checkPath(name); err != nil && name != Name && name != SigName {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if s.root != nil {
		f, err := s.root.Open(filepath.FromSlash(name))
		if err != nil {
			return nil, err
		}
		if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%s: not a regular file", name)
		}
		return f, nil
	}
	addr := s.URL(name)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return nil, err
	}
	// As a browser asks: a host that compresses for browsers is checked on
	// what it sends them, undone by decoded; a .gz or .br copy labelled
	// with its own encoding is checked as stored.
	req.Header.Set("User-Agent", browserAgent)
	req.Header.Set("Accept", browserAccept)
	req.Header.Set("Accept-Encoding", browserAcceptEncoding)
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	switch ce := resp.Header.Get("Content-Encoding"); {
	case resp.StatusCode == http.StatusOK && ce != "" && ce != "identity":
		return decoded(resp, addr, name, ce)
	case resp.StatusCode == http.StatusOK:
		return resp.Body, nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %w (HTTP %d)", addr, fs.ErrNotExist, resp.StatusCode)
	}
	resp.Body.Close()
	return nil, fmt.Errorf("%s: HTTP %s", addr, resp.Status)
}

// decoded undoes a Content-Encoding the server applied although asked for
// the file as stored. Object stores do that: S3 and its CDNs send text that
// was uploaded gzip-encoded with that encoding, whatever the request says.
// A .gz or .br copy is itself the compressed file, so an encoding on one
// of those is taken as a label, not undone.
func decoded(resp *http.Response, addr, name, ce string) (io.ReadCloser, error) {
	if strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") {
		return resp.Body, nil
	}
	switch strings.ToLower(ce) {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, fmt.Errorf("%s: sent gzip-encoded but not gzip: %w", addr, err)
		}
		return readCloser{zr, resp.Body}, nil
	case "br":
		return readCloser{brotli.NewReader(resp.Body), resp.Body}, nil
	case "deflate":
		zr, err := zlib.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, fmt.Errorf("%s: sent deflate-encoded but not deflate: %w", addr, err)
		}
		return readCloser{zr, resp.Body}, nil
	}
	resp.Body.Close()
	return nil, fmt.Errorf("%s: the server sent it %s-encoded, which disclose cannot undo", addr, ce)
}

type readCloser struct {
	io.Reader
	io.Closer
}

// ReadFile reads the file at the slash path name, failing if it is larger
// than limit bytes.
func (s *Site) ReadFile(ctx context.Context, name string, limit int64) ([]byte, error) {
	rc, err := s.Open(ctx, name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, &tooLarge{name, limit}
	}
	return b, nil
}

// tooLarge is a file longer than it may be.
type tooLarge struct {
	name  string
	limit int64
}

func (e *tooLarge) Error() string { return fmt.Sprintf("%s: larger than %d bytes", e.name, e.limit) }

// hash reads the file at name, at most limit+1 bytes of it, and returns its
// size and SHA-256; a file longer than limit shows as limit+1 bytes.
func (s *Site) hash(ctx context.Context, name string, limit int64) (File, error) {
	rc, err := s.Open(ctx, name)
	if err != nil {
		return File{}, err
	}
	defer rc.Close()
	f, err := hashReader(io.LimitReader(rc, limit+1))
	if err != nil {
		return File{}, err
	}
	f.Path = name
	return f, nil
}

// Load reads and parses a manifest from a site's directory
// (DIR/manifest.json), from a manifest file (its parts beside it), or over
// HTTP(S) (an address of the site or of its manifest.json), and reads its
// parts: it returns the whole record. It does not check the signature.
func Load(ctx context.Context, pathOrURL string) (*Manifest, error) {
	root, site, err := loadRoot(ctx, pathOrURL)
	if err != nil || len(root.Parts) == 0 {
		return root, err
	}
	s, err := OpenSite(site)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.ReadParts(ctx, root)
}

// LoadRoot is Load without the parts: the root alone, as Parse gives it.
// Only what the root holds (the build number, the newest time, the
// site-wide files) can be read from it.
func LoadRoot(ctx context.Context, pathOrURL string) (*Manifest, error) {
	root, _, err := loadRoot(ctx, pathOrURL)
	return root, err
}

// loadRoot reads and parses the manifest.json at pathOrURL, and says where
// the site that holds its parts is.
func loadRoot(ctx context.Context, pathOrURL string) (*Manifest, string, error) {
	if !isURL(pathOrURL) {
		fi, err := os.Stat(pathOrURL)
		if err != nil {
			return nil, "", fmt.Errorf("manifest: load: %w", err)
		}
		if !fi.IsDir() {
			if fi.Size() > MaxManifestSize {
				return nil, "", fmt.Errorf("manifest: load %s: larger than %d bytes", pathOrURL, MaxManifestSize)
			}
			data, err := os.ReadFile(pathOrURL)
			if err != nil {
				return nil, "", fmt.Errorf("manifest: load: %w", err)
			}
			root, err := Parse(data)
			return root, filepath.Dir(pathOrURL), err
		}
	}
	s, err := OpenSite(pathOrURL)
	if err != nil {
		return nil, "", err
	}
	defer s.Close()
	data, err := s.ReadFile(ctx, Name, MaxManifestSize)
	if err != nil {
		return nil, "", fmt.Errorf("manifest: load: %w", err)
	}
	root, err := Parse(data)
	return root, pathOrURL, err
}
