package markdown

import (
	"strings"
	"testing"
)

const page = "https://h.example/updates/incidents/x/2024-05-16-0900/"
const site = "https://h.example/updates/"

func TestRenderAbsoluteURLs(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"root-relative below the site path", "[a](/incidents/x/)", `<a href="https://h.example/updates/incidents/x/">a</a>`},
		{"relative to the page", "[a](../y/)", `<a href="https://h.example/updates/incidents/x/y/">a</a>`},
		{"same directory", "[a](notes.pdf)", `<a href="https://h.example/updates/incidents/x/2024-05-16-0900/notes.pdf">a</a>`},
		{"fragment", "[a](#what-happened)", `<a href="https://h.example/updates/incidents/x/2024-05-16-0900/#what-happened">a</a>`},
		{"query with ampersand", "[a](/search/?q=1&r=2)", `<a href="https://h.example/updates/search/?q=1&amp;r=2">a</a>`},
		{"image", `![Scam SMS](/images/sms.png "An example")`, `<img src="https://h.example/updates/images/sms.png" alt="Scam SMS" title="An example">`},
		{"absolute left alone", "[a](https://www.idcare.org/)", `<a href="https://www.idcare.org/">a</a>`},
		{"mailto left alone", "[a](mailto:media@example.org)", `<a href="mailto:media@example.org">a</a>`},
		{"tel left alone", "[a](tel:1800975707)", `<a href="tel:1800975707">a</a>`},
		{"protocol-relative gets the scheme", "[a](//cdn.example/x)", `<a href="https://cdn.example/x">a</a>`},
		{"autolink", "<https://www.scamwatch.gov.au/>", `<a href="https://www.scamwatch.gov.au/">https://www.scamwatch.gov.au/</a>`},
		{"footnote marker", "Text.[^1]\n\n[^1]: Note.", `<a href="https://h.example/updates/incidents/x/2024-05-16-0900/#fn:1" class="footnote-ref">1</a>`},
		{"footnote back link", "Text.[^1]\n\n[^1]: Note.", `<a href="https://h.example/updates/incidents/x/2024-05-16-0900/#fnref:1" class="footnote-backref"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := feedHTML([]byte(tt.src), page, site)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("Render(%q)\n got %s\nwant it to contain %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestRenderWithoutSiteURLUsesTheHostRoot(t *testing.T) {
	got, err := feedHTML([]byte("[a](/incidents/x/)"), page, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := `href="https://h.example/incidents/x/"`; !strings.Contains(string(got), want) {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestRenderLikeHugo(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		not       []string
	}{
		{"github heading ids", "## What happened\n\n## What happened\n\n## Who's affected? (2024)", []string{
			`<h2 id="what-happened">What happened</h2>`,
			`<h2 id="what-happened-1">What happened</h2>`,
			`<h2 id="whos-affected-2024">Who's affected? (2024)</h2>`,
		}, nil},
		{"no heading attributes", "## Contact us {#contact}", []string{`<h2 id="contact-us-contact">Contact us {#contact}</h2>`}, nil},
		{"no attributes that style or script", "## Hi {style=\"background:url(https://x.example/)\" contenteditable onclick=\"x()\"}\n\nText {.big}\n\n> Quote\n{#q}",
			[]string{`<h2 id="hi-stylebackgroundurlhttpsxexample-contenteditable-onclickx">Hi {style=&quot;background:url(https://x.example/)&quot; contenteditable onclick=&quot;x()&quot;}</h2>`, "<p>Text {.big}</p>"},
			[]string{`style="`, `contenteditable="`, `onclick="`, `class="big"`, `id="q"`}},
		{"non-ascii heading", "## Kia ora, Aotearoa Māori", []string{`<h2 id="kia-ora-aotearoa-māori">`}, nil},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<td>1</td>"}, nil},
		{"strikethrough", "~~wrong~~", []string{"<del>wrong</del>"}, nil},
		{"task list", "- [x] done", []string{`<input checked="" disabled="" type="checkbox"> done`}, nil},
		{"definition list", "Term\n: Meaning", []string{"<dl>", "<dt>Term</dt>", "<dd>Meaning</dd>"}, nil},
		{"no linkify", "Visit www.example.com today", []string{"Visit www.example.com today"}, []string{"<a"}},
		{"no typographer", `"quoted" -- text...`, []string{"&quot;quoted&quot; -- text..."}, []string{"&ldquo;", "&ndash;", "&hellip;"}},
		{"raw html left out", "<script>alert(1)</script>\n\nA <b>bold</b> move", []string{"<!-- raw HTML omitted -->"}, []string{"<script", "<b>"}},
		{"javascript link disarmed", "[x](javascript:alert(1))", []string{"<a href="}, []string{"javascript:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := feedHTML([]byte(tt.src), page, site)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("Render(%q)\n got %s\nwant it to contain %s", tt.src, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(string(got), n) {
					t.Errorf("Render(%q)\n got %s\nwant no %s", tt.src, got, n)
				}
			}
		})
	}
}

func TestRenderRejectsARelativePageURL(t *testing.T) {
	if _, err := feedHTML([]byte("[a](b)"), "/incidents/x/", ""); err == nil {
		t.Fatal("Render with a relative page URL: no error")
	}
}

func TestFirstParagraphOf(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"skips headings", "## What happened\n\nWe found\nsomething.\n\nSecond.", "We found something."},
		{"drops markup", "We *have* [closed](/x/) the `account`.", "We have closed the account."},
		{"decodes entities", "Fish &amp; chips, 5 &lt; 6 &quot;ok&quot;", `Fish & chips, 5 < 6 "ok"`},
		{"keeps angle brackets typed as text", `A \<b> tag`, "A <b> tag"},
		{"leaves out footnote markers", "Done.[^1]\n\n[^1]: Note.", "Done."},
		{"hard break is a space", "One  \nTwo", "One Two"},
		{"none", "## Only a heading", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, err := feedHTML([]byte(tt.src), "https://updates.example-health.org/incidents/x/", "")
			if err != nil {
				t.Fatal(err)
			}
			if got := FirstParagraphOf(html); got != tt.want {
				t.Errorf("FirstParagraphOf(Render(%q)) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestRenderWithoutAttributes(t *testing.T) {
	got, err := feedHTML([]byte("Text.[^1]\n\n[^1]: Note."), page, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(got), "role=") {
		t.Errorf("role attributes left in:\n%s", got)
	}
	if want := `<a href="https://h.example/updates/incidents/x/2024-05-16-0900/#fn:1" class="footnote-ref">1</a>`; !strings.Contains(string(got), want) {
		t.Errorf("got\n%s\nwant it to contain %s", got, want)
	}
}

// feedHTML is src as a feed entry published at page, on the site at site
// ("" for none), carries it: the one render, then the feed's copy of it.
func feedHTML(src []byte, page, site string) ([]byte, error) {
	html, err := RenderPage(src, Parse(src))
	if err != nil {
		return nil, err
	}
	return ForFeed(html, page, site)
}
