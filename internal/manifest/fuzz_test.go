package manifest

import (
	"bytes"
	"os"
	"testing"
)

// FuzzParse feeds Parse what a hostile or broken site might serve. Whatever
// it accepts must have only paths inside the site and must survive a
// Marshal and Parse round trip unchanged.
func FuzzParse(f *testing.F) {
	f.Add(exampleManifest().Marshal())
	f.Add([]byte(`{"version":1,"files":[{"path":"../x","size":1,"sha256":"` + string(bytes.Repeat([]byte("a"), 64)) + `"}]}`))
	f.Add([]byte(`{"version":1,"site":"","files":null,"updates":null}`))
	f.Add([]byte(`{"version":2,"files":[],"updates":[],"parts":[{"path":"incidents/x/manifest.json","size":2,"sha256":"` + string(bytes.Repeat([]byte("c"), 64)) + `"}]}`))
	if root, err := os.ReadFile("testdata/root.golden.json"); err == nil {
		f.Add(root)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			return
		}
		for _, file := range m.Files {
			if checkPath(file.Path) != nil {
				t.Fatalf("accepted path %q", file.Path)
			}
		}
		for _, p := range m.Parts {
			if checkPath(p.Path) != nil || !IsPart(p.Path) {
				t.Fatalf("accepted part %q", p.Path)
			}
		}
		again, err := Parse(m.Marshal())
		if err != nil {
			t.Fatalf("Parse of Marshal output: %v", err)
		}
		if !bytes.Equal(again.Marshal(), m.Marshal()) {
			t.Fatal("round trip changed the manifest")
		}
	})
}
