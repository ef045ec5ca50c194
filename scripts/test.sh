#!/usr/bin/env bash
# The one command that runs every test on a fresh machine: it installs the
# real tools the tests check against, then runs the Go tests and the feed
# check with Debian's python3-feedparser on a freshly built example site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-tools.sh
go test -count=1 ./...
# The 1,000-update benchmark, run once so that it cannot rot; never timed here.
go test -count=1 -run='^$' -bench=BenchmarkBuild1000 -benchtime=1x ./internal/bench/
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go run ./cmd/disclose build -o "$out/public" .
/usr/bin/python3 scripts/feedcheck.py "$out/public"
