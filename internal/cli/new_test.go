package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

func runNewCmd(t *testing.T, at time.Time, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	old := now
	now = func() time.Time { return at }
	defer func() { now = old }()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), append([]string{"new"}, args...), &out, &errOut)
	if err != nil {
		errOut.WriteString("Error: " + err.Error() + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

func TestNew(t *testing.T) {
	dir := sitetest.CopyExample(t)
	winter := time.Date(2025, 6, 2, 0, 15, 0, 0, time.UTC) // 10:15 in Melbourne, +10:00
	summer := time.Date(2025, 1, 2, 0, 15, 0, 0, time.UTC) // 11:15 in Melbourne, +11:00

	t.Run("update", func(t *testing.T) {
		out, errOut, code := runNewCmd(t, winter, "update", "prescription-data-2024", "Letters are on their way", "-C", dir)
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, errOut)
		}
		file := "content/incidents/prescription-data-2024/2025-06-02-letters-are-on-their-way.md"
		if !strings.Contains(out, "Wrote "+filepath.Join(dir, file)+"\n") {
			t.Errorf("output does not name the file:\n%s", out)
		}
		for _, want := range []string{"disclose -C " + dir + " serve", "remove the line 'draft: true'"} {
			if !strings.Contains(out, want) {
				t.Errorf("output does not say %q:\n%s", want, out)
			}
		}
		site, _ := content.Load(dir)
		u := updateFile(t, site, file)
		if got := u.Date.Format(time.RFC3339); got != "2025-06-02T10:15:00+10:00" {
			t.Errorf("date = %s, want 2025-06-02T10:15:00+10:00", got)
		}
		if !u.Draft || u.Status != content.Notifying {
			t.Errorf("draft = %v, status = %s; want a draft with the newest update's status, notifying", u.Draft, u.Status)
		}
	})

	t.Run("update in summer", func(t *testing.T) {
		_, errOut, code := runNewCmd(t, summer, "update", "-C", dir, "email-account-2023", "A note for 2025")
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, errOut)
		}
		site, _ := content.Load(dir)
		u := updateFile(t, site, "content/incidents/email-account-2023/2025-01-02-a-note-for-2025.md")
		if got := u.Date.Format(time.RFC3339); got != "2025-01-02T11:15:00+11:00" {
			t.Errorf("date = %s, want 2025-01-02T11:15:00+11:00", got)
		}
	})

	t.Run("refuses to overwrite", func(t *testing.T) {
		_, errOut, code := runNewCmd(t, winter, "update", "prescription-data-2024", "Letters are on their way", "-C", dir)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		if !strings.Contains(errOut, "2025-06-02-letters-are-on-their-way.md already exists; nothing was written") {
			t.Errorf("stderr:\n%s", errOut)
		}
	})

	t.Run("unknown incident", func(t *testing.T) {
		_, errOut, code := runNewCmd(t, winter, "update", "prescription-2024", "Title", "-C", dir)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		if !strings.Contains(errOut, `there is no incident "prescription-2024"`) || !strings.Contains(errOut, `did you mean "prescription-data-2024"?`) {
			t.Errorf("stderr:\n%s", errOut)
		}
	})

	t.Run("incident", func(t *testing.T) {
		out, errOut, code := runNewCmd(t, summer, "incident", "phishing-2025", "Staff email account accessed", "-C", dir)
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, errOut)
		}
		if !strings.Contains(out, "disclose -C "+dir+" new update phishing-2025") {
			t.Errorf("output does not say how to write the first update:\n%s", out)
		}
		b, err := os.ReadFile(filepath.Join(dir, "content/incidents/phishing-2025/_index.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"discovered: 2025-01-02T11:15:00+11:00\n", "\n## What happened\n", "\n## For more information\n", "Call us on 1800 975 707"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("the incident does not contain %q:\n%s", want, b)
			}
		}
		_, errOut, code = runNewCmd(t, summer, "incident", "phishing-2025", "Again", "-C", dir)
		if code != 1 || !strings.Contains(errOut, "already exists") {
			t.Errorf("second run: exit %d, want 1 and 'already exists':\n%s", code, errOut)
		}
	})

	t.Run("bad slug", func(t *testing.T) {
		_, errOut, code := runNewCmd(t, summer, "incident", "Phishing 2025", "Title", "-C", dir)
		if code != 2 || !strings.Contains(errOut, `use lower case letters, digits and hyphens, like "phishing-2025"`) {
			t.Errorf("exit %d, want 2:\n%s", code, errOut)
		}
	})

	t.Run("usage", func(t *testing.T) {
		_, errOut, code := runNewCmd(t, summer, "update", "prescription-data-2024")
		if code != 2 || !strings.Contains(errOut, "Usage: disclose new") {
			t.Errorf("exit %d, want 2 and the usage:\n%s", code, errOut)
		}
	})
}

func updateFile(t *testing.T, site *content.Site, file string) *content.Update {
	t.Helper()
	for _, inc := range site.Incidents {
		for _, u := range inc.Updates {
			if u.File == file {
				return u
			}
		}
	}
	t.Fatalf("%s was not loaded as an update", file)
	return nil
}
