package scaffold

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
)

// Incident writes a new incident's statement,
// content/incidents/<slug>/_index.md, titled title and discovered now (in
// the site's time zone), and returns its slash path relative to the site.
// The body has the sections that the site's params.jurisdictions ask for,
// each with a prompt in plain words.
func Incident(siteDir, slug, title string, now time.Time) (string, error) {
	title = strings.TrimSpace(title)
	if !ValidSlug(slug) {
		return "", fmt.Errorf("new: %q cannot be an incident's folder and address; use lower case letters, digits and hyphens, like %q", slug, suggestSlug(slug))
	}
	if title == "" {
		return "", errors.New("new: the incident needs a title, like \"Cyber security incident\"")
	}
	cfg, err := loadConfig(siteDir)
	if err != nil {
		return "", err
	}
	file := incidentFile(slug)
	if err := create(siteDir, file, IncidentText(title, now.In(cfg.Location), cfg)); err != nil {
		return "", err
	}
	return file, nil
}

// suggestSlug is slug made valid, or an example when nothing is left.
func suggestSlug(slug string) string {
	if s := Slugify(slug, 0); s != "" {
		return s
	}
	return "cyber-incident-2024"
}

// IncidentText is the text of a new incident's statement for a site with
// config cfg: front matter with its title and discovery time, and the
// sections its rule sets ask for.
func IncidentText(title string, discovered time.Time, cfg *content.Config) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n", yamlString(title))
	b.WriteString("# When the organisation found out. Change it if that was earlier.\n")
	fmt.Fprintf(&b, "discovered: %s\n", discovered.Format(TimeLayout))
	b.WriteString(incidentFields(cfg))
	b.WriteString("---\n")
	for _, s := range sections(cfg) {
		fmt.Fprintf(&b, "\n## %s\n\n", s.heading)
		for _, p := range s.prompts {
			b.WriteString(p)
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// incidentFields are the optional fields, commented out, that the site's
// rule sets make worth filling in.
func incidentFields(cfg *content.Config) string {
	var b strings.Builder
	b.WriteString("# Fill in what you know, and remove the # in front of each line.\n")
	if has(cfg, "us-ca", "hipaa") {
		b.WriteString("# The date of the breach, or the dates it ran between (the law here asks for it):\n")
	} else {
		b.WriteString("# When the breach happened, as far as you know:\n")
	}
	b.WriteString("# occurred:\n#   from: 2024-05-02\n#   to: 2024-05-06\n")
	b.WriteString("# data_involved:\n#   - \"Name and date of birth\"\n")
	b.WriteString("# data_not_involved:\n#   - \"Bank or payment details\"\n")
	b.WriteString("# affected:\n#   count: 1000\n#   as_of: 2024-05-20\n#   estimate: true\n#   who: \"People who ...\"\n")
	body := "Office of the Australian Information Commissioner"
	switch {
	case has(cfg, "nz"):
		body = "Privacy Commissioner"
	case has(cfg, "hipaa"):
		body = "U.S. Department of Health and Human Services"
	case has(cfg, "gdpr"):
		body = "The data protection authority"
	case has(cfg, "us-ca"):
		body = "California Attorney General"
	}
	fmt.Fprintf(&b, "# notified:\n#   - body: %s\n#     date: 2024-05-08\n", yamlString(body))
	return b.String()
}

// section is one "##" section of a new statement.
type section struct {
	heading string
	prompts []string // paragraphs
}

// sections lists the statement's sections for the site's rule sets, in the
// order readers need them.
func sections(cfg *content.Config) []section {
	happened := []string{"Say what happened and when we found out, in a few short sentences."}
	if has(cfg, "us-ca", "hipaa") {
		happened = append(happened, "\nGive the date of the breach, or the dates it ran between, and the date we found it.")
	}
	involved := []string{"Say what kinds of personal information were involved, and what was not."}
	if has(cfg, "hipaa") {
		involved = append(involved, "\nName each kind of health information involved, such as diagnoses or medicines.")
	}
	doing := []string{"Say what we have done to stop it, to find out more, and to protect people."}
	if has(cfg, "nz") {
		doing = append(doing, "\nSay that we have told the Privacy Commissioner, and when.")
	}
	if has(cfg, "gdpr") {
		doing = append(doing, "\nSay what we are doing to reduce any harm to people.")
	}
	canDo := []string{"Say what people should do now to protect themselves."}
	if has(cfg, "us-ca") {
		canDo = append(canDo, "\nIf Social Security, driver's license or ID card numbers were involved, give the toll-free numbers and addresses of Equifax, Experian and TransUnion.")
	}
	if has(cfg, "nz") {
		canDo = append(canDo, "\nYou have the right to complain to the Privacy Commissioner about how we handled your information, at [privacy.org.nz](https://www.privacy.org.nz/).")
	}
	out := []section{
		{"What happened", happened},
		{"What information was involved", involved},
	}
	if has(cfg, "gdpr") {
		out = append(out, section{"What this means for you", []string{"Say what the risks to people are, and how likely they are."}})
	}
	return append(out,
		section{"What we are doing", doing},
		section{"What you can do", canDo},
		section{"For more information", moreInfo(cfg)},
	)
}

// moreInfo is how to reach the organisation, from config.toml where it
// says, with prompts for what the rule sets ask and it does not.
func moreInfo(cfg *content.Config) []string {
	c := cfg.Contact
	var out []string
	if c.Phone != "" {
		line := "Call us on " + c.Phone
		if c.PhoneHours != "" {
			line += ", " + c.PhoneHours
		}
		out = append(out, line+".")
	}
	if c.Email != "" {
		out = append(out, "Email us at "+c.Email+".")
	}
	if has(cfg, "au", "nz", "us-ca") && c.Postal != "" {
		out = append(out, "Write to us at "+c.Postal+".")
	}
	if has(cfg, "hipaa") && !usTollFree(c.Phone) {
		out = append(out, "\nGive a toll-free phone number here. The law asks for one.")
	}
	if has(cfg, "gdpr", "nz") && c.PrivacyOfficer == "" {
		out = append(out, "\nSay who to contact about privacy, such as our privacy or data protection officer.")
	}
	if len(out) == 0 {
		out = append(out, "Say how people can reach us: a phone number, when it is answered, and an email address.")
	}
	return out
}

// has reports whether the site applies any of the rule sets.
func has(cfg *content.Config, sets ...string) bool {
	for _, s := range sets {
		if slices.Contains(cfg.Jurisdictions, s) {
			return true
		}
	}
	return false
}

// usTollFree reports whether phone is a US toll-free number, as HIPAA asks.
func usTollFree(phone string) bool {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, phone)
	d = strings.TrimPrefix(d, "1")
	if len(d) != 10 {
		return false
	}
	return slices.Contains([]string{"800", "833", "844", "855", "866", "877", "888"}, d[:3])
}
