package disclose_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose"
)

// TestThemeHoldsEveryFile: every file of layouts/, i18n/ and static/ is in the
// program, including those in folders go:embed leaves out unless named
// (a leading underscore, like layouts/_partials): a new folder of the
// theme must be added to theme.go's go:embed line.
func TestThemeHoldsEveryFile(t *testing.T) {
	n := 0
	for _, root := range []string{"layouts", "i18n", "static"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			want, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got, err := fs.ReadFile(disclose.Theme, filepath.ToSlash(p))
			if err != nil {
				t.Errorf("%s is not in the built-in theme; name its folder in theme.go's go:embed line", p)
				return nil
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from the built-in theme's", p)
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 10 {
		t.Fatalf("only %d theme files found", n)
	}
}
