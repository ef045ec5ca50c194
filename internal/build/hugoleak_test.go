package build_test

import (
	"testing"

	"github.com/disclose-dev/disclose/internal/build"
)

// TestRenderedSiteIsReleased: after a build, cobra holds none of the
// completion functions Hugo's commands registered, which kept the whole
// site Hugo rendered alive for the rest of the process (internal/hugo/leak.go).
func TestRenderedSiteIsReleased(t *testing.T) {
	example(t) // built once per test binary
	if n := build.HugoCompletions(); n != 0 {
		t.Errorf("cobra holds %d flag completion functions of Hugo's commands after the build; want none", n)
	}
}
