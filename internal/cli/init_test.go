package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/rhysd/actionlint"
)

// runInitCmd runs init as on a terminal where the writer types answers.
func runInitCmd(t *testing.T, answers string, args ...string) (string, string, error) {
	t.Helper()
	oldIn, oldTerm, oldNow := stdin, isTerminal, now
	stdin, isTerminal = strings.NewReader(answers), func() bool { return true }
	now = func() time.Time { return time.Date(2026, 12, 1, 22, 30, 0, 0, time.UTC) }
	defer func() { stdin, isTerminal, now = oldIn, oldTerm, oldNow }()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), append([]string{"init"}, args...), &out, &errOut)
	return out.String(), errOut.String(), err
}

// TestInitAsks: on a terminal, init asks what no flag said, shows each
// default, asks again for a time zone that is not one, and makes the
// signing key outside the site's folder where the writer says.
func TestInitAsks(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	key := filepath.Join(parent, "keys", "harbour.key")
	answers := strings.Join([]string{
		"Harbour Dental Pty Ltd", // legal name
		"Harbour Dental",         // known as
		"https://updates.harbourdental.au/",
		"Sydney",           // not a zone: asked again
		"Australia/Sydney", // the zone
		"au",
		"1800 975 707",
		"8 am to 8 pm, 7 days",
		"help@harbourdental.au",
		"", // no media address
		key,
	}, "\n") + "\n"
	out, errOut, err := runInitCmd(t, answers, dir)
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	for _, want := range []string{
		"The organisation's legal name: ",
		"The time zone, like Australia/Sydney [" + machineZone() + "]: ",
		`  "Sydney" is not a time zone; write an IANA name such as Australia/Sydney`,
		"Where to make the signing key, outside the site's folder (- for not now) [" + filepath.Join(parent, "site-signing.key") + "]: ",
		"The signing key is " + key + " (key ID ",
		"To sign a build on this computer: disclose -C " + dir + " build -key " + key + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("init does not say %q:\n%s", want, out)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	for _, want := range []string{`timeZone = "Australia/Sydney"`, `known_as      = "Harbour Dental"`, `jurisdictions = ["au"]`, `# media       =`} {
		if !strings.Contains(string(cfg), want) {
			t.Errorf("config.toml lacks %q:\n%s", want, cfg)
		}
	}
	if _, err := os.Stat(key); err != nil {
		t.Errorf("no secret key: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "static", ".well-known", "disclose.pub")); err != nil {
		t.Errorf("no public key in the site: %v", err)
	}
}

// TestInitRefusesAKeyInTheSite: a key inside the site's folder would be
// one commit from being published.
func TestInitRefusesAKeyInTheSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	_, _, err := runInitCmd(t, "", "-org", "A", "-known-as", "", "-url", "https://a.au/", "-tz", "UTC", "-jurisdictions", "", "-phone", "1800 975 707",
		"-hours", "9 to 5", "-email", "a@a.au", "-media", "", "-key", filepath.Join(dir, "disclose.key"), dir)
	if err == nil || !strings.Contains(err.Error(), "is inside the site's directory") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err == nil {
		t.Error("config.toml was written")
	}
}

// TestSiteWorkflowLints: the workflow init writes passes actionlint, and
// installs the program instead of running it from a clone.
func TestSiteWorkflowLints(t *testing.T) {
	w := siteWorkflow()
	if bytes.Contains(w, []byte("go run ./cmd/disclose")) || !bytes.Contains(w, []byte("go install github.com/disclose-dev/disclose/cmd/disclose@latest")) {
		t.Errorf("workflow:\n%s", w)
	}
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.Lint(".github/workflows/publish.yml", w, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e)
	}
}

func TestVersionLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"installed", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}}, "disclose v0.3.0 (built with go1.26.8)"},
		{"from a checkout", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "c9b493a0123456789abcdef"}, {Key: "vcs.modified", Value: "true"}}},
			"disclose (devel) (commit c9b493a01234 + changes, built with go1.26.8)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old := readBuildInfo
			readBuildInfo = func() (*debug.BuildInfo, bool) { return &tc.bi, true }
			defer func() { readBuildInfo = old }()
			if got := versionLine(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
