package preview

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/mmcdole/gofeed"

	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// pollTimeout bounds each wait for a change to show; it is a deadline for
// a test that would otherwise hang, not a speed target.
const pollTimeout = 30 * time.Second

// syncBuffer is a log that the preview writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

const update = "content/incidents/prescription-data-2024/2024-12-16-holiday-hours.md"

// TestServe runs the whole preview once: Hugo keeps process-wide state, so
// a test binary starts it only once.
func TestServe(t *testing.T) {
	dir := sitetest.CopyExample(t)
	before := listFiles(t, dir)
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := Start(ctx, Options{SiteDir: dir, Addr: "127.0.0.1:0", Drafts: true, CacheDir: t.TempDir(), Log: &log, Debounce: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	base := srv.URL()
	t.Logf("preview at %s", base)

	t.Run("the check runs on start", func(t *testing.T) {
		if !strings.Contains(log.String(), "disclose: checked the content: ") {
			t.Errorf("log:\n%s", log.String())
		}
	})

	t.Run("home page", func(t *testing.T) {
		body, resp := get(t, base)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d", resp.StatusCode)
		}
		for _, want := range []string{
			"<h1>Cyber incident updates</h1>",
			`<link rel="canonical" href="` + base + `">`, // links lead to the preview, not the public site
			"livereload.js",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("the home page does not contain %q", want)
			}
		}
	})

	t.Run("feeds and manifest", func(t *testing.T) {
		body, resp := get(t, base+"feed.xml")
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/rss+xml") {
			t.Errorf("feed.xml Content-Type = %q", ct)
		}
		f, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatalf("feed.xml does not parse: %v", err)
		}
		if len(f.Items) == 0 || !strings.Contains(f.Items[0].Title, "Helpline hours over the holidays") {
			t.Errorf("the newest item is not the holiday hours update: %+v", f.Items)
		}
		if !strings.HasPrefix(f.Items[0].Link, base+"incidents/prescription-data-2024/2024-12-16-1100/") {
			t.Errorf("item link %q does not lead to the preview", f.Items[0].Link)
		}
		for _, p := range []string{"atom.xml", "feed.json", "incidents/email-account-2023/feed.xml", "incidents/email-account-2023/atom.xml", "incidents/email-account-2023/feed.json"} {
			body, resp := get(t, base+p)
			if resp.StatusCode != 200 {
				t.Errorf("%s: status %d", p, resp.StatusCode)
				continue
			}
			if _, err := gofeed.NewParser().ParseString(body); err != nil {
				t.Errorf("%s does not parse: %v", p, err)
			}
		}
		body, _ = get(t, base+"manifest.json")
		m, err := manifest.Parse([]byte(body))
		if err != nil {
			t.Fatalf("manifest.json: %v", err)
		}
		if len(m.Updates) != 13 {
			t.Errorf("manifest lists %d updates, want the example's 13", len(m.Updates))
		}
		if _, resp := get(t, base+"__stop"); resp.StatusCode != 404 {
			t.Errorf("/__stop: status %d, want 404: Hugo's stop switch is not for the network", resp.StatusCode)
		}
	})

	t.Run("Hugo's own server gives nothing without its secret path", func(t *testing.T) {
		inner := "http://" + srv.hugo.url.Host + "/"
		for _, p := range []string{"", "incidents/prescription-data-2024/", "__stop", "livereload.js"} {
			if body, resp := get(t, inner+p); resp.StatusCode != 404 {
				t.Errorf("Hugo's server answers %s with %d:\n%.200s", inner+p, resp.StatusCode, body)
			}
		}
		home, _ := get(t, base)
		if strings.Contains(home, srv.hugo.token) {
			t.Error("the page names Hugo's secret path")
		}
		if !strings.Contains(home, `href="`+base+`incidents/prescription-data-2024/`) && !strings.Contains(home, `href="/incidents/prescription-data-2024/`) {
			t.Errorf("the home page does not link the incident at the preview's address:\n%.2000s", home)
		}
	})

	t.Run("a saved change shows", func(t *testing.T) {
		p := filepath.Join(dir, filepath.FromSlash(update))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		changed := regexpTitle(string(b), "Opening hours over the break, changed on disk")
		if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
		poll(t, base+"incidents/prescription-data-2024/2024-12-16-1100/", "Opening hours over the break, changed on disk")
		poll(t, base+"feed.xml", "Opening hours over the break, changed on disk")
	})

	t.Run("a draft shows with its banner", func(t *testing.T) {
		sitetest.WriteInto(t, dir, `
-- content/incidents/prescription-data-2024/2024-12-20-a-draft.md --
---
title: "A draft nobody has seen"
date: 2024-12-20T09:00:00+11:00
status: notifying
draft: true
---

This is not published yet.
`)
		body := poll(t, base+"incidents/prescription-data-2024/2024-12-20-0900/", "A draft nobody has seen")
		if !strings.Contains(body, "DRAFT") {
			t.Error("the draft's page has no DRAFT banner")
		}
		poll(t, base+"incidents/prescription-data-2024/feed.json", "A draft nobody has seen")
		// The update before it links it as the next (Hugo's server reads
		// both changed pages again: one folder each, internal/pages).
		poll(t, base+"incidents/prescription-data-2024/2024-12-16-1100/", `Next update: <a href="/incidents/prescription-data-2024/2024-12-20-0900/" rel="next">A draft nobody has seen</a>`)
		poll(t, base+"incidents/prescription-data-2024/", "A draft nobody has seen</a></p>")
	})

	t.Run("incidents are in the order of their newest update", func(t *testing.T) {
		// The preview gives Hugo's sections dates of their own (hugo.Options
		// Preview), so the order must come from the updates: at first the
		// prescription incident (newest update December 2024), then the
		// email one (May 2023); a newer update to the email incident moves
		// it to the top, on the list of all incidents and on the home page.
		order := regexp.MustCompile(`(?s)Cyber security incident: prescription information</a></h2>.*Staff email account accessed</a></h2>`)
		body, _ := get(t, base+"incidents/")
		if !order.MatchString(body) {
			t.Fatalf("all incidents: want the prescription incident, with the newest update, first:\n%s", body)
		}
		sitetest.WriteInto(t, dir, `
-- content/incidents/email-account-2023/2025-01-06-reopened.md --
---
title: "We are looking at this incident again"
date: 2025-01-06T09:00:00+11:00
status: investigating
draft: true
---

We found more mail that the attacker may have read.
`)
		pollMatch(t, base+"incidents/", regexp.MustCompile(`(?s)Staff email account accessed</a></h2>.*Cyber security incident: prescription information</a></h2>`))
		pollMatch(t, base, regexp.MustCompile(`(?s)Where things stand: Staff email account accessed.*Where things stand: Cyber security incident: prescription information`))
	})

	t.Run("the check runs again on save", func(t *testing.T) {
		sitetest.WriteInto(t, dir, `
-- content/incidents/prescription-data-2024/2024-12-21-wrong.md --
---
title: "A status word that does not exist"
date: 2024-12-21T09:00:00+11:00
status: finished
draft: true
---

Text.
`)
		deadline := time.Now().Add(pollTimeout)
		printed := regexp.MustCompile(`(?m)^content/incidents/prescription-data-2024/2024-12-21-wrong\.md:4:\d+: status: "finished" is not a status word`)
		for !printed.MatchString(log.String()) {
			if time.Now().After(deadline) {
				t.Fatalf("the diagnostic for the wrong status was not printed:\n%s", log.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	})

	t.Run("the whole site's check waits for Hugo's rebuild", func(t *testing.T) {
		// After a save the saved page is written first and the whole
		// site's check waits for Hugo's reload; this is the preview's own
		// connection to Hugo's live-reload websocket seeing that reload.
		srv.reloads.mu.Lock()
		before := srv.reloads.last
		srv.reloads.mu.Unlock()
		p := filepath.Join(dir, filepath.FromSlash(update))
		b, _ := os.ReadFile(p)
		if err := os.WriteFile(p, []byte(regexpTitle(string(b), "Rebuilt once more")), 0o644); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(pollTimeout)
		for {
			srv.reloads.mu.Lock()
			last := srv.reloads.last
			srv.reloads.mu.Unlock()
			if last.After(before) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the preview did not see Hugo's reload after a save")
			}
			time.Sleep(50 * time.Millisecond)
		}
		poll(t, base+"incidents/prescription-data-2024/2024-12-16-1100/", "Rebuilt once more")
	})

	t.Run("live reload passes through", func(t *testing.T) {
		ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(base, "http")+"livereload", http.Header{"Origin": {strings.TrimSuffix(base, "/")}})
		if err != nil {
			t.Fatalf("the live-reload websocket does not connect through the preview: %v", err)
		}
		defer ws.Close()
		if err := ws.WriteMessage(websocket.TextMessage, []byte(`{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}`)); err != nil {
			t.Fatal(err)
		}
		ws.SetReadDeadline(time.Now().Add(pollTimeout))
		if _, msg, err := ws.ReadMessage(); err != nil || !strings.Contains(string(msg), `"hello"`) {
			t.Fatalf("no hello from Hugo: %q, %v", msg, err)
		}
		p := filepath.Join(dir, filepath.FromSlash(update))
		b, _ := os.ReadFile(p)
		if err := os.WriteFile(p, []byte(regexpTitle(string(b), "Reloaded")), 0o644); err != nil {
			t.Fatal(err)
		}
		for {
			_, msg, err := ws.ReadMessage()
			if err != nil {
				t.Fatalf("no reload after a save: %v", err)
			}
			if strings.Contains(string(msg), `"command":"reload"`) {
				break
			}
		}
	})

	t.Run("stops cleanly", func(t *testing.T) {
		cancel()
		select {
		case <-srv.Done():
		case <-time.After(pollTimeout):
			t.Fatal("the preview did not stop")
		}
		if err := srv.Err(); err != nil {
			t.Errorf("Err() = %v", err)
		}
		if _, err := http.Get(base); err == nil {
			t.Error("the preview still answers after it stopped")
		}
		after := listFiles(t, dir)
		added := slices.DeleteFunc(after, func(f string) bool { return slices.Contains(before, f) })
		want := []string{
			"content/incidents/email-account-2023/2025-01-06-reopened.md",
			"content/incidents/prescription-data-2024/2024-12-20-a-draft.md",
			"content/incidents/prescription-data-2024/2024-12-21-wrong.md",
		}
		if !slices.Equal(added, want) {
			t.Errorf("files added to the site: %q\nwant only the test's own %q", added, want)
		}
	})
}

// regexpTitle replaces the front matter's title line.
func regexpTitle(src, title string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "title: ") {
			lines[i] = "title: \"" + title + "\""
			break
		}
	}
	return strings.Join(lines, "\n")
}

func get(t *testing.T, url string) (string, *http.Response) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), resp
}

// poll fetches url until its body contains want, and returns the body.
func poll(t *testing.T, url, want string) string {
	t.Helper()
	return pollMatch(t, url, regexp.MustCompile(regexp.QuoteMeta(want)))
}

// pollMatch is poll for a pattern.
func pollMatch(t *testing.T, url string, want *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(pollTimeout)
	for {
		resp, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if want.Match(b) {
				return string(b)
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s did not come to match %q; last response %d:\n%.2000s", url, want, resp.StatusCode, b)
			}
		} else if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// listFiles lists every file below dir, as slash paths, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func TestStartPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := sitetest.CopyExample(t)
	_, err = Start(context.Background(), Options{SiteDir: dir, Addr: ln.Addr().String()})
	if err == nil || !strings.Contains(err.Error(), "is in use, perhaps by another preview; stop that one, or choose another port with -port") {
		t.Errorf("err = %v, want a message that says the port is in use", err)
	}
}
