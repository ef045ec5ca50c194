#!/usr/bin/env bash
# Installs what the tests run against, none of which we wrote: xmllint and
# the Atom grammar, Debian's python3-feedparser, the stock minisign tool,
# nginx, and Chromium. Safe to run again; skips what is already installed.
set -euo pipefail
need=()
command -v xmllint >/dev/null || need+=(libxml2-utils)
python3 -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
command -v minisign >/dev/null || need+=(minisign)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
