package manifest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/internal/par"
	"github.com/disclose-dev/disclose/internal/public"
)

// Part is the contents of an incident's part, /incidents/<slug>/manifest.json:
// the incident's published files, updates and statements. The root lists
// it with its size and SHA-256, so the root's signature covers it.
type Part struct {
	Version    int         `json:"version"`
	Incident   string      `json:"incident"`             // the incident's slug
	Files      []File      `json:"files"`                // sorted by Path; never the part itself
	Updates    []Update    `json:"updates"`              // sorted by ID
	Statements []Statement `json:"statements,omitempty"` // sorted by ID
	// Chunks, in an incident's part, are the chunks that record its
	// updates when it has more than ChunkSize, in order; the part's hash
	// covers them through theirs.
	Chunks []Chunk `json:"chunks,omitempty"`
	// Chunk numbers a chunk from 1 (0 in an incident's part); First and
	// Last are its first and last update, as its entry gives them.
	Chunk int    `json:"chunk,omitempty"`
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

// partSlug is the incident whose part is at p, if p is a part's path.
func partSlug(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, public.IncidentsDir)
	if !ok {
		return "", false
	}
	slug, ok := strings.CutSuffix(rest, "/"+Name)
	if !ok || slug == "" || strings.Contains(slug, "/") || public.ManifestPart(slug) != p || checkPath(p) != nil {
		return "", false
	}
	return slug, true
}

// IsPart reports whether the slash path p is where an incident's part or
// one of its chunks is published (incidents/<slug>/manifest.json,
// incidents/<slug>/manifest-<n>.json), whether or not one is.
func IsPart(p string) bool {
	_, ok := partSlug(p)
	return ok || IsChunk(p)
}

// IncidentOf is the slug of the incident whose part lists the published
// file p: "x" for incidents/x/… and for a translation's <lang>/incidents/x/…,
// else "" (the root lists it).
func IncidentOf(p string) string {
	seg := strings.Split(p, "/")
	switch {
	case len(seg) >= 3 && seg[0] == "incidents":
		return seg[1]
	case len(seg) >= 4 && seg[1] == "incidents":
		return seg[2]
	}
	return ""
}

// sourceIncident is the slug of the incident whose part records the
// update or statement made from the source file (content/incidents/x/…),
// else "".
func sourceIncident(file string) string {
	rest, ok := strings.CutPrefix(file, "content/incidents/")
	if !ok {
		return ""
	}
	slug, _, ok := strings.Cut(rest, "/")
	if !ok {
		return ""
	}
	return slug
}

// PartNames are the parts a build publishes for the site files (slash
// paths) it holds, sorted: one per incident folder.
func PartNames(files []string) []string {
	var out []string
	for _, f := range files {
		if slug := IncidentOf(f); slug != "" && IsPart(public.ManifestPart(slug)) {
			out = append(out, public.ManifestPart(slug))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// checkParts refuses a root whose parts are malformed, listed twice, too
// large together, or beside files, updates or statements of their own
// incident in the root.
func checkParts(m *Manifest) error {
	var total int64
	slugs := map[string]bool{}
	for _, p := range m.Parts {
		slug, ok := partSlug(p.Path)
		if !ok {
			return fmt.Errorf("manifest: part %q: not the path of an incident's part (incidents/<slug>/%s)", p.Path, Name)
		}
		if slugs[slug] {
			return fmt.Errorf("manifest: part %q is listed twice", p.Path)
		}
		slugs[slug] = true
		if p.Size < 0 || !isHexSHA256(p.SHA256) {
			return fmt.Errorf("manifest: part %q: size or sha256 is malformed", p.Path)
		}
		if total += p.Size; total > MaxManifestSize {
			return fmt.Errorf("manifest: the parts are larger than %d bytes together", MaxManifestSize)
		}
	}
	for _, f := range m.Files {
		if slug := IncidentOf(f.Path); slugs[slug] {
			return fmt.Errorf("manifest: file %q is listed in the root, but belongs in the part of incident %q", f.Path, slug)
		}
	}
	for _, u := range m.Updates {
		if slug := sourceIncident(u.File); slugs[slug] {
			return fmt.Errorf("manifest: update %q is listed in the root, but belongs in the part of incident %q", u.ID, slug)
		}
	}
	for _, st := range m.Statements {
		if slug := sourceIncident(st.File); slugs[slug] {
			return fmt.Errorf("manifest: statement %q is listed in the root, but belongs in the part of incident %q", st.ID, slug)
		}
	}
	return nil
}

// parsePart reads the part of the incident slug and checks that it lists
// only that incident's files, updates and statements.
func parsePart(data []byte, slug string) (*Part, error) {
	var p Part
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("not a manifest part: %w", err)
	}
	if p.Version != Version {
		return nil, fmt.Errorf("version %d is not that of a part (%d)", p.Version, Version)
	}
	if p.Incident != slug {
		return nil, fmt.Errorf("it is the part of incident %q, not of %q", p.Incident, slug)
	}
	if err := checkChunks(&p); err != nil {
		return nil, err
	}
	for _, f := range p.Files {
		if IsPart(f.Path) {
			return nil, fmt.Errorf("file %q: a part does not list a part", f.Path)
		}
		if IncidentOf(f.Path) != slug {
			return nil, fmt.Errorf("file %q is not a file of incident %q", f.Path, slug)
		}
	}
	for _, u := range p.Updates {
		if sourceIncident(u.File) != slug {
			return nil, fmt.Errorf("update %q comes from %q, not from incident %q", u.ID, u.File, slug)
		}
	}
	for _, st := range p.Statements {
		if sourceIncident(st.File) != slug {
			return nil, fmt.Errorf("statement %q comes from %q, not from incident %q", st.ID, st.File, slug)
		}
	}
	return &p, nil
}

func (p *Part) marshal() []byte {
	c := *p
	c.Files, c.Updates, c.Statements = sortedRecord(p.Files, p.Updates, p.Statements)
	c.Chunks = slices.Clone(p.Chunks) // in order already
	return encode(&c)
}

// split is the whole record m as a root and its parts, one per incident
// that has a file, update or statement, sorted by slug. The root's Parts
// are left for the caller to fill in once the parts are encoded.
func split(m *Manifest) (*Manifest, []*Part) {
	root := &Manifest{Version: Version, Site: m.Site, Sequence: m.Sequence, Newest: m.Newest}
	parts := map[string]*Part{}
	of := func(slug string) *Part {
		if parts[slug] == nil {
			parts[slug] = &Part{Version: Version, Incident: slug}
		}
		return parts[slug]
	}
	for _, f := range m.Files {
		if slug := IncidentOf(f.Path); slug != "" && IsPart(public.ManifestPart(slug)) {
			of(slug).Files = append(of(slug).Files, f)
		} else {
			root.Files = append(root.Files, f)
		}
	}
	for _, u := range m.Updates {
		if slug := sourceIncident(u.File); slug != "" && IsPart(public.ManifestPart(slug)) {
			of(slug).Updates = append(of(slug).Updates, u)
		} else {
			root.Updates = append(root.Updates, u)
		}
	}
	for _, st := range m.Statements {
		if slug := sourceIncident(st.File); slug != "" && IsPart(public.ManifestPart(slug)) {
			of(slug).Statements = append(of(slug).Statements, st)
		} else {
			root.Statements = append(root.Statements, st)
		}
	}
	out := make([]*Part, 0, len(parts))
	for _, slug := range slices.Sorted(maps.Keys(parts)) {
		out = append(out, parts[slug])
	}
	return root, out
}

// PartError is a part of the manifest that is missing, or that does not
// match what the signed root says of it, or that is malformed.
type PartError struct {
	Path    string // the part's slash path
	Missing bool
	Err     error
}

func (e *PartError) Error() string { return "manifest: part " + e.Path + ": " + e.Err.Error() }
func (e *PartError) Unwrap() error { return e.Err }

// PartOf is the part of root that lists the published file or folder p
// ("incidents/x" lists in x's part), if root has one; a file of no
// incident is listed in the root itself.
func (root *Manifest) PartOf(p string) (File, bool) {
	slug := IncidentOf(strings.TrimSuffix(p, "/") + "/")
	if slug == "" {
		return File{}, false
	}
	for _, part := range root.Parts {
		if part.Path == public.ManifestPart(slug) {
			return part, true
		}
	}
	return File{}, false
}

// ReadParts reads root's parts from the site, each checked against the
// size and SHA-256 the root gives it, and returns the whole record: the
// root with every part's files, updates and statements merged in, its
// chunks' too. With only given, it reads just those of root's parts, and
// not their chunks (for one page: they record no files).
//
// A part that is missing, differs from the root's entry for it or is
// malformed gives a *PartError; it is read no further than its listed
// size.
func (s *Site) ReadParts(ctx context.Context, root *Manifest, only ...File) (*Manifest, error) {
	m := *root
	m.Files = slices.Clone(root.Files)
	m.Updates = slices.Clone(root.Updates)
	m.Statements = slices.Clone(root.Statements)
	parts := root.Parts
	if only != nil {
		parts = only
	}
	for _, want := range parts {
		if !slices.Contains(root.Parts, want) {
			return nil, &PartError{Path: want.Path, Err: errors.New("not listed in the signed " + Name)}
		}
	}
	read := make([]*Part, len(parts))
	errs := make([]error, len(parts))
	par.Each(len(parts), func(i int) error {
		read[i], errs[i] = s.readPart(ctx, parts[i])
		return nil
	})
	if err := errors.Join(errs...); err == nil && only == nil {
		// Every part and chunk together within the limit of one manifest.
		var total int64
		for i, p := range read {
			total += parts[i].Size
			for _, c := range p.Chunks {
				total += c.Size
			}
		}
		if total > MaxManifestSize {
			return nil, fmt.Errorf("manifest: the parts and their chunks are larger than %d bytes together", MaxManifestSize)
		}
		par.Each(len(parts), func(i int) error {
			errs[i] = s.readChunks(ctx, read[i])
			return nil
		})
	}
	for i, p := range read {
		if errs[i] != nil {
			return nil, errs[i] // the first in the root's order, whatever order they were read in
		}
		m.Files = append(m.Files, p.Files...)
		m.Updates = append(m.Updates, p.Updates...)
		m.Statements = append(m.Statements, p.Statements...)
		for _, c := range p.Chunks {
			if only == nil {
				m.chunks = append(m.chunks, File{Path: c.Path, Size: c.Size, SHA256: c.SHA256})
			}
		}
	}
	if err := checkLists(&m); err != nil {
		return nil, err
	}
	slices.SortFunc(m.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(m.Updates, func(a, b Update) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(m.Statements, func(a, b Statement) int { return strings.Compare(a.ID, b.ID) })
	return &m, nil
}

func (s *Site) readPart(ctx context.Context, want File) (*Part, error) {
	slug, _ := partSlug(want.Path) // Parse checked the root's parts
	data, err := s.ReadFile(ctx, want.Path, want.Size)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &PartError{Path: want.Path, Missing: true, Err: fmt.Errorf("listed in the signed %s, but missing: %w", Name, err)}
	case errors.As(err, new(*tooLarge)):
		return nil, &PartError{Path: want.Path, Err: fmt.Errorf("larger than the %d bytes the signed %s lists; it was changed after signing, or only part of a build is published", want.Size, Name)}
	case err != nil:
		return nil, fmt.Errorf("manifest: part %s: %w", want.Path, err)
	}
	got, _ := hashReader(bytes.NewReader(data))
	if got.Size != want.Size || got.SHA256 != want.SHA256 {
		return nil, &PartError{Path: want.Path, Err: fmt.Errorf("%d bytes with SHA-256 %s, but the signed %s lists %d bytes with SHA-256 %s; it was changed after signing, or only part of a build is published",
			got.Size, got.SHA256, Name, want.Size, want.SHA256)}
	}
	p, err := parsePart(data, slug)
	if err != nil {
		return nil, &PartError{Path: want.Path, Err: err}
	}
	return p, nil
}
