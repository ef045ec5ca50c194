package check

// This file and notice_rules_americas.go are the notice rules: what each
// law says a notice to the people affected by a breach must contain, and
// how check decides that an incident's page contains it. They are written
// to be read by a lawyer: each rule cites its provision to the paragraph,
// quotes the words it enforces, and names the text those words were read
// in (notice_texts.go says where and when, and whether the words were read
// as enacted or only in another's summary).
//
// A rule applies when its rule set is listed in config.toml's
// params.jurisdictions, and, if it names modes, when the incident's
// notice.mode is one of them. check looks at the incident's statement (the
// body of content/incidents/<folder>/_index.md), its front matter and the
// contact details in config.toml. A missing item is a warning that names
// the law, because only a lawyer can say whether a notice is complete; an
// item a law forbids is an error. Rules the site cannot show (letters sent,
// a second medium) are not checked, and the law report lists them to be
// checked by hand.
//
// The tests are deliberately simple, so that writers can predict them:
//
//	section("What happened")   a heading with these words, with text under it
//	                           (not empty, not a prompt from `disclose new`)
//	says(words, words, ...)    one sentence with a word from each list; a
//	                           word matches where a word starts, so "delay"
//	                           finds "delayed"
//	field("occurred")          the front matter gives this field
//	contact("phone")           config.toml gives params.contact.phone
//	organisation()             config.toml gives params.organisation
//	tollFree()                 a contact number is a US toll-free number
//	notifiedBody("Privacy Commissioner")  notified: lists this body
//	titled("Notice of Data Breach")       the title or a heading says it
//	dated()                    the page shows the notice's date
//	posting(90)                notice.display_until is 90 days or more
//	                           after notice.posted
//	noticedWithin(60)          the first notice is within 60 days of
//	                           discovered
//	toldWithin(bodies, 72)     the body was told within 72 hours of
//	                           discovered (see notice_periods.go)
//	anyOf, allOf, ifInvolved(kinds, t), ifOfficial(t)

// ruleSets names each rule set and its law, for config checks and reports.
var ruleSets = map[string]string{
	"au":         "Privacy Act 1988 (Cth), Australia",
	"gdpr":       "General Data Protection Regulation (EU) 2016/679",
	"uk":         "UK GDPR and the Data Protection Act 2018, United Kingdom (ICO)",
	"nz":         "Privacy Act 2020, New Zealand",
	"sg":         "Personal Data Protection Act 2012, Singapore",
	"ca-federal": "PIPEDA and the Breach of Security Safeguards Regulations, Canada",
	"ca-qc":      "Act respecting the protection of personal information in the private sector, Quebec",
	"us-ca":      "California Civil Code 1798.82",
	"us-ny":      "New York General Business Law 899-aa",
	"us-tx":      "Texas Business and Commerce Code 521.053",
	"us-fl":      "Florida Statutes 501.171",
	"us-wa":      "Revised Code of Washington 19.255.010",
	"us-ma":      "Massachusetts General Laws chapter 93H",
	"hipaa":      "HIPAA Breach Notification Rule, 45 CFR 164.404",
}

// noticeRules is every rule, set by set, in the order of each law's text.
var noticeRules = concat(auRules, gdprRules("gdpr", "GDPR", "gdpr-33", gdprAuthorities), gdprRules("uk", "UK GDPR", "uk-ico", []string{"Information Commissioner", "ICO"}),
	nzRules, sgRules, caFederalRules, caQuebecRules, usCARules, usNYRules, usTXRules, usFLRules, usWARules, usMARules, hipaaRules)

func concat(sets ...[]noticeRule) []noticeRule {
	var out []noticeRule
	for _, s := range sets {
		out = append(out, s...)
	}
	return out
}

// The sections most laws ask for, with the fixes that go with them.
var (
	happened     = section("What happened")
	whatInvolved = anyOf(field("data_involved"), section("What information was involved"))
	doing        = section("What we are doing")
	canDo        = section("What you can do")
	moreInfo     = section("For more information")

	fixHappened = `add a section "## What happened" that says what happened`
	fixInvolved = `add data_involved: to the front matter, or a section "## What information was involved"`
	fixDoing    = `add a section "## What we are doing" that says what we have done and will do`
	fixCanDo    = `add a section "## What you can do" that says what people should do now`
	fixContact  = "set params.organisation and params.contact (phone, email or postal) in config.toml"

	// consequences is a statement of likely consequences: a section for
	// them, or a sentence that names a harm and how likely it is.
	consequences    = anyOf(section("What this means for you"), says([]string{"consequence", "risk", "harm", "misuse", "scam", "fraud", "identity theft"}, []string{"likely", "unlikely", "could", "might"}))
	fixConsequences = `add a section "## What this means for you", or a sentence that names the harm and how likely it is (such as "Scammers could use your details to sound convincing")`
)

// Australia: the Notifiable Data Breaches scheme. Section 26WK(3) lists
// what the statement must set out; s 26WL(2) says how its contents reach
// individuals ((a) each individual, (b) each individual at risk, or (c) by
// publishing it on the website and publicising it), and s 26WL(3) when: as
// soon as practicable after the statement is prepared. No number of days
// is set, so no deadline is checked.
var auRules = []noticeRule{
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(a)", Text: "au-26wk",
		Quote: "the identity and contact details of the entity",
		Needs: "the identity and contact details of the organisation", Fix: fixContact,
		Test: allOf(organisation(), anyContact())},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(b)", Text: "au-26wk",
		Quote: "a description of the eligible data breach that the entity has reasonable grounds to believe has happened",
		Needs: "a description of the breach", Fix: fixHappened, Test: happened},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(c)", Text: "au-26wk",
		Quote: "the particular kind or kinds of information concerned",
		Needs: "the kinds of information concerned", Fix: fixInvolved, Test: whatInvolved},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(d)", Text: "au-26wk",
		Quote: "recommendations about the steps that individuals should take in response to the eligible data breach",
		Needs: "recommendations about the steps individuals should take in response", Fix: fixCanDo, Test: canDo},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WL(2)(a), (b)", Text: "au-26wl", Modes: []string{"direct"}, Kind: byHand,
		Quote: "take such steps as are reasonable in the circumstances to notify the contents of the statement to each of the individuals",
		Needs: "the statement's contents sent to each individual (or each individual at risk); this page is not that notice"},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WL(2)(c)(i)", Text: "au-26wl", Modes: []string{"public"},
		Quote: "publish a copy of the statement on the entity's website (if any)",
		Needs: "a copy of the statement published on the organisation's website", Test: modeGiven()},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WL(2)(c)(ii)", Text: "au-26wl", Modes: []string{"public"}, Kind: byHand,
		Quote: "take reasonable steps to publicise the contents of the statement",
		Needs: "reasonable steps to publicise the statement beyond this page (media, social media, the main website)"},
}

// modeGiven is met where notice.mode is written: publishing this page is
// what the rule asks.
func modeGiven() test {
	return func(n *noticeText) result { return result{ok: true, at: n.inc.PosOf("notice.mode")} }
}

// gdprAuthorities are words in the name of an EU supervisory authority,
// for the 72-hour deadline: check takes the first notified: entry whose
// body has one of them.
var gdprAuthorities = []string{"data protection", "supervisory", "commissioner", "commission", "authority", "CNIL", "Datenschutz", "Garante", "AEPD", "Autoriteit", "Datatilsynet", "DPC"}

// gdprRules are the GDPR's rules, for the EU ("GDPR") and for the UK GDPR,
// which keeps the same articles and whose regulator is the ICO. Art. 34(2)
// requires the communication to the data subject to describe in clear and
// plain language the nature of the breach and to contain at least the
// information and measures in Art. 33(3)(b), (c) and (d). Art. 34(3)(c)
// allows a public communication instead only where telling each person
// would involve disproportionate effort.
func gdprRules(set, name, text string, authorities []string) []noticeRule {
	return []noticeRule{
		{Set: set, Law: name + " Art. 34(2)", Text: text,
			Quote: "describe in clear and plain language the nature of the personal data breach",
			Needs: "the nature of the personal data breach, in clear and plain language", Fix: fixHappened, Test: happened},
		{Set: set, Law: name + " Art. 34(2) with Art. 33(3)(b)", Text: text,
			Quote: "the name and contact details of the data protection officer or other contact point where more information can be obtained",
			Needs: "the name and contact details of the data protection officer or other contact point",
			Fix:   `set params.contact.privacy_officer in config.toml (with a phone or email), or add a section "## For more information" that says whom to contact and how`,
			Test:  anyOf(allOf(contact("privacy_officer"), anyContact()), says([]string{"data protection officer", "privacy officer"}, []string{"email", "phone", "call", "write to", "contact"}), allOf(moreInfo, anyContact()))},
		{Set: set, Law: name + " Art. 34(2) with Art. 33(3)(c)", Text: text,
			Quote: "describe the likely consequences of the personal data breach",
			Needs: "the likely consequences of the breach", Fix: fixConsequences, Test: consequences},
		{Set: set, Law: name + " Art. 34(2) with Art. 33(3)(d)", Text: text,
			Quote: "describe the measures taken or proposed to be taken by the controller to address the personal data breach, including, where appropriate, measures to mitigate its possible adverse effects",
			Needs: "the measures taken or proposed to address the breach and to mitigate its possible adverse effects", Fix: fixDoing, Test: doing},
		{Set: set, Law: name + " Art. 34(1) and 34(3)(c)", Text: "gdpr-34",
			Quote: "it would involve disproportionate effort. In such a case, there shall instead be a public communication or similar measure whereby the data subjects are informed in an equally effective manner",
			Needs: "a communication to each data subject: a web page alone is one only when telling each person would involve disproportionate effort",
			Fix:   "say how this page serves the law: add mode: direct under notice if people are also told one by one, or mode: public if this page is the public communication of Art. 34(3)(c)",
			Test:  modeSet()},
		{Set: set, Law: name + " Art. 34(3)(c)", Text: "gdpr-34", Modes: []string{"public", "substitute"}, Kind: byHand,
			Quote: "a public communication or similar measure whereby the data subjects are informed in an equally effective manner",
			Needs: "a record that telling each person would involve disproportionate effort, and a public communication as effective as telling them (this page alone seldom is)"},
		{Set: set, Law: name + " Art. 33(1)", Text: text,
			Quote: "without undue delay and, where feasible, not later than 72 hours after having become aware of it",
			Needs: "the supervisory authority told within 72 hours of becoming aware of the breach",
			Fix:   "check notified: and discovered:", Test: toldWithin(authorities, 72)},
	}
}

// modeSet is met when notice.mode says how the page serves the law.
func modeSet() test {
	return func(n *noticeText) result {
		if noticeMode(n.inc) == "" {
			return result{}
		}
		return result{ok: true, at: n.inc.PosOf("notice.mode")}
	}
}

// New Zealand: s 117 lists what a notification must contain, first to the
// Commissioner (s 117(1)) and then to an affected individual (s 117(2)).
// Public notice under s 115(2) must, under the Privacy Regulations 2020, be
// on a website and in at least one other medium. The Act sets no number of
// days ("as soon as practicable"), so no deadline is checked.
var nzRules = []noticeRule{
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(2)(a)", Text: "nz-117",
		Quote: "describe the notifiable privacy breach",
		Needs: "a description of the breach", Fix: fixHappened, Test: happened},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(2)(a)", Text: "nz-117",
		Quote: "state whether the agency has or has not identified any person or body that the agency suspects may be in possession of the affected individual's personal information",
		Needs: "whether the agency knows who holds the information",
		Fix:   `say whether we know who has the information, in a sentence with "who" and "know" (such as "We do not know who has the information"), without naming them`,
		Test:  says([]string{"who"}, []string{"know", "identified"})},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(2)(b)", Text: "nz-117",
		Quote: "explain the steps taken or intended to be taken by the agency in response to the privacy breach",
		Needs: "the steps taken or intended to be taken in response to the breach", Fix: fixDoing, Test: doing},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(2)(c)", Text: "nz-117",
		Quote: "where practicable, set out the steps the affected individual may wish to take to mitigate or avoid potential loss or harm (if any)",
		Needs: "where practicable, the steps the individual may wish to take to mitigate or avoid harm", Fix: fixCanDo, Test: canDo},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(2)(d)", Text: "nz-117",
		Quote: "confirm that the Commissioner has been notified under section 114",
		Needs: "confirmation that the Privacy Commissioner has been notified",
		Fix:   `list the Privacy Commissioner under notified: in the front matter, or say "We have told the Privacy Commissioner"`,
		Test:  anyOf(notifiedBody("Privacy Commissioner"), says([]string{"Privacy Commissioner"}, []string{"told", "notified", "informed", "reported"}))},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(2)(e)", Text: "nz-117",
		Quote: "state that the individual has the right to make a complaint to the Commissioner",
		Needs: "a statement that the individual has the right to make a complaint to the Privacy Commissioner",
		Fix:   `say "You have the right to complain to the Privacy Commissioner" and how (privacy.org.nz)`,
		Test:  says([]string{"complain", "complaint"}, []string{"Privacy Commissioner"})},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(2)(f)", Text: "nz-117",
		Quote: "give details of a contact person within the agency for inquiries",
		Needs: "details of a contact person within the agency for inquiries",
		Fix:   "set params.contact.privacy_officer, and params.contact.phone or email, in config.toml",
		Test:  allOf(contact("privacy_officer"), anyOf(contact("phone"), contact("email")))},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 115(2) and Privacy Regulations 2020", Text: "nz-115", Modes: []string{"public", "substitute"}, Kind: byHand,
		Quote: "on an internet website ... and in at least one other medium",
		Needs: "the public notice given in at least one other medium as well as this website, the one most likely to reach the people affected"},
}

// Singapore: s 26D(2) requires notice to each affected individual on or
// after notifying the Commission; s 26D(3) requires the prescribed
// contents, which reg 6 of the 2021 Regulations lists. The Commission's
// 3-day deadline (s 26D(1)) runs from the organisation's assessment, which
// the site does not record, so it is checked by hand.
var sgRules = []noticeRule{
	{Set: "sg", Law: "PDPA 2012 (Singapore) s 26D(2)", Text: "sg-26d",
		Quote: "on or after notifying the Commission under subsection (1), the organisation must also notify each affected individual",
		Needs: "the Commission told on or before the day people are",
		Fix:   "list the Personal Data Protection Commission under notified: with the date it was told",
		Test:  toldFirst([]string{"Personal Data Protection Commission", "PDPC"}, "the Commission is told first")},
	{Set: "sg", Law: "PDPA 2012 (Singapore) s 26D(1)", Text: "sg-26d", Kind: byHand,
		Quote: "no later than 3 calendar days after the day the organisation makes that assessment",
		Needs: "the Commission told within 3 calendar days of the assessment that the breach is notifiable (the site does not record the assessment's date)"},
	{Set: "sg", Law: "PDP (Notification of Data Breaches) Regulations 2021 reg 6(a)", Text: "sg-regs",
		Quote: "the facts and circumstances of the notifiable data breach",
		Needs: "the facts and circumstances of the breach", Fix: fixHappened, Test: happened},
	{Set: "sg", Law: "PDP (Notification of Data Breaches) Regulations 2021 reg 6(b)", Text: "sg-regs",
		Quote: "the personal data or classes of personal data relating to the affected individual",
		Needs: "the personal data involved", Fix: fixInvolved, Test: whatInvolved},
	{Set: "sg", Law: "PDP (Notification of Data Breaches) Regulations 2021 reg 6(c)", Text: "sg-regs",
		Quote: "the potential harm to the affected individual",
		Needs: "the potential harm to the individual", Fix: fixConsequences, Test: consequences},
	{Set: "sg", Law: "PDP (Notification of Data Breaches) Regulations 2021 reg 6(d)", Text: "sg-regs",
		Quote: "information on any action by the organisation ... to eliminate or mitigate any potential harm",
		Needs: "what the organisation has done to eliminate or mitigate the harm", Fix: fixDoing, Test: doing},
	{Set: "sg", Law: "PDP (Notification of Data Breaches) Regulations 2021 reg 6(e)", Text: "sg-regs",
		Quote: "the steps that the affected individual may take to eliminate or mitigate any potential harm",
		Needs: "the steps the individual may take", Fix: fixCanDo, Test: canDo},
	{Set: "sg", Law: "PDP (Notification of Data Breaches) Regulations 2021 reg 6(f)", Text: "sg-regs",
		Quote: "the contact details of at least one authorised representative of the organisation",
		Needs: "the contact details of at least one authorised representative",
		Fix:   "set params.contact.privacy_officer (the data protection officer), and a phone or email, in config.toml",
		Test:  allOf(contact("privacy_officer"), anyContact())},
}
