package publish

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

// TestWorkflowLints runs actionlint, in process, on every workflow under
// .github/workflows, with shellcheck on the run: scripts when it is
// installed.
func TestWorkflowLints(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows found (%v)", err)
	}
	opts := &actionlint.LinterOptions{WorkingDir: root}
	if sc, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = sc
	} else {
		t.Log("shellcheck is not installed (Debian package shellcheck): run: scripts are not checked")
	}
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, opts)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Errorf("actionlint found %d problem(s):\n%s", len(errs), out.String())
	}
}

// TestPublishWorkflow checks what the publishing workflow promises: checks
// on pull requests, build, sign, verify and deploy on main, actions pinned
// to a commit, and no write permission.
func TestPublishWorkflow(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/publish.yml")
	if err != nil {
		t.Fatal(err)
	}
	w, errs := actionlint.Parse(data)
	if len(errs) > 0 {
		t.Fatalf("parse: %v", errs)
	}
	if w.Permissions == nil || len(w.Permissions.Scopes) != 1 || w.Permissions.Scopes["contents"] == nil || w.Permissions.Scopes["contents"].Value.Value != "read" {
		t.Errorf("permissions are not just contents: read")
	}
	if w.Concurrency == nil {
		t.Errorf("no concurrency group")
	}
	runs := map[string]string{}
	for id, job := range w.Jobs {
		var script []string
		for _, s := range job.Steps {
			switch e := s.Exec.(type) {
			case *actionlint.ExecAction:
				uses := e.Uses.Value
				at := strings.LastIndex(uses, "@")
				if at < 0 || len(uses)-at-1 != 40 {
					t.Errorf("%s: %s is not pinned to a commit", id, uses)
				}
			case *actionlint.ExecRun:
				script = append(script, e.Run.Value)
			}
		}
		runs[id] = strings.Join(script, "\n")
	}
	for _, want := range []struct{ job, text string }{
		{"check", "go run ./cmd/disclose check --strict"},
		// The pull request is compared with the live site, as main is.
		{"check", `previous=(-previous "$SITE_URL")`},
		{"publish", "go run ./cmd/disclose check --strict"},
		{"publish", "go run ./cmd/disclose build -o public"},
		{"publish", "go run ./cmd/disclose verify"},
		{"publish", "go run ./cmd/disclose deploy"},
	} {
		if !strings.Contains(runs[want.job], want.text) {
			t.Errorf("job %s does not run %q", want.job, want.text)
		}
	}
	if !strings.Contains(string(data), "secrets.DISCLOSE_SECRET_KEY") || !strings.Contains(string(data), "secrets.AWS_SECRET_ACCESS_KEY") {
		t.Errorf("the signing key or storage credentials do not come from secrets")
	}
}
