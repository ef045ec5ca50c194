package preview

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestOnlyOwnHost: the front handler answers only requests addressed to
// the preview itself; a page elsewhere (DNS rebinding sends its own name
// as Host, a script sends its Origin) gets 403 and never a draft.
func TestOnlyOwnHost(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	s := &Server{ln: ln, url: publicURL(ln.Addr().(*net.TCPAddr)), feeds: &feeds{}}
	hugo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("DRAFT: the page Hugo serves"))
	})
	h := s.handler(hugo)
	tests := []struct {
		name, host, origin string
		path               string
		want               int
	}{
		{"127.0.0.1 and the port", "127.0.0.1:" + port, "", "/", 200},
		{"localhost and the port", "localhost:" + port, "", "/incidents/x/", 200},
		{"LOCALHOST in capitals", "LOCALHOST:" + port, "", "/", 200},
		{"[::1] and the port", "[::1]:" + port, "", "/", 200},
		{"the page's own origin (live reload)", "127.0.0.1:" + port, "http://127.0.0.1:" + port, "/livereload", 200},
		{"DNS rebinding: another name", "attacker.example:" + port, "", "/", 403},
		{"DNS rebinding: the feed", "attacker.example:" + port, "", "/feed.json", 403},
		{"a name that ends like localhost", "evil.localhost.example:" + port, "", "/", 403},
		{"another port", "127.0.0.1:1", "", "/", 403},
		{"no port", "localhost", "", "/", 403},
		{"no Host at all", "", "", "/", 403},
		{"another loopback address", "127.0.0.2:" + port, "", "/", 403},
		{"a foreign origin", "127.0.0.1:" + port, "https://attacker.example", "/", 403},
		{"origin null (a sandboxed page)", "127.0.0.1:" + port, "null", "/", 403},
		{"origin of another port", "127.0.0.1:" + port, "http://127.0.0.1:1", "/", 403},
		{"/__stop from the preview's own address is still refused", "127.0.0.1:" + port, "", "/__stop", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "http://x"+tt.path, nil)
			r.Host = tt.host
			if tt.origin != "" {
				r.Header.Set("Origin", tt.origin)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			body := w.Body.String()
			if w.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.want, body)
			}
			if tt.want == 403 {
				if strings.Contains(body, "DRAFT") {
					t.Error("a refused request got the page")
				}
				if !strings.HasPrefix(body, "Forbidden: the preview answers") || !strings.Contains(body, "Open "+s.url+" instead.") {
					t.Errorf("the refusal says %q", body)
				}
			}
		})
	}
}

// TestOnlyOwnHostOnTheNetwork: with -bind 0.0.0.0 another device opens the
// preview by this machine's address, never by a name.
func TestOnlyOwnHostOnTheNetwork(t *testing.T) {
	var lan net.IP
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			lan = n.IP
			break
		}
	}
	if lan == nil {
		t.Skip("this machine has no network address but loopback")
	}
	unspecified := net.IPv4zero
	for _, tt := range []struct {
		host string
		want bool
	}{
		{lan.String() + ":1313", true},
		{"127.0.0.1:1313", true},
		{"attacker.example:1313", false},
		{"192.0.2.1:1313", false}, // not this machine's
		{lan.String() + ":1314", false},
	} {
		if got := ownHost(tt.host, unspecified, 1313); got != tt.want {
			t.Errorf("%s on 0.0.0.0:1313: got %v, want %v", tt.host, got, tt.want)
		}
	}
	if ownHost(lan.String()+":1313", net.IPv4(127, 0, 0, 1), 1313) {
		t.Error("a preview bound to loopback answered for the network address")
	}
}
