// Package manifest is the record of what a build published: every
// published file with its size and SHA-256, and every update with its
// address, publication time and a hash of its source text. A later build
// reads the last published manifest to refuse silent edits, and `disclose
// verify` checks a site against its signed manifest.
//
// It is published in parts (format version 2): /manifest.json, the signed
// root, holds the site-wide files and, for each incident, the path, size
// and SHA-256 of the incident's part, /incidents/<slug>/manifest.json,
// which holds that incident's files, updates and statements. A new update
// rewrites the root and its incident's part; every other part keeps its
// bytes. In memory a Manifest is the whole record, parts merged.
package manifest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sign"
)

// Names of the manifest and its signature at the top of the output tree.
const (
	Name    = public.Manifest
	SigName = public.Signature
)

// Version is the manifest format this package writes: a root and a part
// per incident. It also reads version 1, a single manifest.json with
// everything in it, so that a site published before still verifies and
// its manifest is still read by the next build.
const Version = 2

// Manifest is the contents of /manifest.json, or, once its parts are read
// (Site.ReadParts, Load), the whole record: the root's files, updates and
// statements with every part's, and Parts still naming the parts read.
type Manifest struct {
	Version int    `json:"version"`
	Site    string `json:"site"` // the site's baseURL
	// Sequence numbers the builds of a site: one more than the previous
	// manifest's, so that a reader who has seen build 12 can tell that a
	// copy signed as build 11 is older. 0 in manifests made before it was
	// recorded.
	Sequence int64 `json:"sequence,omitempty"`
	// Newest is the time (RFC 3339, UTC) of the newest dated entry in
	// any statement: an update's date, a revision or a withdrawal.
	Newest     string      `json:"newest,omitempty"`
	Files      []File      `json:"files"`                // sorted by Path
	Updates    []Update    `json:"updates"`              // sorted by ID
	Statements []Statement `json:"statements,omitempty"` // sorted by ID
	// Parts are the incidents' parts (version 2), each with its path, size
	// and SHA-256, sorted by Path; the root's signature covers them
	// through these hashes. A part is not among Files.
	Parts []File `json:"parts,omitempty"`

	chunks []File // the chunks read with the parts (ReadParts)
}

// ManifestFiles are the manifest's own files beside manifest.json and its
// signature, each with its size and hash: the parts, and the chunks read
// with them.
func (m *Manifest) ManifestFiles() []File { return slices.Concat(m.Parts, m.chunks) }

// File is one published file. The manifest and its signature are not listed.
type File struct {
	Path   string `json:"path"` // relative, with slashes: "incidents/x/index.html"
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // lower-case hex
}

// Update is one published update, as a later build needs to know it.
type Update struct {
	ID           string `json:"id"`                // the update's permalink URL
	Published    string `json:"published"`         // RFC 3339, the update's date
	Updated      string `json:"updated,omitempty"` // RFC 3339, the newest revision's date
	SourceSHA256 string `json:"source_sha256"`     // SourceHash of its title, summary and body
	File         string `json:"file"`              // its source file, relative to the site: "content/incidents/x/2024-05-16-first.md"
	Withdrawn    bool   `json:"withdrawn,omitempty"`
}

// SourceHash is the hash recorded as Update.SourceSHA256: SHA-256, in hex,
// over the update's title, its summary ("" if it has none) and its Markdown
// body, each with CRLF line endings made LF and surrounding white space
// trimmed, joined by NUL bytes. A changed title or summary counts as an
// edit as much as a changed body; a checkout with other line endings does
// not.
func SourceHash(title, summary, body string) string {
	h := sha256.New()
	io.WriteString(h, "disclose source v1")
	for _, s := range []string{title, summary, body} {
		h.Write([]byte{0})
		io.WriteString(h, strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Scan lists every regular file under dir except the manifest and its
// signature at the top, sorted by path, with its size and SHA-256.
func Scan(dir string) ([]File, error) { return ScanKnown(dir, nil) }

// ScanKnown is Scan for a caller that has already hashed some of the
// files: known holds them by slash path, and they are listed as known says
// without being read again. Only files that are in dir are listed.
func ScanKnown(dir string, known map[string]File) ([]File, error) {
	var files []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == Name || rel == SigName {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file (a symbolic link or device); the manifest lists only files", rel)
		}
		f, ok := known[rel]
		if !ok {
			if f, err = hashFile(p); err != nil {
				return err
			}
		}
		f.Path = rel
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("manifest: scan %s: %w", dir, err)
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

func hashFile(p string) (File, error) {
	f, err := os.Open(p)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	return hashReader(f)
}

func hashReader(r io.Reader) (File, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return File{}, err
	}
	return File{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// Marshal is the manifest as indented JSON with a trailing newline. Files and
// updates are sorted, so equal manifests give equal bytes.
func (m *Manifest) Marshal() []byte {
	c := *m
	c.Files, c.Updates, c.Statements = sortedRecord(m.Files, m.Updates, m.Statements)
	c.Parts = slices.Clone(m.Parts)
	slices.SortFunc(c.Parts, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return encode(&c)
}

// sortedRecord are sorted copies of a root's or a part's files (by path),
// updates and statements (by id), for Marshal: equal records give equal
// bytes. Files and updates are never null in the JSON.
func sortedRecord(files []File, updates []Update, statements []Statement) ([]File, []Update, []Statement) {
	files, updates, statements = slices.Clone(files), slices.Clone(updates), slices.Clone(statements)
	if files == nil {
		files = []File{}
	}
	if updates == nil {
		updates = []Update{}
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(updates, func(a, b Update) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(statements, func(a, b Statement) int { return strings.Compare(a.ID, b.ID) })
	return files, updates, statements
}

// encode is v as indented JSON with a trailing newline, HTML left as is.
func encode(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err) // strings and numbers always encode
	}
	return buf.Bytes()
}

// Parse reads a manifest.json and checks that it is well formed: a known
// version, file paths that stay inside the site, no path listed twice,
// hashes that look like SHA-256, and parts (version 2) each named for its
// incident. The parts are not read: Site.ReadParts does that.
func Parse(data []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifest: not a manifest: %w", err)
	}
	if m.Version != Version && m.Version != 1 {
		return nil, fmt.Errorf("manifest: version %d is not one this disclose understands (1 or %d); use a newer disclose", m.Version, Version)
	}
	if m.Version == 1 && len(m.Parts) > 0 {
		return nil, errors.New("manifest: a version 1 manifest has no parts")
	}
	if err := checkParts(&m); err != nil {
		return nil, err
	}
	if err := checkLists(&m); err != nil {
		return nil, err
	}
	if m.Sequence < 0 {
		return nil, fmt.Errorf("manifest: sequence %d is negative", m.Sequence)
	}
	return &m, nil
}

// checkLists refuses malformed files and a path, update or statement
// listed twice.
func checkLists(m *Manifest) error {
	seen := make(map[string]bool, len(m.Files)+len(m.Parts))
	for _, p := range m.Parts {
		seen[p.Path] = true
	}
	for _, f := range m.Files {
		if err := checkPath(f.Path); err != nil {
			return fmt.Errorf("manifest: file %q: %w", f.Path, err)
		}
		if seen[f.Path] {
			return fmt.Errorf("manifest: file %q is listed twice", f.Path)
		}
		seen[f.Path] = true
		if f.Size < 0 || !isHexSHA256(f.SHA256) {
			return fmt.Errorf("manifest: file %q: size or sha256 is malformed", f.Path)
		}
	}
	ids := make(map[string]bool, len(m.Updates))
	for _, u := range m.Updates {
		if u.ID == "" || ids[u.ID] {
			return fmt.Errorf("manifest: update %q is missing its id or listed twice", u.ID)
		}
		ids[u.ID] = true
	}
	sids := make(map[string]bool, len(m.Statements))
	for _, st := range m.Statements {
		if st.ID == "" || sids[st.ID] {
			return fmt.Errorf("manifest: statement %q is missing its id or listed twice", st.ID)
		}
		sids[st.ID] = true
	}
	return nil
}

// checkPath accepts only clean relative slash paths, so that a hostile
// manifest cannot make verify read outside the site.
func checkPath(p string) error {
	switch {
	case p == "" || p == "." || strings.HasPrefix(p, "/") || strings.Contains(p, "\\"):
		return errors.New("not a relative path")
	case path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../"):
		return errors.New("not a clean path inside the site")
	case strings.ContainsAny(p, "\x00?#"):
		return errors.New("contains a character not allowed in a file path")
	case p == Name || p == SigName:
		return errors.New("the manifest does not list itself")
	}
	return nil
}

func isHexSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Compare lists the paths that are in got but not in want (added), in both
// but with another size or hash (changed), and in want but not in got
// (removed), each sorted.
func Compare(want, got []File) (added, changed, removed []string) {
	w := make(map[string]File, len(want))
	for _, f := range want {
		w[f.Path] = f
	}
	g := make(map[string]bool, len(got))
	for _, f := range got {
		g[f.Path] = true
		old, ok := w[f.Path]
		switch {
		case !ok:
			added = append(added, f.Path)
		case old.Size != f.Size || old.SHA256 != f.SHA256:
			changed = append(changed, f.Path)
		}
	}
	for _, f := range want {
		if !g[f.Path] {
			removed = append(removed, f.Path)
		}
	}
	slices.Sort(added)
	slices.Sort(changed)
	slices.Sort(removed)
	return added, changed, removed
}

// Write records the site built into outDir: it scans outDir, writes
// manifest.json listing its files and updates, and, when secret is not nil,
// signs it into manifest.json.minisig. Without a key it removes any
// signature left from an earlier build, which would no longer match.
//
// Call it last, after every other file (precompressed copies included) is
// written. It removes .gz and .br copies of an earlier manifest or
// signature: a server that sends precompressed copies as they are (nginx
// gzip_static) would otherwise serve the old manifest to every reader.
func Write(outDir string, updates []Update, baseURL string, secret *sign.SecretKey) error {
	return WriteKnown(outDir, Record{Updates: updates}, baseURL, secret, nil)
}

// Record is what a build says of its content in the manifest, beside the
// files: its updates, its statements, its sequence number and its newest
// time.
type Record struct {
	Updates    []Update
	Statements []Statement
	Sequence   int64
	Newest     string
}

// WriteKnown is Write for a caller that has already hashed some of the
// files (ScanKnown): known must be what they hold now.
//
// It writes the root, manifest.json, and one part per incident
// (PartPath); a part whose bytes are unchanged is not written again, and
// the parts of an earlier manifest in outDir that are no longer wanted
// are removed. A published file where a part goes is refused.
func WriteKnown(outDir string, rec Record, baseURL string, secret *sign.SecretKey, known map[string]File) error {
	old := oldParts(outDir)
	for _, name := range append([]string{Name, SigName}, old...) {
		for _, ext := range []string{".gz", ".br"} {
			if err := os.Remove(filepath.Join(outDir, filepath.FromSlash(name+ext))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("manifest: remove stale copy: %w", err)
			}
		}
	}
	scanned, err := ScanKnown(outDir, known)
	if err != nil {
		return err
	}
	files := scanned[:0]
	for _, f := range scanned {
		if slices.Contains(old, f.Path) {
			continue
		}
		if base := strings.TrimSuffix(strings.TrimSuffix(f.Path, ".gz"), ".br"); IsPart(base) {
			slug := IncidentOf(base)
			return fmt.Errorf("manifest: %s is a published file, but %s is where the manifest's part for incident %s goes; rename it (it may come from static/incidents/%s/)",
				f.Path, base, slug, slug)
		}
		files = append(files, f)
	}
	root, parts := split(&Manifest{Site: baseURL, Sequence: rec.Sequence, Newest: rec.Newest,
		Files: files, Updates: rec.Updates, Statements: rec.Statements})
	var written []string // the parts and chunks of this build
	for _, p := range parts {
		for _, c := range p.chunked() {
			data := c.marshal()
			entry, err := hashReader(bytes.NewReader(data))
			if err != nil {
				return fmt.Errorf("manifest: write: %w", err)
			}
			path := public.ManifestChunk(p.Incident, c.Chunk)
			if err := writeChanged(filepath.Join(outDir, filepath.FromSlash(path)), data); err != nil {
				return fmt.Errorf("manifest: write: %w", err)
			}
			p.Chunks = append(p.Chunks, Chunk{Path: path, Size: entry.Size, SHA256: entry.SHA256, First: c.First, Last: c.Last})
			written = append(written, path)
		}
		data := p.marshal()
		entry, err := hashReader(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("manifest: write: %w", err)
		}
		entry.Path = public.ManifestPart(p.Incident)
		if _, err := parsePart(data, p.Incident); err != nil {
			return fmt.Errorf("manifest: write %s: %w", entry.Path, err)
		}
		if err := writeChanged(filepath.Join(outDir, filepath.FromSlash(entry.Path)), data); err != nil {
			return fmt.Errorf("manifest: write: %w", err)
		}
		root.Parts = append(root.Parts, entry)
		written = append(written, entry.Path)
	}
	for _, p := range old {
		if !slices.Contains(written, p) {
			if err := os.Remove(filepath.Join(outDir, filepath.FromSlash(p))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("manifest: remove old part: %w", err)
			}
		}
	}
	data := root.Marshal()
	if _, err := Parse(data); err != nil {
		return fmt.Errorf("manifest: write: %w", err)
	}
	if err := os.WriteFile(filepath.Join(outDir, Name), data, 0o644); err != nil {
		return fmt.Errorf("manifest: write: %w", err)
	}
	sigPath := filepath.Join(outDir, SigName)
	if secret == nil {
		if err := os.Remove(sigPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("manifest: remove old signature: %w", err)
		}
		return nil
	}
	if err := os.WriteFile(sigPath, sign.Sign(secret, data), 0o644); err != nil {
		return fmt.Errorf("manifest: write signature: %w", err)
	}
	return nil
}

// oldParts are the parts and chunks the manifest already in outDir lists,
// if it can be read: they are this package's own files, to be replaced.
func oldParts(outDir string) []string {
	data, err := os.ReadFile(filepath.Join(outDir, Name))
	if err != nil {
		return nil
	}
	m, err := Parse(data)
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range m.Parts {
		out = append(out, p.Path)
		data, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(p.Path)))
		if slug, ok := partSlug(p.Path); ok && err == nil {
			if part, err := parsePart(data, slug); err == nil {
				for _, c := range part.Chunks {
					out = append(out, c.Path)
				}
			}
		}
	}
	return out
}

// writeChanged writes data to p unless p holds it already, so that an
// unchanged part keeps its file as well as its bytes.
func writeChanged(p string, data []byte) error {
	if was, err := os.ReadFile(p); err == nil && bytes.Equal(was, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}
