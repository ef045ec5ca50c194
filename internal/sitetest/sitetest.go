// Package sitetest writes whole sites for tests, from file trees written in
// the test itself as txtar archives:
//
//	-- config.toml --
//	baseURL = "https://example.org/"
//	-- content/incidents/x/_index.md --
//	...
package sitetest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Config is a valid config.toml for test sites.
const Config = `baseURL = "https://updates.example.org/"
title = "Example: cyber incident updates"
locale = "en-AU"
timeZone = "Australia/Melbourne"

[params]
organisation = "Example Pty Ltd"
known_as = "Example"
jurisdictions = ["au"]

[params.contact]
phone = "1800 000 000"
phone_hours = "8am to 8pm, 7 days"
international = "+61 3 0000 0000"
email = "incident@example.org"
media = "media@example.org"
`

// Write writes the txtar archive into a new temporary directory and
// returns it. A file named config.toml is added from Config when absent.
func Write(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	WriteInto(t, dir, archive)
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); os.IsNotExist(err) {
		if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(Config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// WriteInto writes the archive's files below dir, replacing any there.
func WriteInto(t testing.TB, dir, archive string) {
	t.Helper()
	a := txtar.Parse([]byte(strings.TrimLeft(archive, "\n")))
	for _, f := range a.Files {
		writeFile(t, dir, f.Name, f.Data)
	}
}

// WriteFiles writes files (slash path → contents) below dir, replacing
// any there, and returns dir.
func WriteFiles(t testing.TB, dir string, files map[string]string) string {
	t.Helper()
	for name, text := range files {
		writeFile(t, dir, name, []byte(text))
	}
	return dir
}

func writeFile(t testing.TB, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// RepoRoot is the repository's top directory, which is the example site.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// CopyExample copies the example site (config, content, layouts, static)
// into a new temporary directory, so a test may change it.
func CopyExample(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	CopyTheme(t, dir)
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(RepoRoot(), "content"))); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(RepoRoot(), "config.toml"), filepath.Join(dir, "config.toml"))
	return dir
}

// CopyTheme copies the repository's layouts and static files into dir, so
// that a site written by a test renders as the example site does.
func CopyTheme(t testing.TB, dir string) {
	t.Helper()
	for _, sub := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(RepoRoot(), sub))); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
