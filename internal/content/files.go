package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"github.com/disclose-dev/disclose/internal/diag"
)

// MaxFileBytes is the largest content file the loader reads: far above
// any real statement (the longest in the example site is under 8 KB), and
// small enough that the Markdown parser's worst cases stay in seconds.
const MaxFileBytes = 256 << 10

// reSlug is an incident's folder name, its permanent address.
var reSlug = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ignored reports whether a name in content/ is never read and never
// published: hidden files (.DS_Store, .gitkeep, an editor's .x.md.swp) and
// editor backups (x.md~). Nothing that is not read is published, so
// leaving them alone is safe.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}

// checkContentRoot refuses everything in content/ but the incidents folder:
// the site publishes incidents and nothing else, and a file nothing reads
// must not look as if it were published.
func checkContentRoot(dir string, diags *diag.List) {
	entries, err := os.ReadDir(filepath.Join(dir, "content"))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Add(diag.Pos{File: "content"}, "", "cannot read the folder: %v", err)
		}
		return
	}
	for _, e := range entries {
		name := e.Name()
		file := path.Join("content", name)
		switch {
		case ignored(name):
		case name == "incidents" && e.Type().IsDir():
		case name == "incidents":
			diags.Add(diag.Pos{File: file}, "", "must be a folder holding one folder per incident, not a %s", typeName(e.Type()))
		default:
			diags.Add(diag.Pos{File: file}, "", "is not published: a site holds only content/incidents/<slug>/ folders; move what it says into an incident's statement or an update (docs/content-model.md)")
		}
	}
}

// incidentFolder reports whether e, an entry of content/incidents, is an
// incident's folder, and says why not if it is not.
func incidentFolder(e fs.DirEntry, diags *diag.List) bool {
	name := e.Name()
	file := path.Join("content", "incidents", name)
	switch {
	case ignored(name):
		return false
	case e.Type()&fs.ModeSymlink != 0:
		diags.Add(diag.Pos{File: file}, "", "is a symbolic link; links are not followed, so that nothing outside the site is published: put the incident's folder here itself")
		return false
	case !e.Type().IsDir():
		if strings.HasSuffix(name, ".md") {
			diags.Add(diag.Pos{File: file}, "", "is not read: every incident is a folder, content/incidents/<slug>/, holding _index.md and one file per update")
		} else {
			diags.Add(diag.Pos{File: file}, "", "is not read: content/incidents holds only one folder per incident")
		}
		return false
	case !reSlug.MatchString(name):
		diags.Add(diag.Pos{File: file}, "", "the folder name is the incident's permanent address, so it may hold only lower-case letters, digits and single hyphens: rename it %s", slugFix(name))
		return false
	}
	return true
}

// slugFix is name as a valid slug, for the message.
func slugFix(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "like cyber-incident-2024"
	}
	return b.String()
}

// updateFile reports whether e, an entry of an incident's folder, is a
// file the loader reads, and says why not if it is refused.
func updateFile(e fs.DirEntry, file string, diags *diag.List) bool {
	name := e.Name()
	t := e.Type()
	switch {
	case ignored(name):
		return false
	case t.IsDir():
		diags.Add(diag.Pos{File: file}, "", "folders inside an incident are not read; write each update as one file, %s.md", name)
		return false
	case t&fs.ModeSymlink != 0:
		diags.Add(diag.Pos{File: file}, "", "is a symbolic link; links are not followed, so that nothing outside the site is published: copy the file here instead")
		return false
	case !t.IsRegular():
		diags.Add(diag.Pos{File: file}, "", "is a %s, not a file; remove it", typeName(t))
		return false
	case !strings.HasSuffix(name, ".md"):
		ext := path.Ext(name)
		if ext == ".markdown" || ext == ".mdown" || ext == ".mkd" || strings.EqualFold(ext, ".md") {
			diags.Add(diag.Pos{File: file}, "", "is not read: only .md files are; rename it %s.md", strings.TrimSuffix(name, ext))
		} else {
			diags.Add(diag.Pos{File: file}, "", "is not read: an incident's folder holds only its _index.md and its updates' .md files; images and other files go in static/")
		}
		return false
	}
	return true
}

func typeName(t fs.FileMode) string {
	switch {
	case t&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "socket"
	case t&fs.ModeDevice != 0:
		return "device"
	case t&fs.ModeSymlink != 0:
		return "symbolic link"
	case t.IsDir():
		return "folder"
	}
	return "file"
}

// readFile reads a content file that must be a regular file of at most
// MaxFileBytes, without following a link or waiting on a FIFO that took
// its place after the folder was listed.
func readFile(p string) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("it is a %s, not a file", typeName(st.Mode().Type()))
	}
	if st.Size() > MaxFileBytes {
		return nil, errTooLarge(st.Size())
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFileBytes {
		return nil, errTooLarge(int64(len(b)))
	}
	return b, nil
}

func errTooLarge(n int64) error {
	return fmt.Errorf("it is %d KB, over the limit of %d KB for one file; split it into several updates", (n+1023)/1024, MaxFileBytes/1024)
}

// activeExts are the kinds of file a browser runs, or shows as a page of
// the site's own origin, where they could run a script: nothing checks
// what they say, and on hosts that cannot send the Content-Security-Policy
// header they would run as if the organisation had published them.
var activeExts = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true,
	".js": true, ".mjs": true, ".cjs": true, ".wasm": true,
	".svg": true, ".svgz": true, ".xsl": true, ".xslt": true, ".swf": true,
}

// checkStatic refuses what static/ may not publish: files a browser runs
// (activeExts), links (nothing from outside the site is published), and
// anything that is not a regular file. Everything else there (images, the
// stylesheet, a PDF) is published as it is and listed in the manifest.
func checkStatic(dir string, diags *diag.List) {
	root := filepath.Join(dir, "static")
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				diags.Add(diag.Pos{File: "static"}, "", "cannot read the folder: %v", err)
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		file := filepath.ToSlash(rel)
		t := d.Type()
		switch {
		case p == root || t.IsDir():
		case t&fs.ModeSymlink != 0:
			diags.Add(diag.Pos{File: file}, "", "is a symbolic link; links are not followed, so that nothing outside the site is published: copy the file here instead")
		case !t.IsRegular():
			diags.Add(diag.Pos{File: file}, "", "is a %s, not a file; remove it", typeName(t))
		case activeExts[strings.ToLower(path.Ext(file))]:
			diags.Add(diag.Pos{File: file}, "", "is not published: a browser runs %s files or shows them as pages of the site, and nothing checks what they say; put what it says in content/, and images in static/ as .png, .jpg, .webp or .avif", strings.ToLower(path.Ext(file)))
		}
		return nil
	})
}
