package preview

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
)

// secret is a new random path segment for Hugo's server (hugo.go).
func secret() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// proxy passes the front server's requests to Hugo's server below its
// secret path, and takes the secret out of what Hugo answers, so that the
// writer's browser sees the preview's own addresses: "/incidents/x/" is
// Hugo's "/<secret>/incidents/x/", and every "<secret>/" Hugo writes
// (links, the live-reload script's path) is left out. A request that
// already carries the secret (a live-reload "navigate to the changed
// page" message names Hugo's own path) is passed on as it is.
func (h *hugoServer) proxy() *httputil.ReverseProxy {
	prefix := "/" + h.token + "/"
	return &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(h.url)
			r.Out.Host = r.In.Host
			p := r.In.URL.Path
			if strings.HasPrefix(p, prefix) {
				p = "/" + strings.TrimPrefix(p, prefix)
			}
			r.Out.URL.Path = prefix + strings.TrimPrefix(p, "/")
			r.Out.URL.RawPath = ""
			// The secret is taken out of bodies as they are: ask for
			// them uncompressed.
			r.Out.Header.Del("Accept-Encoding")
		},
		ModifyResponse: func(resp *http.Response) error {
			if loc := resp.Header.Get("Location"); loc != "" {
				resp.Header.Set("Location", strings.ReplaceAll(loc, h.token+"/", ""))
			}
			if resp.StatusCode == http.StatusSwitchingProtocols || !textual(resp.Header.Get("Content-Type")) {
				return nil
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				return err
			}
			body = bytes.ReplaceAll(body, []byte(h.token+"/"), nil)
			resp.Body = io.NopCloser(bytes.NewReader(body))
			resp.ContentLength = int64(len(body))
			resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
			return nil
		},
	}
}

// textual reports whether a response of this type may name Hugo's paths.
func textual(ctype string) bool {
	for _, t := range []string{"text/", "javascript", "json", "xml"} {
		if strings.Contains(ctype, t) {
			return true
		}
	}
	return false
}
