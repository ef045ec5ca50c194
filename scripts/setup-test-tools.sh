#!/usr/bin/env bash
# Installs what the tests run against, none of which we wrote: xmllint and
# the Atom grammar, Debian's python3-feedparser, the stock minisign tool,
# nginx with its brotli module, Caddy, shellcheck (for actionlint),
# Chromium and Java from Debian; axe-core and the W3C Nu Html Checker
# (vnu-jar) from npm into .test-tools/ in the repository, for the browser
# tests (internal/build/reader_test.go); and Versity's S3 gateway, built
# from its Go module. Safe to run again; skips what is
# already installed.
set -euo pipefail
need=()
command -v xmllint >/dev/null || need+=(libxml2-utils)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
command -v minisign >/dev/null || need+=(minisign)
[ -x /usr/sbin/nginx ] || need+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need+=(libnginx-mod-http-brotli-static)
command -v caddy >/dev/null || need+=(caddy)
command -v shellcheck >/dev/null || need+=(shellcheck)
command -v chromium >/dev/null || need+=(chromium)
command -v java >/dev/null || need+=(default-jre-headless)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Versity's S3 gateway (POSIX backend), the real S3 server the deploy test
# publishes to, built from its Go module like any Go tool.
if ! command -v versitygw >/dev/null; then
	GOBIN=/usr/local/bin go install github.com/versity/versitygw/cmd/versitygw@v1.8.0
fi
# The versions the browser tests were written against; --ignore-scripts:
# vnu-jar's install script would fetch a Java of its own, and Debian's is used.
tools="$(cd "$(dirname "$0")/.." && pwd)/.test-tools"
if [ ! -e "$tools/node_modules/axe-core/axe.min.js" ] || [ ! -e "$tools/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
	mkdir -p "$tools"
	npm install --prefix "$tools" --no-audit --no-fund --ignore-scripts --no-save axe-core@4 vnu-jar@26 >/dev/null
fi
