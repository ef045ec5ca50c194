package build

import (
	"sync"
	_ "unsafe" // go:linkname

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// SetAfterCacheIndex makes f run once PrecompressCached has listed its
// cache, and returns what puts things back.
func SetAfterCacheIndex(f func()) (restore func()) {
	old := afterCacheIndex
	afterCacheIndex = f
	return func() { afterCacheIndex = old }
}

// PrecompressSearched and SecretFilesBut are the compress and secrets
// steps of Build.
var (
	PrecompressSearched = precompressSearched
	SecretFilesBut      = secretFilesBut
)

// HugoCompletions is how many flag completion functions of Hugo's
// commands cobra holds (internal/hugo's release empties them after each
// render), read as internal/hugo/leak.go reaches them.
func HugoCompletions() int {
	cobraFlagCompletionMutex.Lock()
	defer cobraFlagCompletionMutex.Unlock()
	return len(cobraFlagCompletions)
}

//go:linkname cobraFlagCompletions github.com/spf13/cobra.flagCompletionFunctions
var cobraFlagCompletions map[*pflag.Flag]cobra.CompletionFunc

//go:linkname cobraFlagCompletionMutex github.com/spf13/cobra.flagCompletionMutex
var cobraFlagCompletionMutex *sync.RWMutex
