package content

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadConfig: whatever config.toml holds, the loader does not panic;
// and when it reports no error, no text the Config carries holds a line
// break, control or direction-override character, and the default
// language is one of Langs.
func FuzzLoadConfig(f *testing.F) {
	if src, err := os.ReadFile(filepath.Join("..", "..", "config.toml")); err == nil {
		f.Add(src)
	}
	f.Add([]byte("baseURL = \"https://x.example/\"\ntitle = \"T\"\ntimeZone = \"UTC\"\n[params]\norganisation = \"O\"\n[languages.en]\nweight = 1\n[languages.mi]\nlanguageName = \"Te reo M\\u0101ori\"\n"))
	f.Add([]byte("baseURL = \"https://x.example/\"\ntitle = \"T\\u202e\"\ntimeZone = \"UTC\"\n[params]\norganisation = \"O\"\n[params.security]\ncontact = [\"mailto:a@b.example\\r\\nX: y\"]\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := os.WriteFile(filepath.Join(dir, ConfigFile), src, 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, diags := LoadConfig(dir)
		if cfg == nil || diags.Errors() > 0 {
			return
		}
		texts := []string{cfg.BaseURL, cfg.Title, cfg.Locale, cfg.TimeZone, cfg.DefaultLang, cfg.Organisation, cfg.KnownAs,
			cfg.Contact.Phone, cfg.Contact.PhoneHours, cfg.Contact.International, cfg.Contact.Email, cfg.Contact.Media, cfg.Contact.Postal, cfg.Contact.PrivacyOfficer,
			cfg.Security.Expires, cfg.Security.Policy, cfg.Security.Language, cfg.Deployment.URL}
		texts = append(texts, cfg.Jurisdictions...)
		texts = append(texts, cfg.WeWillNever...)
		texts = append(texts, cfg.Security.Contact...)
		for _, s := range cfg.Support {
			texts = append(texts, s.Name, s.URL, s.Phone, s.About)
		}
		hasDefault := false
		for _, l := range cfg.Langs {
			texts = append(texts, l.Code, l.Name, l.Title, l.Locale, l.Direction)
			hasDefault = hasDefault || l.Code == cfg.DefaultLang
		}
		if !hasDefault {
			t.Errorf("default language %q is not among Langs %+v", cfg.DefaultLang, cfg.Langs)
		}
		for _, s := range texts {
			for _, r := range s {
				if unsafeRune(r) != "" {
					t.Errorf("%q reached the Config with U+%04X and no error", s, r)
				}
			}
		}
	})
}
