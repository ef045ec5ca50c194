package check

import (
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

func TestSamplePhone(t *testing.T) {
	for _, tc := range []struct {
		phone string
		want  bool
	}{
		{"1800 000 000", true},
		{"1300 000 000", true},
		{"+61 3 0000 0000", true},
		{"(000) 000-0000", true},
		{"0800 000 000", true},
		{"1800 975 707", false},
		{"13 11 14", false},
		{"000", false},
		{"+61 3 5550 0142", false},
		{"1800 595 160", false},
		{"+1 800 000 0000", true},
	} {
		if got := samplePhone(tc.phone); got != tc.want {
			t.Errorf("samplePhone(%q) = %v, want %v", tc.phone, got, tc.want)
		}
	}
}

func TestSampleHost(t *testing.T) {
	for _, tc := range []struct{ addr, want string }{
		{"https://updates.example.org/", "example.org"},
		{"incident@example.com", "example.com"},
		{"mailto:security@www.example.net", "example.net"},
		{"https://updates.southernscript.example/", "the .example domain"},
		{"help@HARBOUR.EXAMPLE.", "the .example domain"},
		{"https://example.org.evil.au/", ""},
		{"help@notexample.org", ""},
		{"https://www.example-health.org/", ""},
		{"https://www.idcare.org/", ""},
	} {
		if got := sampleHost(tc.addr); got != tc.want {
			t.Errorf("sampleHost(%q) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}

// TestPlaceholders: init's and the README's sample values are warnings in
// check, errors in a build, and nothing on a fictional example site.
func TestPlaceholders(t *testing.T) {
	const cfg = `baseURL = "https://updates.example.org/"
title = "Harbour Dental: cyber incident updates"
timeZone = "Australia/Sydney"

[params]
organisation = "Harbour Dental Pty Ltd"

[params.contact]
phone = "1800 000 000"
phone_hours = "8 am to 8 pm, 7 days"
email = "incident@harbourdental.example"
postal = "PO Box 0000, Sydney NSW 2000"
`
	want := []string{
		`config.toml:1:11: warning: baseURL: a sample value ("https://updates.example.org/"): example.org is reserved for examples and reaches no one; write your own address. 'disclose build' refuses sample values; a fictional example site sets params.demo = true`,
		`config.toml:9:9: warning: params.contact.phone: a sample value ("1800 000 000"): a number of zeros; write the number people can call. 'disclose build' refuses sample values; a fictional example site sets params.demo = true`,
		`config.toml:11:9: warning: params.contact.email: a sample value ("incident@harbourdental.example"): the .example domain is reserved for examples and reaches no one; write your own address. 'disclose build' refuses sample values; a fictional example site sets params.demo = true`,
		`config.toml:12:10: warning: params.contact.postal: a sample value ("PO Box 0000, Sydney NSW 2000"): PO Box 0000 is the example's; write your own postal address. 'disclose build' refuses sample values; a fictional example site sets params.demo = true`,
	}
	for _, tc := range []struct {
		name, demo string
		want       []string
	}{
		{"a real site", "", want},
		{"a fictional example", "demo", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cfg
			if tc.demo != "" {
				c = strings.Replace(c, "[params]\n", "[params]\ndemo = true\n", 1)
			}
			dir := sitetest.Write(t, "-- config.toml --\n"+c)
			site, diags := content.Load(dir)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			var got, built []string
			for _, d := range Placeholders(site.Config) {
				got = append(got, d.String())
			}
			for _, d := range ForBuild(append(Site(site, time.Now()), Placeholders(site.Config)...)) {
				if strings.Contains(d.Message, samplePrefix) && d.Severity == diag.Error {
					built = append(built, d.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if len(built) != len(tc.want) {
				t.Errorf("build: %d errors, want %d:\n%s", len(built), len(tc.want), strings.Join(built, "\n"))
			}
		})
	}
}
