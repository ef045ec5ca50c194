package content

import "sort"

func sortNewestFirst(us []*Update) {
	sort.SliceStable(us, func(a, b int) bool {
		x, y := us[a], us[b]
		if !x.Date.Equal(y.Date) {
			return x.Date.After(y.Date)
		}
		if x.Incident.Slug != y.Incident.Slug {
			return x.Incident.Slug < y.Incident.Slug
		}
		return x.File < y.File
	})
}

func sortOldestFirst(us []*Update) {
	sort.SliceStable(us, func(a, b int) bool {
		x, y := us[a], us[b]
		if !x.Date.Equal(y.Date) {
			return x.Date.Before(y.Date)
		}
		return x.File < y.File
	})
}
