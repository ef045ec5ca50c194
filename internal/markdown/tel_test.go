package markdown

import "testing"

func TestTelHref(t *testing.T) {
	tests := []struct{ number, locale, want string }{
		{"1800 975 707", "en-AU", "tel:+611800975707"},
		{"03 5550 0142", "en-AU", "tel:+61355500142"},
		{"+61 3 5550 0142", "en-AU", "tel:+61355500142"},
		{" +44 20 7946 0958 ", "en-AU", "tel:+442079460958"},
		{"13 11 14", "en-AU", "tel:+61131114"},
		{"(555) 010-0142", "en-US", "tel:+15550100142"},
		{"1-800-555-0199", "en-US", "tel:+18005550199"},
		{"020 7946 0958", "en-GB", "tel:+442079460958"},
		{"06 1234 5678", "it-IT", "tel:+390612345678"},
		{"0800 111 222", "en", "tel:0800111222"},      // no region: the digits as written
		{"0800 111 222", "xx-ZZ", "tel:0800111222"},   // a region not known
		{"0800 111 222", "en_NZ", "tel:+64800111222"}, // an underscore is read as a hyphen
	}
	for _, tt := range tests {
		t.Run(tt.number+"/"+tt.locale, func(t *testing.T) {
			if got := TelHref(tt.number, tt.locale); got != tt.want {
				t.Errorf("TelHref(%q, %q) = %q, want %q", tt.number, tt.locale, got, tt.want)
			}
		})
	}
}

func TestLinkNumbers(t *testing.T) {
	hrefs := map[string]string{
		"1800 975 707":    "tel:+611800975707",
		"+61 3 5550 0142": "tel:+61355500142",
		"13 11 14":        "tel:+6113114",
		"1800 975":        "tel:+61800975", // a number that another holds
	}
	tests := []struct{ name, in, want string }{
		{"a number in a paragraph", "<p>Call 1800 975 707 now.</p>\n",
			`<p>Call <a class="tel" dir="ltr" href="tel:+611800975707">1800 975 707</a> now.</p>` + "\n"},
		{"two numbers", "<p>Call 1800 975 707, or +61 3 5550 0142 from abroad.</p>",
			`<p>Call <a class="tel" dir="ltr" href="tel:+611800975707">1800 975 707</a>, or <a class="tel" dir="ltr" href="tel:+61355500142">+61 3 5550 0142</a> from abroad.</p>`},
		{"the longer number wins", "<p>1800 975 707 and 1800 975.</p>",
			`<p><a class="tel" dir="ltr" href="tel:+611800975707">1800 975 707</a> and <a class="tel" dir="ltr" href="tel:+61800975">1800 975</a>.</p>`},
		{"digits touching", "<p>Ref 21800 975 7071 and 13 11 145.</p>", "<p>Ref 21800 975 7071 and 13 11 145.</p>"},
		{"a + before it", "<p>+13 11 14</p>", "<p>+13 11 14</p>"},
		{"inside a link, code or a heading", `<h2 id="call-13-11-14">Call 13 11 14</h2><p><a href="/x">13 11 14</a> <code>13 11 14</code></p><pre><code>13 11 14</code></pre>`,
			`<h2 id="call-13-11-14">Call 13 11 14</h2><p><a href="/x">13 11 14</a> <code>13 11 14</code></p><pre><code>13 11 14</code></pre>`},
		{"escaped text stays as rendered", "<p>&quot;Call&quot; &amp; 13 11 14 &lt;now&gt;</p>",
			`<p>&quot;Call&quot; &amp; <a class="tel" dir="ltr" href="tel:+6113114">13 11 14</a> &lt;now&gt;</p>`},
		{"a number in an attribute is not text", `<p><img src="a.png" alt="13 11 14"></p>`, `<p><img src="a.png" alt="13 11 14"></p>`},
		{"in a list and a table", "<ul><li>13 11 14</li></ul><table><tr><td>13 11 14</td></tr></table>",
			`<ul><li><a class="tel" dir="ltr" href="tel:+6113114">13 11 14</a></li></ul><table><tr><td><a class="tel" dir="ltr" href="tel:+6113114">13 11 14</a></td></tr></table>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LinkNumbers([]byte(tt.in), hrefs)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if text := FirstParagraphOf(got); text != FirstParagraphOf([]byte(tt.in)) {
				t.Errorf("the text changed: %q, was %q", text, FirstParagraphOf([]byte(tt.in)))
			}
		})
	}
}
