package content

// kind is what a field's value must be.
type kind int

const (
	kText      kind = iota // any scalar, taken as text
	kTime                  // RFC 3339 with an offset
	kDate                  // a date, or a time with an offset
	kDateRange             // {from: date, to: date}, or a single date
	kRangeList             // a kDateRange, or a list of {from, to, note}
	kBool
	kInt       // a whole number, 0 or more
	kTextList  // a list of text
	kObject    // a map with its own fields
	kList      // a list of maps with their own fields
	kLanguages // [languages.<code>]: a map from language code to fields
	kRefused   // a setting the owner may not make; refuse says why and what to do
)

// field describes one key of a front matter or config map.
type field struct {
	name     string
	kind     kind
	required bool
	example  string  // shown in "missing" messages: `date: 2024-05-16T09:00:00+10:00`
	fields   []field // for kObject, kList, kDateRange, kLanguages
	refuse   string  // for kRefused: the message, naming where the setting lives now
}

var rangeFields = []field{{name: "from", kind: kDate, required: true}, {name: "to", kind: kDate}}

// occurredFields are one intrusion's: when it began, ended, and a note
// such as "found during the investigation in August 2019".
var occurredFields = []field{{name: "from", kind: kDate, required: true}, {name: "to", kind: kDate}, {name: "note", kind: kText}}

// factFields are the incident's facts that an update's facts: block may
// change; the incident's front matter holds them as first told.
var factFields = []field{
	{name: "occurred", kind: kRangeList, fields: occurredFields},
	{name: "affected", kind: kObject, fields: []field{
		{name: "count", kind: kInt},
		{name: "min", kind: kInt},
		{name: "max", kind: kInt},
		{name: "as_of", kind: kDate},
		{name: "estimate", kind: kBool},
		{name: "who", kind: kText},
	}},
	{name: "what_to_do", kind: kTextList},
	{name: "data_involved", kind: kTextList},
	{name: "data_possibly_involved", kind: kTextList},
	{name: "data_not_involved", kind: kTextList},
	{name: "never_known", kind: kText},
}

// fact is the factFields entry called name.
func fact(name string) field {
	for _, f := range factFields {
		if f.name == name {
			return f
		}
	}
	panic("content: no fact " + name)
}

var incidentFields = []field{
	{name: "title", kind: kText, required: true, example: `title: "Cyber security incident"`},
	fact("occurred"),
	{name: "discovered", kind: kTime, required: true, example: "discovered: 2024-04-13T10:00:00+10:00"},
	{name: "data_window", kind: kDateRange, fields: rangeFields},
	fact("affected"),
	{name: "what_to_do", kind: kTextList},
	fact("data_involved"),
	fact("data_possibly_involved"),
	fact("data_not_involved"),
	fact("never_known"),
	{name: "notified", kind: kList, fields: []field{
		{name: "body", kind: kText, required: true},
		{name: "date", kind: kDate},
		{name: "url", kind: kText},
	}},
	{name: "official_advice", kind: kList, fields: []field{
		{name: "title", kind: kText, required: true},
		{name: "url", kind: kText, required: true},
	}},
	{name: "notice", kind: kObject, fields: []field{
		{name: "official", kind: kBool},
		{name: "display_until", kind: kDate},
		{name: "mode", kind: kText},
		{name: "posted", kind: kDate},
	}},
	{name: "successor", kind: kText},
	{name: "facts", kind: kRefused, refuse: "a facts: block is for an update, to change the incident's facts; here write the facts as first told at the top level, like affected: and occurred:"},
	{name: "revisions", kind: kList, fields: changeFields},
}

var changeFields = []field{
	{name: "date", kind: kTime, required: true},
	{name: "note", kind: kText, required: true},
}

var updateFields = append([]field{
	{name: "title", kind: kText, required: true, example: `title: "Data posted online: what we know"`},
	{name: "date", kind: kTime, required: true, example: "date: 2024-05-16T09:00:00+10:00"},
	{name: "status", kind: kText, required: true, example: "status: investigating"},
	{name: "summary", kind: kText},
	{name: "draft", kind: kBool},
	{name: "revisions", kind: kList, fields: changeFields},
	{name: "withdrawn", kind: kObject, fields: changeFields},
	{name: "facts", kind: kObject, fields: factFields},
}, factsOutsideTheBlock()...)

// factsOutsideTheBlock refuses an incident's fact written at the top of an
// update, where it would change nothing: it goes under facts:.
func factsOutsideTheBlock() []field {
	var out []field
	for _, f := range factFields {
		out = append(out, field{name: f.name, kind: kRefused, refuse: "an update changes the incident's facts in its facts: block; indent this under a line facts:"})
	}
	return out
}

// paramsFields are the owner's [params]; CONTENT-MODEL.md is their contract.
var paramsFields = []field{
	{name: "organisation", kind: kText, required: true, example: `organisation = "Example Health Exchange Pty Ltd"`},
	{name: "known_as", kind: kText},
	{name: "jurisdictions", kind: kTextList},
	{name: "feed_items", kind: kInt},
	{name: "readability_grade", kind: kInt},
	{name: "demo", kind: kBool},
	{name: "contact", kind: kObject, fields: []field{
		{name: "phone", kind: kText},
		{name: "phone_hours", kind: kText},
		{name: "international", kind: kText},
		{name: "email", kind: kText},
		{name: "media", kind: kText},
		{name: "postal", kind: kText},
		{name: "privacy_officer", kind: kText},
	}},
	{name: "we_will_never", kind: kList, fields: []field{{name: "text", kind: kText, required: true}}},
	{name: "support", kind: kList, fields: []field{
		{name: "name", kind: kText, required: true},
		{name: "url", kind: kText},
		{name: "phone", kind: kText},
		{name: "about", kind: kText},
	}},
	{name: "security", kind: kObject, fields: []field{
		{name: "contact", kind: kTextList},
		{name: "expires", kind: kTime},
		{name: "policy", kind: kText},
		{name: "language", kind: kText},
	}},
	{name: "revisions", kind: kList, fields: changeFields},
	{name: "disclose", kind: kRefused, refuse: "params.disclose is what the tool tells its own templates (the time zone, the signing key), not a setting; remove this"},
}

// langFields are the keys of one [languages.<code>] table. A language
// differs from the default in its words only: contact details, support
// services and security contacts are the same in every language, and
// only their words may be translated (langParamsFields).
var langFields = []field{
	{name: "languageName", kind: kText},
	{name: "weight", kind: kInt, example: "2"},
	{name: "title", kind: kText},
	{name: "locale", kind: kText},
	{name: "direction", kind: kText},
	{name: "languageCode", kind: kRefused, refuse: `disclose calls this locale; write locale instead, like locale = "mi-NZ"`},
	{name: "languageDirection", kind: kRefused, refuse: `disclose calls this direction; write direction instead, like direction = "rtl"`},
	{name: "label", kind: kRefused, refuse: `disclose calls this languageName; write languageName instead, the language's name in itself, like languageName = "Te reo Māori"`},
	{name: "params", kind: kObject, fields: langParamsFields()},
	{name: "markup", kind: kRefused, refuse: "markup settings are the tool's own and the same in every language; remove this"},
	{name: "menus", kind: kRefused, refuse: "the site's navigation is the tool's own; remove this"},
	{name: "menu", kind: kRefused, refuse: "the site's navigation is the tool's own; remove this"},
	{name: "contentDir", kind: kRefused, refuse: "translations sit beside their source, named like 2024-05-16-first.mi.md; remove this"},
	{name: "disabled", kind: kRefused, refuse: "a language is on while its [languages.<code>] table is there; to take a language off the site, remove its table and its translated files"},
	{name: "timeZone", kind: kRefused, refuse: "the site has one time zone, the top-level timeZone; remove this"},
	{name: "baseURL", kind: kRefused, refuse: "the site has one address, the top-level baseURL; remove this"},
	{name: "copyright", kind: kRefused, refuse: "the site shows no copyright line; remove this"},
}

// hugoOwned are Hugo settings that are the tool's, not the owner's: how
// pages are made, which files a build writes, where pages live. disclose
// sets them itself (internal/hugo), so an owner's config holds only what an
// owner decides, and no Hugo setting reaches the site unread.
var hugoOwned = []struct {
	msg  string
	keys []string
}{
	{"markup settings are the tool's own (raw HTML is never published); remove this", []string{"markup"}},
	{"which files a build writes is the tool's own (disclose writes the feeds itself); remove this", []string{"outputs", "outputFormats", "mediaTypes", "disableKinds", "disableRSS", "disableSitemap", "disable404", "enableRobotsTXT", "sitemap", "rssLimit"}},
	{"addresses are the tool's own (an update's address comes from its incident and its date); remove this", []string{"permalinks", "uglyURLs", "canonifyURLs", "relativeURLs", "removePathAccents", "disablePathToLower", "defaultContentLanguageInSubdir", "disableDefaultLanguageRedirect", "disableAliases"}},
	{"what is published is the tool's own (drafts never are; every update is published at its date); remove this", []string{"buildDrafts", "buildFuture", "buildExpired", "disableLanguages", "cascade", "frontmatter", "segments"}},
	{"how pages are listed and shown is the tool's own; remove this", []string{"taxonomies", "related", "pagination", "paginate", "paginatePath", "summaryLength", "pluralizeListTitles", "capitalizeListTitles", "titleCaseStyle", "menus", "menu", "enableEmoji", "enableInlineShortcodes", "hasCJKLanguage", "disableHugoGeneratorInject", "minify", "imaging", "enableGitInfo"}},
	{"the site's templates and folders are the tool's own; remove this", []string{"theme", "themesDir", "module", "contentDir", "layoutDir", "publishDir", "staticDir", "dataDir", "i18nDir", "assetDir", "archetypeDir", "resourceDir", "cacheDir", "workingDir", "ignoreFiles", "cleanDestinationDir", "build", "caches"}},
	{"the site loads nothing from other sites (no analytics, comments or embeds); remove this", []string{"services", "privacy", "googleAnalytics", "disqusShortname"}},
	{"Hugo's security policy is the tool's own (the site's own security contacts go under [params.security]); remove this", []string{"security"}},
	{"the site shows no copyright line or author; remove this", []string{"copyright", "author"}},
	{"the tool runs Hugo itself; remove this", []string{"server", "timeout", "ignoreLogs", "printI18nWarnings", "printPathWarnings", "printUnusedTemplates", "enableMissingTranslationPlaceholders", "refLinksErrorLevel", "refLinksNotFoundURL", "newContentEditor", "environment"}},
	{"a language's own settings go under [languages.<code>], like [languages.en]; move this there", []string{"languageName", "languageDirection", "direction", "label", "weight"}},
}

// langParamsFields are the keys of [languages.<code>.params]: the words
// of [params] in that language, and nothing else. Numbers, addresses,
// names and every setting are the same in every language.
func langParamsFields() []field {
	same := func(key string) field {
		return field{name: key, kind: kRefused, refuse: "the same in every language; set it once under [params], and translate only the words (phone_hours, postal, privacy_officer, we_will_never, each support service's about)"}
	}
	out := []field{
		{name: "contact", kind: kObject, fields: []field{
			{name: "phone_hours", kind: kText},
			{name: "postal", kind: kText},
			{name: "privacy_officer", kind: kText},
			same("phone"), same("international"), same("email"), same("media"),
		}},
		{name: "we_will_never", kind: kList, fields: []field{{name: "text", kind: kText, required: true}}},
		{name: "support", kind: kList, fields: []field{{name: "about", kind: kText}, same("name"), same("url"), same("phone")}},
	}
	for _, f := range paramsFields {
		switch f.name {
		case "contact", "we_will_never", "support":
		default:
			out = append(out, same(f.name))
		}
	}
	return out
}

func refusedFields() []field {
	var out []field
	for _, g := range hugoOwned {
		for _, k := range g.keys {
			out = append(out, field{name: k, kind: kRefused, refuse: g.msg})
		}
	}
	return out
}

// configFields are the keys of config.toml. Hugo's keys are matched without
// regard to case, as Hugo does. Every key is named: those disclose reads,
// and Hugo's own settings, refused with where each lives now.
var configFields = append([]field{
	{name: "baseURL", kind: kText, required: true, example: `baseURL = "https://updates.example-health.org/"`},
	{name: "title", kind: kText, required: true, example: `title = "Example Health: cyber incident updates"`},
	{name: "locale", kind: kText},
	{name: "languageCode", kind: kText},
	{name: "timeZone", kind: kText, required: true, example: `timeZone = "Australia/Melbourne"`},
	{name: "defaultContentLanguage", kind: kText},
	{name: "languages", kind: kLanguages, fields: langFields},
	{name: "params", kind: kObject, fields: paramsFields},
	{name: "deployment", kind: kObject, fields: []field{{name: "url", kind: kText}}},
}, refusedFields()...)

// IncidentFields names the top-level fields of an incident's _index.md,
// in the schema's order: every one of them is part of the incident's
// published statement (internal/build hashes each).
func IncidentFields() []string {
	out := make([]string, len(incidentFields))
	for i, f := range incidentFields {
		out[i] = f.name
	}
	return out
}
