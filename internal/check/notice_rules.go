package check

// This file is the notice rules: what each law says a notice to the people
// affected by a breach must contain, and how check decides that an
// incident's page contains it. It is written to be read by a lawyer.
//
// A rule applies when its rule set is listed in config.toml's
// params.jurisdictions. check looks at the incident's statement (the body
// of content/incidents/<folder>/_index.md: its "##" headings and its text),
// the incident's front matter, and the contact details in config.toml.
// Each missing item is a warning that names the law; none stops a build,
// because only a lawyer can say whether a notice is complete.
//
// The tests are deliberately simple, so that writers can predict them:
//
//	section("What happened")   the statement has a heading with these words
//	mentions("complain")       the statement's text contains these words
//	field("occurred")          the incident's front matter gives this field
//	contact("phone")           config.toml gives params.contact.phone
//	organisation()             config.toml gives params.organisation
//	tollFree()                 a contact number is a US toll-free number
//	notifiedBody("Privacy Commissioner")  front matter lists this body as told
//	anyOf(...), allOf(...)     combinations
//	ifInvolved(words, test)    the test applies only when data_involved
//	                           names one of these kinds of information

// ruleSets names each rule set and its law, for config checks and messages.
var ruleSets = map[string]string{
	"au":    "Privacy Act 1988 (Cth), Australia",
	"gdpr":  "General Data Protection Regulation (EU) 2016/679",
	"us-ca": "California Civil Code 1798.82",
	"hipaa": "HIPAA Breach Notification Rule, 45 CFR 164.404",
	"nz":    "Privacy Act 2020, New Zealand",
}

// noticeRules is every rule, in the order of each law's text.
var noticeRules = []noticeRule{
	// Australia: Notifiable Data Breaches scheme. Section 26WK(3) lists what
	// the statement must set out; s 26WL(3) applies it to the notice given
	// to individuals.
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(a)",
		Needs: "the identity and contact details of the organisation",
		Fix:   "set params.organisation and params.contact (phone and email) in config.toml",
		Test:  allOf(organisation(), contact("phone"), contact("email"))},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(b)",
		Needs: "a description of the breach",
		Fix:   `add a section "## What happened"`,
		Test:  section("What happened")},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(c)",
		Needs: "the kinds of information concerned",
		Fix:   `add data_involved: to the front matter, or a section "## What information was involved"`,
		Test:  anyOf(field("data_involved"), section("What information was involved"))},
	{Set: "au", Law: "Privacy Act 1988 (Cth) s 26WK(3)(d)",
		Needs: "recommendations about the steps individuals should take in response",
		Fix:   `add a section "## What you can do"`,
		Test:  section("What you can do")},

	// European Union: Article 34(2) GDPR requires the communication to the
	// data subject to describe the breach in clear and plain language and to
	// contain at least the information in Article 33(3)(b), (c) and (d).
	{Set: "gdpr", Law: "GDPR Art. 34(2)",
		Needs: "the nature of the personal data breach, in clear and plain language",
		Fix:   `add a section "## What happened"`,
		Test:  section("What happened")},
	{Set: "gdpr", Law: "GDPR Art. 34(2) with Art. 33(3)(b)",
		Needs: "the name and contact details of the data protection officer or other contact point",
		Fix:   "set params.contact.privacy_officer (or the data protection officer) and params.contact.email in config.toml",
		Test:  allOf(contact("email"), anyOf(contact("privacy_officer"), mentions("data protection officer")))},
	{Set: "gdpr", Law: "GDPR Art. 34(2) with Art. 33(3)(c)",
		Needs: "the likely consequences of the breach",
		Fix:   `add a section "## What this means for you", or say what the likely consequences or risks are`,
		Test:  anyOf(section("What this means for you"), mentions("consequence"), mentions("risk"))},
	{Set: "gdpr", Law: "GDPR Art. 34(2) with Art. 33(3)(d)",
		Needs: "the measures taken or proposed to address the breach and to mitigate its possible adverse effects",
		Fix:   `add a section "## What we are doing"`,
		Test:  section("What we are doing")},

	// California: Civil Code 1798.82(d)(1) requires the notice to be titled
	// "Notice of Data Breach" and to present its information under these
	// headings; (d)(2) lists what it must include.
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)",
		Needs: `the heading "What Happened"`,
		Fix:   `add a section "## What happened"`,
		Test:  section("What happened")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)",
		Needs: `the heading "What Information Was Involved"`,
		Fix:   `add a section "## What information was involved"`,
		Test:  section("What information was involved")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)",
		Needs: `the heading "What We Are Doing"`,
		Fix:   `add a section "## What we are doing"`,
		Test:  section("What we are doing")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)",
		Needs: `the heading "What You Can Do"`,
		Fix:   `add a section "## What you can do"`,
		Test:  section("What you can do")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)",
		Needs: `the heading "For More Information"`,
		Fix:   `add a section "## For more information"`,
		Test:  section("For more information")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(A)",
		Needs: "the name and contact information of the business",
		Fix:   "set params.organisation and params.contact (phone and email) in config.toml",
		Test:  allOf(organisation(), contact("phone"), contact("email"))},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(C)",
		Needs: "the date, the estimated date, or the date range of the breach",
		Fix:   "add occurred: (a date, or from: and to:) to the front matter",
		Test:  field("occurred")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(G)",
		Needs: "the toll-free numbers and addresses of the major credit reporting agencies, when a Social Security number or a driver's license or California identification card number was involved",
		Fix:   "name Equifax, Experian and TransUnion with their numbers, in the section \"## What you can do\"",
		Test: ifInvolved([]string{"social security", "driver", "identification card"},
			allOf(mentions("Equifax"), mentions("Experian"), mentions("TransUnion")))},

	// United States, health information: 45 CFR 164.404(c)(1) lists what
	// the notice to individuals must include, in plain language.
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(A)",
		Needs: "a brief description of what happened, including the date of the breach and the date of its discovery",
		Fix:   `add a section "## What happened" and occurred: (the date of the breach) to the front matter`,
		Test:  allOf(section("What happened"), field("occurred"), field("discovered"))},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(B)",
		Needs: "the types of unsecured protected health information involved",
		Fix:   `add data_involved: to the front matter, or a section "## What information was involved"`,
		Test:  anyOf(field("data_involved"), section("What information was involved"))},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(C)",
		Needs: "any steps individuals should take to protect themselves from potential harm",
		Fix:   `add a section "## What you can do"`,
		Test:  section("What you can do")},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(D)",
		Needs: "what the entity is doing to investigate the breach, to mitigate harm, and to protect against further breaches",
		Fix:   `add a section "## What we are doing"`,
		Test:  section("What we are doing")},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(E)",
		Needs: "contact procedures, which shall include a toll-free telephone number, an e-mail address, Web site, or postal address",
		Fix:   "set params.contact.phone to a toll-free number (800, 833, 844, 855, 866, 877 or 888) and params.contact.email in config.toml",
		Test:  allOf(tollFree(), anyOf(contact("email"), contact("postal")))},

	// New Zealand: section 117(1) of the Privacy Act 2020 lists what a
	// notice to an affected individual must do.
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(1)(a)",
		Needs: "a description of the breach",
		Fix:   `add a section "## What happened"`,
		Test:  section("What happened")},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(1)(b)",
		Needs: "the steps taken or intended to be taken in response to the breach",
		Fix:   `add a section "## What we are doing"`,
		Test:  section("What we are doing")},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(1)(c)",
		Needs: "the steps the individual may wish to take to mitigate or avoid harm, where practicable",
		Fix:   `add a section "## What you can do"`,
		Test:  section("What you can do")},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(1)(d)",
		Needs: "confirmation that the Privacy Commissioner has been notified",
		Fix:   `list the Privacy Commissioner under notified: in the front matter, or say that the Commissioner has been told`,
		Test:  anyOf(notifiedBody("Privacy Commissioner"), mentions("Privacy Commissioner has been"), mentions("notified the Privacy Commissioner"), mentions("told the Privacy Commissioner"))},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(1)(e)",
		Needs: "a statement that the individual has the right to make a complaint to the Privacy Commissioner",
		Fix:   `say "You have the right to complain to the Privacy Commissioner" and how (privacy.org.nz)`,
		Test:  allOf(mentions("complain"), mentions("Privacy Commissioner"))},
	{Set: "nz", Law: "Privacy Act 2020 (NZ) s 117(1)(f)",
		Needs: "details of a contact person within the agency for inquiries",
		Fix:   "set params.contact.privacy_officer, and params.contact.phone or email, in config.toml",
		Test:  allOf(contact("privacy_officer"), anyOf(contact("phone"), contact("email")))},
}
