package manifest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// Statement is one thing the site tells its readers, as a later build
// needs to know it to refuse a silent change: an update, an incident's
// standing statement and facts, a translation of either, or the site's
// contact details. Each field it covers is hashed on its own, so that a
// change can be shown at the field that changed; its revisions and its
// withdrawal are hashed entry by entry, so that one removed or rewritten
// can be named.
type Statement struct {
	// ID names the statement whatever its file is called: "update
	// <address>", "incident <address>", with " (<lang>)" for a
	// translation, or "site contact".
	ID     string  `json:"id"`
	File   string  `json:"file"`   // its source, relative to the site
	Fields []Field `json:"fields"` // in the order of the file's schema
	SHA256 string  `json:"sha256"` // over every field's name and hash
	// Published is the instant (RFC 3339, UTC) the statement is dated, for
	// an update and its translations.
	Published string `json:"published,omitempty"`
	// Revisions hashes each revisions entry (its instant and note), in
	// order; Withdrawn hashes the withdrawal, if any.
	Revisions []string `json:"revisions,omitempty"`
	Withdrawn string   `json:"withdrawn,omitempty"`
}

// Field is one covered field of a statement and the hash of its value.
type Field struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	// Lines holds, for a Markdown body, a short hash of each of its lines,
	// and for a list, of each of its entries, so that a later build can
	// say at which line or entry it changed.
	Lines []string `json:"lines,omitempty"`
}

// Hashed is a field's value, to be hashed into a Statement.
type Hashed struct {
	Name  string
	Value any // text is hashed as text (CRLF as LF, outer space trimmed); anything else as its JSON
	// Lines asks for the text's lines, or the list's entries, to be
	// hashed one by one too.
	Lines bool
}

// LineHashes are the short hashes of text's lines, as Field.Lines holds
// them: 8 hex digits each, enough to find where two texts part.
func LineHashes(text []byte) []string {
	lines := strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n")
	out := make([]string, len(lines))
	for i, l := range lines {
		sum := sha256.Sum256([]byte(strings.TrimRight(l, " \t")))
		out[i] = hex.EncodeToString(sum[:4])
	}
	return out
}

// partHashes are the short hashes of a body's lines or a list's entries.
func partHashes(v any) []string {
	if b, ok := v.([]byte); ok {
		return LineHashes(b)
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		return nil
	}
	out := make([]string, rv.Len())
	for i := range out {
		out[i] = HashValue(rv.Index(i).Interface())[:8]
	}
	return out
}

// FirstChangedLine is the index, from 0, of the first line of now whose
// hash differs from was's, or the last line of now when now only adds to
// the end; -1 when either has no line hashes.
func FirstChangedLine(was, now []string) int {
	if len(was) == 0 || len(now) == 0 {
		return -1
	}
	for i := range now {
		if i >= len(was) || was[i] != now[i] {
			return i
		}
	}
	return len(now) - 1
}

// NewStatement hashes values into a statement. Text has its line endings
// made LF and surrounding white space trimmed, as SourceHash does, so that
// a checkout with other line endings is not a change; times should be
// given in UTC, so that the same instant written with another offset is
// not one either.
func NewStatement(id, file string, values []Hashed) Statement {
	st := Statement{ID: id, File: file}
	all := sha256.New()
	io.WriteString(all, "disclose statement v1")
	for _, v := range values {
		f := Field{Name: v.Name, SHA256: HashValue(v.Value)}
		if v.Lines {
			f.Lines = partHashes(v.Value)
		}
		st.Fields = append(st.Fields, f)
		io.WriteString(all, "\x00"+f.Name+"\x00"+f.SHA256)
	}
	st.SHA256 = hex.EncodeToString(all.Sum(nil))
	return st
}

// HashValue is the SHA-256, in hex, of one value as NewStatement hashes it.
func HashValue(v any) string {
	h := sha256.New()
	switch s := v.(type) {
	case string:
		io.WriteString(h, "t\x00"+strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")))
	case []byte:
		io.WriteString(h, "t\x00"+strings.TrimSpace(strings.ReplaceAll(string(s), "\r\n", "\n")))
	default:
		b, err := json.Marshal(v)
		if err != nil {
			panic(err) // the callers hash plain data
		}
		io.WriteString(h, "j\x00")
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Changed lists the names of the fields whose hashes differ between old
// and st, in st's order, then those old covered and st no longer does.
func (st Statement) Changed(old Statement) []string {
	was := make(map[string]string, len(old.Fields))
	for _, f := range old.Fields {
		was[f.Name] = f.SHA256
	}
	var out []string
	for _, f := range st.Fields {
		if h, ok := was[f.Name]; ok && h != f.SHA256 {
			out = append(out, f.Name)
		}
		delete(was, f.Name)
	}
	for _, f := range old.Fields {
		if _, ok := was[f.Name]; ok {
			out = append(out, f.Name)
		}
	}
	return out
}

// FieldNamed is the field of st called name, if st covers it.
func (st Statement) FieldNamed(name string) (Field, bool) {
	for _, f := range st.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
