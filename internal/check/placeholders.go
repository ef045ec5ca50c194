package check

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

// samplePrefix opens every placeholder message, so that ForBuild can
// tell them from other warnings.
const samplePrefix = "a sample value"

// Placeholders reports the sample values of the README, the docs and
// `disclose init` left in config.toml: an organisation called "Example
// ...", a helpline of zeros, PO Box 0000,
// and addresses under example.com, example.org, example.net or the
// .example top-level domain (RFC 2606), which reach no one. They are
// warnings, so that a first check or preview is not all errors, and
// errors in a build (ForBuild), so that no site goes live with them; a
// site that declares itself a fictional example (params.demo = true) may
// keep them. They are not among Site's rules: the test sites of this
// repository are built of such values.
func Placeholders(cfg *content.Config) diag.List {
	if cfg == nil || cfg.Demo {
		return nil
	}
	c := &checker{cfg: cfg}
	ct := cfg.Contact
	phones := map[string]string{"params.contact.phone": ct.Phone, "params.contact.international": ct.International}
	for i, s := range cfg.Support {
		phones["params.support["+strconv.Itoa(i)+"].phone"] = s.Phone
	}
	addrs := map[string]string{
		"baseURL":                cfg.BaseURL,
		"params.contact.email":   ct.Email,
		"params.contact.media":   ct.Media,
		"params.security.policy": cfg.Security.Policy,
	}
	for i, s := range cfg.Support {
		addrs["params.support["+strconv.Itoa(i)+"].url"] = s.URL
	}
	for i, s := range cfg.Security.Contact {
		addrs["params.security.contact["+strconv.Itoa(i)+"]"] = s
	}
	for _, key := range []string{"params.organisation", "params.known_as"} {
		name := map[string]string{"params.organisation": cfg.Organisation, "params.known_as": cfg.KnownAs}[key]
		if strings.HasPrefix(name, "Example ") && (key == "params.organisation" || name != cfg.Organisation) {
			c.sample(key, name, "the docs' and init's name for an organisation; write your organisation's")
		}
	}
	for _, key := range sortedKeys(phones) {
		if samplePhone(phones[key]) {
			c.sample(key, phones[key], "a number of zeros; write the number people can call")
		}
	}
	for _, key := range sortedKeys(addrs) {
		if h := sampleHost(addrs[key]); h != "" {
			c.sample(key, addrs[key], h+" is reserved for examples and reaches no one; write your own address")
		}
	}
	if reSampleBox.MatchString(ct.Postal) {
		c.sample("params.contact.postal", ct.Postal, "PO Box 0000 is the example's; write your own postal address")
	}
	c.diags.Sort()
	return c.diags
}

func (c *checker) sample(key, value, why string) {
	c.diags.Warn(c.cfg.PosOf(key), key, "%s (%q): %s. 'disclose build' refuses sample values; a fictional example site sets params.demo = true", samplePrefix, value, why)
}

// ForBuild is diags as a build reads them: the sample values that check
// and the preview warn of are errors, so that they are never published.
func ForBuild(diags diag.List) diag.List {
	out := make(diag.List, len(diags))
	for i, d := range diags {
		if d.Severity == diag.Warning && strings.HasPrefix(d.Message, samplePrefix) {
			d.Severity = diag.Error
		}
		out[i] = d
	}
	return out
}

var reSampleBox = regexp.MustCompile(`(?i)\b(?:PO|P\.O\.|Post Office)\s*Box\s+0+\b`)

// samplePhone reports a number whose digits are all zeros after its
// prefix: 1800 000 000, +61 3 0000 0000, (000) 000-0000.
func samplePhone(p string) bool {
	var d strings.Builder
	for _, r := range p {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	s := d.String()
	if len(s) < 6 {
		return false // 000, 111: emergency numbers are real
	}
	if strings.Trim(s, "0") == "" {
		return true
	}
	for _, prefix := range []string{"1800", "1300", "0800", "61", "64", "44", "1"} {
		rest, ok := strings.CutPrefix(s, prefix)
		if !ok {
			continue
		}
		if len(rest) > 6 && rest[0] != '0' {
			rest = rest[1:] // an area code of one digit: +61 3 0000 0000
		}
		if len(rest) >= 6 && strings.Trim(rest, "0") == "" {
			return true
		}
	}
	return false
}

// sampleHost is the reserved example domain an address (a web address,
// an email address, or mailto:) is under, or "".
func sampleHost(addr string) string {
	addr = strings.TrimSpace(addr)
	if addr == "" {
		return ""
	}
	host := addr
	if u, err := url.Parse(addr); err == nil && u.Host != "" {
		host = u.Hostname()
	} else {
		host = strings.TrimPrefix(host, "mailto:")
		if _, h, ok := strings.Cut(host, "@"); ok {
			host = h
		}
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, d := range []string{"example.com", "example.org", "example.net"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return d
		}
	}
	if host == "example" || strings.HasSuffix(host, ".example") {
		return "the .example domain"
	}
	return ""
}
