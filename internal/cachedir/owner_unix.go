//go:build unix

package cachedir

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// owned refuses a directory that another user owns.
func owned(dir string, fi fs.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	if int(st.Uid) != os.Geteuid() {
		return fmt.Errorf("cache: %s is %w (uid %d, not %d), who could put their own pages on the site through it; use a directory of your own (set XDG_CACHE_HOME)", dir, errNotOwner, st.Uid, os.Geteuid())
	}
	return nil
}
