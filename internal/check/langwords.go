package check

import (
	"fmt"
	"strings"
)

// langWords checks each language's words for [params]
// ([languages.<code>.params]): a list with another number of entries than
// [params]'s is refused (the entries are matched by their order), and so
// is a phone number the site does not give under [params], since a
// translation says the same numbers. Words a language does not give are
// shown in the default language's on its pages, which is said once, as a
// warning at the language's table (not for the postal address and the
// privacy officer, a name and an address, which a language may give).
func (c *checker) langWords() {
	cfg := c.cfg
	known := c.knownPhones(nil)
	for _, l := range cfg.Langs {
		if l.Code == cfg.DefaultLang {
			continue
		}
		p := "languages." + l.Code + ".params."
		w := l.Words
		lists := []struct {
			key        string
			have, want int
			given      bool
		}{
			{"we_will_never", len(w.WeWillNever), len(cfg.WeWillNever), w.WeWillNever != nil},
			{"support", len(w.SupportAbout), len(cfg.Support), w.SupportAbout != nil},
		}
		for _, ls := range lists {
			if ls.given && ls.have != ls.want {
				c.diags.Add(cfg.PosOf(p+ls.key), p+ls.key, "gives %d, and [[params.%s]] has %d; give one for each of them, in the same order", ls.have, ls.key, ls.want)
			}
		}
		texts := map[string]string{p + "contact.phone_hours": w.PhoneHours, p + "contact.postal": w.Postal, p + "contact.privacy_officer": w.PrivacyOfficer}
		for i, t := range w.WeWillNever {
			key := fmt.Sprintf("%swe_will_never[%d].text", p, i)
			texts[key] = t
			if strings.TrimSpace(t) == "" {
				c.diags.Add(cfg.PosOf(key), key, "empty, so the scam warning in %s would show an empty line; write entry %d of [[params.we_will_never]] in %s", l.Code, i+1, l.Code)
			}
		}
		for i, t := range w.SupportAbout {
			key := fmt.Sprintf("%ssupport[%d].about", p, i)
			texts[key] = t
			if i < len(cfg.Support) && cfg.Support[i].About != "" && strings.TrimSpace(t) == "" {
				c.diags.Add(cfg.PosOf(key), key, "empty, so %s's pages would not say what %s does; write %q in %s", l.Code, cfg.Support[i].Name, cfg.Support[i].About, l.Code)
			}
		}
		for _, key := range sortedKeys(texts) {
			for _, m := range phoneStrings(texts[key]) {
				if reThousands.MatchString(m) || isKnown(digits(m), known) {
					continue
				}
				c.diags.Add(cfg.PosOf(key), key, "%s is not one of the site's numbers under [params]; a translation gives the same numbers as the default language's words", m)
			}
		}
		var shown []string
		for _, f := range []struct {
			name        string
			has, misses bool
		}{
			{"contact.phone_hours", cfg.Contact.PhoneHours != "", w.PhoneHours == ""},
			{"we_will_never", len(cfg.WeWillNever) > 0, w.WeWillNever == nil},
			{"support's about", supportAbout(c), w.SupportAbout == nil},
		} {
			if f.has && f.misses {
				shown = append(shown, f.name)
			}
		}
		if len(shown) > 0 {
			c.diags.Warn(cfg.PosOf("languages."+l.Code), "languages."+l.Code, "%s's pages show these words of [params] in %s: %s; give them in %s under [languages.%s.params] (docs/config.md)",
				l.Code, cfg.DefaultLang, strings.Join(shown, ", "), l.Code, l.Code)
		}
	}
}

// supportAbout reports whether a support service says what it does.
func supportAbout(c *checker) bool {
	for _, s := range c.cfg.Support {
		if s.About != "" {
			return true
		}
	}
	return false
}

// isKnown reports whether the number (digits) is one of known.
func isKnown(number string, known []string) bool {
	for _, k := range known {
		if samePhone(number, k) {
			return true
		}
	}
	return false
}
