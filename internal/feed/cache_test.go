package feed

import (
	"reflect"
	"testing"
	"time"
)

// TestCacheKeyCoversEveryField: changing any field of a channel or of one
// of its entries (the facts included) changes the channel's cache key, so
// that no document is taken from the cache for inputs it was not made of.
func TestCacheKeyCoversEveryField(t *testing.T) {
	melb, err := time.LoadLocation("Australia/Melbourne")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	words := []string{"names"}
	ch := func() *Channel {
		when := time.Date(2024, 5, 14, 9, 15, 0, 0, melb)
		e := &Entry{ID: "https://x.example/incidents/a/2024-05-14-0915/", Title: "A — B", Published: when, Updated: when,
			HTML: "<p>Text</p>", Summary: "Text", Categories: []string{"A", "investigating"}, Lang: "",
			Disclose: &Disclose{Status: "investigating", Facts: &FactsDoc{
				Occurred:     []RangeDoc{{From: "2024-05-01", To: "2024-05-02", Note: "n"}},
				Affected:     &AffectedDoc{Words: "about 10 people", Count: 10, AsOf: "2024-05-14", Who: "customers"},
				DataInvolved: &words, NeverKnown: "", Changed: []ChangeDoc{{Fact: "affected", Was: "5"}}}}}
		return &Channel{Dir: "incidents/a/", Title: "T", Description: "D", Home: "https://x.example/incidents/a/",
			Language: "en-AU", Author: "O", AuthorURL: "https://x.example/", Published: when, Updated: when,
			Entries: []*Entry{e}}
	}
	key := func(c *Channel) string { return channelKeys("id", []*Channel{c})[0] }
	base := key(ch())
	if key(ch()) != base {
		t.Fatal("the same channel has two keys")
	}
	// mutate changes the value v in place; every leaf field is visited.
	var visit func(path string, v reflect.Value, fresh func() (*Channel, reflect.Value))
	changed := 0
	visit = func(path string, v reflect.Value, fresh func() (*Channel, reflect.Value)) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				visit(path, v.Elem(), func() (*Channel, reflect.Value) { c, x := fresh(); return c, x.Elem() })
			}
			return
		case reflect.Struct:
			if v.Type() != timeType {
				for i := range v.NumField() {
					i := i
					visit(path+"."+v.Type().Field(i).Name, v.Field(i), func() (*Channel, reflect.Value) { c, x := fresh(); return c, x.Field(i) })
				}
				return
			}
		case reflect.Slice:
			if v.Len() > 0 && v.Type().Elem().Kind() != reflect.String {
				visit(path+"[0]", v.Index(0), func() (*Channel, reflect.Value) { c, x := fresh(); return c, x.Index(0) })
				return
			}
		}
		c, x := fresh()
		switch x.Kind() {
		case reflect.String:
			x.SetString(x.String() + "x")
		case reflect.Bool:
			x.SetBool(!x.Bool())
		case reflect.Int64:
			x.SetInt(x.Int() + 1)
		case reflect.Slice:
			x.Set(reflect.Append(x, reflect.ValueOf("more")))
		case reflect.Struct: // a time
			x.Set(reflect.ValueOf(x.Interface().(time.Time).Add(time.Second)))
		default:
			t.Fatalf("%s: a %s the test cannot change", path, x.Kind())
		}
		if key(c) == base {
			t.Errorf("changing %s leaves the cache key as it was", path)
		}
		changed++
	}
	c0 := ch()
	visit("Channel", reflect.ValueOf(c0).Elem(), func() (*Channel, reflect.Value) { c := ch(); return c, reflect.ValueOf(c).Elem() })
	if changed < 25 {
		t.Errorf("only %d fields were changed", changed)
	}
	// The same instant in another zone is written otherwise (RSS dates).
	c := ch()
	c.Updated = c.Updated.UTC()
	if key(c) == base {
		t.Error("a time in another zone leaves the key as it was")
	}
	// nil and empty lists are encoded differently (null, []).
	c = ch()
	c.Entries[0].Categories = nil
	d := ch()
	d.Entries[0].Categories = []string{}
	if key(c) == key(d) {
		t.Error("nil and empty categories have the same key")
	}
}
