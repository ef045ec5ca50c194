package check

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
	"github.com/disclose-dev/disclose/internal/facts"
)

// noticeRule is one thing a law says about the notice to the people a
// breach affects, and how check decides whether the page says it.
type noticeRule struct {
	Set   string   // the params.jurisdictions word that turns the rule on
	Law   string   // the provision, cited to the paragraph
	Quote string   // the words of the provision the rule enforces
	Text  string   // the legalTexts key: where and when Quote was read
	Needs string   // what the notice must contain, in plain words
	Fix   string   // what the writer adds to satisfy check
	Modes []string // the notice.mode values the rule applies to; nil for all
	Kind  ruleKind
	Test  test
}

// ruleKind is what check does when a rule is not met.
type ruleKind int

const (
	mustHave    ruleKind = iota // a warning: only a lawyer can say a notice is complete
	mustNotHave                 // an error: the law forbids what the page says
	byHand                      // the site cannot show it; the law report lists it to be checked
)

// result is what a test found.
type result struct {
	ok  bool     // the rule is met
	na  bool     // the rule's condition does not hold ("if a Social Security number was involved")
	at  diag.Pos // where the page meets it, or where it falls short
	fix string   // a fix more precise than the rule's own; with na, why the rule does not apply
}

// test decides whether a notice meets a rule.
type test func(n *noticeText) result

// noticeText is everything a notice rule may look at: the statement (the
// incident's _index.md body) split into sections and sentences, the front
// matter and the config.
type noticeText struct {
	inc      *content.Incident // the incident: its front matter is every language's
	facts    content.Facts     // the incident's facts as of its newest update
	cfg      *content.Config
	zone     *time.Location
	title    string // the statement's title, in its language
	sections []noticeSection
	blocks   []noticeBlock
	start    diag.Pos // the statement's first word
	// lang is the statement's language ("" for the default language),
	// words its headings (noticeHeadings, from i18n/), and english
	// whether it is English, the only language says reads.
	lang    string
	words   map[string]string
	english bool
}

// heading is the heading the statement's language gives the English
// words of a rule (a value of noticeHeadings), as its i18n file has them.
func (n *noticeText) heading(english string) string {
	if w := n.words[noticeHeadings[english]]; strings.TrimSpace(w) != "" {
		return w
	}
	return english
}

// noticeHeadings maps the headings the rules name, in English, to their
// keys in i18n/: a statement in another language meets a rule with its
// own language's words for them.
var noticeHeadings = map[string]string{
	"What happened":                 "notice_what_happened",
	"What information was involved": "notice_what_information",
	"What we are doing":             "notice_what_we_are_doing",
	"What you can do":               "notice_what_you_can_do",
	"For more information":          "notice_more_information",
	"What this means for you":       "notice_what_this_means",
	"Notice of Data Breach":         "notice_title",
}

// noticeSection is a heading and what is written under it.
type noticeSection struct {
	title   string   // as written
	heading string   // normalised
	level   int      // 2 for "##"
	at      diag.Pos // the heading's line
	text    string   // its paragraphs, normalised, prompts left out
}

// noticeBlock is one paragraph (or list item, or heading) of the statement.
type noticeBlock struct {
	at        diag.Pos
	prompt    bool     // still a prompt from `disclose new`
	sentences []string // normalised
}

func (r noticeRule) appliesTo(mode string) bool {
	if r.Modes == nil {
		return true
	}
	for _, m := range r.Modes {
		if m == mode {
			return true
		}
	}
	return false
}

// notice reports, for each rule set the site applies, what the incident's
// statement is missing (warnings) or says that its law forbids (errors).
// doc is the statement's tree, as the markdown rules parsed it (nil when
// the body is empty or past the limits, and so refused or empty).
//
// Each translation of the statement (translated: its tree by language) is
// held to what the statement meets: a rule the statement meets by what it
// says, and the translation does not, is reported at the translation, with
// the headings of its language (i18n/<lang>.toml's notice_ keys). A rule
// the statement does not meet is reported once, at the statement.
func (c *checker) notice(inc *content.Incident, doc ast.Node, translated map[string]ast.Node) {
	c.noticeFields(inc)
	if len(c.cfg.Jurisdictions) == 0 {
		return
	}
	n := c.noticeText(inc, inc, "", doc)
	mode := noticeMode(inc)
	var met []noticeRule // the rules the statement meets
	for _, r := range noticeRules {
		if !c.ruleSet(r.Set) || !r.appliesTo(mode) || r.Kind == byHand {
			continue
		}
		res := r.Test(n)
		if res.ok {
			met = append(met, r)
		}
		if res.ok || res.na {
			continue
		}
		pos, fix := n.start, r.Fix
		if res.at.File != "" {
			pos = res.at
		}
		if res.fix != "" {
			fix = res.fix
		}
		if r.Kind == mustNotHave {
			c.diags.Add(pos, "notice", "%s forbids %s; %s", r.Law, r.Needs, fix)
			continue
		}
		c.diags.Warn(pos, "notice", "%s asks for %s; %s", r.Law, r.Needs, fix)
	}
	for _, lang := range sortedKeys(inc.Translations) {
		t := inc.Translations[lang]
		tn := c.noticeText(inc, t, lang, translated[lang])
		for _, r := range met {
			res := r.Test(tn)
			if res.ok || res.na {
				continue
			}
			pos := tn.start
			if res.at.File == t.File {
				pos = res.at
			}
			fix := res.fix
			if fix == "" {
				fix = "say it as the statement in " + c.cfg.DefaultLang + " does"
			}
			if r.Kind == mustNotHave {
				c.diags.Add(pos, "notice", "%s forbids %s, and this translation says it where %s does not; %s", r.Law, r.Needs, inc.File, fix)
				continue
			}
			c.diags.Warn(pos, "notice", "%s asks for %s: %s has it and this translation does not; %s", r.Law, r.Needs, inc.File, fix)
		}
	}
}

// noticeMode is the incident's notice.mode, or "" when it gives none.
func noticeMode(inc *content.Incident) string {
	if inc.Notice == nil {
		return ""
	}
	return inc.Notice.Mode
}

// noticeModes are the ways a page can serve the notice laws.
var noticeModes = []string{"direct", "substitute", "public"}

// noticeFields checks notice.mode and notice.posted, which every rule set
// reads: a mode check cannot read is refused rather than guessed.
func (c *checker) noticeFields(inc *content.Incident) {
	nt := inc.Notice
	if nt == nil {
		return
	}
	if nt.Mode != "" && !contains(noticeModes, nt.Mode) {
		fix := "write direct (people are also told one by one), substitute (this page stands in for notices that could not be sent) or public (a public notice instead of telling each person)"
		if m := strings.ToLower(strings.TrimSpace(nt.Mode)); contains(noticeModes, m) {
			fix = "write " + m + ", in lower case"
		}
		c.diags.Add(inc.PosOf("notice.mode"), "notice.mode", "%q is not a way of giving notice; %s", nt.Mode, fix)
	}
	if p := nt.Posted; !p.IsZero() {
		switch {
		case p.Time.After(c.now):
			c.diags.Add(inc.PosOf("notice.posted"), "notice.posted", "%s is in the future; write the day the notice was first posted", c.show(p))
		case !inc.Discovered.IsZero() && c.dayBefore(p, inc.Discovered):
			c.diags.Add(inc.PosOf("notice.posted"), "notice.posted", "%s is before the incident was discovered (%s); check the date", c.show(p), inc.Discovered.In(c.zone()).Format(dayLayout))
		case !nt.DisplayUntil.IsZero() && c.day(nt.DisplayUntil) < c.day(p):
			c.diags.Add(inc.PosOf("notice.display_until"), "notice.display_until", "%s is before notice.posted (%s); a notice comes down after it goes up", c.show(nt.DisplayUntil), c.show(p))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// noticeText reads the statement of inc in lang ("" for the default
// language; statement is inc or its translation into lang), whose tree is doc
// (nil for none), into sections, paragraphs and sentences.
func (c *checker) noticeText(inc, statement *content.Incident, lang string, doc ast.Node) *noticeText {
	n := &noticeText{inc: inc, facts: facts.Current(inc).Facts, cfg: c.cfg, zone: c.zone(), title: statement.Title, start: statement.PosOf(""),
		lang: lang, words: c.headingWords(lang), english: c.english(lang)}
	file, src := statement.File, statement.Body.Source
	if i := bytes.IndexFunc(src, func(r rune) bool { return !unicode.IsSpace(r) }); i >= 0 {
		n.start = bodyPos(file, statement.Body, i)
	}
	lines := newLineIndex(statement.Body)
	if doc == nil {
		return n
	}
	var open []int // the sections a paragraph belongs to: a heading and those it is under
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *ast.Heading:
			text := string(plainText(node, src))
			at := lines.pos(file, lineStart(src, blockStart(node)))
			for len(open) > 0 && n.sections[open[len(open)-1]].level >= node.Level {
				open = open[:len(open)-1]
			}
			open = append(open, len(n.sections))
			n.sections = append(n.sections, noticeSection{title: strings.TrimSpace(text), heading: normalise(text), level: node.Level, at: at})
			n.blocks = append(n.blocks, noticeBlock{at: at, sentences: sentences(text)})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			text := plainText(node, src)
			b := noticeBlock{at: lines.pos(file, blockStart(node)), prompt: isPrompt(text), sentences: sentences(string(text))}
			n.blocks = append(n.blocks, b)
			if !b.prompt {
				for _, i := range open {
					n.sections[i].text = strings.TrimSpace(n.sections[i].text + normalise(string(text)))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return n
}

// blockStart is the byte offset of a block's first line.
func blockStart(node ast.Node) int {
	if l := node.Lines(); l.Len() > 0 {
		return l.At(0).Start
	}
	return 0
}

func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:max(0, min(off, len(src)))], '\n') + 1
}

// isPrompt reports a paragraph that is not yet the statement: a prompt
// `disclose new` wrote, or a placeholder a tired writer left ("TBC").
func isPrompt(text []byte) bool {
	text = bytes.TrimSpace(text)
	for _, o := range promptOpenings {
		if bytes.HasPrefix(text, o) {
			return true
		}
	}
	w := strings.TrimSpace(normalise(string(text)))
	return w == "" || contains(placeholders, w) || strings.HasPrefix(w, "lorem ipsum")
}

// placeholders are what a writer types for "this part is still to come".
var placeholders = []string{"tbc", "tbd", "todo", "tba", "xxx", "to come", "to follow", "coming soon", "more to come", "placeholder", "insert text here", "text here"}

// sentences splits text at full stops, question and exclamation marks that
// end a word, and normalises each sentence.
func sentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i, r := range rs {
		if (r == '.' || r == '!' || r == '?') && (i+1 == len(rs) || unicode.IsSpace(rs[i+1])) {
			out = append(out, normalise(string(rs[start:i+1])))
			start = i + 1
		}
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, normalise(s))
	}
	return out
}

// normalise lower-cases s and keeps only letters and digits, one space
// between words and one at each end, so that "What You Can Do:" matches
// "what you can do" and a match can be held to whole words.
func normalise(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(s) // pasted Word quotes
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	return " " + strings.Join(f, " ") + " "
}

// wordsIn reports whether text (normalised) has words starting where a
// word starts: "delay" finds "delayed" and "delays", never "relay".
func wordsIn(text, words string) bool {
	return strings.Contains(text, strings.TrimSuffix(normalise(words), " "))
}

// section is met by a heading with these words (in the statement's
// language: noticeHeadings) that has something under it: not nothing, and
// not a prompt from `disclose new`.
func section(heading string) test {
	return func(n *noticeText) result {
		want := normalise(n.heading(heading))
		var empty *noticeSection
		for i := range n.sections {
			s := &n.sections[i]
			if !strings.Contains(s.heading, want) {
				continue
			}
			if s.text != "" {
				return result{ok: true, at: s.at}
			}
			if empty == nil {
				empty = s
			}
		}
		if empty != nil {
			return result{at: empty.at, fix: fmt.Sprintf("the section %q is empty, or still holds the prompt 'disclose new' wrote; write it", "## "+empty.title)}
		}
		if n.lang != "" {
			return result{fix: fmt.Sprintf("add a section \"## %s\" that says what the statement's \"## %s\" says (its heading in i18n/%s.toml, %s)", n.heading(heading), heading, n.lang, noticeHeadings[heading])}
		}
		return result{}
	}
}

// says is met by one sentence of the statement that has words from every
// group: says([]string{"police", "law enforcement"}, []string{"delay"})
// is met by "Our notice was not delayed by a police investigation."
//
// The words are English: in a statement in another language, the rule is
// not read (na), and a translation is held to its headings only.
func says(groups ...[]string) test {
	return func(n *noticeText) result {
		if !n.english {
			return result{na: true, fix: "the rule's words are read in English only"}
		}
		for _, b := range n.blocks {
			if b.prompt {
				continue
			}
			for _, s := range b.sentences {
				if sentenceHas(s, groups) {
					return result{ok: true, at: b.at}
				}
			}
		}
		return result{}
	}
}

func sentenceHas(s string, groups [][]string) bool {
	for _, g := range groups {
		found := false
		for _, w := range g {
			if wordsIn(s, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// field is met when the incident's front matter gives the field.
func field(name string) test {
	return func(n *noticeText) result {
		i := n.inc
		ok := false
		switch name {
		case "occurred":
			ok = len(n.facts.Occurred) > 0 && !n.facts.Occurred[0].From.IsZero()
		case "discovered":
			ok = !i.Discovered.IsZero()
		case "data_involved":
			// Information that may have been affected is what the laws
			// ask to be described, as well as what was.
			ok = len(n.facts.DataInvolved)+len(n.facts.DataPossiblyInvolved) > 0
		case "notice.posted":
			ok = i.Notice != nil && !i.Notice.Posted.IsZero()
		}
		if !ok {
			return result{}
		}
		return result{ok: true, at: i.PosOf(name)}
	}
}

// contact is met when config.toml gives params.contact.<name>.
func contact(name string) test {
	return func(n *noticeText) result {
		c := n.cfg.Contact
		v := map[string]string{"phone": c.Phone, "email": c.Email, "postal": c.Postal,
			"privacy_officer": c.PrivacyOfficer, "international": c.International}[name]
		if strings.TrimSpace(v) == "" {
			return result{}
		}
		return result{ok: true, at: n.cfg.PosOf("params.contact." + name)}
	}
}

// anyContact is met by a phone number, an email address or a postal address.
func anyContact() test {
	return anyOf(contact("phone"), contact("email"), contact("postal"))
}

func organisation() test {
	return func(n *noticeText) result {
		if strings.TrimSpace(n.cfg.Organisation) == "" {
			return result{}
		}
		return result{ok: true, at: n.cfg.PosOf("params.organisation")}
	}
}

// tollFreeCodes are the US toll-free area codes.
var tollFreeCodes = []string{"800", "833", "844", "855", "866", "877", "888"}

// tollFree is met when params.contact.phone or .international is a US
// toll-free number.
func tollFree() test {
	return func(n *noticeText) result {
		for _, key := range []string{"phone", "international"} {
			p := map[string]string{"phone": n.cfg.Contact.Phone, "international": n.cfg.Contact.International}[key]
			if usTollFree(p) {
				return result{ok: true, at: n.cfg.PosOf("params.contact." + key)}
			}
		}
		return result{}
	}
}

func usTollFree(phone string) bool {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, phone)
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	return len(d) == 10 && contains(tollFreeCodes, d[:3])
}

// notifiedBody is met when notified: lists a body with one of these names.
func notifiedBody(names ...string) test {
	return func(n *noticeText) result {
		if i := notifiedIndex(n.inc, names); i >= 0 {
			return result{ok: true, at: n.inc.PosOf(fmt.Sprintf("notified[%d].body", i))}
		}
		return result{}
	}
}

// notifiedIndex is the first notified: entry naming one of names, or -1.
func notifiedIndex(inc *content.Incident, names []string) int {
	for i, b := range inc.Notified {
		if bodyNamed(b.Body, names) {
			return i
		}
	}
	return -1
}

// bodyNamed reports whether body has one of names in it.
func bodyNamed(body string, names []string) bool {
	for _, name := range names {
		if wordsIn(normalise(body), name) {
			return true
		}
	}
	return false
}

// titled is met when the incident's title or a heading has these words.
func titled(words string) test {
	return func(n *noticeText) result {
		want := normalise(n.heading(words))
		if strings.Contains(normalise(n.title), want) {
			return result{ok: true, at: n.inc.PosOf("title")}
		}
		for _, s := range n.sections {
			if strings.Contains(s.heading, want) {
				return result{ok: true, at: s.at}
			}
		}
		if n.lang != "" {
			return result{fix: fmt.Sprintf("give the translation the title or a heading %q (%s in i18n/%s.toml)", n.heading(words), noticeHeadings[words], n.lang)}
		}
		return result{}
	}
}

// dated is met when the page shows the date of the notice: notice.posted,
// or the date of a published update.
func dated() test {
	return func(n *noticeText) result {
		if r := field("notice.posted")(n); r.ok {
			return r
		}
		if pub := n.inc.Published(); len(pub) > 0 {
			return result{ok: true, at: pub[0].PosOf("date")}
		}
		return result{}
	}
}

// dateOfBreach is met by occurred: in the front matter, or, where the law
// asks for the date only if it is known, a sentence saying it is not.
func dateOfBreach(ifKnown bool) test {
	if !ifKnown {
		return field("occurred")
	}
	return anyOf(field("occurred"), says([]string{"date", "when"}, unknownWords))
}

// unknownWords are how a statement says something is not known yet.
var unknownWords = []string{"not known", "not yet known", "unknown", "do not yet know", "don't yet know", "not sure", "cannot yet say", "can't yet say", "still finding out"}

func anyOf(tests ...test) test {
	return func(n *noticeText) result {
		var first result
		for _, t := range tests {
			r := t(n)
			if r.ok || r.na {
				return r
			}
			if first.fix == "" && r.fix != "" {
				first = r
			}
		}
		return first
	}
}

func allOf(tests ...test) test {
	return func(n *noticeText) result {
		var first result
		for i, t := range tests {
			r := t(n)
			if !r.ok && !r.na {
				return r
			}
			if i == 0 {
				first = r
			}
		}
		first.ok = true
		return first
	}
}

// ifInvolved applies t only when data_involved names one of kinds.
func ifInvolved(kinds []string, t test) test {
	return func(n *noticeText) result {
		for _, d := range append(append([]string(nil), n.facts.DataInvolved...), n.facts.DataPossiblyInvolved...) {
			for _, k := range kinds {
				if wordsIn(normalise(d), k) {
					return t(n)
				}
			}
		}
		return result{na: true, fix: "data_involved names none of: " + strings.Join(kinds, ", ")}
	}
}

// ifOfficial applies t only when the page is the legal notice itself
// (notice.official: true).
func ifOfficial(t test) test {
	return func(n *noticeText) result {
		if n.inc.Notice == nil || !n.inc.Notice.Official {
			return result{na: true, fix: "this page is not the official notice (notice.official is not true)"}
		}
		return t(n)
	}
}

// ruleSetNames lists the rule sets, sorted.
func ruleSetNames() []string {
	names := make([]string, 0, len(ruleSets))
	for n := range ruleSets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
