//go:build !linux

package build

import "os"

// exchange swaps two directories with two renames: where the system has no
// atomic exchange, the target is missing for the instant between them.
func exchange(a, b string) error {
	old := b + ".old"
	os.RemoveAll(old)
	if err := os.Rename(b, old); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(old, b)
		return err
	}
	return os.Rename(old, a)
}

// lockParent does nothing where flock is not available.
func lockParent(dir string) (unlock func(), err error) { return func() {}, nil }
