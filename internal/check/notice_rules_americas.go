package check

// The notice rules of Canada and the United States. See notice_rules.go.

// Canada, federal: PIPEDA s 10.1(3) requires notice to the individual,
// with the contents the Breach of Security Safeguards Regulations s 3
// prescribe; s 5 allows indirect notification (a public communication)
// in some circumstances. PIPEDA says "as soon as feasible": no number of
// days, so no deadline is checked.
var caFederalRules = []noticeRule{
	{Set: "ca-federal", Law: "Breach of Security Safeguards Regulations s 3(a)", Text: "pipeda-regs",
		Quote: "a description of the circumstances of the breach",
		Needs: "a description of the circumstances of the breach", Fix: fixHappened, Test: happened},
	{Set: "ca-federal", Law: "Breach of Security Safeguards Regulations s 3(b)", Text: "pipeda-regs",
		Quote: "the day on which, or the period during which, the breach occurred or, if neither is known, the approximate period",
		Needs: "the day or period of the breach, or if neither is known the approximate period",
		Fix:   "add occurred: (a date, or from: and to:, approximate if need be) to the front matter", Test: field("occurred")},
	{Set: "ca-federal", Law: "Breach of Security Safeguards Regulations s 3(c)", Text: "pipeda-regs",
		Quote: "a description of the personal information that is the subject of the breach to the extent that the information is known",
		Needs: "the personal information involved, to the extent it is known", Fix: fixInvolved,
		Test: anyOf(whatInvolved, says([]string{"information"}, unknownWords))},
	{Set: "ca-federal", Law: "Breach of Security Safeguards Regulations s 3(d)", Text: "pipeda-regs",
		Quote: "a description of the steps that the organization has taken to reduce the risk of harm",
		Needs: "the steps the organisation has taken to reduce the risk of harm", Fix: fixDoing, Test: doing},
	{Set: "ca-federal", Law: "Breach of Security Safeguards Regulations s 3(e)", Text: "pipeda-regs",
		Quote: "a description of the steps that affected individuals could take to reduce the risk of harm ... or to mitigate that harm",
		Needs: "the steps individuals could take to reduce or mitigate the harm", Fix: fixCanDo, Test: canDo},
	{Set: "ca-federal", Law: "Breach of Security Safeguards Regulations s 3(f)", Text: "pipeda-regs",
		Quote: "contact information that the affected individual can use to obtain further information about the breach",
		Needs: "contact information for further information about the breach", Fix: fixContact, Test: anyContact()},
	{Set: "ca-federal", Law: "Breach of Security Safeguards Regulations s 5", Text: "pipeda-regs", Modes: []string{"public", "substitute"}, Kind: byHand,
		Quote: "indirect notification",
		Needs: "one of the circumstances s 5(1) allows for indirect notification, and a public communication that could reasonably be expected to reach the people affected"},
}

// Quebec: s 3.5 of the private-sector Act requires notice to the person
// concerned; s 5 of the Regulation respecting confidentiality incidents
// lists its contents. The Act says "promptly": no number of days.
var caQuebecRules = []noticeRule{
	{Set: "ca-qc", Law: "Regulation respecting confidentiality incidents s 5(1)", Text: "qc-regs",
		Quote: "a description of the personal information covered by the incident or, if that information is not known, the reasons why it is impossible to provide such a description",
		Needs: "the personal information involved, or why it cannot yet be described", Fix: fixInvolved,
		Test: anyOf(whatInvolved, says([]string{"information"}, unknownWords))},
	{Set: "ca-qc", Law: "Regulation respecting confidentiality incidents s 5(2)", Text: "qc-regs",
		Quote: "a brief description of the circumstances of the incident",
		Needs: "a brief description of the circumstances of the incident", Fix: fixHappened, Test: happened},
	{Set: "ca-qc", Law: "Regulation respecting confidentiality incidents s 5(3)", Text: "qc-regs",
		Quote: "the date or time period when the incident occurred or, if that is not known, the approximate time period",
		Needs: "the date or period of the incident, or the approximate period",
		Fix:   "add occurred: (a date, or from: and to:, approximate if need be) to the front matter", Test: field("occurred")},
	{Set: "ca-qc", Law: "Regulation respecting confidentiality incidents s 5(4)", Text: "qc-regs",
		Quote: "a brief description of the measures the body has taken or intends to take after the incident occurred in order to reduce the risks of injury",
		Needs: "the measures taken or intended to reduce the risk of injury", Fix: fixDoing, Test: doing},
	{Set: "ca-qc", Law: "Regulation respecting confidentiality incidents s 5(5)", Text: "qc-regs",
		Quote: "the measures that the body suggests the person concerned take in order to reduce the risk of injury or mitigate any such injury",
		Needs: "the measures people are advised to take", Fix: fixCanDo, Test: canDo},
	{Set: "ca-qc", Law: "Regulation respecting confidentiality incidents s 5(6)", Text: "qc-regs",
		Quote: "the contact information where the person concerned may obtain more information about the incident",
		Needs: "contact information for more information about the incident", Fix: fixContact, Test: anyContact()},
}

// idNumbers are the kinds of data_involved that bring in the credit
// reporting agencies' details under California and Washington law.
var idNumbers = []string{"social security", "SSN", "driver", "identification card", "ID card"}

// credit is met by the three national credit reporting agencies, named.
var credit = allOf(says([]string{"Equifax"}), says([]string{"Experian"}), says([]string{"TransUnion"}))

const fixCredit = `name Equifax, Experian and TransUnion, with their toll-free numbers and addresses, in the section "## What you can do"`

// California: Civ. Code 1798.82(d)(1) requires the notice to be titled
// "Notice of Data Breach" and to present its information under five
// headings; (d)(2) lists what it must include, several items only "if
// possible to determine"; (j) allows substitute notice, one part of which
// is posting on the web site for at least 30 days. Since 1 January 2026
// (SB 446) notice is due within 30 calendar days of discovery, and the
// sample copy to the Attorney General within 15 days of notifying people.
var usCARules = []noticeRule{
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)", Text: "ca-1798.82",
		Quote: `titled "Notice of Data Breach"`,
		Needs: `the title "Notice of Data Breach"`,
		Fix:   `put "Notice of Data Breach" in the title, or start the statement with the heading "## Notice of Data Breach"`,
		Test:  titled("Notice of Data Breach")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)", Text: "ca-1798.82", Quote: `"What Happened"`,
		Needs: `the heading "What Happened", with text under it`, Fix: fixHappened, Test: happened},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)", Text: "ca-1798.82", Quote: `"What Information Was Involved"`,
		Needs: `the heading "What Information Was Involved", with text under it`,
		Fix:   `add a section "## What information was involved"`, Test: section("What information was involved")},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)", Text: "ca-1798.82", Quote: `"What We Are Doing"`,
		Needs: `the heading "What We Are Doing", with text under it`, Fix: fixDoing, Test: doing},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)", Text: "ca-1798.82", Quote: `"What You Can Do"`,
		Needs: `the heading "What You Can Do", with text under it`, Fix: fixCanDo, Test: canDo},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(1)", Text: "ca-1798.82", Quote: `"For More Information"`,
		Needs: `the heading "For More Information", with text under it`,
		Fix:   `add a section "## For more information" that says how to reach us`, Test: moreInfo},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(A)", Text: "ca-1798.82",
		Quote: "the name and contact information of the reporting person or business",
		Needs: "the name and contact information of the business", Fix: fixContact, Test: allOf(organisation(), anyContact())},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(B)", Text: "ca-1798.82",
		Quote: "a list of the types of personal information that were or are reasonably believed to have been the subject of a breach",
		Needs: "a list of the types of personal information involved", Fix: fixInvolved, Test: whatInvolved},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(C)", Text: "ca-1798.82",
		Quote: "if the information is possible to determine at the time the notice is provided ... the date of the breach, the estimated date of the breach, or the date range within which the breach occurred",
		Needs: "the date, estimated date or date range of the breach, if it is possible to determine",
		Fix:   `add occurred: (a date, or from: and to:) to the front matter, or say that the date is not yet known`, Test: dateOfBreach(true)},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(C)", Text: "ca-1798.82",
		Quote: "the date of the notice",
		Needs: "the date of the notice", Fix: "add posted: under notice, or publish the first update", Test: dated()},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(D)", Text: "ca-1798.82",
		Quote: "whether notification was delayed as a result of a law enforcement investigation, if that information is possible to determine",
		Needs: "whether notification was delayed by a law enforcement investigation",
		Fix:   `say whether the notice was delayed by the police, in a sentence with "police" or "law enforcement" and "delay" (such as "This notice was not delayed by a police investigation")`,
		Test:  says([]string{"law enforcement", "police"}, []string{"delay"})},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(E)", Text: "ca-1798.82",
		Quote: "a general description of the breach incident, if that information is possible to determine",
		Needs: "a general description of the breach", Fix: fixHappened, Test: happened},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(F)", Text: "ca-1798.82",
		Quote: "the toll-free telephone numbers and addresses of the major credit reporting agencies if the breach exposed a social security number or a driver's license or California identification card number",
		Needs: "the toll-free numbers and addresses of the major credit reporting agencies, because a Social Security, driver's license or California ID card number was involved",
		Fix:   fixCredit, Test: ifInvolved(idNumbers, credit)},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(d)(2)(G)", Text: "ca-1798.82", Kind: byHand,
		Quote: "if the person or business providing the notification was the source of the breach, an offer to provide appropriate identity theft prevention and mitigation services, if any, ... at no cost to the affected person for not less than 12 months",
		Needs: "if we were the source of the breach and Social Security, driver's license or ID card numbers were involved, an offer of free identity theft prevention and mitigation services for at least 12 months",
		Test:  ifInvolved(idNumbers, says([]string{"identity theft", "identity protection", "credit monitoring"}, []string{"free", "no cost", "offer"}))},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(j)(3)(B)", Text: "ca-1798.82", Modes: []string{"substitute"},
		Quote: "conspicuous posting, for a minimum of 30 days, of the notice on the Internet Web site page of the person or business",
		Needs: "a substitute notice posted on the web site for at least 30 days", Test: posting(30)},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(a)(2)", Text: "ca-sb446",
		Quote: "within 30 calendar days of discovery or notification of the data breach",
		Needs: "notice to residents within 30 days of discovery", Fix: "check the dates", Test: noticedWithin(30)},
	{Set: "us-ca", Law: "Cal. Civ. Code 1798.82(f)", Text: "ca-sb446",
		Quote: "within 15 calendar days of notifying affected consumers",
		Needs: "a sample copy to the California Attorney General within 15 days of notifying people, when more than 500 residents are notified",
		Fix:   "check the dates", Test: toldAfter([]string{"California Attorney General", "Attorney General of California", "California Department of Justice"}, 15)},
}

// New York: Gen. Bus. Law 899-aa(7) lists what the notice includes.
var usNYRules = []noticeRule{
	{Set: "us-ny", Law: "N.Y. Gen. Bus. Law 899-aa(7)", Text: "ny-899aa",
		Quote: "contact information for the person or business making such notification",
		Needs: "contact information for the business", Fix: fixContact, Test: allOf(organisation(), anyContact())},
	{Set: "us-ny", Law: "N.Y. Gen. Bus. Law 899-aa(7)", Text: "ny-899aa",
		Quote: "the telephone numbers and websites of the relevant state and federal agencies that provide information regarding security breach response and identity theft prevention and protection information",
		Needs: "the phone numbers and websites of the state and federal agencies that help with identity theft",
		Fix:   `name the Federal Trade Commission (IdentityTheft.gov) and the New York Attorney General or Department of State, with their numbers and websites`,
		Test:  says([]string{"Federal Trade Commission", "FTC", "IdentityTheft.gov", "Attorney General", "Department of State"})},
	{Set: "us-ny", Law: "N.Y. Gen. Bus. Law 899-aa(7)", Text: "ny-899aa",
		Quote: "a description of the categories of information that were, or are reasonably believed to have been, accessed or acquired",
		Needs: "the categories of information accessed or acquired", Fix: fixInvolved, Test: whatInvolved},
	usNYDeadline,
}

// New York: the 2024 amendment's 30 days.
var usNYDeadline = noticeRule{Set: "us-ny", Law: "N.Y. Gen. Bus. Law 899-aa(2)", Text: "ny-2024",
	Quote: "30 days",
	Needs: "notice to residents within 30 days of discovery", Fix: "check the dates", Test: noticedWithin(30)}

// Texas: Bus. & Com. Code 521.053 sets deadlines, not contents.
var usTXRules = []noticeRule{
	{Set: "us-tx", Law: "Tex. Bus. & Com. Code 521.053(b)", Text: "tx-521.053",
		Quote: "not later than the 60th day after the date on which the person determines that the breach occurred",
		Needs: "notice to individuals within 60 days of determining the breach occurred (counted here from discovered)",
		Fix:   "check the dates", Test: noticedWithin(60)},
	{Set: "us-tx", Law: "Tex. Bus. & Com. Code 521.053(i)", Text: "tx-521.053",
		Quote: "not later than the 30th day after the date on which the person determines that the breach occurred",
		Needs: "the Texas Attorney General told within 30 days, when 250 or more Texans are affected",
		Fix:   "check the dates", Test: toldWithin([]string{"Texas Attorney General", "Attorney General of Texas"}, 30*24)},
}

// Florida: Stat. 501.171(4).
var usFLRules = []noticeRule{
	{Set: "us-fl", Law: "Fla. Stat. 501.171(4)(a)", Text: "fl-501.171",
		Quote: "no later than 30 days after the determination of a breach",
		Needs: "notice to individuals within 30 days of determining the breach (counted here from discovered)",
		Fix:   "check the dates", Test: noticedWithin(30)},
	{Set: "us-fl", Law: "Fla. Stat. 501.171(4)(e)1.", Text: "fl-501.171",
		Quote: "the date, estimated date, or estimated date range of the breach of security",
		Needs: "the date, estimated date or estimated date range of the breach",
		Fix:   "add occurred: (a date, or from: and to:, estimated if need be) to the front matter", Test: field("occurred")},
	{Set: "us-fl", Law: "Fla. Stat. 501.171(4)(e)2.", Text: "fl-501.171",
		Quote: "a description of the personal information that was accessed or reasonably believed to have been accessed",
		Needs: "the personal information accessed", Fix: fixInvolved, Test: whatInvolved},
	{Set: "us-fl", Law: "Fla. Stat. 501.171(4)(e)3.", Text: "fl-501.171",
		Quote: "information that the individual can use to contact the covered entity to inquire about the breach of security",
		Needs: "how to contact the organisation about the breach", Fix: fixContact, Test: anyContact()},
}

// Washington: RCW 19.255.010; the notice must be in plain language.
var usWARules = []noticeRule{
	{Set: "us-wa", Law: "RCW 19.255.010(6)(a)", Text: "wa-19.255",
		Quote: "the name and contact information of the reporting person or business",
		Needs: "the name and contact information of the business", Fix: fixContact, Test: allOf(organisation(), anyContact())},
	{Set: "us-wa", Law: "RCW 19.255.010(6)(b)", Text: "wa-19.255",
		Quote: "a list of the types of personal information that were or are reasonably believed to have been the subject of a breach",
		Needs: "a list of the types of personal information involved", Fix: fixInvolved, Test: whatInvolved},
	{Set: "us-wa", Law: "RCW 19.255.010(6)(c)", Text: "wa-19.255",
		Quote: "a time frame of exposure, if known, including the date of the breach and the date of the discovery of the breach",
		Needs: "the time frame of exposure, if known, with the date of the breach and of its discovery",
		Fix:   "add occurred: (a date, or from: and to:) to the front matter, or say that the dates are not yet known", Test: allOf(field("discovered"), dateOfBreach(true))},
	{Set: "us-wa", Law: "RCW 19.255.010(6)(d)", Text: "wa-19.255",
		Quote: "the toll-free telephone numbers and addresses of the major credit reporting agencies",
		Needs: "the toll-free numbers and addresses of the major credit reporting agencies", Fix: fixCredit, Test: credit},
	{Set: "us-wa", Law: "RCW 19.255.010(8)", Text: "wa-19.255",
		Quote: "no more than thirty calendar days after the breach was discovered",
		Needs: "notice to residents within 30 days of discovery", Fix: "check the dates", Test: noticedWithin(30)},
	{Set: "us-wa", Law: "RCW 19.255.010(7)", Text: "wa-19.255",
		Quote: "no more than thirty calendar days after the breach was discovered",
		Needs: "the Washington Attorney General told within 30 days of discovery, when more than 500 residents are affected",
		Fix:   "check the dates", Test: toldWithin([]string{"Washington Attorney General", "Attorney General of Washington", "Washington State Attorney General"}, 30*24)},
}

// Massachusetts: c. 93H s 3(b) says what the notice to residents must
// include, and forbids it to include the nature of the breach or the
// number of residents affected. That is an error when this page is the
// legal notice (notice.official: true): publish the Massachusetts notice
// on its own, or do not mark this page as it.
var usMARules = []noticeRule{
	{Set: "us-ma", Law: "Mass. Gen. Laws c. 93H s 3(b)", Text: "ma-93h",
		Quote: "the consumer's right to obtain a police report",
		Needs: "the right to obtain a police report",
		Fix:   `say "You have the right to obtain a police report"`, Test: says([]string{"police report"}, []string{"right", "obtain", "get", "ask"})},
	{Set: "us-ma", Law: "Mass. Gen. Laws c. 93H s 3(b)", Text: "ma-93h",
		Quote: "how a consumer requests a security freeze and the necessary information to be provided when requesting the security freeze",
		Needs: "how to request a security freeze, and what information the request needs",
		Fix:   `say how to request a security freeze from each credit reporting agency, and what to give them`, Test: says([]string{"security freeze", "credit freeze"}, []string{"request", "ask", "place"})},
	{Set: "us-ma", Law: "Mass. Gen. Laws c. 93H s 3(b)", Text: "ma-93h",
		Quote: "any fees required to be paid to any of the consumer reporting agencies",
		Needs: "a statement that a security freeze is free",
		Fix:   `say "There is no charge for a security freeze"`, Test: says([]string{"freeze"}, []string{"is free", "are free", "for free", "free of charge", "no charge", "no fee", "no cost", "not charge", "costs nothing"})},
	{Set: "us-ma", Law: "Mass. Gen. Laws c. 93H s 3(b)", Text: "ma-93h", Kind: mustNotHave,
		Quote: "shall not include the nature of the breach or unauthorized acquisition or use or the number of residents of the commonwealth affected",
		Needs: "the notice to Massachusetts residents to include the nature of the breach or the number of residents affected",
		Fix:   "this page is the official notice (notice.official: true) and describes the breach; send Massachusetts residents their own notice, and set official: false here",
		Test:  ifOfficial(maForbidden())},
}

// maForbidden finds what c. 93H s 3(b) keeps out of the notice: a
// description of the breach (a "What happened" section with text), or a
// sentence counting Massachusetts residents.
func maForbidden() test {
	return func(n *noticeText) result {
		if r := happened(n); r.ok {
			return result{at: r.at}
		}
		for _, b := range n.blocks {
			for _, s := range b.sentences {
				if wordsIn(s, "massachusetts") && wordsIn(s, "resident") && hasDigit(s) {
					return result{at: b.at}
				}
			}
		}
		return result{ok: true}
	}
}

func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

// United States, health information: 45 CFR 164.404(c)(1) lists what the
// notice to individuals includes "to the extent possible"; (d)(2) says how
// a substitute notice is given; (b) sets the 60-day limit.
var hipaaRules = []noticeRule{
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(A)", Text: "hipaa-404c",
		Quote: "a brief description of what happened",
		Needs: "a brief description of what happened", Fix: fixHappened, Test: happened},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(A)", Text: "hipaa-404c",
		Quote: "including the date of the breach and the date of the discovery of the breach, if known",
		Needs: "the date of the breach and of its discovery, if known",
		Fix:   "add occurred: (the date of the breach) to the front matter, or say that the date is not yet known",
		Test:  allOf(field("discovered"), dateOfBreach(true))},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(B)", Text: "hipaa-404c",
		Quote: "a description of the types of unsecured protected health information that were involved in the breach",
		Needs: "the types of unsecured protected health information involved", Fix: fixInvolved, Test: whatInvolved},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(C)", Text: "hipaa-404c",
		Quote: "any steps individuals should take to protect themselves from potential harm resulting from the breach",
		Needs: "any steps individuals should take to protect themselves", Fix: fixCanDo, Test: canDo},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(D)", Text: "hipaa-404c",
		Quote: "a brief description of what the covered entity involved is doing to investigate the breach, to mitigate harm to individuals, and to protect against any further breaches",
		Needs: "what the entity is doing to investigate, to mitigate harm and to protect against further breaches", Fix: fixDoing, Test: doing},
	{Set: "hipaa", Law: "45 CFR 164.404(c)(1)(E)", Text: "hipaa-404c",
		Quote: "contact procedures ... which shall include a toll-free telephone number, an e-mail address, Web site, or postal address",
		Needs: "contact procedures: a toll-free number, an email address, a web site or a postal address",
		Fix:   "set params.contact.email or params.contact.postal in config.toml", Test: anyOf(tollFree(), contact("email"), contact("postal"))},
	{Set: "hipaa", Law: "45 CFR 164.404(d)(2)(ii)(A)", Text: "hipaa-404d", Modes: []string{"substitute"},
		Quote: "a conspicuous posting for a period of 90 days on the home page of the Web site of the covered entity involved",
		Needs: "a substitute notice posted for 90 days", Test: posting(90)},
	{Set: "hipaa", Law: "45 CFR 164.404(d)(2)(ii)(A)", Text: "hipaa-404d", Modes: []string{"substitute"}, Kind: byHand,
		Quote: "on the home page of the Web site of the covered entity involved",
		Needs: "the posting on the home page of the entity's own web site (a conspicuous link there to this page)"},
	{Set: "hipaa", Law: "45 CFR 164.404(d)(2)(ii)(B)", Text: "hipaa-404d-b", Modes: []string{"substitute"},
		Quote: "include a toll-free phone number that remains active for at least 90 days where an individual can learn whether the individual's unsecured protected health information may be included in the breach",
		Needs: "a toll-free number, active for at least 90 days, where people can learn whether their information was involved",
		Fix:   "set params.contact.phone to a US toll-free number (800, 833, 844, 855, 866, 877 or 888) and keep it answered for 90 days", Test: tollFree()},
	{Set: "hipaa", Law: "45 CFR 164.404(b)", Text: "hipaa-404c",
		Quote: "without unreasonable delay and in no case later than 60 calendar days after discovery of a breach",
		Needs: "notice to individuals within 60 days of discovery", Fix: "check the dates", Test: noticedWithin(60)},
}
