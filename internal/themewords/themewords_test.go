package themewords_test

import (
	"testing"
	"time"

	"github.com/disclose-dev/disclose/internal/sitetest"
	"github.com/disclose-dev/disclose/internal/themewords"
)

// TestWordsAsHugoGivesThem: the theme's words in a language, the site's
// own file over them key by key, placeholders filled, and the month
// named as the pages name it (Hugo's locale data).
func TestWordsAsHugoGivesThem(t *testing.T) {
	dir := sitetest.Write(t, "-- i18n/mi.toml --\nread_this_in = \"Pānuihia i te reo:\"\n[fact_on]\nother = \"i te rā\"\n")
	mi := themewords.For(dir, "mi", "mi-NZ")
	day := time.Date(2024, time.July, 16, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{mi.T("read_this_in"), "Pānuihia i te reo:"}, // the site's
		{mi.T("fact_on"), "i te rā"},                 // the site's, as Hugo's plural table
		{mi.T("nav_help"), "Āwhina"},                 // the theme's
		{mi.T("scam_will_never", "Name", "Example"), "Kāore rawa a Example e:"},
		{mi.T("no_such_key"), "no_such_key"},
		{mi.Month(day.Format("2 January 2006"), day), "16 Hūrae 2024"},
		{themewords.For("", "", "en-AU").T("nav_help"), "Help"},
		{themewords.For("", "en", "en-AU").Month("16 July 2024", day), "16 July 2024"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
