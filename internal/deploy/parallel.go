package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// stages splits objs, already in upload order, into the runs of one stage.
func stages(objs []object) [][]object {
	var out [][]object
	for i := 0; i < len(objs); {
		j := i
		for j < len(objs) && stage(objs[j].key) == stage(objs[i].key) {
			j++
		}
		out = append(out, objs[i:j])
		i = j
	}
	return out
}

// uploadAll uploads objs with jobs uploads at a time, each tried again on
// a transient error, and returns the first error once every upload under
// way has ended. progress, if set, hears how far it has come.
func uploadAll(ctx context.Context, bucket *blob.Bucket, objs []object, jobs int, progress io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next     atomic.Int64
		done     atomic.Int64
		bytes    atomic.Int64
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	stop := reportProgress(progress, len(objs), &done, &bytes)
	defer stop()
	for range min(jobs, len(objs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(objs) || ctx.Err() != nil {
					return
				}
				o := objs[i]
				if err := retry(ctx, func() error { return upload(ctx, bucket, o) }); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
					return
				}
				done.Add(1)
				bytes.Add(int64(len(o.body)))
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// reportProgress prints a line every ProgressEvery until stop is called,
// when there are enough uploads for it to matter.
func reportProgress(w io.Writer, total int, done, sent *atomic.Int64) (stop func()) {
	if w == nil || total < 50 {
		return func() {}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				fmt.Fprintf(w, "deploy: %d of %d uploaded (%.1f MB)\n", done.Load(), total, float64(sent.Load())/1e6)
			}
		}
	}()
	return func() { close(quit); wg.Wait() }
}

// retry runs f until it succeeds, fails for good, or has been tried
// attempts times, waiting longer after each try.
func retry(ctx context.Context, f func() error) error {
	wait := retryWait
	var err error
	for try := 1; ; try++ {
		if err = f(); err == nil || !transient(err) || try == attempts {
			return err
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// transient reports whether an error from the store may go away if the
// request is made again: not a refusal, a missing bucket or a cancelled
// deploy.
func transient(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	switch gcerrors.Code(err) {
	case gcerrors.NotFound, gcerrors.PermissionDenied, gcerrors.InvalidArgument,
		gcerrors.FailedPrecondition, gcerrors.Unimplemented, gcerrors.Canceled:
		return false
	}
	return true
}

// writeChanged writes the address of every changed key, sorted, a page's
// index.html also as its directory's address.
func writeChanged(w io.Writer, keys []string) {
	seen := map[string]bool{}
	for _, k := range keys {
		seen["/"+k] = true
		if k == "index.html" || strings.HasSuffix(k, "/index.html") {
			seen["/"+strings.TrimSuffix(k, "index.html")] = true
		}
	}
	addrs := make([]string, 0, len(seen))
	for a := range seen {
		addrs = append(addrs, a)
	}
	sort.Strings(addrs)
	for _, a := range addrs {
		fmt.Fprintln(w, a)
	}
}
