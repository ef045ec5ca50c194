// Package bench holds the Go benchmark of the whole build on a generated
// 1,000-update site, and the test that the site it measures is valid.
// CI compiles and runs the benchmark once, untimed:
//
//	go test -run=^$ -bench=BenchmarkBuild1000 -benchtime=1x ./internal/bench/
//
// The numbers that matter, against plain Hugo and at every size, come from
// `go run ./cmd/disclose-bench run` (see BENCHMARKS.md).
package bench
