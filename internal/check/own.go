package check

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/disclose-dev/disclose/internal/content"
)

// ownSite is every address the site gives on purpose: the hosts and email
// addresses of its config (baseURL, params.contact, params.security,
// params.support) and of its incidents (official_advice, notified and the
// successor's details). Any other address in a statement is someone
// else's, and one that looks like these is what a scam copies.
type ownSite struct {
	hosts  []ownHost       // sorted: the organisation's first, then by name
	emails map[string]bool // lower case
	// names are the organisation's names as they could be written inside
	// a domain: "southernscript", "southernscriptexchange".
	names []ownName
}

// ownName is one of the organisation's names as written inside a domain,
// and its skeleton, as compared.
type ownName struct{ name, skel string }

// ownHost is one of the site's hosts and how to name it to a writer.
type ownHost struct {
	host  string // lower case, without "www."
	shown string // what a message names: "incident@southernscript.example"
	org   bool   // the organisation's own (baseURL, contacts), not a third party's
}

// ownOf collects a site's own addresses.
func ownOf(site *content.Site, cfg *content.Config) *ownSite {
	o := &ownSite{emails: map[string]bool{}}
	seen := map[string]bool{}
	addHost := func(h, shown string, org bool) {
		h = normHost(h)
		if h == "" || seen[h] {
			return
		}
		seen[h] = true
		o.hosts = append(o.hosts, ownHost{host: h, shown: shown, org: org})
	}
	addEmail := func(e string, org bool) {
		e = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(e), "mailto:")))
		at := strings.LastIndexByte(e, '@')
		if at <= 0 {
			return
		}
		o.emails[e] = true
		addHost(e[at+1:], e, org)
	}
	addURL := func(u string, org bool) {
		if h := urlHost(u); h != "" {
			addHost(h, strings.TrimSpace(u), org)
		}
	}
	ct := cfg.Contact
	addEmail(ct.Email, true)
	addEmail(ct.Media, true)
	for _, s := range cfg.Security.Contact {
		if strings.HasPrefix(strings.ToLower(s), "mailto:") {
			addEmail(s, true)
		} else {
			addURL(s, true)
		}
	}
	addURL(cfg.BaseURL, true)
	for _, s := range cfg.Support {
		addURL(s.URL, false)
	}
	// A successor (an administrator) answers for the organisation: its
	// addresses, written in the incident, are the site's own too.
	var texts []string
	if site != nil {
		for _, inc := range site.Incidents {
			for _, n := range inc.Notified {
				addURL(n.URL, false)
			}
			for _, l := range inc.OfficialAdvice {
				addURL(l.URL, false)
			}
			texts = append(texts, inc.Successor)
		}
	}
	for _, t := range texts {
		for _, f := range findAddresses(t) {
			switch f.kind {
			case addrEmail:
				addEmail(f.text, false)
			default:
				addHost(f.host, f.text, false)
			}
		}
	}
	sort.SliceStable(o.hosts, func(i, j int) bool {
		if o.hosts[i].org != o.hosts[j].org {
			return o.hosts[i].org
		}
		return o.hosts[i].host < o.hosts[j].host
	})
	// The organisation's names, and the names in its own domains.
	for _, n := range []string{cfg.KnownAs, withoutLegalWords(cfg.Organisation)} {
		o.addName(flat(n))
	}
	for _, h := range o.hosts {
		if h.org {
			o.addName(domainLabel(h.host))
		}
	}
	return o
}

func (o *ownSite) addName(n string) {
	// Shorter names ("ssx") turn up inside unrelated words.
	if len([]rune(n)) < 5 || genericLabels[n] {
		return
	}
	for _, m := range o.names {
		if m.name == n {
			return
		}
	}
	o.names = append(o.names, ownName{n, skeleton(n)})
}

// genericLabels are first parts of hosts that say nothing of whose they
// are, so they are no organisation's name.
var genericLabels = map[string]bool{"updates": true, "update": true, "incident": true, "support": true,
	"security": true, "online": true, "status": true, "service": true, "services": true, "contact": true}

// legalWords end an organisation's legal name without being its name.
var legalWords = map[string]bool{"pty": true, "ltd": true, "limited": true, "inc": true, "incorporated": true,
	"llc": true, "plc": true, "gmbh": true, "corp": true, "corporation": true, "co": true, "company": true,
	"the": true, "proprietary": true, "ag": true, "sa": true, "nv": true, "bv": true, "lp": true, "llp": true}

func withoutLegalWords(s string) string {
	var keep []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !legalWords[strings.ToLower(w)] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, "")
}

// flat is s in lower case with only its letters and digits, as a name is
// written inside a domain.
func flat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// normHost is a host as compared: lower case, without a trailing dot, a
// port or a leading "www.".
func normHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.TrimSuffix(h, ".")
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h, "]") {
		h = h[:i]
	}
	return strings.TrimPrefix(h, "www.")
}

// urlHost is the host of a web address as a browser reads it, with or
// without its scheme: "https://a.example@b.example/x" is b.example's.
func urlHost(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	} else if !strings.HasPrefix(strings.ToLower(u), "www.") {
		return ""
	}
	if i := strings.IndexAny(u, "/?#\\"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		u = u[i+1:]
	}
	return normHost(u)
}

// secondLevel are the public suffixes of two labels that the sites
// disclose serves are most often under.
var secondLevel = map[string]bool{"com.au": true, "net.au": true, "org.au": true, "gov.au": true, "edu.au": true, "asn.au": true, "id.au": true,
	"co.nz": true, "org.nz": true, "govt.nz": true, "net.nz": true, "ac.nz": true, "co.uk": true, "org.uk": true, "gov.uk": true, "ac.uk": true,
	"nhs.uk": true, "com.sg": true, "gov.sg": true, "co.za": true, "co.in": true, "com.br": true, "co.jp": true}

// domainLabel is the label that names a host's owner: "southernscript"
// for updates.southernscript.example, "lifeline" for www.lifeline.org.au.
func domainLabel(h string) string {
	labels := strings.Split(h, ".")
	n := len(labels)
	switch {
	case n >= 3 && secondLevel[labels[n-2]+"."+labels[n-1]]:
		return labels[n-3]
	case n >= 2:
		return labels[n-2]
	}
	return h
}

// isOwnHost reports whether h (normalised) is one of the site's hosts or
// under one.
func (o *ownSite) isOwnHost(h string) bool {
	for _, x := range o.hosts {
		if h == x.host || strings.HasSuffix(h, "."+x.host) {
			return true
		}
	}
	return false
}

// resemblance is why an address looks like one of the site's own.
type resemblance struct {
	own ownHost
	why string
}

// resembles says which of the site's hosts h (not one of them) looks
// like, and why; ok is false when it looks like none.
func (o *ownSite) resembles(h string) (resemblance, bool) {
	skel := skeleton(h)
	for _, x := range o.hosts {
		xs := skeleton(x.host)
		d := content.EditDistance(skel, xs)
		switch {
		case d == 0 || strings.HasSuffix(skel, "."+xs):
			return resemblance{x, "its letters look like " + x.host + "'s but are not the same"}, true
		case d <= closeEnough(len([]rune(domainLabel(xs)))):
			return resemblance{x, fmt.Sprintf("it is %s from %s", letters(d), x.host)}, true
		}
	}
	body := skeleton(flat(strings.TrimSuffix(h, "."+publicSuffix(h))))
	for _, n := range o.names {
		if strings.Contains(body, n.skel) {
			return resemblance{o.orgHost(), fmt.Sprintf("it has the organisation's name %q in it", n.name)}, true
		}
	}
	return resemblance{}, false
}

// orgHost is the organisation's main host: its contact email's, else the
// first of its own.
func (o *ownSite) orgHost() ownHost {
	for _, x := range o.hosts {
		if x.org {
			return x
		}
	}
	if len(o.hosts) > 0 {
		return o.hosts[0]
	}
	return ownHost{}
}

// publicSuffix is the part of h after the owner's label: "example" or
// "org.au".
func publicSuffix(h string) string {
	labels := strings.Split(h, ".")
	n := len(labels)
	if n >= 3 && secondLevel[labels[n-2]+"."+labels[n-1]] {
		return labels[n-2] + "." + labels[n-1]
	}
	return labels[n-1]
}

// closeEnough is how many slips of the keyboard make a host another's
// lookalike, when the owner's name in it (domainLabel) has n letters: none
// for a short name (cyber.gov.au and cyber.gov.uk are both real), one for
// a longer, two for a long one.
func closeEnough(n int) int {
	switch {
	case n < 6:
		return 0
	case n < 12:
		return 1
	}
	return 2
}

func letters(d int) string {
	if d == 1 {
		return "one letter"
	}
	return fmt.Sprintf("%d letters", d)
}

// skeleton is s as it looks on the page: lower case, with the letters of
// other scripts that look like Latin ones replaced by them, digits that
// pass for letters made letters, and the pairs that pass for one letter
// ("rn" for "m") made one. Two hosts with one skeleton look the same.
func skeleton(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 0xFF01 && r <= 0xFF5E { // fullwidth forms
			r = unicode.ToLower(r - 0xFEE0)
		}
		if l, ok := confusables[r]; ok {
			r = l
		}
		b.WriteRune(r)
	}
	out := b.String()
	for _, p := range [][2]string{{"rn", "m"}, {"vv", "w"}, {"cl", "d"}} {
		out = strings.ReplaceAll(out, p[0], p[1])
	}
	return out
}

// confusables maps letters that pass for Latin letters in a web address
// to those letters: Cyrillic, Greek, dotless and accented forms, and
// digits (Unicode's confusables list, cut to what fits a host name).
var confusables = map[rune]rune{
	'а': 'a', 'е': 'e', 'ё': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'к': 'k', 'м': 'm',
	'н': 'h', 'т': 't', 'в': 'b', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h', 'ɡ': 'g',
	'α': 'a', 'ο': 'o', 'ρ': 'p', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ε': 'e', 'ϲ': 'c',
	'ı': 'i', 'ł': 'l', 'ɩ': 'i', 'ɑ': 'a', 'ɵ': 'o', 'ș': 's', 'ț': 't',
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ý': 'y', 'ÿ': 'y',
	'0': 'o', '1': 'l', '|': 'l',
}
