package preview

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// rebuilds follows Hugo's live-reload websocket, as a browser tab would, to
// learn when Hugo has finished rebuilding after a save. The checks wait for
// that, so that on a large site they do not take the cores Hugo needs to
// show the writer the changed page (BENCHMARKS.md: serve).
type rebuilds struct {
	mu   sync.Mutex
	last time.Time     // when the last reload was seen
	next chan struct{} // closed at the next reload
}

func newRebuilds() *rebuilds { return &rebuilds{next: make(chan struct{})} }

// seen records a reload and wakes whoever waits for one.
func (r *rebuilds) seen(at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last = at
	close(r.next)
	r.next = make(chan struct{})
}

// waitAfter returns once Hugo has reloaded the browser at or after t, or
// after timeout, or when ctx is done, whichever comes first. A change that
// Hugo does not rebuild for (a file no page uses) brings no reload, and a
// change to config.toml rebuilds everything: the timeout bounds both.
func (r *rebuilds) waitAfter(ctx context.Context, t time.Time, timeout time.Duration) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		r.mu.Lock()
		last, next := r.last, r.next
		r.mu.Unlock()
		if !last.Before(t) {
			return
		}
		select {
		case <-next:
		case <-deadline.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// follow connects to Hugo's live-reload websocket at hugoURL and records
// every reload until ctx is done, connecting again if the connection drops.
// origin is the address pages are served from, which Hugo checks.
func (r *rebuilds) follow(ctx context.Context, hugoURL, origin string) {
	ws := "ws" + strings.TrimPrefix(strings.TrimSuffix(hugoURL, "/"), "http") + "/livereload"
	header := http.Header{"Origin": {strings.TrimSuffix(origin, "/")}}
	for ctx.Err() == nil {
		conn, _, err := websocket.DefaultDialer.DialContext(ctx, ws, header)
		if err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		stop := context.AfterFunc(ctx, func() { conn.Close() })
		hello := `{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}`
		if err := conn.WriteMessage(websocket.TextMessage, []byte(hello)); err == nil {
			for {
				_, msg, err := conn.ReadMessage()
				if err != nil {
					break
				}
				if strings.Contains(string(msg), `"command":"reload"`) {
					r.seen(time.Now())
				}
			}
		}
		stop()
		conn.Close()
	}
}
