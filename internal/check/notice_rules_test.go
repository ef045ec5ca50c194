package check

import (
	"strings"
	"testing"
)

// citations pins each rule's citation to the rule, known by its rule set
// and what it asks for. A rule whose citation changes, or a rule added or
// taken away, fails here until this table says so too: a change a lawyer
// reviewing the checker should see in the diff.
var citations = []struct{ set, needs, law string }{
	{"au", "the identity and contact details of the organisation", "Privacy Act 1988 (Cth) s 26WK(3)(a)"},
	{"au", "a description of the breach", "Privacy Act 1988 (Cth) s 26WK(3)(b)"},
	{"au", "the kinds of information concerned", "Privacy Act 1988 (Cth) s 26WK(3)(c)"},
	{"au", "recommendations about the steps individuals should take in response", "Privacy Act 1988 (Cth) s 26WK(3)(d)"},
	{"au", "the statement's contents sent to each individual (or each individual at risk); this page is not that notice", "Privacy Act 1988 (Cth) s 26WL(2)(a), (b)"},
	{"au", "a copy of the statement published on the organisation's website", "Privacy Act 1988 (Cth) s 26WL(2)(c)(i)"},
	{"au", "reasonable steps to publicise the statement beyond this page (media, social media, the main website)", "Privacy Act 1988 (Cth) s 26WL(2)(c)(ii)"},
	{"gdpr", "the nature of the personal data breach, in clear and plain language", "GDPR Art. 34(2)"},
	{"gdpr", "the name and contact details of the data protection officer or other contact point", "GDPR Art. 34(2) with Art. 33(3)(b)"},
	{"gdpr", "the likely consequences of the breach", "GDPR Art. 34(2) with Art. 33(3)(c)"},
	{"gdpr", "the measures taken or proposed to address the breach and to mitigate its possible adverse effects", "GDPR Art. 34(2) with Art. 33(3)(d)"},
	{"gdpr", "a communication to each data subject: a web page alone is one only when telling each person would involve disproportionate effort", "GDPR Art. 34(1) and 34(3)(c)"},
	{"gdpr", "a record that telling each person would involve disproportionate effort, and a public communication as effective as telling them (this page alone seldom is)", "GDPR Art. 34(3)(c)"},
	{"gdpr", "the supervisory authority told within 72 hours of becoming aware of the breach", "GDPR Art. 33(1)"},
	{"uk", "the nature of the personal data breach, in clear and plain language", "UK GDPR Art. 34(2)"},
	{"uk", "the name and contact details of the data protection officer or other contact point", "UK GDPR Art. 34(2) with Art. 33(3)(b)"},
	{"uk", "the likely consequences of the breach", "UK GDPR Art. 34(2) with Art. 33(3)(c)"},
	{"uk", "the measures taken or proposed to address the breach and to mitigate its possible adverse effects", "UK GDPR Art. 34(2) with Art. 33(3)(d)"},
	{"uk", "a communication to each data subject: a web page alone is one only when telling each person would involve disproportionate effort", "UK GDPR Art. 34(1) and 34(3)(c)"},
	{"uk", "a record that telling each person would involve disproportionate effort, and a public communication as effective as telling them (this page alone seldom is)", "UK GDPR Art. 34(3)(c)"},
	{"uk", "the supervisory authority told within 72 hours of becoming aware of the breach", "UK GDPR Art. 33(1)"},
	{"nz", "a description of the breach", "Privacy Act 2020 (NZ) s 117(2)(a)"},
	{"nz", "whether the agency knows who holds the information", "Privacy Act 2020 (NZ) s 117(2)(a)"},
	{"nz", "the steps taken or intended to be taken in response to the breach", "Privacy Act 2020 (NZ) s 117(2)(b)"},
	{"nz", "where practicable, the steps the individual may wish to take to mitigate or avoid harm", "Privacy Act 2020 (NZ) s 117(2)(c)"},
	{"nz", "confirmation that the Privacy Commissioner has been notified", "Privacy Act 2020 (NZ) s 117(2)(d)"},
	{"nz", "a statement that the individual has the right to make a complaint to the Privacy Commissioner", "Privacy Act 2020 (NZ) s 117(2)(e)"},
	{"nz", "details of a contact person within the agency for inquiries", "Privacy Act 2020 (NZ) s 117(2)(f)"},
	{"nz", "the public notice given in at least one other medium as well as this website, the one most likely to reach the people affected", "Privacy Act 2020 (NZ) s 115(2) and Privacy Regulations 2020"},
	{"sg", "the Commission told on or before the day people are", "PDPA 2012 (Singapore) s 26D(2)"},
	{"sg", "the Commission told within 3 calendar days of the assessment that the breach is notifiable (the site does not record the assessment's date)", "PDPA 2012 (Singapore) s 26D(1)"},
	{"sg", "the facts and circumstances of the breach", "PDP (Notification of Data Breaches) Regulations 2021 reg 6(a)"},
	{"sg", "the personal data involved", "PDP (Notification of Data Breaches) Regulations 2021 reg 6(b)"},
	{"sg", "the potential harm to the individual", "PDP (Notification of Data Breaches) Regulations 2021 reg 6(c)"},
	{"sg", "what the organisation has done to eliminate or mitigate the harm", "PDP (Notification of Data Breaches) Regulations 2021 reg 6(d)"},
	{"sg", "the steps the individual may take", "PDP (Notification of Data Breaches) Regulations 2021 reg 6(e)"},
	{"sg", "the contact details of at least one authorised representative", "PDP (Notification of Data Breaches) Regulations 2021 reg 6(f)"},
	{"ca-federal", "a description of the circumstances of the breach", "Breach of Security Safeguards Regulations s 3(a)"},
	{"ca-federal", "the day or period of the breach, or if neither is known the approximate period", "Breach of Security Safeguards Regulations s 3(b)"},
	{"ca-federal", "the personal information involved, to the extent it is known", "Breach of Security Safeguards Regulations s 3(c)"},
	{"ca-federal", "the steps the organisation has taken to reduce the risk of harm", "Breach of Security Safeguards Regulations s 3(d)"},
	{"ca-federal", "the steps individuals could take to reduce or mitigate the harm", "Breach of Security Safeguards Regulations s 3(e)"},
	{"ca-federal", "contact information for further information about the breach", "Breach of Security Safeguards Regulations s 3(f)"},
	{"ca-federal", "one of the circumstances s 5(1) allows for indirect notification, and a public communication that could reasonably be expected to reach the people affected", "Breach of Security Safeguards Regulations s 5"},
	{"ca-qc", "the personal information involved, or why it cannot yet be described", "Regulation respecting confidentiality incidents s 5(1)"},
	{"ca-qc", "a brief description of the circumstances of the incident", "Regulation respecting confidentiality incidents s 5(2)"},
	{"ca-qc", "the date or period of the incident, or the approximate period", "Regulation respecting confidentiality incidents s 5(3)"},
	{"ca-qc", "the measures taken or intended to reduce the risk of injury", "Regulation respecting confidentiality incidents s 5(4)"},
	{"ca-qc", "the measures people are advised to take", "Regulation respecting confidentiality incidents s 5(5)"},
	{"ca-qc", "contact information for more information about the incident", "Regulation respecting confidentiality incidents s 5(6)"},
	{"us-ca", "the title \"Notice of Data Breach\"", "Cal. Civ. Code 1798.82(d)(1)"},
	{"us-ca", "the heading \"What Happened\", with text under it", "Cal. Civ. Code 1798.82(d)(1)"},
	{"us-ca", "the heading \"What Information Was Involved\", with text under it", "Cal. Civ. Code 1798.82(d)(1)"},
	{"us-ca", "the heading \"What We Are Doing\", with text under it", "Cal. Civ. Code 1798.82(d)(1)"},
	{"us-ca", "the heading \"What You Can Do\", with text under it", "Cal. Civ. Code 1798.82(d)(1)"},
	{"us-ca", "the heading \"For More Information\", with text under it", "Cal. Civ. Code 1798.82(d)(1)"},
	{"us-ca", "the name and contact information of the business", "Cal. Civ. Code 1798.82(d)(2)(A)"},
	{"us-ca", "a list of the types of personal information involved", "Cal. Civ. Code 1798.82(d)(2)(B)"},
	{"us-ca", "the date, estimated date or date range of the breach, if it is possible to determine", "Cal. Civ. Code 1798.82(d)(2)(C)"},
	{"us-ca", "the date of the notice", "Cal. Civ. Code 1798.82(d)(2)(C)"},
	{"us-ca", "whether notification was delayed by a law enforcement investigation", "Cal. Civ. Code 1798.82(d)(2)(D)"},
	{"us-ca", "a general description of the breach", "Cal. Civ. Code 1798.82(d)(2)(E)"},
	{"us-ca", "the toll-free numbers and addresses of the major credit reporting agencies, because a Social Security, driver's license or California ID card number was involved", "Cal. Civ. Code 1798.82(d)(2)(F)"},
	{"us-ca", "if we were the source of the breach and Social Security, driver's license or ID card numbers were involved, an offer of free identity theft prevention and mitigation services for at least 12 months", "Cal. Civ. Code 1798.82(d)(2)(G)"},
	{"us-ca", "a substitute notice posted on the web site for at least 30 days", "Cal. Civ. Code 1798.82(j)(3)(B)"},
	{"us-ca", "notice to residents within 30 days of discovery", "Cal. Civ. Code 1798.82(a)(2)"},
	{"us-ca", "a sample copy to the California Attorney General within 15 days of notifying people, when more than 500 residents are notified", "Cal. Civ. Code 1798.82(f)"},
	{"us-ny", "contact information for the business", "N.Y. Gen. Bus. Law 899-aa(7)"},
	{"us-ny", "the phone numbers and websites of the state and federal agencies that help with identity theft", "N.Y. Gen. Bus. Law 899-aa(7)"},
	{"us-ny", "the categories of information accessed or acquired", "N.Y. Gen. Bus. Law 899-aa(7)"},
	{"us-ny", "notice to residents within 30 days of discovery", "N.Y. Gen. Bus. Law 899-aa(2)"},
	{"us-tx", "notice to individuals within 60 days of determining the breach occurred (counted here from discovered)", "Tex. Bus. & Com. Code 521.053(b)"},
	{"us-tx", "the Texas Attorney General told within 30 days, when 250 or more Texans are affected", "Tex. Bus. & Com. Code 521.053(i)"},
	{"us-fl", "notice to individuals within 30 days of determining the breach (counted here from discovered)", "Fla. Stat. 501.171(4)(a)"},
	{"us-fl", "the date, estimated date or estimated date range of the breach", "Fla. Stat. 501.171(4)(e)1."},
	{"us-fl", "the personal information accessed", "Fla. Stat. 501.171(4)(e)2."},
	{"us-fl", "how to contact the organisation about the breach", "Fla. Stat. 501.171(4)(e)3."},
	{"us-wa", "the name and contact information of the business", "RCW 19.255.010(6)(a)"},
	{"us-wa", "a list of the types of personal information involved", "RCW 19.255.010(6)(b)"},
	{"us-wa", "the time frame of exposure, if known, with the date of the breach and of its discovery", "RCW 19.255.010(6)(c)"},
	{"us-wa", "the toll-free numbers and addresses of the major credit reporting agencies", "RCW 19.255.010(6)(d)"},
	{"us-wa", "notice to residents within 30 days of discovery", "RCW 19.255.010(8)"},
	{"us-wa", "the Washington Attorney General told within 30 days of discovery, when more than 500 residents are affected", "RCW 19.255.010(7)"},
	{"us-ma", "the right to obtain a police report", "Mass. Gen. Laws c. 93H s 3(b)"},
	{"us-ma", "how to request a security freeze, and what information the request needs", "Mass. Gen. Laws c. 93H s 3(b)"},
	{"us-ma", "a statement that a security freeze is free", "Mass. Gen. Laws c. 93H s 3(b)"},
	{"us-ma", "the notice to Massachusetts residents to include the nature of the breach or the number of residents affected", "Mass. Gen. Laws c. 93H s 3(b)"},
	{"hipaa", "a brief description of what happened", "45 CFR 164.404(c)(1)(A)"},
	{"hipaa", "the date of the breach and of its discovery, if known", "45 CFR 164.404(c)(1)(A)"},
	{"hipaa", "the types of unsecured protected health information involved", "45 CFR 164.404(c)(1)(B)"},
	{"hipaa", "any steps individuals should take to protect themselves", "45 CFR 164.404(c)(1)(C)"},
	{"hipaa", "what the entity is doing to investigate, to mitigate harm and to protect against further breaches", "45 CFR 164.404(c)(1)(D)"},
	{"hipaa", "contact procedures: a toll-free number, an email address, a web site or a postal address", "45 CFR 164.404(c)(1)(E)"},
	{"hipaa", "a substitute notice posted for 90 days", "45 CFR 164.404(d)(2)(ii)(A)"},
	{"hipaa", "the posting on the home page of the entity's own web site (a conspicuous link there to this page)", "45 CFR 164.404(d)(2)(ii)(A)"},
	{"hipaa", "a toll-free number, active for at least 90 days, where people can learn whether their information was involved", "45 CFR 164.404(d)(2)(ii)(B)"},
	{"hipaa", "notice to individuals within 60 days of discovery", "45 CFR 164.404(b)"},
}

func TestCitationsArePinned(t *testing.T) {
	if len(citations) != len(noticeRules) {
		t.Errorf("%d rules, %d pinned citations", len(noticeRules), len(citations))
	}
	for i, r := range noticeRules {
		if i >= len(citations) {
			break
		}
		c := citations[i]
		if r.Set != c.set || r.Needs != c.needs || r.Law != c.law {
			t.Errorf("rule %d is %s %q citing %q; pinned: %s %q citing %q", i, r.Set, r.Needs, r.Law, c.set, c.needs, c.law)
		}
	}
}

// TestEveryRuleIsTraceable holds each rule to its words: a citation, a
// quotation, a text that says where and when it was read, and a test
// unless it is one to check by hand.
func TestEveryRuleIsTraceable(t *testing.T) {
	sets := map[string]int{}
	for _, r := range noticeRules {
		sets[r.Set]++
		name := r.Set + " " + r.Law + ": " + r.Needs
		if _, ok := ruleSets[r.Set]; !ok {
			t.Errorf("%s: rule set %q is not in ruleSets", name, r.Set)
		}
		if r.Law == "" || r.Quote == "" || r.Needs == "" {
			t.Errorf("%s: needs a citation, a quotation and a requirement", name)
		}
		text, ok := legalTexts[r.Text]
		if !ok {
			t.Errorf("%s: text %q is not in legalTexts", name, r.Text)
		} else if text.Read == "" || text.Note == "" || text.Verbatim && text.Where == "" {
			t.Errorf("%s: text %q must say where and when it was read", name, r.Text)
		}
		if r.Kind != byHand && r.Test == nil {
			t.Errorf("%s: only a rule checked by hand may have no test", name)
		}
		if r.Kind == mustNotHave && r.Set != "us-ma" {
			t.Errorf("%s: only Massachusetts forbids content; every other notice rule is a warning", name)
		}
	}
	for s := range ruleSets {
		if sets[s] == 0 {
			t.Errorf("rule set %s has no rules", s)
		}
	}
}

// TestTheIssuesCitations pins the corrections issue 19 asked for, by what
// each rule asks rather than by its place in the list.
func TestTheIssuesCitations(t *testing.T) {
	find := func(set, needs string) []noticeRule {
		var out []noticeRule
		for _, r := range noticeRules {
			if r.Set == set && strings.Contains(r.Needs, needs) {
				out = append(out, r)
			}
		}
		if len(out) == 0 {
			t.Fatalf("no %s rule asks for %q", set, needs)
		}
		return out
	}
	one := func(set, needs, law string) {
		t.Helper()
		for _, r := range find(set, needs) {
			if r.Law != law {
				t.Errorf("%s %q cites %s; want %s", set, needs, r.Law, law)
			}
		}
	}
	one("us-ca", "credit reporting agencies", "Cal. Civ. Code 1798.82(d)(2)(F)")
	one("us-ca", "identity theft prevention", "Cal. Civ. Code 1798.82(d)(2)(G)")
	one("hipaa", "toll-free number, active for at least 90 days", "45 CFR 164.404(d)(2)(ii)(B)")
	one("hipaa", "posted for 90 days", "45 CFR 164.404(d)(2)(ii)(A)")
	for _, r := range find("nz", "") {
		if strings.Contains(r.Law, "s 117(1)") {
			t.Errorf("nz %q cites %s, the notice to the Commissioner; the notice to individuals is s 117(2)", r.Needs, r.Law)
		}
	}
	for _, r := range find("hipaa", "") {
		if r.Modes == nil && strings.Contains(r.Fix, "toll-free number (800") {
			t.Errorf("hipaa %q asks for a toll-free number in every notice; 164.404(c)(1)(E) lists it as one contact among others", r.Needs)
		}
	}
	for _, r := range find("hipaa", "posted for 90 days") {
		if len(r.Modes) != 1 || r.Modes[0] != "substitute" || r.Kind != mustHave {
			t.Errorf("the HIPAA 90-day posting is a warning for substitute notices only; got modes %v, kind %d", r.Modes, r.Kind)
		}
	}
	for _, r := range find("us-ca", "date, estimated date") {
		if !strings.Contains(r.Needs, "if it is possible to determine") {
			t.Errorf("California's breach date is asked for only if possible to determine: %q", r.Needs)
		}
	}
	for _, r := range find("hipaa", "date of the breach") {
		if !strings.Contains(r.Needs, "if known") {
			t.Errorf("HIPAA's breach date is asked for only if known: %q", r.Needs)
		}
	}
}
