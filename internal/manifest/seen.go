package manifest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Seen is what a reader's `disclose verify` remembers of the newest build
// of a site it checked, so that an older copy served later (from before a
// correction, say, and genuinely signed) is caught.
type Seen struct {
	Sequence int64  `json:"sequence"`
	Newest   string `json:"newest,omitempty"`
	Checked  string `json:"checked"` // RFC 3339: when it was checked
	// Statements fingerprints each statement of that build, as it was
	// then (its fields, revisions and withdrawal), sorted.
	Statements []string `json:"statements,omitempty"`
}

// State is every site a reader has checked, by the address its manifest
// was signed for.
type State struct {
	Version int             `json:"version"`
	Sites   map[string]Seen `json:"sites"`
}

// StateVersion is the state file format this package writes and reads.
const StateVersion = 1

// DefaultStateFile is where verify remembers what it has seen: the file
// disclose/verify-state.json in the user's config directory
// (~/.config on Linux, ~/Library/Application Support on macOS).
func DefaultStateFile() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("manifest: no config directory to remember checked sites in (%w); pass -state FILE", err)
	}
	return filepath.Join(dir, "disclose", "verify-state.json"), nil
}

// LoadState reads the state file; one that does not exist yet is empty.
func LoadState(file string) (*State, error) {
	st := &State{Version: StateVersion, Sites: map[string]Seen{}}
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	} else if err != nil {
		return nil, fmt.Errorf("manifest: read state: %w", err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("manifest: state %s is not one disclose wrote (%w); move it aside to start again", file, err)
	}
	if st.Version != StateVersion {
		return nil, fmt.Errorf("manifest: state %s has version %d, not %d; use a newer disclose", file, st.Version, StateVersion)
	}
	if st.Sites == nil {
		st.Sites = map[string]Seen{}
	}
	return st, nil
}

// Save writes the state file, readable only by its owner, in one step.
func (st *State) Save(file string) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return fmt.Errorf("manifest: save state: %w", err)
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("manifest: save state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".verify-state-*")
	if err != nil {
		return fmt.Errorf("manifest: save state: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(append(data, '\n'))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		return fmt.Errorf("manifest: save state: %w", err)
	}
	return nil
}

// Remember records m as seen at now, unless a newer build of its site
// was seen before.
func (st *State) Remember(m *Manifest, now time.Time) {
	if old, ok := st.Sites[m.Site]; ok && old.Sequence > m.Sequence {
		return
	}
	st.Sites[m.Site] = SeenOf(m, now)
}

// SeenOf is what is remembered of m, checked at now.
func SeenOf(m *Manifest, now time.Time) Seen {
	return Seen{Sequence: m.Sequence, Newest: m.Newest, Checked: now.UTC().Format(time.RFC3339), Statements: fingerprints(m)}
}

func fingerprints(m *Manifest) []string {
	out := make([]string, 0, len(m.Statements))
	for _, s := range m.Statements {
		out = append(out, HashValue(s))
	}
	slices.Sort(out)
	return out
}

// Older reports whether m is an older build than seen, and how many of
// the statements seen (as they were then) m does not have.
func Older(m *Manifest, seen Seen) (older bool, missing int) {
	if m.Sequence >= seen.Sequence {
		return false, 0
	}
	return true, Missing(m, seen)
}

// Missing counts the statements seen (as they were then) that m does not
// have. For a build of the same number as seen, any is a sign of two
// different builds signed under one number.
func Missing(m *Manifest, seen Seen) int {
	have := fingerprints(m)
	missing := 0
	for _, f := range seen.Statements {
		if _, found := slices.BinarySearch(have, f); !found {
			missing++
		}
	}
	return missing
}
