package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// config is the generated site's config.toml. Every name, number and
// address is made up, except the independent support services.
const config = `# A generated site for benchmarks (internal/corpus). Every name, number
# and address is made up, except the independent support services.
baseURL      = "https://updates.tallowcreek.example/"
title        = "Tallow Creek Water: cyber incident updates"
locale       = "en-AU"
timeZone     = "Australia/Melbourne"

[params]
organisation  = "Tallow Creek Water Pty Ltd"
known_as      = "Tallow Creek Water"
jurisdictions = ["au"]
feed_items    = 50
demo          = true

[params.contact]
phone           = "1800 975 711"
phone_hours     = "8 am to 6 pm Melbourne time, Monday to Friday"
international   = "+61 3 5550 0188"
email           = "incident@tallowcreek.example"
media           = "media@tallowcreek.example"
postal          = "PO Box 7020, Geelong VIC 3220"
privacy_officer = "Privacy Officer, Tallow Creek Water Pty Ltd"

[[params.we_will_never]]
text = "ask for your password or bank details by phone, SMS or email"

[[params.we_will_never]]
text = "ask you to pay a bill through a link in a text message"

[[params.support]]
name  = "IDCARE"
url   = "https://www.idcare.org/"
phone = "1800 595 160"
about = "free identity and cyber support"

[[params.support]]
name  = "Scamwatch"
url   = "https://www.scamwatch.gov.au/"
about = "how to spot and report scams"

[params.security]
contact = ["mailto:security@tallowcreek.example"]
expires = "2030-06-30T00:00:00+10:00"
`

// theme is what one incident is about.
type theme struct {
	slug     string
	title    string
	system   string   // "our billing system"
	data     string   // "account details", in a sentence
	involved []string // data_involved
	not      []string // data_not_involved
	who      string   // affected.who
}

var themes = []theme{
	{slug: "billing-system", title: "Cyber security incident: customer billing records", system: "our billing system",
		data: "billing details",
		involved: []string{"Full name and postal address", "Customer account number", "Email address and phone number",
			"Water use and bill amounts for the last two years"},
		not: []string{"Bank account or credit card details", "Passwords for your online account"},
		who: "Customers who received a water bill from us in the two years before the incident"},
	{slug: "staff-email", title: "Staff email account misused", system: "a staff email account",
		data:     "contact details",
		involved: []string{"Name and email address", "Phone number", "The text of emails sent to our support team"},
		not:      []string{"Bank or payment details", "Account passwords"},
		who:      "People who emailed our support team in the year before the incident"},
	{slug: "online-portal", title: "Online account portal incident", system: "the online account portal",
		data: "account details",
		involved: []string{"Name and email address", "Customer account number", "The last four digits of a saved card",
			"Dates of past payments"},
		not: []string{"Full card numbers", "Bank account details", "Passwords, which are stored in a scrambled form"},
		who: "Customers who signed in to the online portal during the incident"},
	{slug: "contractor-files", title: "Files copied from a contractor", system: "a file server run by one of our contractors",
		data:     "property details",
		involved: []string{"Name and property address", "Meter number and meter readings", "Notes from site visits"},
		not:      []string{"Bank or card details", "Dates of birth", "Any information about your health"},
		who:      "Households that had a meter replaced by our contractor during the last three years"},
	{slug: "hardship-records", title: "Cyber security incident: payment help records", system: "the system we use to manage payment plans",
		data: "payment plan details",
		involved: []string{"Full name, address and date of birth", "Income range you gave us when you asked for help",
			"Concession card number", "Notes about your payment plan"},
		not: []string{"Bank account or card details", "Copies of identity documents"},
		who: "Customers who asked us for help with paying a bill"},
}

// fileWords end update file names.
var fileWords = []string{"update", "news", "progress", "next-steps", "what-we-know", "letters", "helpline", "checks"}

var titles = map[string][]string{
	"investigating": {"We are looking into a cyber security incident", "What we know so far", "Our first findings",
		"An update on our investigation", "Experts are helping us find out what happened"},
	"identified": {"We now know what happened", "What information was involved", "How the attacker got in",
		"Our investigation has found more", "What the copied files hold"},
	"contained": {"The attacker's access is closed", "Our systems are safe to use again", "We have rebuilt the affected system",
		"Watching for misuse of the copied files", "No sign of new access"},
	"notifying": {"Letters to the people affected", "We are contacting customers", "How to check a message is from us",
		"Your questions answered", "More letters are on their way"},
	"resolved": {"This incident is closed", "Our final update", "What we have changed", "Looking back on this incident"},
}

// openers start an update and say where the incident stands.
var openers = map[string][]string{
	"investigating": {
		"We are still finding out what happened to %s.",
		"Our team is working with outside experts to look into %s.",
		"We shut down %s while we check what the attacker did.",
	},
	"identified": {
		"We now know how the attacker got into %s.",
		"Our checks show which records in %s were copied.",
		"The experts have finished their first review of %s.",
	},
	"contained": {
		"The attacker can no longer reach %s.",
		"We have rebuilt %s and checked it twice.",
		"Since our last update we have seen no new activity in %s.",
	},
	"notifying": {
		"We have started writing to people whose records were in %s.",
		"Letters about %s are now going out by post and email.",
		"We are calling some customers whose records were in %s.",
	},
	"resolved": {
		"We have finished our work on the incident with %s.",
		"We do not expect to post more updates about %s.",
		"Our review of %s is complete.",
	},
}

// sentences fill paragraphs: {system}, {data}, {date} (spoken) and {n}
// are filled in.
var sentences = []string{
	"We found the problem on {date}.",
	"The helpline has taken {n} calls since then.",
	"Most callers asked whether their {data} were safe.",
	"We will post another update here when we know more.",
	"You do not need to do anything right now.",
	"If you get a message that seems odd, do not click on any link in it.",
	"We have told the regulator what we know.",
	"We have checked {n} records by hand.",
	"The police are aware and are looking into it.",
	"Our staff have had extra training on spotting fake emails.",
	"We have turned on a second sign-in step for every staff account.",
	"We are sorry this happened.",
	"We know this news is worrying.",
	"Your water supply was never at risk.",
	"Some of the {data} we hold were copied.",
	"We have asked websites to take down any copies we find.",
	"So far we have found no sign that the copied {data} have been used.",
	"We have closed the way the attacker got in.",
	"Outside experts have checked {system} line by line.",
	"We now keep less information, and for a shorter time.",
	"Bills and payments work as usual.",
	"You can still pay your bill in the usual ways.",
	"The helpline is open from 8 am to 6 pm on weekdays.",
	"We wrote to {n} households this week.",
	"Each letter says which of your details were involved.",
	"If you have not heard from us, your details were most likely not involved.",
	"We will keep this page online for at least two years.",
	"Scammers sometimes use news like this to sound real.",
	"We will never ask for your password in an email.",
	"Call us on the number at the bottom of this page if you are unsure.",
}

var listItems = []string{
	"Be careful with emails, texts and calls that mention your water bill.",
	"Do not give your password or bank details to anyone who calls you.",
	"Check your bank statements for payments you did not make.",
	"Change your password if you use the same one on other websites.",
	"Call the helpline if you are worried.",
	"Tell us if you think someone has used your details.",
	"Keep any letter we send you, in case you need it later.",
	"Ask your bank to watch your account if you feel unsafe.",
	"Report scams to Scamwatch.",
	"Use a different password for each website.",
}

var subheadings = []string{"What has changed", "What you can do", "Your questions", "What happens next", "Getting help"}

var revisionNotes = []string{
	"We corrected the number of letters sent.",
	"We added the helpline's weekend hours.",
	"We fixed a wrong date in the second paragraph.",
	"We made the list of steps you can take clearer.",
	"We added a link to our earlier update.",
}

// writer builds a Markdown file.
type writer struct{ strings.Builder }

func (w *writer) f(format string, a ...any) { fmt.Fprintf(&w.Builder, format, a...) }

// incidentFile is the incident's _index.md: every incident field, and a
// statement with the five sections notice laws ask for.
func (g *gen) incidentFile(i int) []byte {
	inc := g.incs[i]
	th := inc.theme
	r := g.r
	var w writer
	w.f("---\ntitle: %s\n", q(th.title))
	w.f("occurred:\n  from: %s\n  to: %s\n", day(inc.occurred[0]), day(inc.occurred[1]))
	w.f("discovered: %s\n", rfc(inc.discovered))
	from := inc.discovered.AddDate(-2-r.IntN(3), -r.IntN(12), 0)
	w.f("data_window:\n  from: %s\n  to: %s\n", day(from), day(inc.occurred[1]))
	asOf := inc.updates[len(inc.updates)/2].date
	w.f("affected:\n  count: %d\n  as_of: %s\n  estimate: %t\n  who: %s\n", 500+r.IntN(200000), day(asOf), r.IntN(2) == 0, q(th.who))
	w.f("data_involved:\n")
	for _, d := range th.involved {
		w.f("  - %s\n", q(d))
	}
	w.f("data_not_involved:\n")
	for _, d := range th.not {
		w.f("  - %s\n", q(d))
	}
	told := inc.discovered.In(g.loc)
	w.f("notified:\n")
	w.f("  - body: %s\n    date: %s\n    url: %s\n", q("Office of the Australian Information Commissioner"), day(told.AddDate(0, 0, 1+r.IntN(3))), q("https://www.oaic.gov.au/"))
	w.f("  - body: %s\n    date: %s\n    url: %s\n", q("Australian Cyber Security Centre"), day(told.AddDate(0, 0, r.IntN(2))), q("https://www.cyber.gov.au/"))
	w.f("official_advice:\n")
	w.f("  - title: %s\n    url: %s\n", q("Scamwatch: how to protect yourself from scams"), q("https://www.scamwatch.gov.au/"))
	w.f("  - title: %s\n    url: %s\n", q("Office of the Australian Information Commissioner: data breaches"), q("https://www.oaic.gov.au/"))
	w.f("notice:\n  official: true\n  display_until: %s\n", day(inc.updates[len(inc.updates)-1].date.AddDate(2, 0, 0)))
	if i%3 == 2 {
		w.f("successor: %s\n", q("Brackenridge Partners, who now manage our customer accounts. Email accounts@brackenridge.example or call 1800 975 712."))
	}
	w.f("---\n\n")

	w.f("## What happened\n\n")
	w.f("On %s, someone broke into %s.\n", spoken(inc.occurred[0]), th.system)
	w.f("They copied some of the %s we hold about our customers.\n", th.data)
	w.f("We found the break-in on %s and shut the system down the same day.\n\n", spoken(inc.discovered))
	w.f("## What information was involved\n\n")
	w.f("The copied files held %s.\n", th.data)
	w.f("The full list is at the top of this page.\n")
	w.f("Your bank details and passwords were not involved.\n\n")
	w.f("## What we are doing\n\n")
	w.f("We closed the attacker's access and checked %s with outside experts.\n", th.system)
	w.f("We told the regulator and the police.\n")
	w.f("We are writing to everyone whose details were involved.\n\n")
	w.f("## What you can do\n\n")
	for _, k := range r.Perm(len(listItems))[:3] {
		w.f("- %s\n", listItems[k])
	}
	w.f("\nIf you are worried, call [IDCARE](https://www.idcare.org/) for free on 1800 595 160.\n\n")
	w.f("## For more information\n\n")
	w.f("Call our helpline on 1800 975 711, 8 am to 6 pm Melbourne time, Monday to Friday.\n")
	w.f("You can also email incident@tallowcreek.example.\n\n")
	w.f("Every update we publish is listed below, newest first.\n")
	return []byte(w.String())
}

// updateFile is one update: front matter with every update field that
// fits it, and a body of paragraphs, a list, sometimes a table and a
// subheading, and links to the incident and to earlier updates.
func (g *gen) updateFile(i, k int) []byte {
	inc := g.incs[i]
	u := inc.updates[k]
	th := inc.theme
	r := g.r
	var w writer
	w.f("---\ntitle: %s\n", q(pick(r, titles[u.status])))
	w.f("date: %s\n", rfc(u.date))
	w.f("status: %s\n", u.status)
	if r.IntN(3) > 0 {
		w.f("summary: %s\n", q(fmt.Sprintf(pick(r, openers[u.status]), th.system)+" "+pick(r, sentences[3:6])))
	}
	if u.draft {
		w.f("draft: true\n")
	} else if k%11 == 5 {
		w.f("draft: false\n")
	}
	var next time.Time // revisions and withdrawals stay before the next update
	if k+1 < len(inc.updates) {
		next = inc.updates[k+1].date
	} else {
		next = u.date.Add(6 * time.Hour)
	}
	gap := next.Sub(u.date)
	if !u.draft && k%8 == 3 {
		w.f("revisions:\n")
		n := 1 + r.IntN(2)
		for j := range n {
			t := u.date.Add(gap * time.Duration(j+1) / time.Duration(n+2)).Truncate(time.Minute)
			w.f("  - date: %s\n    note: %s\n", rfc(t), q(pick(r, revisionNotes)))
		}
	}
	if !u.draft && k%53 == 7 {
		t := u.date.Add(gap / 2).Truncate(time.Minute)
		w.f("withdrawn:\n  date: %s\n  note: %s\n", rfc(t), q("We took this update down because it gave the wrong helpline hours. The correct hours are in the next update."))
	}
	w.f("---\n\n")

	num := func() int { return 20 + r.IntN(4000) }
	para := func(lead string) {
		if lead != "" {
			w.f("%s\n", lead)
		}
		for range 2 + r.IntN(3) {
			fill := strings.NewReplacer("{system}", th.system, "{data}", th.data,
				"{date}", spoken(u.date.AddDate(0, 0, -r.IntN(5))), "{n}", strconv.Itoa(num()))
			w.f("%s\n", fill.Replace(pick(r, sentences)))
		}
		w.f("\n")
	}
	para(fmt.Sprintf(pick(r, openers[u.status]), th.system))
	para("")

	// Links: the incident, the previous published update, and now and then
	// an update of an earlier incident.
	w.f("All our updates are on the [incident page](/incidents/%s/).\n", inc.slug)
	if k > 0 {
		prev := inc.updates[k-1]
		w.f("Our [last update](%s) was on %s.\n", prev.path, spoken(prev.date))
	}
	if i > 0 && k%5 == 0 {
		o := g.incs[r.IntN(i)]
		ou := o.updates[r.IntN(len(o.updates))]
		if !ou.draft {
			w.f("This is not the [incident we reported on %s](%s).\n", spoken(ou.date), ou.path)
		}
	}
	w.f("For free help, contact [IDCARE](https://www.idcare.org/).\n\n")

	if k%4 == 1 {
		w.f("## %s\n\n", pick(r, subheadings))
		para("")
	}
	w.f("Here is what you can do:\n\n")
	for _, j := range r.Perm(len(listItems))[:3+r.IntN(3)] {
		w.f("- %s\n", listItems[j])
	}
	w.f("\n")
	if k%3 == 0 {
		w.f("| Date | What we did |\n|---|---|\n")
		t := u.date.AddDate(0, 0, -3)
		for range 3 + r.IntN(3) {
			t = t.Add(time.Duration(6+r.IntN(20)) * time.Hour)
			if t.After(u.date) {
				break
			}
			w.f("| %s | %s |\n", spoken(t), strings.TrimSuffix(pick(r, doneRows), "."))
		}
		w.f("\n")
	}
	para("")
	return []byte(w.String())
}

var doneRows = []string{
	"Shut down the affected system",
	"Told the regulator",
	"Opened the helpline",
	"Sent the first letters",
	"Finished checking the copied files",
	"Reset every staff password",
	"Asked websites to remove copies",
	"Met with the police",
}
