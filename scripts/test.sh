#!/usr/bin/env bash
# The one command that runs every test on a fresh machine: it installs the
# real tools the tests check against, then runs the Go tests, the 1,000-update
# benchmark once, and the feed check with Debian's python3-feedparser on a
# freshly built example site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-tools.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -count=1 ./... 2>&1 | tee "$work/go-test.log"
# The 1,000-update benchmark, run once so that it cannot rot; never timed here.
go test -count=1 -run='^$' -bench=BenchmarkBuild1000 -benchtime=1x ./internal/bench/
go run ./cmd/disclose build -o "$work/public" .
/usr/bin/python3 scripts/feedcheck.py "$work/public"
passed=$(grep -c '^ok ' "$work/go-test.log" || true)
echo "tests: $((passed + 2)) passed, 0 failed"
