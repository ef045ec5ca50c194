package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
)

// SecurityTxt returns the RFC 9116 security.txt for cfg, or "" when the
// config has no expiry date (params.security.expires): RFC 9116 requires
// one, and it must come from the config rather than the clock so that two
// builds are the same. `disclose check` warns about the missing date.
func SecurityTxt(cfg *content.Config) (string, error) {
	sec := cfg.Security
	if sec.Expires == "" {
		return "", nil
	}
	exp, err := time.Parse(time.RFC3339, sec.Expires)
	if err != nil {
		return "", fmt.Errorf("publish: security.txt: expires %q is not an RFC 3339 time with an offset: %w", sec.Expires, err)
	}
	contacts := sec.Contact
	if len(contacts) == 0 && cfg.Contact.Email != "" {
		contacts = []string{"mailto:" + cfg.Contact.Email}
	}
	if len(contacts) == 0 {
		return "", fmt.Errorf("publish: security.txt: no contact: set params.security.contact or params.contact.email")
	}
	var b strings.Builder
	for _, c := range contacts {
		fmt.Fprintf(&b, "Contact: %s\n", c)
	}
	// RFC 9116 section 2.5.5: the time is written as in RFC 3339; UTC keeps it
	// the same whatever offset the config used.
	fmt.Fprintf(&b, "Expires: %s\n", exp.UTC().Format(time.RFC3339))
	if langs := preferredLanguages(cfg); langs != "" {
		fmt.Fprintf(&b, "Preferred-Languages: %s\n", langs)
	}
	if cfg.BaseURL != "" {
		fmt.Fprintf(&b, "Canonical: %s%s\n", cfg.BaseURL, public.SecurityTxt)
	}
	if sec.Policy != "" {
		fmt.Fprintf(&b, "Policy: %s\n", sec.Policy)
	}
	return b.String(), nil
}

// WriteSecurityTxt writes outDir/.well-known/security.txt from cfg, or
// nothing when the config sets no expiry date (see SecurityTxt).
func WriteSecurityTxt(outDir string, cfg *content.Config) error {
	text, err := SecurityTxt(cfg)
	if err != nil || text == "" {
		return err
	}
	p := filepath.Join(outDir, filepath.FromSlash(public.SecurityTxt))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("publish: security.txt: %w", err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		return fmt.Errorf("publish: security.txt: %w", err)
	}
	return nil
}

// preferredLanguages is params.security.language, else the site's languages.
func preferredLanguages(cfg *content.Config) string {
	switch {
	case cfg.Security.Language != "":
		return cfg.Security.Language
	case len(cfg.Languages) > 0:
		return strings.Join(cfg.Languages, ", ")
	}
	return cfg.DefaultLang
}
