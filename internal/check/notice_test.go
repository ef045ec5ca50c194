package check_test

import (
	"flag"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/check"
	"github.com/disclose-dev/disclose/internal/sitetest"
)

var showNotice = flag.Bool("show", false, "print what the notice cases got")

// noticeConfig is a site whose contact details meet every rule set.
const noticeConfig = `baseURL = "https://updates.example.org/"
title = "Example: cyber incident updates"
locale = "en-AU"
timeZone = "Australia/Melbourne"

[params]
organisation = "Example Pty Ltd"
jurisdictions = ["SET"]

[params.contact]
phone = "1800 000 000"
phone_hours = "8am to 8pm, 7 days"
international = "+1 800 555 0100"
email = "incident@example.org"
postal = "PO Box 1, Melbourne VIC 3001"
privacy_officer = "Privacy Officer, Example Pty Ltd"

[[params.support]]
name = "Federal Trade Commission"
url = "https://www.identitytheft.gov/"
`

// noticeStatement meets every rule of every rule set; each case below
// changes one thing in it.
const noticeStatement = `---
title: "Notice of Data Breach: cyber security incident"
discovered: 2024-05-06T10:00:00+10:00
occurred:
  from: 2024-05-01
  to: 2024-05-06
data_involved:
  - names
  - Social Security numbers
notified:
  - body: Privacy Commissioner
    date: 2024-05-07
  - body: Personal Data Protection Commission
    date: 2024-05-07
  - body: Information Commissioner's Office
    date: 2024-05-07
  - body: Texas Attorney General
    date: 2024-05-07
notice:
  official: false
  mode: direct
  posted: 2024-05-08
---

## What happened

Someone broke into one of our computer systems on 1 May.
We found out on 6 May.
We do not know who has the information.

## What information was involved

Names and Social Security numbers.

## What this means for you

Scammers could use your details to trick you.

## What we are doing

We shut the system down.
We have told the Privacy Commissioner.
This notice was not delayed by the police.

## What you can do

Be careful of calls and emails that ask for your details.
You have the right to complain to the Privacy Commissioner.
Ask Equifax, Experian or TransUnion to place a security freeze.
A freeze is free.
You have the right to get a police report.
The Federal Trade Commission has advice at IdentityTheft.gov.
We offer free credit monitoring for two years.

## For more information

Call us on 1800 000 000.
`

const noticeUpdate = `---
title: We are looking into a cyber security incident
date: 2024-05-08T17:30:00+10:00
status: investigating
---

Someone broke into one of our systems. We shut it down.
`

// noticeSets are the rule sets, as config.toml names them.
var noticeSets = []string{"au", "gdpr", "uk", "nz", "sg", "ca-federal", "ca-qc", "us-ca", "us-ny", "us-tx", "us-fl", "us-wa", "us-ma", "hipaa"}

// noticeSite is the full site under set, with old/new pairs replaced in
// config.toml, the statement and its update.
func noticeSite(set string, config, stmt, update []string) string {
	return "-- config.toml --\n" + replacePairs(strings.Replace(noticeConfig, "SET", set, 1), config) +
		"-- content/incidents/x/_index.md --\n" + replacePairs(noticeStatement, stmt) +
		"-- content/incidents/x/" + updateName(replacePairs(noticeUpdate, update)) + " --\n" + replacePairs(noticeUpdate, update)
}

// updateName is the file name an update's date gives it.
func updateName(u string) string {
	i := strings.Index(u, "date: ") + len("date: ")
	return u[i:i+10] + "-first.md"
}

func replacePairs(s string, pairs []string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			panic("noticeSite: no " + pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func checkNotice(t *testing.T, site string) []string {
	t.Helper()
	_, diags := check.CheckSite(sitetest.Write(t, site), now)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	return got
}

// TestNoticeStatementMeetsEveryRuleSet is the half of each rule's table
// that meets it: the full statement checks clean under every rule set.
func TestNoticeStatementMeetsEveryRuleSet(t *testing.T) {
	for _, set := range noticeSets {
		t.Run(set, func(t *testing.T) {
			if got := checkNotice(t, noticeSite(set, nil, nil, nil)); len(got) > 0 {
				t.Errorf("the full statement should meet every %s rule; got:\n%s", set, strings.Join(got, "\n"))
			}
		})
	}
}

// Changes to the statement that the cases share.
var (
	noHappened    = []string{"## What happened", "## Background"}
	noInvolved    = []string{"data_involved:\n  - names\n  - Social Security numbers\n", "", "## What information was involved", "## Details"}
	noDoing       = []string{"## What we are doing", "## Our response"}
	noCanDo       = []string{"Be careful of calls and emails that ask for your details.\n", "Say what people should do now to protect themselves.\n", "## What you can do", "## Advice"}
	emptyCanDo    = []string{"## What you can do\n\nBe careful of calls and emails that ask for your details.\n", "## What you can do\n\nSay what people should do now to protect themselves.\n\n## Help\n\n"}
	noMoreInfo    = []string{"## For more information", "## Call us"}
	noOccurred    = []string{"occurred:\n  from: 2024-05-01\n  to: 2024-05-06\n", ""}
	noMeans       = []string{"## What this means for you\n\nScammers could use your details to trick you.\n\n", ""}
	noContacts    = []string{"phone = \"1800 000 000\"\n", "", "email = \"incident@example.org\"\n", "", "postal = \"PO Box 1, Melbourne VIC 3001\"\n", ""}
	noOfficer     = []string{"privacy_officer = \"Privacy Officer, Example Pty Ltd\"\n", ""}
	substitute    = []string{"mode: direct", "mode: substitute"}
	lateUpdate    = []string{"2024-05-08T17:30:00+10:00", "2024-08-01T17:30:00+10:00"}
	latePosted    = []string{"posted: 2024-05-08", "posted: 2024-08-01"}
	lateDPA       = []string{"notified:\n  - body: Privacy Commissioner\n    date: 2024-05-07\n  - body: Personal Data Protection Commission\n    date: 2024-05-07\n  - body: Information Commissioner's Office\n    date: 2024-05-07\n  - body: Texas Attorney General\n    date: 2024-05-07\n", "notified:\n  - body: Police\n    date: 2024-05-07\n  - body: Data Protection Commission\n    date: 2024-05-10\n"}
	explainsDelay = []string{"We shut the system down.\n", "We shut the system down.\nThe police asked us to delay this notice.\n"}
	delayNoWhy    = []string{"This notice was not delayed by the police.\n", "This notice was delayed.\n"}
)

func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// TestNoticeRules is the other half of each rule's table: for each rule of
// each rule set, a statement that does not meet it, and the exact message.
func TestNoticeRules(t *testing.T) {
	tests := []struct {
		name, set            string
		config, stmt, update []string
		want                 []string
	}{
		{name: "au 26WK(3)(a) contact details", set: "au", config: noContacts, want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(a) asks for the identity and contact details of the organisation; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{name: "au 26WK(3)(b) description", set: "au", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(b) asks for a description of the breach; add a section \"## What happened\" that says what happened",
		}},
		{name: "au 26WK(3)(c) kinds of information", set: "au", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(c) asks for the kinds of information concerned; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},
		{name: "au 26WK(3)(d) steps, section missing", set: "au", stmt: noCanDo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(d) asks for recommendations about the steps individuals should take in response; add a section \"## What you can do\" that says what people should do now",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "au 26WK(3)(d) steps, section still a prompt", set: "au", stmt: emptyCanDo, want: []string{
			"content/incidents/x/_index.md:45:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(d) asks for recommendations about the steps individuals should take in response; the section \"## What you can do\" is empty, or still holds the prompt 'disclose new' wrote; write it",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "au 26WK(3)(d) steps under a subheading count", set: "au", stmt: []string{"## What you can do\n\n", "## What you can do\n\n### Scams\n\n"}},
		{name: "au 26WK(3)(d) steps, a placeholder is not a statement", set: "au", stmt: []string{"## What you can do\n\nBe careful of calls and emails that ask for your details.\n", "## What you can do\n\nTBC.\n\n## Help\n\n"}, want: []string{
			"content/incidents/x/_index.md:45:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(d) asks for recommendations about the steps individuals should take in response; the section \"## What you can do\" is empty, or still holds the prompt 'disclose new' wrote; write it",
		}},
		{name: "a tired writer: headings in capitals with a colon, and underlined", set: "au", stmt: []string{"## What happened", "## WHAT HAPPENED:", "## What you can do\n", "What you can do\n---------------\n"}},
		{name: "a tired writer: Word's curly apostrophe", set: "nz", stmt: []string{"We do not know who has the information.", "We don’t know who has the information."}},
		{name: "a tired writer: bold text is not a heading", set: "au", stmt: []string{"## What you can do\n", "**What you can do**\n"}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 1988 (Cth) s 26WK(3)(d) asks for recommendations about the steps individuals should take in response; add a section \"## What you can do\" that says what people should do now",
		}},
		{name: "au public notice: s 26WL(2)(c)(i) is met by the page", set: "au", stmt: []string{"mode: direct", "mode: public"}},

		{name: "gdpr 34(2) nature", set: "gdpr", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: GDPR Art. 34(2) asks for the nature of the personal data breach, in clear and plain language; add a section \"## What happened\" that says what happened",
		}},
		{name: "gdpr 33(3)(b) contact point", set: "gdpr", config: noOfficer, stmt: noMoreInfo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: GDPR Art. 34(2) with Art. 33(3)(b) asks for the name and contact details of the data protection officer or other contact point; set params.contact.privacy_officer in config.toml (with a phone or email), or add a section \"## For more information\" that says whom to contact and how",
		}},
		{name: "gdpr 33(3)(b) a data protection officer named with how to reach them", set: "gdpr", config: noOfficer, stmt: join(noMoreInfo, []string{"We shut the system down.\n", "We shut the system down.\nEmail our data protection officer at dpo@example.org.\n"})},
		{name: "gdpr 33(3)(c) likely consequences", set: "gdpr", stmt: noMeans, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: GDPR Art. 34(2) with Art. 33(3)(c) asks for the likely consequences of the breach; add a section \"## What this means for you\", or a sentence that names the harm and how likely it is (such as \"Scammers could use your details to sound convincing\")",
		}},
		{name: "gdpr 33(3)(c) the word risk alone is not enough", set: "gdpr", stmt: join(noMeans, []string{"We shut the system down.\n", "We shut the system down.\nWe take every risk seriously.\n"}), want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: GDPR Art. 34(2) with Art. 33(3)(c) asks for the likely consequences of the breach; add a section \"## What this means for you\", or a sentence that names the harm and how likely it is (such as \"Scammers could use your details to sound convincing\")",
		}},
		{name: "gdpr 33(3)(d) measures", set: "gdpr", stmt: noDoing, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: GDPR Art. 34(2) with Art. 33(3)(d) asks for the measures taken or proposed to address the breach and to mitigate its possible adverse effects; add a section \"## What we are doing\" that says what we have done and will do",
		}},
		{name: "gdpr 34(1) and 34(3)(c) no mode", set: "gdpr", stmt: []string{"  mode: direct\n", ""}, want: []string{
			"content/incidents/x/_index.md:24:1: warning: notice: GDPR Art. 34(1) and 34(3)(c) asks for a communication to each data subject: a web page alone is one only when telling each person would involve disproportionate effort; say how this page serves the law: add mode: direct under notice if people are also told one by one, or mode: public if this page is the public communication of Art. 34(3)(c)",
		}},
		{name: "gdpr public mode", set: "gdpr", stmt: []string{"mode: direct", "mode: public"}},
		{name: "gdpr 33(1) authority told late", set: "gdpr", stmt: lateDPA, want: []string{
			"content/incidents/x/_index.md:14:11: warning: notice: GDPR Art. 33(1) asks for the supervisory authority told within 72 hours of becoming aware of the breach; Data Protection Commission was told on 2024-05-10, more than 72 hours after discovered (2024-05-06T10:00:00+10:00); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "gdpr 33(1) told late, the delay explained", set: "gdpr", stmt: join(lateDPA, explainsDelay)},
		{name: "gdpr 33(1) the earliest authority told counts", set: "gdpr", stmt: []string{"body: Privacy Commissioner\n    date: 2024-05-07", "body: Privacy Commissioner\n    date: 2024-05-20"}},

		{name: "uk 34(2) nature", set: "uk", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: UK GDPR Art. 34(2) asks for the nature of the personal data breach, in clear and plain language; add a section \"## What happened\" that says what happened",
		}},
		{name: "uk 33(1) ICO told late", set: "uk", stmt: []string{"body: Information Commissioner's Office\n    date: 2024-05-07", "body: Information Commissioner's Office\n    date: 2024-05-12"}, want: []string{
			"content/incidents/x/_index.md:16:11: warning: notice: UK GDPR Art. 33(1) asks for the supervisory authority told within 72 hours of becoming aware of the breach; Information Commissioner's Office was told on 2024-05-12, more than 72 hours after discovered (2024-05-06T10:00:00+10:00); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},

		{name: "nz 117(2)(a) description", set: "nz", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(a) asks for a description of the breach; add a section \"## What happened\" that says what happened",
		}},
		{name: "nz 117(2)(a) who holds it", set: "nz", stmt: []string{"We do not know who has the information.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(a) asks for whether the agency knows who holds the information; say whether we know who has the information, in a sentence with \"who\" and \"know\" (such as \"We do not know who has the information\"), without naming them",
		}},
		{name: "nz 117(2)(b) steps taken", set: "nz", stmt: noDoing, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(b) asks for the steps taken or intended to be taken in response to the breach; add a section \"## What we are doing\" that says what we have done and will do",
		}},
		{name: "nz 117(2)(c) steps to take", set: "nz", stmt: noCanDo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(c) asks for where practicable, the steps the individual may wish to take to mitigate or avoid harm; add a section \"## What you can do\" that says what people should do now",
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(e) asks for a statement that the individual has the right to make a complaint to the Privacy Commissioner; say \"You have the right to complain to the Privacy Commissioner\" and how (privacy.org.nz)",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "nz 117(2)(d) Commissioner told", set: "nz", stmt: []string{"We have told the Privacy Commissioner.\n", "", "  - body: Privacy Commissioner\n    date: 2024-05-07\n", ""}, want: []string{
			"content/incidents/x/_index.md:23:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(d) asks for confirmation that the Privacy Commissioner has been notified; list the Privacy Commissioner under notified: in the front matter, or say \"We have told the Privacy Commissioner\"",
		}},
		{name: "nz 117(2)(d) met by notified: alone", set: "nz", stmt: []string{"We have told the Privacy Commissioner.\n", ""}},
		{name: "nz 117(2)(e) right to complain", set: "nz", stmt: []string{"You have the right to complain to the Privacy Commissioner.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(e) asks for a statement that the individual has the right to make a complaint to the Privacy Commissioner; say \"You have the right to complain to the Privacy Commissioner\" and how (privacy.org.nz)",
		}},
		{name: "nz 117(2)(f) contact person", set: "nz", config: noOfficer, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Privacy Act 2020 (NZ) s 117(2)(f) asks for details of a contact person within the agency for inquiries; set params.contact.privacy_officer, and params.contact.phone or email, in config.toml",
		}},
		{name: "nz public notice", set: "nz", stmt: []string{"mode: direct", "mode: public"}},

		{name: "sg 26D(2) Commission first", set: "sg", stmt: []string{"body: Personal Data Protection Commission\n    date: 2024-05-07", "body: Personal Data Protection Commission\n    date: 2024-05-09"}, want: []string{
			"content/incidents/x/_index.md:14:11: warning: notice: PDPA 2012 (Singapore) s 26D(2) asks for the Commission told on or before the day people are; Personal Data Protection Commission was told on 2024-05-09, after the first notice here (2024-05-08); the Commission is told first",
		}},
		{name: "sg 26D(2) Commission not listed", set: "sg", stmt: []string{"  - body: Personal Data Protection Commission\n    date: 2024-05-07\n", ""}, want: []string{
			"content/incidents/x/_index.md:23:1: warning: notice: PDPA 2012 (Singapore) s 26D(2) asks for the Commission told on or before the day people are; list the Personal Data Protection Commission under notified: with the date it was told",
		}},
		{name: "sg reg 6(a) facts", set: "sg", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: PDP (Notification of Data Breaches) Regulations 2021 reg 6(a) asks for the facts and circumstances of the breach; add a section \"## What happened\" that says what happened",
		}},
		{name: "sg reg 6(b) data", set: "sg", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: PDP (Notification of Data Breaches) Regulations 2021 reg 6(b) asks for the personal data involved; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},
		{name: "sg reg 6(c) harm", set: "sg", stmt: noMeans, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: PDP (Notification of Data Breaches) Regulations 2021 reg 6(c) asks for the potential harm to the individual; add a section \"## What this means for you\", or a sentence that names the harm and how likely it is (such as \"Scammers could use your details to sound convincing\")",
		}},
		{name: "sg reg 6(d) action", set: "sg", stmt: noDoing, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: PDP (Notification of Data Breaches) Regulations 2021 reg 6(d) asks for what the organisation has done to eliminate or mitigate the harm; add a section \"## What we are doing\" that says what we have done and will do",
		}},
		{name: "sg reg 6(e) steps", set: "sg", stmt: noCanDo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: PDP (Notification of Data Breaches) Regulations 2021 reg 6(e) asks for the steps the individual may take; add a section \"## What you can do\" that says what people should do now",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "sg reg 6(f) representative", set: "sg", config: noOfficer, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: PDP (Notification of Data Breaches) Regulations 2021 reg 6(f) asks for the contact details of at least one authorised representative; set params.contact.privacy_officer (the data protection officer), and a phone or email, in config.toml",
		}},

		{name: "ca-federal 3(a) circumstances", set: "ca-federal", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Breach of Security Safeguards Regulations s 3(a) asks for a description of the circumstances of the breach; add a section \"## What happened\" that says what happened",
		}},
		{name: "ca-federal 3(b) day or period", set: "ca-federal", stmt: noOccurred, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Breach of Security Safeguards Regulations s 3(b) asks for the day or period of the breach, or if neither is known the approximate period; add occurred: (a date, or from: and to:, approximate if need be) to the front matter",
		}},
		{name: "ca-federal 3(c) information", set: "ca-federal", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Breach of Security Safeguards Regulations s 3(c) asks for the personal information involved, to the extent it is known; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},
		{name: "ca-federal 3(c) information not yet known", set: "ca-federal", stmt: join(noInvolved, []string{"We found out on 6 May.\n", "We found out on 6 May.\nWhat information was taken is not yet known.\n"})},
		{name: "ca-federal 3(d) steps taken", set: "ca-federal", stmt: noDoing, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Breach of Security Safeguards Regulations s 3(d) asks for the steps the organisation has taken to reduce the risk of harm; add a section \"## What we are doing\" that says what we have done and will do",
		}},
		{name: "ca-federal 3(e) steps to take", set: "ca-federal", stmt: noCanDo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Breach of Security Safeguards Regulations s 3(e) asks for the steps individuals could take to reduce or mitigate the harm; add a section \"## What you can do\" that says what people should do now",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "ca-federal 3(f) contact", set: "ca-federal", config: noContacts, want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: Breach of Security Safeguards Regulations s 3(f) asks for contact information for further information about the breach; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},

		{name: "ca-qc 5(1) information", set: "ca-qc", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Regulation respecting confidentiality incidents s 5(1) asks for the personal information involved, or why it cannot yet be described; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},
		{name: "ca-qc 5(2) circumstances", set: "ca-qc", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Regulation respecting confidentiality incidents s 5(2) asks for a brief description of the circumstances of the incident; add a section \"## What happened\" that says what happened",
		}},
		{name: "ca-qc 5(3) date", set: "ca-qc", stmt: noOccurred, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Regulation respecting confidentiality incidents s 5(3) asks for the date or period of the incident, or the approximate period; add occurred: (a date, or from: and to:, approximate if need be) to the front matter",
		}},
		{name: "ca-qc 5(4) measures taken", set: "ca-qc", stmt: noDoing, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Regulation respecting confidentiality incidents s 5(4) asks for the measures taken or intended to reduce the risk of injury; add a section \"## What we are doing\" that says what we have done and will do",
		}},
		{name: "ca-qc 5(5) measures suggested", set: "ca-qc", stmt: noCanDo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Regulation respecting confidentiality incidents s 5(5) asks for the measures people are advised to take; add a section \"## What you can do\" that says what people should do now",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "ca-qc 5(6) contact", set: "ca-qc", config: noContacts, want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: Regulation respecting confidentiality incidents s 5(6) asks for contact information for more information about the incident; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},

		{name: "us-ca (d)(1) title", set: "us-ca", stmt: []string{"Notice of Data Breach: cyber", "Cyber"}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the title \"Notice of Data Breach\"; put \"Notice of Data Breach\" in the title, or start the statement with the heading \"## Notice of Data Breach\"",
		}},
		{name: "us-ca (d)(1) title as a heading", set: "us-ca", stmt: []string{"Notice of Data Breach: cyber", "Cyber", "## What happened", "## Notice of Data Breach\n\nThis is our notice.\n\n## What happened"}},
		{name: "us-ca (d)(1) What Happened and (d)(2)(E)", set: "us-ca", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the heading \"What Happened\", with text under it; add a section \"## What happened\" that says what happened",
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(E) asks for a general description of the breach; add a section \"## What happened\" that says what happened",
		}},
		{name: "us-ca (d)(1) What Information Was Involved", set: "us-ca", stmt: []string{"## What information was involved", "## Details"}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the heading \"What Information Was Involved\", with text under it; add a section \"## What information was involved\"",
		}},
		{name: "us-ca (d)(1) What We Are Doing", set: "us-ca", stmt: noDoing, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the heading \"What We Are Doing\", with text under it; add a section \"## What we are doing\" that says what we have done and will do",
		}},
		{name: "us-ca (d)(1) What You Can Do", set: "us-ca", stmt: emptyCanDo, want: []string{
			"content/incidents/x/_index.md:45:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the heading \"What You Can Do\", with text under it; the section \"## What you can do\" is empty, or still holds the prompt 'disclose new' wrote; write it",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "us-ca (d)(1) For More Information", set: "us-ca", stmt: noMoreInfo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the heading \"For More Information\", with text under it; add a section \"## For more information\" that says how to reach us",
		}},
		{name: "us-ca (d)(2)(A) contact", set: "us-ca", config: noContacts, want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(A) asks for the name and contact information of the business; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{name: "us-ca (d)(2)(B) types", set: "us-ca", stmt: []string{"data_involved:\n  - names\n  - Social Security numbers\n", "", "## What information was involved\n\nNames and Social Security numbers.\n", "## What information was involved\n\nSay what kinds of personal information were involved, and what was not.\n"}, want: []string{
			"content/incidents/x/_index.md:28:1: warning: notice: Cal. Civ. Code 1798.82(d)(1) asks for the heading \"What Information Was Involved\", with text under it; the section \"## What information was involved\" is empty, or still holds the prompt 'disclose new' wrote; write it",
			"content/incidents/x/_index.md:28:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(B) asks for a list of the types of personal information involved; the section \"## What information was involved\" is empty, or still holds the prompt 'disclose new' wrote; write it",
			"content/incidents/x/_index.md:30:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "us-ca (d)(2)(C) date of breach", set: "us-ca", stmt: noOccurred, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(C) asks for the date, estimated date or date range of the breach, if it is possible to determine; add occurred: (a date, or from: and to:) to the front matter, or say that the date is not yet known",
		}},
		{name: "us-ca (d)(2)(C) date of breach not yet possible to determine", set: "us-ca", stmt: join(noOccurred, []string{"We found out on 6 May.\n", "We found out on 6 May.\nThe date it started is not yet known.\n"})},
		{name: "us-ca (d)(2)(C) date of the notice", set: "us-ca", stmt: []string{"  posted: 2024-05-08\n", ""}, update: []string{"status: investigating\n", "status: investigating\ndraft: true\n"}, want: []string{
			"content/incidents/x/_index.md:1:1: warning: updates: every update of this incident is a draft, so its page shows no status; publish the first update by removing draft: true",
			"content/incidents/x/_index.md:24:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(C) asks for the date of the notice; add posted: under notice, or publish the first update",
		}},
		{name: "us-ca (d)(2)(D) law enforcement delay", set: "us-ca", stmt: []string{"This notice was not delayed by the police.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(D) asks for whether notification was delayed by a law enforcement investigation; say whether the notice was delayed by the police, in a sentence with \"police\" or \"law enforcement\" and \"delay\" (such as \"This notice was not delayed by a police investigation\")",
		}},
		{name: "us-ca (d)(2)(F) credit reporting agencies", set: "us-ca", stmt: []string{"Ask Equifax, Experian or TransUnion to place a security freeze.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Cal. Civ. Code 1798.82(d)(2)(F) asks for the toll-free numbers and addresses of the major credit reporting agencies, because a Social Security, driver's license or California ID card number was involved; name Equifax, Experian and TransUnion, with their toll-free numbers and addresses, in the section \"## What you can do\"",
		}},
		{name: "us-ca (d)(2)(F) only when an SSN is involved", set: "us-ca", stmt: []string{"Ask Equifax, Experian or TransUnion to place a security freeze.\n", "", "  - Social Security numbers\n", ""}},
		{name: "us-ca (j)(3)(B) substitute notice posted 30 days", set: "us-ca", stmt: join(substitute, []string{"posted: 2024-05-08", "posted: 2024-05-08\n  display_until: 2024-06-01"}), want: []string{
			"content/incidents/x/_index.md:23:18: warning: notice: Cal. Civ. Code 1798.82(j)(3)(B) asks for a substitute notice posted on the web site for at least 30 days; display_until is 2024-06-01, less than 30 days after notice.posted (2024-05-08); write 2024-06-07 or later",
		}},
		{name: "us-ca (j)(3)(B) substitute notice posted long enough", set: "us-ca", stmt: join(substitute, []string{"posted: 2024-05-08", "posted: 2024-05-08\n  display_until: 2024-06-07"})},

		{name: "us-ca (a)(2) 30 days", set: "us-ca", stmt: []string{"posted: 2024-05-08", "posted: 2024-06-07"}, update: []string{"2024-05-08T17:30:00+10:00", "2024-06-07T17:30:00+10:00"}, want: []string{
			"content/incidents/x/2024-06-07-first.md:3:7: warning: notice: Cal. Civ. Code 1798.82(a)(2) asks for notice to residents within 30 days of discovery; the first notice here is dated 2024-06-07, more than 30 days after discovered (2024-05-06); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "us-ca (f) attorney general within 15 days of the notice", set: "us-ca", stmt: []string{"  - body: Texas Attorney General\n    date: 2024-05-07\n", "  - body: California Attorney General\n    date: 2024-05-30\n"}, want: []string{
			"content/incidents/x/_index.md:18:11: warning: notice: Cal. Civ. Code 1798.82(f) asks for a sample copy to the California Attorney General within 15 days of notifying people, when more than 500 residents are notified; California Attorney General was told on 2024-05-30, more than 15 days after the first notice here (2024-05-08); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "us-ca (f) attorney general on the 15th day", set: "us-ca", stmt: []string{"  - body: Texas Attorney General\n    date: 2024-05-07\n", "  - body: California Attorney General\n    date: 2024-05-23\n"}},
		{name: "us-ny 899-aa(2) 30 days", set: "us-ny", stmt: []string{"posted: 2024-05-08", "posted: 2024-06-07"}, update: []string{"2024-05-08T17:30:00+10:00", "2024-06-07T17:30:00+10:00"}, want: []string{
			"content/incidents/x/2024-06-07-first.md:3:7: warning: notice: N.Y. Gen. Bus. Law 899-aa(2) asks for notice to residents within 30 days of discovery; the first notice here is dated 2024-06-07, more than 30 days after discovered (2024-05-06); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "us-ny 899-aa(7) contact", set: "us-ny", config: noContacts, want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: N.Y. Gen. Bus. Law 899-aa(7) asks for contact information for the business; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{name: "us-ny 899-aa(7) agencies", set: "us-ny", stmt: []string{"The Federal Trade Commission has advice at IdentityTheft.gov.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: N.Y. Gen. Bus. Law 899-aa(7) asks for the phone numbers and websites of the state and federal agencies that help with identity theft; name the Federal Trade Commission (IdentityTheft.gov) and the New York Attorney General or Department of State, with their numbers and websites",
		}},
		{name: "us-ny 899-aa(7) categories", set: "us-ny", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: N.Y. Gen. Bus. Law 899-aa(7) asks for the categories of information accessed or acquired; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},

		{name: "us-tx 521.053(b) 60 days", set: "us-tx", stmt: latePosted, update: lateUpdate, want: []string{
			"content/incidents/x/2024-08-01-first.md:3:7: warning: notice: Tex. Bus. & Com. Code 521.053(b) asks for notice to individuals within 60 days of determining the breach occurred (counted here from discovered); the first notice here is dated 2024-08-01, more than 60 days after discovered (2024-05-06); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "us-tx 521.053(b) late, the delay explained", set: "us-tx", stmt: join(latePosted, explainsDelay), update: lateUpdate},
		{name: "us-tx 521.053(i) attorney general 30 days", set: "us-tx", stmt: []string{"body: Texas Attorney General\n    date: 2024-05-07", "body: Texas Attorney General\n    date: 2024-06-07"}, want: []string{
			"content/incidents/x/_index.md:18:11: warning: notice: Tex. Bus. & Com. Code 521.053(i) asks for the Texas Attorney General told within 30 days, when 250 or more Texans are affected; Texas Attorney General was told on 2024-06-07, more than 30 days after discovered (2024-05-06T10:00:00+10:00); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},

		{name: "us-fl 501.171(4)(a) 30 days", set: "us-fl", stmt: []string{"posted: 2024-05-08", "posted: 2024-06-07"}, update: []string{"2024-05-08T17:30:00+10:00", "2024-06-07T17:30:00+10:00"}, want: []string{
			"content/incidents/x/2024-06-07-first.md:3:7: warning: notice: Fla. Stat. 501.171(4)(a) asks for notice to individuals within 30 days of determining the breach (counted here from discovered); the first notice here is dated 2024-06-07, more than 30 days after discovered (2024-05-06); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "us-fl 501.171(4)(a) 30 days to the day", set: "us-fl", stmt: []string{"posted: 2024-05-08", "posted: 2024-06-05"}, update: []string{"2024-05-08T17:30:00+10:00", "2024-06-05T17:30:00+10:00"}},
		{name: "us-fl 501.171(4)(e)1. date", set: "us-fl", stmt: noOccurred, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Fla. Stat. 501.171(4)(e)1. asks for the date, estimated date or estimated date range of the breach; add occurred: (a date, or from: and to:, estimated if need be) to the front matter",
		}},
		{name: "us-fl 501.171(4)(e)2. information", set: "us-fl", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: Fla. Stat. 501.171(4)(e)2. asks for the personal information accessed; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},
		{name: "us-fl 501.171(4)(e)3. contact", set: "us-fl", config: noContacts, want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: Fla. Stat. 501.171(4)(e)3. asks for how to contact the organisation about the breach; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},

		{name: "us-wa (6)(a) contact", set: "us-wa", config: noContacts, want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: RCW 19.255.010(6)(a) asks for the name and contact information of the business; set params.organisation and params.contact (phone, email or postal) in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{name: "us-wa (6)(b) types", set: "us-wa", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: RCW 19.255.010(6)(b) asks for a list of the types of personal information involved; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},
		{name: "us-wa (6)(c) time frame", set: "us-wa", stmt: noOccurred, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: RCW 19.255.010(6)(c) asks for the time frame of exposure, if known, with the date of the breach and of its discovery; add occurred: (a date, or from: and to:) to the front matter, or say that the dates are not yet known",
		}},
		{name: "us-wa (6)(d) credit reporting agencies", set: "us-wa", stmt: []string{"Ask Equifax, Experian or TransUnion to place a security freeze.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: RCW 19.255.010(6)(d) asks for the toll-free numbers and addresses of the major credit reporting agencies; name Equifax, Experian and TransUnion, with their toll-free numbers and addresses, in the section \"## What you can do\"",
		}},
		{name: "us-wa (8) 30 days", set: "us-wa", stmt: latePosted, update: lateUpdate, want: []string{
			"content/incidents/x/2024-08-01-first.md:3:7: warning: notice: RCW 19.255.010(8) asks for notice to residents within 30 days of discovery; the first notice here is dated 2024-08-01, more than 30 days after discovered (2024-05-06); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "us-wa (7) attorney general", set: "us-wa", stmt: []string{"  - body: Texas Attorney General\n    date: 2024-05-07\n", "  - body: Washington Attorney General\n    date: 2024-06-20\n"}, want: []string{
			"content/incidents/x/_index.md:18:11: warning: notice: RCW 19.255.010(7) asks for the Washington Attorney General told within 30 days of discovery, when more than 500 residents are affected; Washington Attorney General was told on 2024-06-20, more than 30 days after discovered (2024-05-06T10:00:00+10:00); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},

		{name: "us-ma 3(b) police report", set: "us-ma", stmt: []string{"You have the right to get a police report.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Mass. Gen. Laws c. 93H s 3(b) asks for the right to obtain a police report; say \"You have the right to obtain a police report\"",
		}},
		{name: "us-ma 3(b) how to request a freeze", set: "us-ma", stmt: []string{"Ask Equifax, Experian or TransUnion to place a security freeze.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Mass. Gen. Laws c. 93H s 3(b) asks for how to request a security freeze, and what information the request needs; say how to request a security freeze from each credit reporting agency, and what to give them",
		}},
		{name: "us-ma 3(b) a freeze is free", set: "us-ma", stmt: []string{"A freeze is free.\n", ""}, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: Mass. Gen. Laws c. 93H s 3(b) asks for a statement that a security freeze is free; say \"There is no charge for a security freeze\"",
		}},
		{name: "us-ma 3(b) the official notice must not describe the breach", set: "us-ma", stmt: []string{"official: false", "official: true"}, want: []string{
			"content/incidents/x/_index.md:25:1: notice: Mass. Gen. Laws c. 93H s 3(b) forbids the notice to Massachusetts residents to include the nature of the breach or the number of residents affected; this page is the official notice (notice.official: true) and describes the breach; send Massachusetts residents their own notice, and set official: false here",
		}},
		{name: "us-ma 3(b) nor count Massachusetts residents", set: "us-ma", stmt: []string{"official: false", "official: true", "## What happened\n\nSomeone broke into one of our computer systems on 1 May.\nWe found out on 6 May.\nWe do not know who has the information.\n", "We have written to 120 Massachusetts residents.\n"}, want: []string{
			"content/incidents/x/_index.md:25:1: notice: Mass. Gen. Laws c. 93H s 3(b) forbids the notice to Massachusetts residents to include the nature of the breach or the number of residents affected; this page is the official notice (notice.official: true) and describes the breach; send Massachusetts residents their own notice, and set official: false here",
		}},

		{name: "hipaa (c)(1)(A) what happened", set: "hipaa", stmt: noHappened, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: 45 CFR 164.404(c)(1)(A) asks for a brief description of what happened; add a section \"## What happened\" that says what happened",
		}},
		{name: "hipaa (c)(1)(A) dates, if known", set: "hipaa", stmt: noOccurred, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: 45 CFR 164.404(c)(1)(A) asks for the date of the breach and of its discovery, if known; add occurred: (the date of the breach) to the front matter, or say that the date is not yet known",
		}},
		{name: "hipaa (c)(1)(B) types", set: "hipaa", stmt: noInvolved, want: []string{
			"content/incidents/x/_index.md:22:1: warning: notice: 45 CFR 164.404(c)(1)(B) asks for the types of unsecured protected health information involved; add data_involved: to the front matter, or a section \"## What information was involved\"",
		}},
		{name: "hipaa (c)(1)(C) steps", set: "hipaa", stmt: noCanDo, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: 45 CFR 164.404(c)(1)(C) asks for any steps individuals should take to protect themselves; add a section \"## What you can do\" that says what people should do now",
			"content/incidents/x/_index.md:47:1: markdown: this is a prompt from 'disclose new', not the statement; replace it with what people need to know",
		}},
		{name: "hipaa (c)(1)(D) what the entity is doing", set: "hipaa", stmt: noDoing, want: []string{
			"content/incidents/x/_index.md:25:1: warning: notice: 45 CFR 164.404(c)(1)(D) asks for what the entity is doing to investigate, to mitigate harm and to protect against further breaches; add a section \"## What we are doing\" that says what we have done and will do",
		}},
		{name: "hipaa (c)(1)(E) contact procedures", set: "hipaa", config: join(noContacts, []string{"international = \"+1 800 555 0100\"\n", ""}), want: []string{
			"config.toml:10:9: params.contact.email: missing; people need an address to write to, shown on every page: add email = \"incident@example.org\" under [params.contact]",
			"config.toml:10:9: params.contact.phone: missing; people need a number to call, shown on every page: add phone = \"1800 000 000\" under [params.contact]",
			"content/incidents/x/_index.md:25:1: warning: notice: 45 CFR 164.404(c)(1)(E) asks for contact procedures: a toll-free number, an email address, a web site or a postal address; set params.contact.email or params.contact.postal in config.toml",
			"content/incidents/x/_index.md:57:12: warning: phone: 1800 000 000 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{name: "hipaa (c)(1)(E) a toll-free number is not needed in a direct notice", set: "hipaa", config: []string{"international = \"+1 800 555 0100\"\n", ""}},
		{name: "hipaa (d)(2)(ii)(A) substitute notice without posted", set: "hipaa", stmt: join(substitute, []string{"  posted: 2024-05-08\n", ""}), want: []string{
			"content/incidents/x/_index.md:19:1: warning: notice: 45 CFR 164.404(d)(2)(ii)(A) asks for a substitute notice posted for 90 days; add posted: under notice, with the day this notice was first posted (such as 2024-05-08), so that the 90 days can be counted",
		}},
		{name: "hipaa (d)(2)(ii)(A) substitute notice without display_until", set: "hipaa", stmt: substitute, want: []string{
			"content/incidents/x/_index.md:22:11: warning: notice: 45 CFR 164.404(d)(2)(ii)(A) asks for a substitute notice posted for 90 days; add display_until: 2024-08-06 (or later) under notice, 90 days after notice.posted",
		}},
		{name: "hipaa (d)(2)(ii)(A) substitute notice up too short", set: "hipaa", stmt: join(substitute, []string{"posted: 2024-05-08", "posted: 2024-05-08\n  display_until: 2024-08-05"}), want: []string{
			"content/incidents/x/_index.md:23:18: warning: notice: 45 CFR 164.404(d)(2)(ii)(A) asks for a substitute notice posted for 90 days; display_until is 2024-08-05, less than 90 days after notice.posted (2024-05-08); write 2024-08-06 or later",
		}},
		{name: "hipaa (d)(2)(ii)(A) substitute notice up 90 days", set: "hipaa", stmt: join(substitute, []string{"posted: 2024-05-08", "posted: 2024-05-08\n  display_until: 2024-08-06"})},
		{name: "hipaa (d)(2)(ii)(A) posting is not checked for a direct notice", set: "hipaa", stmt: []string{"posted: 2024-05-08", "posted: 2024-05-08\n  display_until: 2024-05-09"}},
		{name: "hipaa (d)(2)(ii)(B) substitute notice toll-free number", set: "hipaa", config: []string{"international = \"+1 800 555 0100\"\n", ""}, stmt: join(substitute, []string{"posted: 2024-05-08", "posted: 2024-05-08\n  display_until: 2024-08-06"}), want: []string{
			"content/incidents/x/_index.md:26:1: warning: notice: 45 CFR 164.404(d)(2)(ii)(B) asks for a toll-free number, active for at least 90 days, where people can learn whether their information was involved; set params.contact.phone to a US toll-free number (800, 833, 844, 855, 866, 877 or 888) and keep it answered for 90 days",
		}},
		{name: "hipaa (b) 60 days", set: "hipaa", stmt: latePosted, update: lateUpdate, want: []string{
			"content/incidents/x/2024-08-01-first.md:3:7: warning: notice: 45 CFR 164.404(b) asks for notice to individuals within 60 days of discovery; the first notice here is dated 2024-08-01, more than 60 days after discovered (2024-05-06); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "hipaa (b) late, a delay that gives no reason", set: "hipaa", stmt: join(latePosted, delayNoWhy), update: lateUpdate, want: []string{
			"content/incidents/x/2024-08-01-first.md:3:7: warning: notice: 45 CFR 164.404(b) asks for notice to individuals within 60 days of discovery; the first notice here is dated 2024-08-01, more than 60 days after discovered (2024-05-06); if there was a reason (such as a police request to wait), say why in the statement, in a sentence with \"delay\" and \"because\" or \"asked\"",
		}},
		{name: "hipaa (b) late, the delay explained", set: "hipaa", stmt: join(latePosted, explainsDelay), update: lateUpdate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := checkNotice(t, noticeSite(tt.set, tt.config, tt.stmt, tt.update))
			if *showNotice {
				t.Logf("%q", got)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestNoticeFieldsAndRuleSetNames checks what every rule reads before it
// applies: notice.mode and notice.posted, and the names of the rule sets.
func TestNoticeFieldsAndRuleSetNames(t *testing.T) {
	tests := []struct {
		name         string
		set          string
		config, stmt []string
		want         []string
	}{
		{name: "mode in capitals", set: "au", stmt: []string{"mode: direct", "mode: Direct"}, want: []string{
			"content/incidents/x/_index.md:21:9: notice.mode: \"Direct\" is not a way of giving notice; write direct, in lower case",
		}},
		{name: "mode not a mode", set: "au", stmt: []string{"mode: direct", "mode: by letter"}, want: []string{
			"content/incidents/x/_index.md:21:9: notice.mode: \"by letter\" is not a way of giving notice; write direct (people are also told one by one), substitute (this page stands in for notices that could not be sent) or public (a public notice instead of telling each person)",
		}},
		{name: "posted in the future", set: "au", stmt: []string{"posted: 2024-05-08", "posted: 2025-05-08"}, want: []string{
			"content/incidents/x/_index.md:22:11: notice.posted: 2025-05-08 is in the future; write the day the notice was first posted",
		}},
		{name: "posted before discovery", set: "au", stmt: []string{"posted: 2024-05-08", "posted: 2024-05-01"}, want: []string{
			"content/incidents/x/_index.md:22:11: notice.posted: 2024-05-01 is before the incident was discovered (2024-05-06); check the date",
		}},
		{name: "display_until before posted", set: "au", stmt: []string{"posted: 2024-05-08", "posted: 2024-05-08\n  display_until: 2024-05-07"}, want: []string{
			"content/incidents/x/_index.md:23:18: notice.display_until: 2024-05-07 is before notice.posted (2024-05-08); a notice comes down after it goes up",
		}},
		{name: "ca: Canada or California?", set: "ca", want: []string{
			"config.toml:8:18: params.jurisdictions: \"ca\" is Canada's country code and California's postal code: Canada or California? write \"ca-federal\" (PIPEDA), \"ca-qc\" (Quebec) or \"us-ca\" (California)",
		}},
		{name: "uk is its own rule set", set: "uk"},
		{name: "UK in capitals", set: "UK", want: []string{
			"config.toml:8:18: params.jurisdictions: unknown rule set \"UK\"; write \"uk\", in lower case without spaces",
		}},
		{name: "canada", set: "canada", want: []string{
			"config.toml:8:18: params.jurisdictions: unknown rule set \"canada\"; write \"ca-federal\" (known: au, ca-federal, ca-qc, gdpr, hipaa, nz, sg, uk, us-ca, us-fl, us-ma, us-ny, us-tx, us-wa)",
		}},
		{name: "california", set: "california", want: []string{
			"config.toml:8:18: params.jurisdictions: unknown rule set \"california\"; write \"us-ca\" (known: au, ca-federal, ca-qc, gdpr, hipaa, nz, sg, uk, us-ca, us-fl, us-ma, us-ny, us-tx, us-wa)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := checkNotice(t, noticeSite(tt.set, tt.config, tt.stmt, nil))
			if *showNotice {
				t.Logf("%q", got)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
