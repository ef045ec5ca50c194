package hugo

import (
	"sync"
	_ "unsafe" // go:linkname

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Hugo's commands register a shell completion function for each of their
// flags (cobra's Command.RegisterFlagCompletionFunc, 29 of them) in a map
// of cobra's own package, which nothing ever empties; each function holds
// Hugo's command tree, and with it the whole site Hugo built. Run in this
// process, every render stayed alive until the process ended: about 200 MiB of live heap at 10,000 updates through compress,
// the manifest and publish, where the build's memory peaked (BENCHMARKS.md;
// found with a heap dump: of the 27 MB still reachable after a build of
// 1,000 updates, 21 MB hung from cobra.flagCompletionFunctions).
//
// cobra has no way to unregister a flag's function, so the map is emptied
// each time Hugo's commands return (Build, Serve). disclose never completes
// a shell command line through Hugo's commands. The variables are cobra
// v1.10.2's (completions.go), reached with go:linkname: a rename fails the
// link; TestRenderedSiteIsReleased (internal/build) fails if they stop
// holding Hugo's functions.

//go:linkname cobraFlagCompletions github.com/spf13/cobra.flagCompletionFunctions
var cobraFlagCompletions map[*pflag.Flag]cobra.CompletionFunc

//go:linkname cobraFlagCompletionMutex github.com/spf13/cobra.flagCompletionMutex
var cobraFlagCompletionMutex *sync.RWMutex

// release lets the site Hugo rendered be collected.
func release() {
	cobraFlagCompletionMutex.Lock()
	defer cobraFlagCompletionMutex.Unlock()
	clear(cobraFlagCompletions)
}
