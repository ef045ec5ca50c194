package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/internal/content"
)

// Placeholders are the sample values `disclose init` writes for what it
// was not told. They are what the checker's placeholder rule refuses in a
// build (internal/check), so a site cannot go live with them.
var Placeholders = Answers{
	Organisation: "Example Organisation Pty Ltd",
	BaseURL:      "https://updates.example.org/",
	Phone:        "1800 000 000",
	Email:        "incident@example.org",
}

// Answers are what `disclose init` asks for.
type Answers struct {
	Organisation  string   // the legal name
	KnownAs       string   // the name people know, if another
	BaseURL       string   // the site's public address
	TimeZone      string   // an IANA zone name
	Jurisdictions []string // the notice rules check applies
	Phone         string   // the helpline
	PhoneHours    string   // when it is answered
	Email         string
	Media         string // the address for journalists
}

// Site writes a new site into dir (made if missing): config.toml from a,
// the first incident with the headings its notice laws ask for, a first
// update that is a holding statement to complete, a .gitignore and the
// publishing workflow (workflow, written as given). It refuses a folder
// that already holds a site, and writes nothing then. It returns the
// files it wrote, as slash paths below dir, in the order written.
func Site(dir string, a Answers, now time.Time, workflow []byte) ([]string, error) {
	for _, f := range []string{content.ConfigFile, "content"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return nil, &SiteExistsError{Dir: dir, File: f}
		}
	}
	loc, err := time.LoadLocation(a.TimeZone)
	if err != nil || a.TimeZone == "" || a.TimeZone == "Local" {
		return nil, fmt.Errorf("init: %q is not a time zone; write an IANA name such as Australia/Sydney, Pacific/Auckland, Europe/London or America/Los_Angeles", a.TimeZone)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("init: %w", err)
	}
	var written []string
	write := func(file string, data []byte) error {
		if err := create(dir, file, data); err != nil {
			return err
		}
		written = append(written, file)
		return nil
	}
	if err := write(content.ConfigFile, ConfigText(a)); err != nil {
		return written, err
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); errors.Is(err, os.ErrNotExist) {
		if err := write(".gitignore", []byte(gitignore)); err != nil {
			return written, err
		}
	}
	// A clone of a repository may have its own workflow: kept, as is a
	// .gitignore, so that nothing of the folder's is replaced.
	if _, err := os.Stat(filepath.Join(dir, WorkflowFile)); workflow != nil && errors.Is(err, os.ErrNotExist) {
		if err := write(WorkflowFile, workflow); err != nil {
			return written, err
		}
	}
	local := now.In(loc)
	slug := FirstIncident(local)
	inc, err := Incident(dir, slug, "Cyber security incident", local)
	if err != nil {
		return written, err
	}
	written = append(written, inc)
	file := filepath.ToSlash(filepath.Join("content", "incidents", slug, local.Format("2006-01-02")+"-what-we-know-so-far.md"))
	if err := write(file, HoldingText("What we know so far", local, a)); err != nil {
		return written, err
	}
	return written, nil
}

// WorkflowFile is where init writes the publishing workflow.
const WorkflowFile = ".github/workflows/publish.yml"

// FirstIncident is the folder name init gives the first incident.
func FirstIncident(now time.Time) string { return "cyber-incident-" + now.Format("2006") }

// SiteExistsError is init refusing a folder that already holds a site.
type SiteExistsError struct{ Dir, File string }

func (e *SiteExistsError) Error() string {
	where := "this folder"
	if filepath.Clean(e.Dir) != "." {
		where = e.Dir
	}
	return fmt.Sprintf("init: %s already holds a site (it has %s); nothing was written", where, e.File)
}

// gitignore keeps the built site and any key out of the repository.
const gitignore = `# What 'disclose build' makes: built again from the content every time.
/public/
/.public.*
# A signing key never belongs in the repository; keep it outside this folder.
*.key
`

// ConfigText is a new site's config.toml, commented for someone who has
// never written one.
func ConfigText(a Answers) []byte {
	if a.KnownAs == "" {
		a.KnownAs = a.Organisation
	}
	var b strings.Builder
	q := yamlString // a JSON string is a TOML basic string too
	fmt.Fprintf(&b, `# The site's settings. Every key is described in docs/config.md.
# Lines starting with # are notes, and are not read.

# The address people will open. It must start with https://.
baseURL  = %s
# The site's name, shown in every page's title and in the feeds.
title    = %s
# Every time on the site is shown in this zone.
timeZone = %s
`, q(a.BaseURL), q(a.KnownAs+": cyber incident updates"), q(a.TimeZone))
	if l := localeFor(a.Jurisdictions); l != "" {
		fmt.Fprintf(&b, "# The language the site is written in, with its region.\nlocale   = %s\n", q(l))
	}
	fmt.Fprintf(&b, `
[params]
# The organisation's legal name, and the name people know it by.
organisation  = %s
known_as      = %s
# The notice laws 'disclose check' holds the updates to: au, nz, gdpr, us-ca, hipaa.
jurisdictions = [%s]

# How people reach you. Shown in the same place on every page.
[params.contact]
phone       = %s
`, q(a.Organisation), q(a.KnownAs), quoteList(a.Jurisdictions), q(a.Phone))
	if a.PhoneHours != "" {
		fmt.Fprintf(&b, "phone_hours = %s\n", q(a.PhoneHours))
	} else {
		b.WriteString("# When the helpline is answered. Remove the # to use it:\n# phone_hours = \"8 am to 8 pm, 7 days\"\n")
	}
	fmt.Fprintf(&b, "email       = %s\n", q(a.Email))
	if a.Media != "" {
		fmt.Fprintf(&b, "media       = %s\n", q(a.Media))
	} else {
		b.WriteString("# The address for journalists. Remove the # to use it:\n# media       = \"media@your-organisation.org\"\n")
	}
	b.WriteString(`# A postal address, on one line. Remove the # to use it:
# postal      = "PO Box 0000, Your City"

# What you will never ask people to do: shown as a scam warning on every
# page. Add one [[params.we_will_never]] block for each.
[[params.we_will_never]]
text = "ask for your password or bank details by phone, text message or email"
`)
	return []byte(b.String())
}

// localeFor is the locale for a site under the first of jurisdictions.
func localeFor(jurisdictions []string) string {
	for _, j := range jurisdictions {
		switch j {
		case "au":
			return "en-AU"
		case "nz":
			return "en-NZ"
		case "us-ca", "hipaa":
			return "en-US"
		}
	}
	return ""
}

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = yamlString(s)
	}
	return strings.Join(q, ", ")
}

// HoldingText is the first update init writes: a holding statement in
// plain words, with a prompt for each thing readers need first. It is not
// a draft: its prompts stop 'disclose build' until they are replaced, so
// the statement is up as soon as they are.
func HoldingText(title string, date time.Time, a Answers) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n", yamlString(title))
	fmt.Fprintf(&b, "date: %s\n", date.Format(TimeLayout))
	b.WriteString("status: investigating\n")
	b.WriteString("# One or two sentences for feeds and lists. Remove the # to use it:\n")
	b.WriteString("# summary: \"\"\n---\n\n")
	name := a.KnownAs
	if name == "" {
		name = a.Organisation
	}
	fmt.Fprintf(&b, "%s is dealing with a cyber security incident. We are sorry, and we are working to find out what happened.\n\n", name)
	b.WriteString(holdingPrompts)
	return []byte(b.String())
}

// holdingPrompts are the holding statement's prompts, each a paragraph
// the checker knows as one (check/prompts.go).
const holdingPrompts = `Say what happened, in one or two short sentences: what we found, and when.

Say what we know so far about whose information may be involved, and what we do not know yet.

Say what we have done so far, such as shutting off access and getting expert help.

Say what people can do now, such as watching for messages that claim to be from us.

Say what day we will next update this page, even if there is nothing new.
`
