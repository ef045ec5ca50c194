package build

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/manifest"
	"github.com/disclose-dev/disclose/internal/public"
	"github.com/disclose-dev/disclose/internal/sign"
)

// secretScanLimit is how much of each file is searched for a secret key:
// a key is a few hundred bytes, usually a file of its own or pasted into
// a page, and reading a site's large files whole would cost every build.
const secretScanLimit = 1 << 20

// siteParts are the folders of a site that become pages or are published
// as they are (internal/hugo mounts layouts, i18n and static).
var siteParts = []string{"content", "static", "layouts", "i18n"}

// SiteSecrets refuses every file of the site that holds a secret key: in
// content/, static/, layouts/ and i18n/ at any depth, and beside
// config.toml. The site's folder is often the repository, whose other
// folders (code, tests) are never published and are not searched.
func SiteSecrets(siteDir string) diag.List {
	var diags diag.List
	entries, _ := os.ReadDir(siteDir)
	for _, e := range entries {
		if !e.IsDir() {
			diags = append(diags, secretFile(filepath.Join(siteDir, e.Name()), e.Name())...)
		}
	}
	for _, part := range siteParts {
		diags = append(diags, SecretFiles(filepath.Join(siteDir, part), part+"/")...)
	}
	return diags
}

// SecretFiles refuses every file below dir that holds a secret key, a
// minisign signing key above all, whatever it is called (static/ included):
// a key published with the site lets anyone sign a false copy of it as
// the organisation. shown is how dir's files are named in diagnostics
// ("static/", or "public/" for the output). Symbolic links to files are
// followed, since Hugo and the web server would publish what they point
// to; a .git folder is skipped.
func SecretFiles(dir, shown string) diag.List { return secretFilesBut(dir, shown, nil) }

// secretFilesBut is SecretFiles leaving out the files of searched (slash
// paths below dir), which were searched already as they were read.
func secretFilesBut(dir, shown string, searched map[string]manifest.File) diag.List {
	var diags diag.List
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder is reported by the step that needs it
		}
		if d.IsDir() {
			if d.Name() == ".git" && p != dir {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil
		}
		if _, ok := searched[filepath.ToSlash(rel)]; ok && d.Type().IsRegular() {
			return nil
		}
		diags = append(diags, secretFile(p, shown+filepath.ToSlash(rel))...)
		return nil
	})
	return diags
}

// secretFile refuses the file at p, named name, if it holds a secret key.
func secretFile(p, name string) diag.List {
	what, found := secretIn(p)
	if !found {
		return nil
	}
	return secretDiag(name, what)
}

// secretData refuses data, the start of the file named name, if it holds
// a secret key.
func secretData(data []byte, name string) diag.List {
	what, found := sign.FindSecret(data)
	if !found {
		return nil
	}
	return secretDiag(name, what)
}

func secretDiag(name, what string) diag.List {
	var diags diag.List
	diags.Add(diag.Pos{File: name, Line: 1, Col: 1}, "", "this file holds %s, which must never be published; "+
		"remove it (and from the repository's history), keep secret keys outside the site's folder, "+
		"and if it is the signing key, make a new pair with 'disclose keygen' and publish the new public key: the old one must be taken as known", what)
	return diags
}

// secretIn reads the start of the file at p (through a symbolic link) and
// says what secret key it holds, if any.
func secretIn(p string) (string, bool) {
	if public.IsCompressedCopy(p) {
		return "", false // compressed copies of files that are searched themselves
	}
	// Only regular files, seen through a link: opening a FIFO would wait
	// for a writer (the loader refuses those itself).
	if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	f, err := os.Open(p)
	if err != nil {
		return "", false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, secretScanLimit))
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false
	}
	return sign.FindSecret(b)
}
