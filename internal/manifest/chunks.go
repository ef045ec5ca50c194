package manifest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/internal/public"
)

// ChunkSize is how many updates one chunk of an incident's part records.
// An incident with more updates has their records and statements in
// chunks of ChunkSize, in the order of their addresses (their dates), so
// that a new update rewrites only the last chunk and a full one keeps its
// bytes until one of its updates is revised. The files stay in the
// incident's part: every page of an incident shows its latest update, so
// a new update changes them all.
const ChunkSize = 20

// Chunk is an incident part's entry for one of its chunks: where it is,
// its size and SHA-256, and the first and last update it records, by the
// last segment of their addresses ("2024-05-16-0900").
type Chunk struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	First  string `json:"first"`
	Last   string `json:"last"`
}

// IsChunk reports whether the slash path p is where a chunk of an
// incident's part is published (incidents/<slug>/manifest-<n>.json).
func IsChunk(p string) bool {
	rest, ok := strings.CutPrefix(p, public.IncidentsDir)
	if !ok {
		return false
	}
	slug, name, ok := strings.Cut(rest, "/")
	if !ok || slug == "" {
		return false
	}
	num, ok := strings.CutPrefix(name, strings.TrimSuffix(Name, ".json")+"-")
	if !ok {
		return false
	}
	num, ok = strings.CutSuffix(num, ".json")
	n, err := strconv.Atoi(num)
	return ok && err == nil && n >= 1 && public.ManifestChunk(slug, n) == p && checkPath(p) == nil
}

// idFolder is the last segment of an update's address, its folder.
func idFolder(id string) string { return path.Base(strings.TrimSuffix(id, "/")) }

// statementFolder is the folder of the update a statement is about
// ("update <address>" or "update <address> (<lang>)"), else "".
func statementFolder(id string) string {
	rest, ok := strings.CutPrefix(id, "update ")
	if !ok {
		return ""
	}
	addr, _, _ := strings.Cut(rest, " ")
	return idFolder(addr)
}

// chunked moves the update records and statements of p into chunks of
// ChunkSize when p has more updates than that, and returns the chunks; p
// keeps its files and the incident's own statements.
func (p *Part) chunked() []*Part {
	var folders []string
	for _, u := range p.Updates {
		folders = append(folders, idFolder(u.ID))
	}
	slices.Sort(folders)
	folders = slices.Compact(folders)
	if len(folders) <= ChunkSize {
		return nil
	}
	index := make(map[string]int, len(folders))
	for i, f := range folders {
		index[f] = i / ChunkSize
	}
	chunks := make([]*Part, (len(folders)+ChunkSize-1)/ChunkSize)
	for i := range chunks {
		chunks[i] = &Part{Version: Version, Incident: p.Incident, Chunk: i + 1,
			First: folders[i*ChunkSize], Last: folders[min(len(folders), (i+1)*ChunkSize)-1]}
	}
	for _, u := range p.Updates {
		c := chunks[index[idFolder(u.ID)]]
		c.Updates = append(c.Updates, u)
	}
	var statements []Statement
	for _, st := range p.Statements {
		if i, ok := index[statementFolder(st.ID)]; ok {
			chunks[i].Statements = append(chunks[i].Statements, st)
		} else {
			statements = append(statements, st)
		}
	}
	p.Updates, p.Statements = nil, statements
	return chunks
}

// checkChunks refuses an incident part whose chunks are misnamed, out of
// order, overlapping or too large together, and a chunk that has chunks.
func checkChunks(p *Part) error {
	if p.Chunk != 0 {
		if len(p.Chunks) > 0 {
			return errors.New("a chunk does not list chunks")
		}
		return nil
	}
	prev := ""
	var total int64
	for i, c := range p.Chunks {
		if c.Path != public.ManifestChunk(p.Incident, i+1) {
			return fmt.Errorf("chunk %d is at %q, not %s", i+1, c.Path, public.ManifestChunk(p.Incident, i+1))
		}
		if c.Size < 0 || !isHexSHA256(c.SHA256) {
			return fmt.Errorf("chunk %q: size or sha256 is malformed", c.Path)
		}
		if total += c.Size; total > MaxManifestSize {
			return fmt.Errorf("its chunks are larger than %d bytes together", MaxManifestSize)
		}
		if c.First == "" || c.First > c.Last || c.First <= prev {
			return fmt.Errorf("chunk %q: its updates (%q to %q) are not after the chunk before's", c.Path, c.First, c.Last)
		}
		prev = c.Last
	}
	return nil
}

// checkChunkHolds refuses a chunk that is not the one its entry names, or
// that lists a file, or an update or statement outside its range.
func checkChunkHolds(c *Part, want Chunk) error {
	in := func(folder string) bool { return folder != "" && want.First <= folder && folder <= want.Last }
	if c.Chunk == 0 || c.First != want.First || c.Last != want.Last || public.ManifestChunk(c.Incident, c.Chunk) != want.Path {
		return fmt.Errorf("it is not the chunk of updates %s to %s that the incident's part lists", want.First, want.Last)
	}
	if len(c.Files) > 0 {
		return fmt.Errorf("file %q: a chunk lists no files; the incident's part does", c.Files[0].Path)
	}
	for _, u := range c.Updates {
		if !in(idFolder(u.ID)) {
			return fmt.Errorf("update %q is not one of its updates (%s to %s)", u.ID, want.First, want.Last)
		}
	}
	for _, st := range c.Statements {
		if !in(statementFolder(st.ID)) {
			return fmt.Errorf("statement %q is not about one of its updates (%s to %s)", st.ID, want.First, want.Last)
		}
	}
	return nil
}

// readChunks reads the chunks of the incident part p, each checked against
// p's entry for it, and merges them into p.
func (s *Site) readChunks(ctx context.Context, p *Part) error {
	for _, want := range p.Chunks {
		c, err := s.readChunk(ctx, p.Incident, want)
		if err != nil {
			return err
		}
		p.Updates = append(p.Updates, c.Updates...)
		p.Statements = append(p.Statements, c.Statements...)
	}
	return nil
}

func (s *Site) readChunk(ctx context.Context, slug string, want Chunk) (*Part, error) {
	data, err := s.ReadFile(ctx, want.Path, want.Size)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &PartError{Path: want.Path, Missing: true, Err: fmt.Errorf("listed in the part of incident %s, but missing: %w", slug, err)}
	case errors.As(err, new(*tooLarge)):
		return nil, &PartError{Path: want.Path, Err: fmt.Errorf("larger than the %d bytes the part of incident %s lists; it was changed after signing, or only part of a build is published", want.Size, slug)}
	case err != nil:
		return nil, fmt.Errorf("manifest: chunk %s: %w", want.Path, err)
	}
	got, _ := hashReader(bytes.NewReader(data))
	if got.Size != want.Size || got.SHA256 != want.SHA256 {
		return nil, &PartError{Path: want.Path, Err: fmt.Errorf("%d bytes with SHA-256 %s, but the part of incident %s lists %d bytes with SHA-256 %s; it was changed after signing, or only part of a build is published",
			got.Size, got.SHA256, slug, want.Size, want.SHA256)}
	}
	c, err := parsePart(data, slug)
	if err == nil {
		err = checkChunkHolds(c, want)
	}
	if err != nil {
		return nil, &PartError{Path: want.Path, Err: err}
	}
	return c, nil
}
