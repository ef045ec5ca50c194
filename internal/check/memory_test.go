package check_test

import (
	"time"

	"github.com/disclose-dev/disclose/internal/content"
	"github.com/disclose-dev/disclose/internal/diag"
)

// memorySite is a site built by hand, as the loader would build it, with
// one update whose body is src, starting on line bodyLine of its file.
func memorySite(src []byte, bodyLine int) (*content.Site, *content.Update) {
	mel, _ := time.LoadLocation("Australia/Melbourne")
	cfg := &content.Config{
		File: "config.toml", BaseURL: "https://updates.example.org/", Title: "Updates", Locale: "en-AU",
		TimeZone: "Australia/Melbourne", Location: mel, DefaultLang: "en", Organisation: "Example Pty Ltd",
		Jurisdictions: []string{"au", "gdpr", "us-ca", "hipaa", "nz"}, FeedItems: 50,
		Contact: content.Contact{Phone: "1800 000 000", PhoneHours: "8am to 8pm", Email: "incident@example.org"},
		Pos:     map[string]diag.Pos{"baseURL": {File: "config.toml", Line: 1, Col: 1}},
	}
	inc := &content.Incident{
		Slug: "x", File: "content/incidents/x/_index.md", Title: "Cyber security incident",
		Discovered: time.Date(2024, 5, 6, 10, 0, 0, 0, mel),
		Body:       content.Body{Source: src, Line: bodyLine},
		Pos:        map[string]diag.Pos{"": {File: "content/incidents/x/_index.md", Line: 1, Col: 1}},
	}
	u := &content.Update{
		Incident: inc, File: "content/incidents/x/2024-05-16-first.md", Title: "First",
		Date: time.Date(2024, 5, 16, 9, 0, 0, 0, mel), Status: content.Investigating,
		Body: content.Body{Source: src, Line: bodyLine},
		Pos:  map[string]diag.Pos{"date": {File: "content/incidents/x/2024-05-16-first.md", Line: 3, Col: 1}},
	}
	inc.Updates = []*content.Update{u}
	return &content.Site{Config: cfg, Incidents: []*content.Incident{inc}}, u
}
