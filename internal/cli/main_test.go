package cli

import (
	"os"
	"testing"
)

// TestMain keeps verify's remembered sites (in the user's config
// directory) out of the real one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "disclose-cli-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
