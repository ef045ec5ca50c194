package build

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
// commands cobra holds (releaseHugo empties them).
func HugoCompletions() int {
	cobraFlagCompletionMutex.Lock()
	defer cobraFlagCompletionMutex.Unlock()
	return len(cobraFlagCompletions)
}
