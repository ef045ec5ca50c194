package check_test

import (
	"strings"
	"testing"
)

// configDiags checks the base site with config as its config.toml and
// returns what is said about config.toml, one line each.
func configDiags(t *testing.T, config string) []string {
	t.Helper()
	got := run(t, "-- config.toml --\n"+config)
	got.Sort()
	var lines []string
	for _, d := range got {
		if d.Pos.File == "config.toml" {
			lines = append(lines, d.String())
		}
	}
	return lines
}

// TestConfigValues checks the config's values for what each is: they go
// into every page's contact box, into feeds and into security.txt.
// sitetest.Config is 16 lines; a table after it starts on line 17.
func TestConfigValues(t *testing.T) {
	tests := []struct {
		name, old, new, after string // old is replaced by new in sitetest.Config, then after is added
		want                  []string
	}{
		// Email addresses.
		{"email with mailto", `email = "incident@example.org"`, `email = "mailto:incident@example.org"`, "", []string{
			`config.toml:15:9: params.contact.email: "mailto:incident@example.org" is not an email address (leave out mailto:); write it like incident@example.org`,
		}},
		{"email with two @", `email = "incident@example.org"`, `email = "incident@example.org@evil.example"`, "", []string{
			`config.toml:15:9: params.contact.email: "incident@example.org@evil.example" is not an email address (it needs exactly one @); write it like incident@example.org`,
		}},
		{"email with a space", `email = "incident@example.org"`, `email = "incident @example.org"`, "", []string{
			`config.toml:15:9: params.contact.email: "incident @example.org" is not an email address (it has a space); write it like incident@example.org`,
		}},
		{"email domain without a dot", `email = "incident@example.org"`, `email = "incident@localhost"`, "", []string{
			`config.toml:15:9: params.contact.email: "incident@localhost" is not an email address (the part after the @ needs a dot, like example.org); write it like incident@example.org`,
		}},
		{"media address that is a name", `media = "media@example.org"`, `media = "Media team"`, "", []string{
			`config.toml:16:9: params.contact.media: "Media team" is not an email address (it has a space); write it like media@example.org`,
		}},
		{"email with a line break", `email = "incident@example.org"`, `email = "incident@example.org\nBcc: all@example.org"`, "", []string{
			`config.toml:15:9: params.contact.email: has a line break (U+000A) at character 21 of the value, after "incident@example.org"; write the value on one line without it`,
		}},

		{"email and phone written empty", `email = "incident@example.org"`, `email = " "`, "", []string{
			`config.toml:11:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = "incident@example.org" under [params.contact]`,
		}},
		{"phone with a line break", `phone = "1800 000 000"`, `phone = "1800 000\n000"`, "", []string{
			`config.toml:12:9: params.contact.phone: has a line break (U+000A) at character 9 of the value, after "1800 000"; write the value on one line without it`,
		}},

		// Phone numbers.
		{"phone with letters", `phone = "1800 000 000"`, `phone = "1800 CALL US"`, "", []string{
			`config.toml:12:9: params.contact.phone: "1800 CALL US" has "C", which cannot be dialled; write the number with digits, spaces, +, -, ( and ) only, like 1800 975 707`,
		}},
		{"international number with a dot", `international = "+61 3 0000 0000"`, `international = "+61.3.0000.0000"`, "", []string{
			`config.toml:14:17: params.contact.international: "+61.3.0000.0000" has ".", which cannot be dialled; write the number with digits, spaces, +, -, ( and ) only, like 1800 975 707`,
		}},
		{"letter O for zero", `international = "+61 3 0000 0000"`, `international = "+61 3 0000 OOOO"`, "", []string{
			`config.toml:14:17: params.contact.international: "+61 3 0000 OOOO" has "O" (the letter O, not the digit 0), which cannot be dialled; write the number with digits, spaces, +, -, ( and ) only, like 1800 975 707`,
		}},
		{"support phone with a line break", "", "", "[[params.support]]\nname = \"Helpline\"\nphone = \"13 00\\n00\"\n", []string{
			`config.toml:19:9: params.support[0].phone: has a line break (U+000A) at character 6 of the value, after "13 00"; write the value on one line without it`,
		}},
		{"support phone that is a word", "", "", "[[params.support]]\nname = \"Helpline\"\nphone = \"ask us\"\n", []string{
			`config.toml:19:9: params.support[0].phone: "ask us" has "a", which cannot be dialled; write the number with digits, spaces, +, -, ( and ) only, like 1800 975 707`,
		}},

		// Web addresses.
		{"javascript support address", "", "", "[[params.support]]\nname = \"Helpline\"\nurl = \"javascript:alert(document.cookie)\"\n", []string{
			`config.toml:19:7: params.support[0].url: "javascript:alert(document.cookie)" is not a web address; write it like https://www.example.gov.au/advice`,
		}},
		{"http support address", "", "", "[[params.support]]\nname = \"Helpline\"\nurl = \"http://www.example.org.au/\"\n", []string{
			`config.toml:19:7: warning: params.support[0].url: "http://www.example.org.au/" uses http://, which can be changed on its way to the reader; use https:// if the site offers it`,
		}},
		{"baseURL with a query", `baseURL = "https://updates.example.org/"`, `baseURL = "https://updates.example.org/?utm_source=x"`, "", []string{
			`config.toml:1:11: baseURL: "https://updates.example.org/?utm_source=x/" has a ? or # part, which would end up in the middle of every address; write only the site's address, like https://updates.example.org/`,
		}},
		{"baseURL with a user", `baseURL = "https://updates.example.org/"`, `baseURL = "https://admin:hunter2@updates.example.org/"`, "", []string{
			`config.toml:1:11: baseURL: "https://admin:hunter2@updates.example.org/" has a user name in it, which every page and feed would show; write the address without it, like https://updates.example.org/`,
		}},

		// security.txt.
		{"security contact with an embedded line", "", "", "[params.security]\ncontact = [\"mailto:security@example.org\\nPolicy: https://evil.example/\"]\nexpires = \"2027-06-30T00:00:00+10:00\"\n", []string{
			`config.toml:18:12: params.security.contact[0]: has a line break (U+000A) at character 28 of the value, after "security@example.org"; write the value on one line without it`,
		}},
		{"mailto without an address", "", "", "[params.security]\ncontact = [\"mailto:\"]\nexpires = \"2027-06-30T00:00:00+10:00\"\n", []string{
			`config.toml:18:12: params.security.contact: "mailto:" has no address after mailto:; write mailto:security@example.org`,
		}},
		{"security contacts of every wrong kind", "", "", "[params.security]\ncontact = [\"mailto:security\", \"security@example.org\", \"http://example.org/report\", \"tel:+61300000000\", \"https://example.org/report\"]\nexpires = \"2027-06-30T00:00:00+10:00\"\n", []string{
			`config.toml:18:12: params.security.contact: "mailto:security" does not give an email address after mailto: (it needs exactly one @); write it like mailto:security@example.org`,
			`config.toml:18:31: params.security.contact: "security@example.org" needs mailto: in front; write mailto:security@example.org`,
			`config.toml:18:55: params.security.contact: "http://example.org/report" uses http://; RFC 9116 asks for https:// addresses, which cannot be changed on the way`,
			`config.toml:18:84: params.security.contact: "tel:+61300000000" is not a contact security.txt can give; write mailto:security@example.org or an https:// address`,
		}},
		{"security policy over http, language not a tag", "", "", "[params.security]\npolicy = \"http://example.org/policy\"\nlanguage = \"en, te reo\"\nexpires = \"2027-06-30T00:00:00+10:00\"\n", []string{
			`config.toml:18:10: params.security.policy: "http://example.org/policy" is not an https:// address; RFC 9116 asks for one, like https://example-health.org/security-policy`,
			`config.toml:19:12: params.security.language: "te reo" is not a language tag; write tags separated by commas, like "en, mi"`,
		}},
		{"security expiry without an offset", "", "", "[params.security]\nexpires = \"2027-06-30T00:00:00\"\n", []string{
			`config.toml:18:11: params.security.expires: no time zone offset; write 2027-06-30T00:00:00+10:00`,
		}},
		{"security without an expiry", "", "", "[params.security]\ncontact = [\"mailto:security@example.org\"]\n", []string{
			`config.toml:17:9: warning: params.security.expires: missing, so no /.well-known/security.txt is written (RFC 9116 requires the date it expires); add expires = "2026-01-01T00:00:00+11:00" under [params.security]`,
		}},
		{"security expired", "", "", "[params.security]\nexpires = \"2024-06-30T00:00:00+10:00\"\n", []string{
			`config.toml:18:11: warning: params.security.expires: 2024-06-30T00:00:00+10:00 has passed, so security.txt tells readers not to trust it; set a date up to a year ahead`,
		}},
		{"security fine", "", "", "[params.security]\ncontact = [\"mailto:security@example.org\", \"https://example.org/report\"]\npolicy = \"https://example.org/policy\"\nlanguage = \"en, mi\"\nexpires = \"2027-06-30T00:00:00+10:00\"\n", nil},

		// Text shown on every page.
		{"phone hours with a direction override", `phone_hours = "8am to 8pm, 7 days"`, "phone_hours = \"8am to 8pm, 7 days\\u202e\"", "", []string{
			`config.toml:13:15: params.contact.phone_hours: has an invisible direction override (U+202E) at character 19 of the value, after "8am to 8pm, 7 days"; write the value on one line without it`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := strings.Replace(configText, tt.old, tt.new, 1) + tt.after
			if tt.old != "" && !strings.Contains(configText, tt.old) {
				t.Fatalf("%q is not in sitetest.Config", tt.old)
			}
			got := configDiags(t, cfg)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
