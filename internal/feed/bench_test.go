package feed

import (
	"fmt"
	"testing"

	"github.com/disclose-dev/disclose/internal/content"
)

// BenchmarkWrite writes every feed of a site with 20 incidents of 25
// updates each.
func BenchmarkWrite(b *testing.B) {
	site := handSite()
	site.Incidents = nil
	for i := 0; i < 20; i++ {
		inc := addIncident(site, fmt.Sprintf("incident-%02d", i), fmt.Sprintf("Incident %d", i), "2024-01-01T09:00:00+11:00")
		for k := 0; k < 25; k++ {
			date := fmt.Sprintf("2024-%02d-%02dT%02d:00:00+10:00", 5+k/10, 1+k%10, 9+i%10)
			addUpdate(inc, fmt.Sprintf("u%02d.md", k), fmt.Sprintf("Update %d", k), date, content.Investigating,
				"## What happened\n\nWe found a [problem](/incidents/x/).\n\n- one\n- two\n")
		}
	}
	sortIncidents(site)
	dir := b.TempDir()
	bodies := checked(site)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(site, bodies, dir); err != nil {
			b.Fatal(err)
		}
	}
}
