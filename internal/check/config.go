package check

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/internal/content"
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
		c.diags.Add(cfg.PosOf("params.feed_items"), "params.feed_items", "%d means the site-wide feeds carry no updates; write 1 or more (50 is usual)", cfg.FeedItems)
	}
	if cfg.Readability < 0 || cfg.Readability > 0 && cfg.Readability < 4 {
		c.diags.Add(cfg.PosOf("params.readability_grade"), "params.readability_grade", "%g is not a usable reading grade; write a school grade like 8 or 10", cfg.Readability)
	}
	for i, s := range cfg.Support {
		key := "params.support[" + strconv.Itoa(i) + "].url"
		c.frontMatterURL(cfg.File, cfg.PosOf(key), key, s.URL)
	}
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
	if strings.TrimSpace(ct.Phone) == "" {
		c.diags.Add(cfg.PosOf("params.contact"), "params.contact.phone", "missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]")
	}
	if strings.TrimSpace(ct.Email) == "" {
		c.diags.Add(cfg.PosOf("params.contact"), "params.contact.email", "missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]")
	} else if !looksLikeEmail(ct.Email) {
		c.diags.Add(cfg.PosOf("params.contact.email"), "params.contact.email", "%q is not an email address; write it like incident@example.org, without mailto:", ct.Email)
	}
	if ct.Phone != "" && strings.TrimSpace(ct.PhoneHours) == "" {
		c.diags.Warn(cfg.PosOf("params.contact.phone"), "params.contact.phone_hours", "say when the phone line is answered: add phone_hours = \"8am to 8pm AEST, 7 days\" under [params.contact]")
	}
	if ct.Media != "" && strings.Contains(ct.Media, "@") && !looksLikeEmail(ct.Media) {
		c.diags.Add(cfg.PosOf("params.contact.media"), "params.contact.media", "%q is not an email address; write it like media@example.org", ct.Media)
	}
}

func looksLikeEmail(s string) bool {
	s = strings.TrimSpace(s)
	at := strings.LastIndex(s, "@")
	return at > 0 && at < len(s)-3 && strings.Contains(s[at:], ".") && !strings.ContainsAny(s, " <>:,;") && !strings.HasSuffix(s, ".")
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
