package publish

import (
	"fmt"
	"strings"
)

// NginxSnippet returns the nginx configuration that gives the site the
// policy: it goes inside the server block that serves the built site. The
// README and docs/nginx.conf carry this text, and the nginx test runs it.
//
// nginx drops a server's add_header lines in any location that has its own,
// so every location repeats the security headers.
func NginxSnippet() string {
	var b strings.Builder
	b.WriteString(`# disclose: response headers, caching and precompressed files.
# Generated from internal/publish/policy.go (go test ./internal/publish -update);
# the same policy as _headers and 'disclose deploy'.
# Put it inside the server { } block whose root is the built site.
index index.html;
error_page 404 /404.html;
gzip_static on;     # serve page.html.gz as it is
gzip_vary on;
brotli_static on;   # needs Debian's libnginx-mod-http-brotli-static
`)
	for _, r := range Rules {
		fmt.Fprintf(&b, "\n# %s\n", r.Name)
		if r.Pattern == "" {
			b.WriteString("location / {\n")
		} else {
			fmt.Fprintf(&b, "location ~ \"%s\" {\n", r.Pattern)
		}
		if r.ContentType != "" {
			fmt.Fprintf(&b, "    types { }\n    default_type \"%s\";\n", r.ContentType)
		}
		fmt.Fprintf(&b, "    add_header Cache-Control \"%s\" always;\n", r.CacheControl)
		for _, h := range SecurityHeaders {
			fmt.Fprintf(&b, "    add_header %s \"%s\" always;\n", h.Name, h.Value)
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// CaddySnippet returns the Caddyfile lines that give the site the policy:
// they go inside the site block, after its root directive.
//
// Caddy orders header directives by their matchers, not as written, so each
// rule's matcher excludes the paths of the rules before it: exactly one
// Cache-Control applies to any path, whatever the order.
func CaddySnippet() string {
	var b strings.Builder
	b.WriteString(`# disclose: response headers, caching and precompressed files.
# Generated from internal/publish/policy.go (go test ./internal/publish -update);
# the same policy as _headers and 'disclose deploy'.
# Put it inside the site block, after "root * /path/to/public".
file_server {
	precompressed br gzip
}
handle_errors {
	rewrite * /404.html
	file_server
}
header {
`)
	for _, h := range SecurityHeaders {
		fmt.Fprintf(&b, "\t%s \"%s\"\n", h.Name, h.Value)
	}
	b.WriteString("}\n")
	for i, r := range Rules {
		name := r.ID
		fmt.Fprintf(&b, "\n# %s\n@%s {\n", r.Name, name)
		if r.Pattern != "" {
			fmt.Fprintf(&b, "\tpath_regexp `%s`\n", r.Pattern)
		}
		for _, earlier := range Rules[:i] {
			fmt.Fprintf(&b, "\tnot path_regexp `%s`\n", earlier.Pattern)
		}
		b.WriteString("}\n")
		fmt.Fprintf(&b, "header @%s Cache-Control \"%s\"\n", name, r.CacheControl)
		if r.ContentType != "" {
			fmt.Fprintf(&b, "header @%s Content-Type \"%s\"\n", name, r.ContentType)
		}
	}
	return b.String()
}
