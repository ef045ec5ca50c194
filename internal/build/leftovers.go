package build

import (
	"os"
	"path/filepath"
)

// The directories a build makes beside its output, named for it so that
// the next build into the same output finds what a killed one left: the
// staging directory (".public.new-*", and its ".feeds" beside it) and the
// work directory (".public.work-*": earlier versions, Hugo's overlay).
// Beside the output, they are on its filesystem, and never in a
// temporary directory shared with other users.
func stagePrefix(out string) string { return "." + filepath.Base(out) + ".new-" }
func workPrefix(out string) string  { return "." + filepath.Base(out) + ".work-" }

// removeLeftovers removes what killed builds into out left beside it. It
// must run with the publish lock held: then no live build owns them.
func removeLeftovers(out string) {
	for _, prefix := range []string{stagePrefix(out), workPrefix(out)} {
		stale, _ := filepath.Glob(filepath.Join(filepath.Dir(out), globEscape(prefix)+"*"))
		for _, s := range stale {
			os.RemoveAll(s)
		}
	}
}

// globEscape makes a file name match only itself in filepath.Glob.
func globEscape(name string) string {
	var b []byte
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '*', '?', '[', '\\':
			b = append(b, '\\')
		}
		b = append(b, name[i])
	}
	return string(b)
}
