package check_test

import (
	"strings"
	"testing"
)

// eyesConfig is a site whose contacts are @southernscript.example, with one
// support service, for the second-pair-of-eyes rules.
const eyesConfig = `-- config.toml --
baseURL = "https://updates.southernscript.example/"
title = "Southern Script: cyber incident updates"
locale = "en-AU"
timeZone = "Australia/Melbourne"

[params]
organisation = "Southern Script Exchange Pty Ltd"
known_as = "Southern Script"
jurisdictions = ["au"]

[params.contact]
phone = "1800 000 000"
phone_hours = "8am to 8pm, 7 days"
international = "+61 3 5550 0142"
email = "incident@southernscript.example"
media = "media@southernscript.example"

[[params.support]]
name = "IDCARE"
url = "https://www.idcare.org/"
phone = "1800 595 160"
`

// TestEyes is the specification of the second pair of eyes
// (docs/checks.md): each case changes one thing in the base site under
// eyesConfig, and lists every diagnostic check gives, exactly.
func TestEyes(t *testing.T) {
	const (
		notOurs     = " is not one of the site's web addresses (baseURL and params.support in config.toml, or the incident's official_advice and notified); check every letter, or add it there"
		notOurEmail = " is not one of the site's email addresses (params.contact in config.toml, or the incident's successor); check every letter, or add it there"
		scam        = "; scams copy addresses like this, so write the site's own (incident@southernscript.example), or remove it"
	)
	tests := []struct {
		name  string
		files string
		want  []string
	}{
		{"the base site is clean", "", nil},

		// Required text, written but empty.
		{"update title empty", upd("2024-06-01-third.md", "title: \"\"\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n"), []string{
			u3 + `:2:8: title: empty; write what the update says in a few words, like title: "Data posted online: what we know"`,
		}},
		{"update title only spaces and a zero-width space", upd("2024-06-01-third.md", "title: \" \u200b \"\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\n", "Text.\n"), []string{
			u3 + `:2:8: title: empty; write what the update says in a few words, like title: "Data posted online: what we know"`,
		}},
		{"incident title empty", strings.Replace(base, "title: Cyber security incident", "title: ''", 1), []string{
			idx + `:2:8: title: empty; write what the public calls it, like title: "Cyber security incident"`,
		}},
		{"revision note empty", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-02T09:00:00+10:00\n    note: \"\"\n", "Text.\n"), []string{
			u3 + `:7:11: revisions[0].note: empty; say in plain words what changed, like note: "Corrected the number of people affected"`,
		}},
		{"withdrawal note empty", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nwithdrawn:\n  date: 2024-06-02T09:00:00+10:00\n  note: \" \"\n", ""), []string{
			u3 + `:7:9: withdrawn.note: empty; say in plain words why the update was withdrawn and where to read instead`,
		}},
		{"empty item in data_involved", strings.Replace(base, "  - dates of birth", "  - \"\"", 1), []string{
			idx + `:9:5: data_involved[1]: empty; write the kind of information, or remove the "- " line`,
		}},
		{"notified body empty", strings.Replace(base, "affected:", "notified:\n  - body: \"\"\n    date: 2024-05-07\naffected:", 1), []string{
			idx + `:11:11: notified[0].body: empty; write who was told, like body: "Office of the Australian Information Commissioner"`,
		}},

		// Involved and not involved.
		{"item both involved and not involved", strings.Replace(base, "affected:", "data_not_involved:\n  - bank details\n  - \"Dates  of  Birth.\"\naffected:", 1), []string{
			idx + `:12:5: data_not_involved[1]: "Dates  of  Birth." is also listed under data_involved (line 9); information is either involved or not: remove it from one list`,
		}},
		{"four things to do", strings.Replace(base, "data_involved:", "what_to_do:\n  - Watch for scams\n  - Call us\n  - Change your password\n  - Read the updates\ndata_involved:", 1), []string{
			idx + `:11:5: what_to_do[3]: 4 things to do; a phone's first screen holds three: keep the three that matter most and put the rest in the statement`,
		}},
		{"a thing to do with a number not ours", strings.Replace(base, "data_involved:", "what_to_do:\n  - \"\"\n  - Call us on 1800 000 001\ndata_involved:", 1), []string{
			idx + `:8:5: what_to_do[0]: empty; write one thing a reader can do now, or remove the "- " line`,
			idx + `:9:5: what_to_do[1]: 1800 000 001 looks like the site's number 1800 000 000 but is not; check every digit: a wrong helpline number sends frightened people to a stranger, or a scammer`,
		}},
		{"not involved written first", strings.Replace(base, "data_involved:", "data_not_involved:\n  - Names\ndata_involved:", 1), []string{
			idx + `:10:5: data_involved[0]: "names" is also listed under data_not_involved (line 8); information is either involved or not: remove it from one list`,
		}},

		// Addresses that are the site's own.
		{"the site's own addresses", third("Email incident@southernscript.example or privacy@southernscript.example, " +
			"see <https://updates.southernscript.example/incidents/x/>, " +
			"or get help from [IDCARE](https://www.idcare.org/get-help) on 1800 595 160.\n"), nil},

		// Someone else's: warnings.
		{"someone else's email address", third("Write to someone@mailbox.example.\n"), []string{
			u3 + ":6:10: warning: address: someone@mailbox.example" + notOurEmail,
		}},
		{"someone else's web address", third("Read [the guide](https://www.example.net/guide).\n"), []string{
			u3 + ":6:18: warning: address: https://www.example.net/guide" + notOurs,
		}},
		{"a bare host name", third("Go to staysafe.example.com for advice.\n"), []string{
			u3 + ":6:7: warning: address: staysafe.example.com" + notOurs,
		}},

		// Lookalikes: errors naming the one they resemble.
		{"the organisation's name inside another domain", third("Email help@southernscript-support.com for help.\n"), []string{
			u3 + `:6:7: address: help@southernscript-support.com looks like the site's own southernscript.example but is not: it has the organisation's name "southernscript" in it` + scam,
		}},
		{"a safe link text over a lookalike address", third("Visit [our help page](https://southernscript.help/claim).\n"), []string{
			u3 + `:6:23: address: https://southernscript.help/claim looks like the site's own southernscript.example but is not: it has the organisation's name "southernscript" in it` + scam,
		}},
		{"Cyrillic letters", third("Visit https://updates.s\u043euthernscript.example/ now.\n"), []string{
			u3 + ":6:7: address: https://updates.s\u043euthernscript.example/ looks like the site's own southernscript.example but is not: its letters look like southernscript.example's but are not the same" + scam,
			u3 + ":6:7: warning: markdown: this address is not a link, so readers cannot tap it; write it as <https://updates.s\u043euthernscript.example/> or [what it is](https://updates.s\u043euthernscript.example/)",
		}},
		{"rn for m", third("Email incident@southernscript.exarnple today.\n"), []string{
			u3 + ":6:7: address: incident@southernscript.exarnple looks like the site's own southernscript.example but is not: its letters look like southernscript.example's but are not the same" + scam,
		}},
		{"two letters swapped", third("Email incident@southernscrpit.example today.\n"), []string{
			u3 + ":6:7: address: incident@southernscrpit.example looks like the site's own southernscript.example but is not: it is one letter from southernscript.example" + scam,
		}},
		{"a mailto link to a lookalike under the right text", third("Email [incident@southernscript.example](mailto:incident@southernscript.exampel).\n"), []string{
			u3 + ":6:41: address: incident@southernscript.exampel looks like the site's own southernscript.example but is not: it is one letter from southernscript.example" + scam,
		}},
		{"a support service's lookalike", third("Call [IDCARE](https://www.idcrae.org/).\n"), []string{
			u3 + ":6:15: address: https://www.idcrae.org/ looks like the site's own idcare.org but is not: it is one letter from idcare.org; scams copy addresses like this, so write the site's own (https://www.idcare.org/), or remove it",
		}},
		{"a user name before the host", third("Visit <https://updates.southernscript.example@claims.example/>.\n"), []string{
			u3 + ":6:7: address: https://updates.southernscript.example@claims.example/ leads to claims.example, not to what is written before the @; write the address as https://claims.example/ if that is where it should go, or remove it",
		}},

		{"a lookalike in a code block", third("Type this:\n\n    mail help@southernscript-support.com\n"), []string{
			u3 + `:8:10: address: help@southernscript-support.com looks like the site's own southernscript.example but is not: it has the organisation's name "southernscript" in it` + scam,
		}},

		// Phone numbers.
		{"a number one slip from the site's", third("Call us on 1800 000 010.\n"), []string{
			u3 + ":6:12: phone: 1800 000 010 looks like the site's number 1800 000 000 but is not; check every digit: a wrong helpline number sends frightened people to a stranger, or a scammer",
		}},

		// Front matter text.
		{"a lookalike in a summary", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nsummary: Email claims@southern-script.example to claim.\n", "Text.\n"), []string{
			u3 + `:5:10: summary: claims@southern-script.example looks like the site's own southernscript.example but is not: it is one letter from southernscript.example` + scam,
		}},
		{"an unknown number in a revision note", upd("2024-06-01-third.md", "title: Third\ndate: 2024-06-01T09:00:00+10:00\nstatus: contained\nrevisions:\n  - date: 2024-06-02T09:00:00+10:00\n    note: Corrected the number to 1300 555 123\n", "Text.\n"), []string{
			u3 + ":7:11: warning: revisions[0].note: 1300 555 123 is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there",
		}},
		{"the successor's address is the site's own", strings.Replace(base, "affected:", "successor: \"Kestrel Lane Partners, administrators. Email admin@kestrellane.example.\"\naffected:", 1) +
			third("Email admin@kestrellane.example or see www.kestrellane.example.\n"), []string{
			u3 + ":6:40: warning: markdown: this address is not a link, so readers cannot tap it; write it as <https://www.kestrellane.example> or [what it is](https://www.kestrellane.example)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, eyesConfig+tt.files)
			got.Sort()
			var lines []string
			for _, d := range got {
				lines = append(lines, d.String())
			}
			if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
