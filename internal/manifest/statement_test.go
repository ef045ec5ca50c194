package manifest

import (
	"slices"
	"testing"
	"time"
)

func TestStatementChanged(t *testing.T) {
	old := NewStatement("update u", "f.md", []Hashed{{Name: "title", Value: "Call us"}, {Name: "body", Value: "Call 1800 111 111.\r\n"}, {Name: "date", Value: "2024-05-16T04:00:00Z"}})
	tests := []struct {
		name   string
		values []Hashed
		want   []string
	}{
		{"same, other line endings", []Hashed{{Name: "title", Value: "Call us"}, {Name: "body", Value: "Call 1800 111 111.\n"}, {Name: "date", Value: "2024-05-16T04:00:00Z"}}, nil},
		{"body", []Hashed{{Name: "title", Value: "Call us"}, {Name: "body", Value: "Call 1800 222 222."}, {Name: "date", Value: "2024-05-16T04:00:00Z"}}, []string{"body"}},
		{"two fields", []Hashed{{Name: "title", Value: "Call"}, {Name: "body", Value: "Call 1800 111 111."}, {Name: "date", Value: "2024-05-16T05:00:00Z"}}, []string{"title", "date"}},
		{"a field no longer covered", []Hashed{{Name: "title", Value: "Call us"}, {Name: "body", Value: "Call 1800 111 111."}}, []string{"date"}},
		{"a field newly covered", []Hashed{{Name: "title", Value: "Call us"}, {Name: "body", Value: "Call 1800 111 111."}, {Name: "date", Value: "2024-05-16T04:00:00Z"}, {Name: "status", Value: "resolved"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewStatement("update u", "f.md", tt.values).Changed(old); !slices.Equal(got, tt.want) {
				t.Errorf("Changed = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOlder(t *testing.T) {
	a := NewStatement("update a", "a.md", []Hashed{{Name: "body", Value: "first"}})
	b := NewStatement("update b", "b.md", []Hashed{{Name: "body", Value: "second"}})
	b2 := NewStatement("update b", "b.md", []Hashed{{Name: "body", Value: "second, corrected"}})
	b2.Revisions = []string{HashValue("note")}
	old := &Manifest{Site: "https://x/", Sequence: 4, Statements: []Statement{a, b}}
	cur := &Manifest{Site: "https://x/", Sequence: 5, Statements: []Statement{a, b2}}
	seen := SeenOf(cur, time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC))
	if older, missing := Older(old, seen); !older || missing != 1 {
		t.Errorf("Older(build 4 after 5) = %v, %d; want true, 1 (the corrected b)", older, missing)
	}
	if older, _ := Older(cur, seen); older {
		t.Error("the same build counts as older")
	}
	st := &State{Sites: map[string]Seen{}}
	st.Remember(cur, time.Now())
	st.Remember(old, time.Now())
	if got := st.Sites["https://x/"].Sequence; got != 5 {
		t.Errorf("after remembering 5 then 4, remembered %d", got)
	}
	// The manifest round-trips its statements, sequence and newest time.
	cur.Newest = "2024-05-19T00:00:00Z"
	cur.Version = Version
	back, err := Parse(cur.Marshal())
	if err != nil || back.Sequence != 5 || back.Newest != cur.Newest || len(back.Statements) != 2 || back.Statements[1].Revisions[0] != b2.Revisions[0] {
		t.Errorf("Parse(Marshal) = %+v, %v", back, err)
	}
	dup := &Manifest{Version: Version, Statements: []Statement{a, a}}
	if _, err := Parse(dup.Marshal()); err == nil {
		t.Error("a statement listed twice is accepted")
	}
}
