package check_test

import (
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

// TestExampleSiteIsClean holds the example site to `disclose check
// --strict`: no errors and no warnings, as of today.
func TestExampleSiteIsClean(t *testing.T) {
	site, diags := check.CheckSite(sitetest.RepoRoot(), time.Now())
	if site == nil || len(site.Incidents) == 0 {
		t.Fatalf("the example site did not load: %v", diags.Error())
	}
	if len(diags) > 0 {
		t.Errorf("the example site should check clean with --strict; got %s:\n%s", check.Summary(diags), diags.Error())
	}
}
