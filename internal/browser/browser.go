// Package browser drives Debian's headless Chromium over the DevTools
// protocol, for the tests that check pages the way a reader's browser lays
// them out: the size of a phone's first screen, horizontal scrolling,
// axe-core's accessibility rules, screenshots. It speaks only the handful of
// protocol methods those tests need, over one WebSocket on loopback.
package browser

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Browser is one running Chromium.
type Browser struct {
	cmd  *exec.Cmd
	conn *websocket.Conn
	dir  string

	mu      sync.Mutex
	next    int64
	waiting map[int64]chan reply
	done    chan struct{}
	err     error
}

type reply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Start runs chromium (a path or a name on $PATH) headless, with a profile
// of its own that Close removes, and connects to it.
func Start(ctx context.Context, chromium string) (*Browser, error) {
	dir, err := os.MkdirTemp("", "disclose-browser-")
	if err != nil {
		return nil, fmt.Errorf("browser: %w", err)
	}
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-first-run", "--disable-quic", "--hide-scrollbars", "--mute-audio",
		"--font-render-hinting=none", "--force-color-profile=srgb",
		"--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
		"--user-data-dir="+dir, "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser: %w", err)
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser: start %s: %w", chromium, err)
	}
	b := &Browser{cmd: cmd, dir: dir, waiting: map[int64]chan reply{}, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			if i := strings.Index(line, "ws://"); i >= 0 && !sent && strings.Contains(line, "DevTools listening") {
				found <- strings.TrimSpace(line[i:])
				sent = true
			}
		}
		if !sent {
			close(found)
		}
		io.Copy(io.Discard, stderr)
	}()
	var url string
	select {
	case u, ok := <-found:
		if !ok {
			b.Close()
			return nil, errors.New("browser: chromium exited before it listened")
		}
		url = u
	case <-time.After(30 * time.Second):
		b.Close()
		return nil, errors.New("browser: chromium did not listen within 30 s")
	case <-ctx.Done():
		b.Close()
		return nil, fmt.Errorf("browser: %w", ctx.Err())
	}
	d := websocket.Dialer{HandshakeTimeout: 10 * time.Second}
	conn, _, err := d.DialContext(ctx, url, nil)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("browser: connect to %s: %w", url, err)
	}
	conn.SetReadLimit(256 << 20)
	b.conn = conn
	go b.read()
	return b, nil
}

func (b *Browser) read() {
	defer close(b.done)
	for {
		var m struct {
			ID int64 `json:"id"`
			reply
		}
		if err := b.conn.ReadJSON(&m); err != nil {
			b.mu.Lock()
			b.err = err
			for _, c := range b.waiting {
				close(c)
			}
			b.waiting = map[int64]chan reply{}
			b.mu.Unlock()
			return
		}
		if m.ID == 0 {
			continue // an event; nothing here waits for events
		}
		b.mu.Lock()
		c := b.waiting[m.ID]
		delete(b.waiting, m.ID)
		b.mu.Unlock()
		if c != nil {
			c <- m.reply
		}
	}
}

// call sends one protocol command (to a page when session is not empty)
// and decodes its result into out.
func (b *Browser) call(ctx context.Context, session, method string, params, out any) error {
	c := make(chan reply, 1)
	b.mu.Lock()
	if b.err != nil {
		b.mu.Unlock()
		return fmt.Errorf("browser: %s: connection lost: %w", method, b.err)
	}
	b.next++
	id := b.next
	b.waiting[id] = c
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	err := b.conn.WriteJSON(msg)
	b.mu.Unlock()
	if err != nil {
		return fmt.Errorf("browser: %s: %w", method, err)
	}
	select {
	case r, ok := <-c:
		if !ok {
			return fmt.Errorf("browser: %s: connection lost", method)
		}
		if r.Error != nil {
			return fmt.Errorf("browser: %s: %s", method, r.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(r.Result, out)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("browser: %s: %w", method, ctx.Err())
	}
}

// Close ends Chromium and removes its profile.
func (b *Browser) Close() {
	if b.conn != nil {
		b.conn.Close()
	}
	if b.cmd.Process != nil {
		b.cmd.Process.Kill()
		b.cmd.Wait()
	}
	os.RemoveAll(b.dir)
}

// Page is one tab.
type Page struct {
	b       *Browser
	session string
	target  string
}

// NewPage opens a blank tab.
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	var t struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &t); err != nil {
		return nil, err
	}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": t.TargetID, "flatten": true}, &s); err != nil {
		return nil, err
	}
	return &Page{b: b, session: s.SessionID, target: t.TargetID}, nil
}

// Close closes the tab.
func (p *Page) Close(ctx context.Context) error {
	return p.b.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": p.target}, nil)
}

// Call sends any protocol command to the page.
func (p *Page) Call(ctx context.Context, method string, params, out any) error {
	return p.b.call(ctx, p.session, method, params, out)
}

// Viewport is the window a page is laid out in.
type Viewport struct {
	Width, Height int
	Dark          bool // prefers-color-scheme: dark
	Print         bool // the print media type
}

func (v Viewport) String() string {
	s := fmt.Sprintf("%dx%d", v.Width, v.Height)
	if v.Dark {
		s += "-dark"
	}
	if v.Print {
		s += "-print"
	}
	return s
}

// SetViewport lays the page out at v; widths under 600 px are a phone's,
// with a touch screen.
func (p *Page) SetViewport(ctx context.Context, v Viewport) error {
	mobile := v.Width < 600
	if err := p.Call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": v.Width, "height": v.Height, "deviceScaleFactor": 1, "mobile": mobile,
	}, nil); err != nil {
		return err
	}
	scheme := "light"
	if v.Dark {
		scheme = "dark"
	}
	media := ""
	if v.Print {
		media = "print"
	}
	return p.Call(ctx, "Emulation.setEmulatedMedia", map[string]any{
		"media":    media,
		"features": []map[string]string{{"name": "prefers-color-scheme", "value": scheme}},
	}, nil)
}

// Navigate loads url and waits until the document has loaded.
func (p *Page) Navigate(ctx context.Context, url string) error {
	var r struct {
		ErrorText string `json:"errorText"`
	}
	if err := p.Call(ctx, "Page.navigate", map[string]any{"url": url}, &r); err != nil {
		return err
	}
	if r.ErrorText != "" {
		return fmt.Errorf("browser: load %s: %s", url, r.ErrorText)
	}
	for {
		var state string
		if err := p.Eval(ctx, `document.readyState`, &state); err == nil && state == "complete" {
			var href string
			if err := p.Eval(ctx, `location.href`, &href); err == nil && href != "about:blank" {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("browser: load %s: %w", url, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Eval runs a JavaScript expression in the page (awaiting it when it is a
// promise) and decodes its value, which must be JSON, into out.
func (p *Page) Eval(ctx context.Context, expr string, out any) error {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		Exception *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := p.Call(ctx, "Runtime.evaluate", map[string]any{
		"expression": expr, "returnByValue": true, "awaitPromise": true,
	}, &r); err != nil {
		return err
	}
	if e := r.Exception; e != nil {
		return fmt.Errorf("browser: script: %s %s", e.Text, e.Exception.Description)
	}
	if out == nil || len(r.Result.Value) == 0 {
		return nil
	}
	return json.Unmarshal(r.Result.Value, out)
}

// Screenshot returns a PNG of the viewport, or of the whole page when full.
func (p *Page) Screenshot(ctx context.Context, full bool) ([]byte, error) {
	var r struct {
		Data string `json:"data"`
	}
	params := map[string]any{"format": "png"}
	if full {
		params["captureBeyondViewport"] = true
		var size struct{ W, H float64 }
		if err := p.Eval(ctx, `({W: document.documentElement.clientWidth, H: document.documentElement.scrollHeight})`, &size); err != nil {
			return nil, err
		}
		params["clip"] = map[string]any{"x": 0, "y": 0, "width": size.W, "height": size.H, "scale": 1}
	}
	if err := p.Call(ctx, "Page.captureScreenshot", params, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

// PDF prints the page as Chromium would to paper, with the page size the
// stylesheet's @page rules ask for.
func (p *Page) PDF(ctx context.Context) ([]byte, error) {
	var r struct {
		Data string `json:"data"`
	}
	if err := p.Call(ctx, "Page.printToPDF", map[string]any{"preferCSSPageSize": true, "printBackground": false}, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}
