package browser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

func TestTmpMeasure(t *testing.T) {
	dir := os.Getenv("MEASURE_SITE")
	if dir == "" {
		t.Skip()
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b, err := Start(ctx, "chromium")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(ctx, Viewport{Width: 390, Height: 844})
	for _, path := range strings.Fields(os.Getenv("MEASURE_PATHS")) {
		if err := p.Navigate(ctx, srv.URL+path); err != nil {
			t.Fatal(err)
		}
		w, err := p.Measure(ctx)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("| %s | %d | %d | %d | %d |\n", path, w.Height, w.Tel, w.Todo, w.Scam)
		if png, err := p.Screenshot(ctx, false); err == nil {
			os.WriteFile("/tmp/phone-shot-"+strings.ReplaceAll(strings.Trim(path, "/"), "/", "_")+".png", png, 0o644)
		}
	}
}
