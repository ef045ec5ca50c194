package check

import (
	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

// unknownPhone reports num, which is not one of the site's numbers: an
// error when it is a slip away from one of them (a scam's number, or a
// typo that sends people to a stranger), else a warning.
func (c *checker) unknownPhone(pos diag.Pos, key, num string) {
	if own := c.phoneLike(digits(num)); own != "" {
		c.diags.Add(pos, key, "%s looks like the site's number %s but is not; check every digit: a wrong helpline number sends frightened people to a stranger, or a scammer", num, own)
		return
	}
	c.diags.Warn(pos, key, "%s is not one of the site's numbers (params.contact and params.support in config.toml); check every digit, or add it there", num)
}

// phoneLike is the site's number (as config.toml writes it) that d, as
// digits, is one or two slips of the keyboard from, or "".
func (c *checker) phoneLike(d string) string {
	var own []string
	ct := c.cfg.Contact
	own = append(own, ct.Phone, ct.International)
	for _, s := range c.cfg.Support {
		own = append(own, s.Phone)
	}
	for _, o := range own {
		od := digits(o)
		if len(od) < 6 || len(od) != len(d) {
			continue
		}
		allowed := 1
		if len(od) >= 10 {
			allowed = 2
		}
		if n := content.EditDistance(d, od); n > 0 && n <= allowed {
			return o
		}
	}
	return ""
}

// phoneText checks the phone numbers in a front matter field's text, as
// phones does a body's.
func (c *checker) phoneText(pos diag.Pos, key, text string, known []string) {
	if !mayHoldPhone([]byte(text)) {
		return
	}
	for _, num := range phoneStrings(text) {
		d := digits(num)
		if len(d) < 6 || reThousands.MatchString(num) {
			continue
		}
		ok := false
		for _, k := range known {
			if samePhone(d, k) {
				ok = true
				break
			}
		}
		if !ok {
			c.unknownPhone(pos, key, num)
		}
	}
}
