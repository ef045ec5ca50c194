package preview

import (
	"net"
	"net/http"
	"strconv"
	"strings"
)

// ownRequest answers 403 to a request that is not addressed to the
// preview itself, and reports whether the request may go on. The preview
// serves drafts: a web page the writer visits could otherwise read them,
// by pointing a name of its own at 127.0.0.1 (DNS rebinding; the browser
// then sends that name as Host) or by a script from another origin.
func (s *Server) ownRequest(w http.ResponseWriter, r *http.Request) bool {
	var ip net.IP
	port := 0
	if a, ok := s.ln.Addr().(*net.TCPAddr); ok {
		ip, port = a.IP, a.Port
	}
	if why := foreign(r, ip, port); why != "" {
		http.Error(w, "Forbidden: "+why+". Open "+s.url+" instead.", http.StatusForbidden)
		return false
	}
	return true
}

// foreign says why r is not for the preview listening on ip:port, or ""
// when it is: its Host must be a loopback name of that port (127.0.0.1,
// localhost, [::1]) or the address listened on (any of the machine's
// addresses when that is 0.0.0.0), and its Origin, when sent, the same.
func foreign(r *http.Request, ip net.IP, port int) string {
	if !ownHost(r.Host, ip, port) {
		return "the preview answers only requests for its own address"
	}
	if origin, sent := r.Header["Origin"]; sent {
		o := ""
		if len(origin) == 1 {
			o = origin[0]
		}
		host, ok := strings.CutPrefix(strings.ToLower(o), "http://")
		if !ok || !ownHost(host, ip, port) {
			return "the preview answers no other web site's pages"
		}
	}
	return ""
}

// ownHost reports whether hostport names the preview: a loopback name
// with its port (without one only when the port is 80).
func ownHost(hostport string, ip net.IP, port int) bool {
	host, p, err := net.SplitHostPort(hostport)
	if err != nil {
		host, p = hostport, "80"
		if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
			host = host[1 : len(host)-1]
		}
	}
	if p != strconv.Itoa(port) {
		return false
	}
	host = strings.ToLower(host)
	if host == "localhost" {
		return true
	}
	h := net.ParseIP(host)
	if h == nil {
		return false
	}
	switch {
	case h.Equal(net.IPv4(127, 0, 0, 1)) || h.Equal(net.IPv6loopback) || h.Equal(ip):
		return true
	case ip != nil && ip.IsUnspecified():
		// -bind 0.0.0.0 lets other devices on the network open the
		// preview by this machine's address: an address, never a name,
		// which is what DNS rebinding needs.
		return machineAddr(h)
	}
	return false
}

// machineAddr reports whether h is an address of one of this machine's
// network interfaces.
func machineAddr(h net.IP) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(h) {
			return true
		}
	}
	return false
}
