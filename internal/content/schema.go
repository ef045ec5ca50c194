package content

// kind is what a field's value must be.
type kind int

const (
	kText      kind = iota // any scalar, taken as text
	kTime                  // RFC 3339 with an offset
	kDate                  // a date, or a time with an offset
	kDateRange             // {from: date, to: date}, or a single date
	kBool
	kInt      // a whole number, 0 or more
	kTextList // a list of text
	kObject   // a map with its own fields
	kList     // a list of maps with their own fields
	kAny      // anything: Hugo's own settings that disclose does not read
)

// field describes one key of a front matter or config map.
type field struct {
	name     string
	kind     kind
	required bool
	example  string  // shown in "missing" messages: `date: 2024-05-16T09:00:00+10:00`
	fields   []field // for kObject, kList, kDateRange
}

var rangeFields = []field{{name: "from", kind: kDate, required: true}, {name: "to", kind: kDate}}

var incidentFields = []field{
	{name: "title", kind: kText, required: true, example: `title: "Cyber security incident"`},
	{name: "occurred", kind: kDateRange, fields: rangeFields},
	{name: "discovered", kind: kTime, required: true, example: "discovered: 2024-04-13T10:00:00+10:00"},
	{name: "data_window", kind: kDateRange, fields: rangeFields},
	{name: "affected", kind: kObject, fields: []field{
		{name: "count", kind: kInt},
		{name: "as_of", kind: kDate},
		{name: "estimate", kind: kBool},
		{name: "who", kind: kText},
	}},
	{name: "data_involved", kind: kTextList},
	{name: "data_not_involved", kind: kTextList},
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
}

var changeFields = []field{
	{name: "date", kind: kTime, required: true},
	{name: "note", kind: kText, required: true},
}

var updateFields = []field{
	{name: "title", kind: kText, required: true, example: `title: "Data posted online: what we know"`},
	{name: "date", kind: kTime, required: true, example: "date: 2024-05-16T09:00:00+10:00"},
	{name: "status", kind: kText, required: true, example: "status: investigating"},
	{name: "summary", kind: kText},
	{name: "draft", kind: kBool},
	{name: "revisions", kind: kList, fields: changeFields},
	{name: "withdrawn", kind: kObject, fields: changeFields},
}

// paramsFields are the owner's [params]; CONTENT-MODEL.md is their contract.
var paramsFields = []field{
	{name: "organisation", kind: kText, required: true, example: `organisation = "Example Health Exchange Pty Ltd"`},
	{name: "known_as", kind: kText},
	{name: "jurisdictions", kind: kTextList},
	{name: "feed_items", kind: kInt},
	{name: "readability_grade", kind: kInt},
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
}

// configFields are the keys of config.toml. Hugo's keys are matched without
// regard to case, as Hugo does; keys Hugo knows that disclose does not read
// are allowed as kAny.
var configFields = []field{
	{name: "baseURL", kind: kText, required: true, example: `baseURL = "https://updates.example-health.org/"`},
	{name: "title", kind: kText, required: true, example: `title = "Example Health: cyber incident updates"`},
	{name: "locale", kind: kText},
	{name: "languageCode", kind: kText},
	{name: "timeZone", kind: kText, required: true, example: `timeZone = "Australia/Melbourne"`},
	{name: "defaultContentLanguage", kind: kText},
	{name: "defaultContentLanguageInSubdir", kind: kBool},
	{name: "languages", kind: kAny},
	{name: "copyright", kind: kText},
	{name: "params", kind: kObject, fields: paramsFields},
	{name: "deployment", kind: kObject, fields: []field{{name: "url", kind: kText}}},
}
