package check

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/public"
)

// DefaultReadability is the highest Flesch–Kincaid grade a paragraph may
// have when config.toml sets no params.readability_grade: about what a
// 15-year-old reads easily. Plain-language guides for the public aim lower.
const DefaultReadability = 10

// config checks what the owner set in config.toml.
func (c *checker) config() {
	cfg := c.cfg
	if cfg.Pos == nil && cfg.BaseURL == "" && cfg.Organisation == "" {
		return // the loader could not read it and has said so
	}
	c.baseURL()
	c.contact()
	c.security()
	for i, j := range cfg.Jurisdictions {
		key := "params.jurisdictions"
		pos := cfg.PosOf(key + "[" + strconv.Itoa(i) + "]")
		if pos.Line == 0 {
			pos = cfg.PosOf(key)
		}
		w := strings.ToLower(strings.TrimSpace(j))
		if _, ok := ruleSets[w]; ok && w == j {
			continue
		}
		if w == "ca" {
			c.diags.Add(pos, key, "%q is Canada's country code and California's postal code: Canada or California? write \"ca-federal\" (PIPEDA), \"ca-qc\" (Quebec) or \"us-ca\" (California)", j)
			continue
		}
		if _, ok := ruleSets[w]; ok {
			c.diags.Add(pos, key, "unknown rule set %q; write %q, in lower case without spaces", j, w)
		} else if s := ruleSetAliases[w]; s != "" {
			c.diags.Add(pos, key, "unknown rule set %q; write %q (known: %s)", j, s, strings.Join(ruleSetNames(), ", "))
		} else if s := closest(strings.ToLower(strings.TrimSpace(j)), ruleSetNames()); s != "" {
			c.diags.Add(pos, key, "unknown rule set %q; did you mean %q? (known: %s)", j, s, strings.Join(ruleSetNames(), ", "))
		} else {
			c.diags.Add(pos, key, "unknown rule set %q; the rule sets are: %s", j, strings.Join(ruleSetNames(), ", "))
		}
	}
	if cfg.FeedItems < 1 {
		c.diags.Add(cfg.PosOf("params.feed_items"), "params.feed_items", "%d means each archived page of a feed holds no updates; write 1 or more (50 is usual)", cfg.FeedItems)
	}
	if cfg.Readability < 0 || cfg.Readability > 0 && cfg.Readability < 4 {
		c.diags.Add(cfg.PosOf("params.readability_grade"), "params.readability_grade", "%g is not a usable reading grade; write a school grade like 8 or 10", cfg.Readability)
	}
	for i, t := range cfg.WeWillNever {
		key := "params.we_will_never[" + strconv.Itoa(i) + "].text"
		if strings.TrimSpace(t) == "" {
			c.diags.Add(cfg.PosOf(key), key, "empty, so the scam warning would show an empty line; write what %s will never do, or remove this [[params.we_will_never]]", cfg.KnownAs)
		}
	}
	for i, s := range cfg.Support {
		key := "params.support[" + strconv.Itoa(i) + "]."
		c.frontMatterURL(cfg.File, cfg.PosOf(key+"url"), key+"url", s.URL)
		c.phone(key+"phone", s.Phone)
	}
	c.i18n()
	c.langWords()
}

// ruleSetAliases are names people write for a rule set.
// "ca" is not here: it is Canada's code as well as California's, and
// config asks which.
var ruleSetAliases = map[string]string{
	"eu": "gdpr", "australia": "au", "aus": "au", "california": "us-ca",
	"us_ca": "us-ca", "usca": "us-ca", "new zealand": "nz", "nzl": "nz", "hippa": "hipaa",
	"gb": "uk", "united kingdom": "uk", "uk gdpr": "uk", "uk-gdpr": "uk", "ico": "uk",
	"canada": "ca-federal", "pipeda": "ca-federal", "ca-fed": "ca-federal", "quebec": "ca-qc", "qc": "ca-qc", "québec": "ca-qc",
	"new york": "us-ny", "ny": "us-ny", "texas": "us-tx", "tx": "us-tx", "florida": "us-fl", "fl": "us-fl",
	"washington": "us-wa", "wa": "us-wa", "massachusetts": "us-ma", "ma": "us-ma", "singapore": "sg", "pdpa": "sg",
}

// baseURL checks that the site is served over HTTPS: readers must be able to
// trust that the statement they read is the organisation's own.
func (c *checker) baseURL() {
	cfg := c.cfg
	if cfg.BaseURL == "" {
		return // required: the loader reports it
	}
	u, err := url.Parse(cfg.BaseURL)
	switch {
	case err != nil || u.Host == "":
		c.diags.Add(cfg.PosOf("baseURL"), "baseURL", "%q is not a web address; write the site's address like https://updates.example-health.org/", cfg.BaseURL)
	case u.User != nil:
		c.diags.Add(cfg.PosOf("baseURL"), "baseURL", "%q has a user name in it, which every page and feed would show; write the address without it, like https://%s/", cfg.BaseURL, u.Host)
	case u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(cfg.BaseURL, "?#"):
		c.diags.Add(cfg.PosOf("baseURL"), "baseURL", "%q has a ? or # part, which would end up in the middle of every address; write only the site's address, like https://%s%s", cfg.BaseURL, u.Host, u.EscapedPath())
	case u.Scheme == "https":
	case u.Scheme == "http" && isLoopback(u.Hostname()):
		c.diags.Warn(cfg.PosOf("baseURL"), "baseURL", "%q is a local address; set the public https:// address before you publish", cfg.BaseURL)
	default:
		c.diags.Add(cfg.PosOf("baseURL"), "baseURL", "%q does not start with https://; the site must be served over HTTPS so readers can trust it is yours", cfg.BaseURL)
	}
}

func isLoopback(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// contact checks the details shown on every page: people must be able to
// call and write.
func (c *checker) contact() {
	cfg := c.cfg
	ct := cfg.Contact
	// A value the loader refused is empty here, and the loader has said why.
	if strings.TrimSpace(ct.Phone) == "" && !cfg.Refused("params.contact.phone") {
		c.diags.Add(cfg.PosOf("params.contact"), "params.contact.phone", "missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]")
	}
	if strings.TrimSpace(ct.Email) == "" && !cfg.Refused("params.contact.email") {
		c.diags.Add(cfg.PosOf("params.contact"), "params.contact.email", "missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]")
	}
	c.email("params.contact.email", ct.Email, "incident@example.org")
	c.email("params.contact.media", ct.Media, "media@example.org")
	c.phone("params.contact.phone", ct.Phone)
	c.phone("params.contact.international", ct.International)
	if ct.Phone != "" && strings.TrimSpace(ct.PhoneHours) == "" && !cfg.Refused("params.contact.phone_hours") {
		c.diags.Warn(cfg.PosOf("params.contact.phone"), "params.contact.phone_hours", "say when the phone line is answered: add phone_hours = \"8am to 8pm AEST, 7 days\" under [params.contact]")
	}
}

// email reports an address people could not write to.
func (c *checker) email(key, addr, example string) {
	if strings.TrimSpace(addr) == "" {
		return
	}
	if why := emailProblem(addr); why != "" {
		c.diags.Add(c.cfg.PosOf(key), key, "%q is not an email address (%s); write it like %s", addr, why, example)
	}
}

// emailProblem says why s is not an address to write to, or is "". It is
// stricter than RFC 5322, which allows quoted spaces and comments no one
// types: one @, no spaces, and a domain with a dot.
func emailProblem(s string) string {
	switch {
	case strings.HasPrefix(strings.ToLower(s), "mailto:"):
		return "leave out mailto:"
	case strings.ContainsAny(s, " \u00a0"):
		return "it has a space"
	case strings.Count(s, "@") != 1:
		return "it needs exactly one @"
	}
	local, domain, _ := strings.Cut(s, "@")
	if local == "" || strings.ContainsAny(local, `<>()[]\,;:"`) {
		return "the part before the @ is not a mailbox"
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return "the part after the @ needs a dot, like example.org"
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return "the part after the @ is not a domain like example.org"
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return "the part after the @ is not a domain like example.org"
			}
		}
	}
	return ""
}

// phone reports a number that cannot be dialled as written: people copy it
// into their phone, and a letter or a stray character stops the call.
func (c *checker) phone(key, number string) {
	if strings.TrimSpace(number) == "" {
		return
	}
	for _, r := range number {
		if !strings.ContainsRune("0123456789 +-()", r) {
			// O for 0 and l for 1 look alike in most fonts.
			slip := map[rune]string{'O': " (the letter O, not the digit 0)", 'o': " (the letter o, not the digit 0)", 'l': " (the letter l, not the digit 1)", 'I': " (the letter I, not the digit 1)"}[r]
			c.diags.Add(c.cfg.PosOf(key), key, "%q has %q%s, which cannot be dialled; write the number with digits, spaces, +, -, ( and ) only, like 1800 975 707", number, string(r), slip)
			return
		}
	}
	if len(digits(number)) < 3 {
		c.diags.Add(c.cfg.PosOf(key), key, "%q is not a phone number; write it in digits, like 1800 975 707", number)
	}
}

// security checks what /.well-known/security.txt will say (RFC 9116): each
// value is a line of the file, read by people and programs reporting a
// security problem with the site.
func (c *checker) security() {
	cfg := c.cfg
	sec := cfg.Security
	for i, contact := range sec.Contact {
		key := "params.security.contact[" + strconv.Itoa(i) + "]"
		pos := cfg.PosOf(key)
		if pos.Line == 0 {
			pos = cfg.PosOf("params.security.contact")
		}
		if why := securityContactProblem(contact); why != "" {
			c.diags.Add(pos, "params.security.contact", "%s", why)
		}
	}
	if sec.Policy != "" {
		if u, err := url.Parse(sec.Policy); err != nil || u.Scheme != "https" || u.Host == "" || strings.Contains(sec.Policy, " ") {
			c.diags.Add(cfg.PosOf("params.security.policy"), "params.security.policy", "%q is not an https:// address; RFC 9116 asks for one, like https://example-health.org/security-policy", sec.Policy)
		}
	}
	if sec.Language != "" {
		for _, tag := range strings.Split(sec.Language, ",") {
			if t := strings.TrimSpace(tag); !content.IsLocale(t) {
				c.diags.Add(cfg.PosOf("params.security.language"), "params.security.language", "%q is not a language tag; write tags separated by commas, like \"en, mi\"", t)
				break
			}
		}
	}
	_, written := cfg.Pos["params.security"]
	_, expiresWritten := cfg.Pos["params.security.expires"]
	switch exp, err := time.Parse(time.RFC3339, sec.Expires); {
	case written && !expiresWritten:
		y, m, d := c.now.In(c.zone()).AddDate(1, 0, 0).Date()
		next := time.Date(y, m, d, 0, 0, 0, 0, c.zone()).Format(time.RFC3339)
		c.diags.Warn(cfg.PosOf("params.security"), "params.security.expires", "missing, so no /%s is written (RFC 9116 requires the date it expires); add expires = \"%s\" under [params.security]", public.SecurityTxt, next)
	case err == nil && !c.now.IsZero() && exp.Before(c.now):
		c.diags.Warn(cfg.PosOf("params.security.expires"), "params.security.expires", "%s has passed, so security.txt tells readers not to trust it; set a date up to a year ahead", sec.Expires)
	}
}

// securityContactProblem says what is wrong with a security.txt Contact,
// and the fix; "" if it is a mailto: with an address or an https:// URI.
func securityContactProblem(s string) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "mailto:"):
		addr := s[len("mailto:"):]
		if addr == "" {
			return fmt.Sprintf("%q has no address after mailto:; write mailto:security@example.org", s)
		}
		if why := emailProblem(addr); why != "" {
			return fmt.Sprintf("%q does not give an email address after mailto: (%s); write it like mailto:security@example.org", s, why)
		}
		return ""
	case strings.HasPrefix(lower, "https:"):
		if u, err := url.Parse(s); err != nil || u.Host == "" || strings.Contains(s, " ") {
			return fmt.Sprintf("%q is not a web address; write it like https://example-health.org/report-a-problem", s)
		}
		return ""
	case emailProblem(s) == "":
		return fmt.Sprintf("%q needs mailto: in front; write mailto:%s", s, s)
	case strings.HasPrefix(lower, "http:"):
		return fmt.Sprintf("%q uses http://; RFC 9116 asks for https:// addresses, which cannot be changed on the way", s)
	}
	return fmt.Sprintf("%q is not a contact security.txt can give; write mailto:security@example.org or an https:// address", s)
}

// closest returns the name closest to s when it looks like a slip of the
// keyboard ("gpdr" for "gdpr"), or "".
func closest(s string, names []string) string {
	best, bestDist := "", 3
	for _, n := range names {
		if d := content.EditDistance(s, n); d < bestDist {
			best, bestDist = n, d
		}
	}
	if bestDist > 1 && len(s) <= 4 {
		return ""
	}
	return best
}
