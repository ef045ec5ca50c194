// Package par runs independent pieces of work on every core.
package par

import (
	"errors"
	"runtime"
	"sync"
)

// Each calls fn(0) to fn(n-1), as many at once as there are cores, and
// returns every error, in the order of i. Whatever fn writes to its own
// index of a slice needs no lock, and the result does not depend on the
// order the calls ran in.
func Each(n int, fn func(i int) error) error {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		var errs []error
		for i := range n {
			errs = append(errs, fn(i))
		}
		return errors.Join(errs...)
	}
	errs := make([]error, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = fn(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return errors.Join(errs...)
}
