package preview

import (
	"context"
	"testing"
	"time"
)

func TestWaitAfterReturnsAtTheFirstReloadFromThen(t *testing.T) {
	r := newRebuilds()
	save := time.Now()
	r.seen(save.Add(-time.Second)) // a rebuild for an earlier save
	done := make(chan struct{})
	go func() {
		r.waitAfter(context.Background(), save, time.Hour)
		close(done)
	}()
	select {
	case <-done:
		t.Fatal("waitAfter returned for a reload from before the save")
	case <-time.After(50 * time.Millisecond):
	}
	r.seen(save.Add(time.Millisecond))
	select {
	case <-done:
	case <-time.After(pollTimeout):
		t.Fatal("waitAfter did not return after the reload")
	}
	// A reload already seen counts at once.
	r.waitAfter(context.Background(), save, time.Hour)
}

func TestWaitAfterGivesUp(t *testing.T) {
	r := newRebuilds()
	r.waitAfter(context.Background(), time.Now(), time.Millisecond) // no reload comes: the timeout ends it
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r.waitAfter(ctx, time.Now(), time.Hour) // nor once the preview stops
}
