package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

var harbour = Answers{
	Organisation:  "Harbour Dental Pty Ltd",
	KnownAs:       "Harbour Dental",
	BaseURL:       "https://updates.harbourdental.au/",
	TimeZone:      "Australia/Sydney",
	Jurisdictions: []string{"au"},
	Phone:         "1800 975 707",
	PhoneHours:    "8 am to 8 pm, 7 days",
	Email:         "help@harbourdental.au",
	Media:         "media@harbourdental.au",
}

// TestSite: init's site reads without a problem in its config, and every
// problem check finds is a prompt left to replace, in the holding
// statement and under the incident's headings.
func TestSite(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 1, 22, 30, 0, 0, time.UTC)
	files, err := Site(dir, harbour, now, []byte("name: Publish\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"config.toml", ".gitignore", ".github/workflows/publish.yml",
		"content/incidents/cyber-incident-2026/_index.md",
		"content/incidents/cyber-incident-2026/2026-12-02-what-we-know-so-far.md"}
	if strings.Join(files, "\n") != strings.Join(want, "\n") {
		t.Fatalf("wrote %q\nwant %q", files, want)
	}
	site, diags := content.Load(dir)
	if len(diags) > 0 || site == nil {
		t.Fatalf("loading init's site:\n%v", diags)
	}
	if got := site.Config.Contact.Media; got != harbour.Media {
		t.Errorf("media = %q", got)
	}
	prompts := map[string]int{}
	for _, d := range check.Site(site, now.Add(time.Minute)) {
		switch {
		case strings.Contains(d.Message, "prompt from 'disclose new'"):
			prompts[d.Pos.File]++
		case d.Severity == diag.Warning && strings.Contains(d.Message, "still holds the prompt"):
		default:
			t.Errorf("check: %s", d)
		}
	}
	if got := prompts[files[4]]; got != strings.Count(holdingPrompts, "Say what") || got == 0 {
		t.Errorf("check caught %d prompts in the holding statement, want %d", got, strings.Count(holdingPrompts, "Say what"))
	}
	if prompts[files[3]] == 0 {
		t.Errorf("check caught no prompt in the incident's statement")
	}
	// Once each prompt is replaced, the holding statement passes.
	file := filepath.Join(dir, filepath.FromSlash(files[4]))
	src, _ := os.ReadFile(file)
	var kept []string
	for _, p := range strings.Split(string(src), "\n\n") {
		if !strings.HasPrefix(p, "Say what") {
			kept = append(kept, p)
		}
	}
	os.WriteFile(file, []byte(strings.Join(kept, "\n\n")+"\nWe found the problem on Monday. We will update this page on Friday.\n"), 0o644)
	site, _ = content.Load(dir)
	for _, d := range check.Site(site, now.Add(time.Minute)) {
		if d.Pos.File == files[4] {
			t.Errorf("after the prompts were replaced: %s", d)
		}
	}
}

func TestSiteRefusesASite(t *testing.T) {
	for _, there := range []string{"config.toml", "content"} {
		t.Run(there, func(t *testing.T) {
			dir := t.TempDir()
			os.Mkdir(filepath.Join(dir, "content"), 0o755)
			if there == "config.toml" {
				os.Remove(filepath.Join(dir, "content"))
				os.WriteFile(filepath.Join(dir, there), []byte("# mine\n"), 0o644)
			}
			_, err := Site(dir, harbour, time.Now(), nil)
			var se *SiteExistsError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), "already holds a site (it has "+there+"); nothing was written") {
				t.Fatalf("err = %v", err)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "config.toml")); there == "config.toml" && string(b) != "# mine\n" {
				t.Errorf("config.toml was changed: %q", b)
			}
		})
	}
}

func TestSiteRefusesAZone(t *testing.T) {
	for _, tz := range []string{"", "Local", "AEST", "Australia/Sidney", "sydney"} {
		a := harbour
		a.TimeZone = tz
		dir := t.TempDir()
		if _, err := Site(dir, a, time.Now(), nil); err == nil || !strings.Contains(err.Error(), "is not a time zone; write an IANA name") {
			t.Errorf("%q: err = %v", tz, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "config.toml")); err == nil {
			t.Errorf("%q: config.toml was written", tz)
		}
	}
}

// TestUpdateAfterInitTakesTheNextMinute: the next update, written in the
// minute init wrote the holding statement, does not share its address.
func TestUpdateAfterInitTakesTheNextMinute(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 1, 22, 30, 15, 0, time.UTC)
	if _, err := Site(dir, harbour, now, nil); err != nil {
		t.Fatal(err)
	}
	file, err := Update(dir, FirstIncident(now.In(time.FixedZone("", 11*3600))), "Letters are on their way", now.Add(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if !strings.Contains(string(src), "\ndate: 2026-12-02T09:31:35+11:00\n") {
		t.Errorf("the update is not a minute later:\n%s", src)
	}
}

// TestSiteKeepsTheFoldersFiles: a folder with its own .gitignore and
// workflow (a fresh clone) keeps them, and still gets a site.
func TestSiteKeepsTheFoldersFiles(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".github", "workflows"), 0o755)
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("mine\n"), 0o644)
	os.WriteFile(filepath.Join(dir, WorkflowFile), []byte("name: Mine\n"), 0o644)
	files, err := Site(dir, harbour, time.Now(), []byte("name: Publish\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 || files[0] != "config.toml" {
		t.Errorf("wrote %q", files)
	}
	for f, want := range map[string]string{".gitignore": "mine\n", WorkflowFile: "name: Mine\n"} {
		if b, _ := os.ReadFile(filepath.Join(dir, f)); string(b) != want {
			t.Errorf("%s = %q, want %q", f, b, want)
		}
	}
}
