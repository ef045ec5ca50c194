// Package scaffold writes the first draft of a new update or incident: the
// file in the right place, with the right name, the front matter filled in
// as far as the tool knows it, and a short body that prompts the writer in
// plain words. It never overwrites a file.
package scaffold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

// TimeLayout is how a scaffold writes times: RFC 3339 with seconds and the
// offset always written out (+00:00, never Z), as the content model asks.
const TimeLayout = "2006-01-02T15:04:05-07:00"

// MaxWords is how many words of the title a new update's file name keeps.
const MaxWords = 6

// ErrExists is returned when the file to write is already there.
var ErrExists = errors.New("already exists")

// ExistsError says which file a scaffold refused to overwrite.
type ExistsError struct{ File string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("new: %s already exists; nothing was written (edit that file, or choose another title)", e.File)
}

// Is makes errors.Is(err, ErrExists) true.
func (e *ExistsError) Is(target error) bool { return target == ErrExists }

// UnknownIncidentError is returned for an update to an incident that has no
// content/incidents/<slug>/_index.md.
type UnknownIncidentError struct {
	Slug    string
	Suggest string   // the closest known slug, or ""
	Known   []string // every known slug, sorted
}

func (e *UnknownIncidentError) Error() string {
	msg := fmt.Sprintf("new: there is no incident %q (no content/incidents/%s/_index.md)", e.Slug, e.Slug)
	switch {
	case e.Suggest != "":
		msg += fmt.Sprintf("; did you mean %q?", e.Suggest)
	case len(e.Known) > 0:
		msg += "; the incidents are: " + strings.Join(e.Known, ", ")
	default:
		msg += "; write the incident first with: disclose new incident " + e.Slug + " \"Title\""
	}
	return msg
}

// ConfigError is returned when config.toml cannot be read; Diags says why.
type ConfigError struct{ Diags diag.List }

func (e *ConfigError) Error() string {
	return "new: the site's config.toml cannot be read"
}

var reSlug = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether slug can name an incident's folder and address:
// lower case letters, digits and single hyphens between them.
func ValidSlug(slug string) bool { return reSlug.MatchString(slug) }

// Slugify turns a title into at most max lower case ASCII words joined by
// hyphens: "Data posted online: what we know" gives
// "data-posted-online-what-we-know". Accents are dropped ("Māori" gives
// "maori"), apostrophes join ("attacker's" gives "attackers"), and a title
// with no Latin letters or digits gives "".
func Slugify(title string, max int) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range norm.NFKD.String(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			w.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			w.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
			// accents and apostrophes belong to the word around them
		default:
			flush()
		}
	}
	flush()
	if max > 0 && len(words) > max {
		words = words[:max]
	}
	return strings.Join(words, "-")
}

// yamlString quotes s for YAML front matter. JSON strings are YAML strings.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// create writes data to the slash path file below siteDir, refusing to
// replace anything that is there.
func create(siteDir, file string, data []byte) error {
	p := filepath.Join(siteDir, filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("new: %w", err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return &ExistsError{File: file}
	} else if err != nil {
		return fmt.Errorf("new: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(p)
		return fmt.Errorf("new: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(p)
		return fmt.Errorf("new: %w", err)
	}
	return nil
}

// loadConfig reads the site's config for its time zone and rule sets. It
// refuses only a config it cannot read or whose time zone is wrong (which
// would date the file wrongly); `check` reports the rest.
func loadConfig(siteDir string) (*content.Config, error) {
	cfg, diags := content.LoadConfig(siteDir)
	if cfg == nil {
		return nil, &ConfigError{Diags: diags}
	}
	var zone diag.List
	for _, d := range diags {
		if d.Severity == diag.Error && d.Field == "timeZone" {
			zone = append(zone, d)
		}
	}
	if len(zone) > 0 {
		return nil, &ConfigError{Diags: zone}
	}
	return cfg, nil
}

// incidentFile is the slash path of an incident's statement.
func incidentFile(slug string) string {
	return path.Join("content", "incidents", slug, "_index.md")
}
