package check

// This file is the list of legal texts the notice rules were read against:
// for each, where it was read and when, and whether the words were read as
// enacted or only as another site reports them. Every rule names one of
// these by its key; the law report prints them, so that a lawyer can see
// which rules rest on the text itself and which need checking against it.

// legalText is one text a rule was read against.
type legalText struct {
	Title string // the text, as a lawyer names it
	Where string // the address it was read at
	Read  string // the date it was read, 2006-01-02
	// Verbatim is true when the words were read as enacted (an official
	// site, or a reproduction of the whole provision). When false, the
	// rule's quotation is the wording as Note explains, and it must be
	// checked against the official text before anyone relies on it.
	Verbatim bool
	Note     string
}

// readOn is the day these texts were read.
const readOn = "2026-12-01"

// legalTexts are the texts, by the key the rules use.
var legalTexts = map[string]legalText{
	"au-26wk": {Title: "Privacy Act 1988 (Cth) s 26WK", Where: "https://zoelaw.ai/legislation/privacy-act-1988/sections/26WK", Read: readOn, Verbatim: true,
		Note: "a reproduction of the section as in force; the Federal Register of Legislation (legislation.gov.au) was not read"},
	"au-26wl": {Title: "Privacy Act 1988 (Cth) s 26WL", Where: "http://www.austlii.edu.au/au/legis/cth/consol_act/pa1988108/s26wl.html", Read: readOn, Verbatim: true,
		Note: "AustLII's consolidation, compared with the ATO legal database copy (ato.gov.au, PAC/19880119/26WL)"},
	"gdpr-34": {Title: "Regulation (EU) 2016/679 (GDPR) Art. 34(3)", Where: "https://www.law-reg.org/gdpr-en/regulations/situation-where-the-notification-obligation-shall-not-apply", Read: readOn, Verbatim: true,
		Note: "Art. 34(3) only; EUR-Lex was not read"},
	"gdpr-33": {Title: "Regulation (EU) 2016/679 (GDPR) Art. 33(1), 33(3), 34(1), 34(2)", Where: "", Read: readOn, Verbatim: false,
		Note: "not read in this review: no copy of these paragraphs could be reached; the quotations are the Regulation's wording as remembered, and match the ICO's list (ico.org.uk, above) and the DIFC Data Protection Law Art. 41(4), which copies it (privacy.ind.in/difc/part_7.htm)"},
	"uk-ico": {Title: "UK GDPR Art. 33 and 34, as the ICO describes them", Where: "https://ico.org.uk/for-organisations/advice-and-services/audits/data-protection-audit-framework/toolkits/personal-data-breach-management/reporting-processes", Read: readOn, Verbatim: false,
		Note: "the ICO's guidance was read; the UK GDPR's own text (legislation.gov.uk) was not, and is taken to follow the EU GDPR's Art. 33 and 34, which it retains"},
	"nz-117": {Title: "Privacy Act 2020 (NZ) s 117", Where: "https://plainlanguagelaw.ackama.com/acts/LMS23193/LMS23507.html", Read: readOn, Verbatim: false,
		Note: "a plain-language restatement of s 117, in the Act's order: first what the notice to the Commissioner must contain, then what the notice to an affected individual must contain. The official text (legislation.govt.nz) could not be read; the numbering s 117(2)(a)-(f) for the notice to individuals follows that order and must be confirmed against it"},
	"nz-115": {Title: "Privacy Act 2020 (NZ) s 115(2) and the Privacy Regulations 2020 on public notice", Where: "https://www.russellmcveagh.com/insights/august-2020/new-privacy-regulations-under-the-privacy-act-2020-communicating-privacy-breaches-publicly", Read: readOn, Verbatim: false,
		Note: "a law firm's summary of the Regulations; the regulation's own number and words were not read"},
	"hipaa-404d": {Title: "45 CFR 164.404(d)(2)(i) and (ii)(A)", Where: "https://old.hipaatemplates.com/faq-items/methods-of-notification", Read: readOn, Verbatim: true,
		Note: "as reproduced there and at brickergraydon.com; eCFR was not read"},
	"hipaa-404d-b": {Title: "45 CFR 164.404(d)(2)(ii)(B)", Where: "https://telehealthist.com/course/hipaa/lessons/breach-of-information/topics/individual-notification-requirements/", Read: readOn, Verbatim: false,
		Note: "cut off in both reproductions of (d)(2); the wording is from this summary and the FTC's parallel 16 CFR 318.5(a)(2), read verbatim at ecfr.io/Title-16/Section-318.5"},
	"hipaa-404c": {Title: "45 CFR 164.404(b) and (c)(1)", Where: "https://telehealthist.com/course/hipaa/lessons/breach-of-information/topics/individual-notification-requirements/", Read: readOn, Verbatim: false,
		Note: "a summary; the wording of (c)(1)(A)-(E) is taken from the FTC's parallel 16 CFR 318.6, read as quoted on a page whose address was not shown; eCFR's 164.404 was not read"},
	"ca-1798.82": {Title: "Cal. Civ. Code 1798.82", Where: "https://trellis.law/state-rules/ca/laws/civil-code-civ/division-3-obligations/title-14-lien-2872-3081/chapter-2-mortgage-2920-2967/article-1-mortgages-in-general-2920-294410/292417/title-181-customer-records-179880-179884/179882", Read: readOn, Verbatim: false,
		Note: "(a) to (c) read verbatim there; (d) read as summarised by Snell & Wilmer (swlaw.com/data-breach-map/view/state/ca); (j), on substitute notice, not read; leginfo.legislature.ca.gov was not read"},
	"ca-sb446": {Title: "Cal. Civ. Code 1798.82(a)(2) and (f), as amended by SB 446 (2025), in force 1 January 2026", Where: "https://www.dataprotectionreport.com/2025/11/california-tightens-data-breach-notification-timelines-imposes-30-day-notice-requirement/", Read: readOn, Verbatim: false,
		Note: "a law firm's summary, which the Daily Journal (dailyjournal.com, article 388637, citing (a)(2) and (f)) and Moore & Van Allen (mvalaw.com) agree with; the amended text itself was not read"},
	"ny-2024": {Title: "N.Y. Gen. Bus. Law 899-aa(2), as amended in 2024", Where: "https://www.dataprotectionreport.com/2025/11/california-tightens-data-breach-notification-timelines-imposes-30-day-notice-requirement/", Read: readOn, Verbatim: false,
		Note: "the 30 days are from that article's list of states with a fixed period; neither the amendment nor its subdivision number was read"},
	"pipeda-regs": {Title: "Breach of Security Safeguards Regulations, SOR/2018-64, s 3 to 5", Where: "http://www.gazette.gc.ca/rp-pr/p2/2018/2018-04-18/html/sor-dors64-eng.html", Read: readOn, Verbatim: false,
		Note: "the Canada Gazette text was read for the structure (s 3 contents, s 4 direct, s 5 indirect notification) but the list in s 3 was not shown; its items are as law firms summarise them (mondaq.com) and must be checked against laws-lois.justice.gc.ca"},
	"qc-regs": {Title: "Regulation respecting confidentiality incidents, CQLR c. A-2.1, r. 3.1, s 5", Where: "https://legisquebec.gouv.qc.ca/en/version/cr/A-2.1,%20r.%203.1?code=se%3A5&history=20241115", Read: readOn, Verbatim: true,
		Note: "the official LégisQuébec text; s 5 applies to notices under s 3.5 of the Act respecting the protection of personal information in the private sector (P-39.1)"},
	"ny-899aa": {Title: "N.Y. Gen. Bus. Law 899-aa", Where: "https://dos.ny.gov/fact-sheet-business", Read: readOn, Verbatim: false,
		Note: "the Department of State's fact sheet; the statute's subdivision 7 on the notice's contents was not read and is quoted as commonly cited"},
	"tx-521.053": {Title: "Tex. Bus. & Com. Code 521.053", Where: "https://lawserver.com/law/state/texas/tx-codes/texas_business_and_commerce_code_521-053", Read: readOn, Verbatim: false,
		Note: "(a) and (b) read verbatim there; the attorney general's 30-day notice is from Perkins Coie's summary (perkinscoie.com); statutes.capitol.texas.gov was not read"},
	"fl-501.171": {Title: "Fla. Stat. 501.171(4)", Where: "https://www.swlaw.com/data-breach-map/view/state/fl", Read: readOn, Verbatim: false,
		Note: "Snell & Wilmer's summary; leg.state.fl.us was not read"},
	"wa-19.255": {Title: "RCW 19.255.010", Where: "https://atg.wa.gov/washington-s-data-breach-notification-laws", Read: readOn, Verbatim: false,
		Note: "the Attorney General's guidance, and Alston & Bird's summaries of the 2015 and 2019 amendments; app.leg.wa.gov was not read and the subsection numbers are not confirmed"},
	"ma-93h": {Title: "Mass. Gen. Laws c. 93H s 3(b)", Where: "https://www.mass.gov/info-details/reporting-data-breaches-to-affected-residents", Read: readOn, Verbatim: false,
		Note: "the Attorney General's guidance on the notice to residents; that the notice must not include the nature of the breach or the number of residents affected is from the statute as summarised at wordsbywit.com/massachusetts; malegislature.gov was not read"},
	"sg-26d": {Title: "Personal Data Protection Act 2012 (Singapore) s 26D", Where: "https://laws.sg/legislation/act-2012-pdpa/section-26d", Read: readOn, Verbatim: true,
		Note: "s 26D(1) to (5); Singapore Statutes Online was not read"},
	"sg-regs": {Title: "Personal Data Protection (Notification of Data Breaches) Regulations 2021 reg 6", Where: "https://littdb.sfo2.cdn.digitaloceanspaces.com/litt/SG/SSOStatutes/subsidiary_legislation/PDPA2012-S64-2021.html", Read: readOn, Verbatim: false,
		Note: "the archived text was read as far as reg 3; reg 6, on what the notice to individuals contains, was not shown, and its items are as commonly summarised"},
}
