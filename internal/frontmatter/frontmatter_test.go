package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// lookup follows path through a tree: a string is a map key, an int a list
// index.
func lookup(n *Node, path ...any) *Node {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			n = n.Get(p)
		case int:
			if n == nil || n.Kind != List || p >= len(n.Children) {
				return nil
			}
			n = n.Children[p]
		}
	}
	return n
}

// mustParse parses src and checks what every successful parse promises
// about the body.
func mustParse(t *testing.T, src string) *Document {
	t.Helper()
	doc, err := Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkBody(t, []byte(src), doc)
	return doc
}

func checkBody(t *testing.T, src []byte, doc *Document) {
	t.Helper()
	if doc.BodyOffset < 0 || doc.BodyOffset > len(src) {
		t.Fatalf("BodyOffset %d outside a %d-byte file", doc.BodyOffset, len(src))
	}
	if !bytes.Equal(src[doc.BodyOffset:], doc.Body) {
		t.Fatalf("src[BodyOffset:] = %q, Body = %q", src[doc.BodyOffset:], doc.Body)
	}
	if want := bytes.Count(src[:doc.BodyOffset], []byte("\n")) + 1; doc.BodyLine != want {
		t.Fatalf("BodyLine = %d, want %d (lines before the body + 1)", doc.BodyLine, want)
	}
	if (doc.Format == None) != (doc.Root == nil) {
		t.Fatalf("Format %v with Root %v", doc.Format, doc.Root)
	}
	if doc.Root != nil && doc.Root.Kind != Map {
		t.Fatalf("Root.Kind = %v, want Map", doc.Root.Kind)
	}
}

const yamlUpdate = `---
title: Data posted online
affected:
  count: 12
revisions:
  - date: 2024-05-16T09:00:00+10:00
    summary: First notice
  - date: 2024-05-17T10:30:00+10:00
    summary: "Second notice"
---
We have learnt that data was posted online.
`

const tomlUpdate = `+++
title = "Data posted online"
date = 2024-05-16T09:00:00+10:00
tags = ["ransomware", "notice"]
point = { x = 1, y = "two" }
contact.phone = "1800 000 000"
contact.email = 'help@example.org'

[affected]
count = 12

[[revisions]]
date = 2024-05-16T09:00:00+10:00
summary = "First notice"

[[revisions]]
date = 2024-05-17T10:30:00+10:00
summary = """Second
notice"""
+++
We have learnt that data was posted online.
`

func TestPositions(t *testing.T) {
	tests := []struct {
		name            string
		src             string
		path            []any
		keyLine, keyCol int
		line, col       int
		kind            Kind
		typ             ScalarType
		value           string
	}{
		{"yaml top-level key", yamlUpdate, []any{"title"}, 2, 1, 2, 8, Scalar, String, "Data posted online"},
		{"yaml nested key", yamlUpdate, []any{"affected", "count"}, 4, 3, 4, 10, Scalar, Int, "12"},
		{"yaml nested map", yamlUpdate, []any{"affected"}, 3, 1, 4, 3, Map, 0, ""},
		{"yaml list", yamlUpdate, []any{"revisions"}, 5, 1, 6, 3, List, 0, ""},
		{"yaml list item", yamlUpdate, []any{"revisions", 1}, 0, 0, 8, 5, Map, 0, ""},
		{"yaml key in list item", yamlUpdate, []any{"revisions", 1, "summary"}, 9, 5, 9, 14, Scalar, String, "Second notice"},
		{"yaml time in list item", yamlUpdate, []any{"revisions", 0, "date"}, 6, 5, 6, 11, Scalar, Time, "2024-05-16T09:00:00+10:00"},
		{"yaml unicode before value", "---\nnäme: ü ü\n\"ключ\": 1\n---\n", []any{"näme"}, 2, 1, 2, 7, Scalar, String, "ü ü"},
		{"yaml unicode quoted key", "---\nnäme: ü ü\n\"ключ\": 1\n---\n", []any{"ключ"}, 3, 1, 3, 9, Scalar, Int, "1"},
		{"yaml crlf", strings.ReplaceAll(yamlUpdate, "\n", "\r\n"), []any{"revisions", 1, "summary"}, 9, 5, 9, 14, Scalar, String, "Second notice"},
		{"yaml bom", "\xEF\xBB\xBF---\ntitle: Hello\n---\nBody\n", []any{"title"}, 2, 1, 2, 8, Scalar, String, "Hello"},

		{"toml top-level key", tomlUpdate, []any{"title"}, 2, 1, 2, 9, Scalar, String, "Data posted online"},
		{"toml array", tomlUpdate, []any{"tags"}, 4, 1, 4, 8, List, 0, ""},
		{"toml array item", tomlUpdate, []any{"tags", 1}, 0, 0, 4, 23, Scalar, String, "notice"},
		{"toml inline table", tomlUpdate, []any{"point"}, 5, 1, 5, 9, Map, 0, ""},
		{"toml inline table key", tomlUpdate, []any{"point", "y"}, 5, 18, 5, 22, Scalar, String, "two"},
		{"toml dotted key table", tomlUpdate, []any{"contact"}, 6, 1, 6, 1, Map, 0, ""},
		{"toml dotted key", tomlUpdate, []any{"contact", "email"}, 7, 9, 7, 17, Scalar, String, "help@example.org"},
		{"toml table", tomlUpdate, []any{"affected"}, 9, 2, 9, 1, Map, 0, ""},
		{"toml key in table", tomlUpdate, []any{"affected", "count"}, 10, 1, 10, 9, Scalar, Int, "12"},
		{"toml array table", tomlUpdate, []any{"revisions"}, 12, 3, 12, 1, List, 0, ""},
		{"toml array table item", tomlUpdate, []any{"revisions", 1}, 0, 0, 16, 1, Map, 0, ""},
		{"toml key in array table", tomlUpdate, []any{"revisions", 1, "date"}, 17, 1, 17, 8, Scalar, Time, "2024-05-17T10:30:00+10:00"},
		{"toml multi-line string", tomlUpdate, []any{"revisions", 1, "summary"}, 18, 1, 18, 11, Scalar, String, "Second\nnotice"},
		{"toml crlf", strings.ReplaceAll(tomlUpdate, "\n", "\r\n"), []any{"revisions", 1, "date"}, 17, 1, 17, 8, Scalar, Time, "2024-05-17T10:30:00+10:00"},
		{"toml unicode before value", "+++\n\"ключ\" = \"ü\"\n\"näme\" = { \"ä\" = 1 }\n+++\n", []any{"näme", "ä"}, 3, 12, 3, 18, Scalar, Int, "1"},
		{"toml bom", "\xEF\xBB\xBF+++\ntitle = \"Hello\"\n+++\nBody\n", []any{"title"}, 2, 1, 2, 9, Scalar, String, "Hello"},
		{"toml nested array", "+++\nm = [\n  [1, 2],\n  # note\n  [3, [4]],\n]\n+++\n", []any{"m", 1, 1, 0}, 0, 0, 5, 8, Scalar, Int, "4"},
		{"toml array of inline tables", "+++\nm = [ {a = 1}, {b = 'x'} ]\n+++\n", []any{"m", 1, "b"}, 2, 17, 2, 21, Scalar, String, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.src)
			n := lookup(doc.Root, tt.path...)
			if n == nil {
				t.Fatalf("no node at %v", tt.path)
			}
			if n.KeyLine != tt.keyLine || n.KeyCol != tt.keyCol {
				t.Errorf("key at %d:%d, want %d:%d", n.KeyLine, n.KeyCol, tt.keyLine, tt.keyCol)
			}
			if n.Line != tt.line || n.Col != tt.col {
				t.Errorf("value at %d:%d, want %d:%d", n.Line, n.Col, tt.line, tt.col)
			}
			if n.Kind != tt.kind || n.Type != tt.typ || n.Value != tt.value {
				t.Errorf("got kind %v type %v value %q, want kind %v type %v value %q",
					n.Kind, n.Type, n.Value, tt.kind, tt.typ, tt.value)
			}
		})
	}
}

func TestScalarTypes(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		typ   ScalarType
		value string
	}{
		{"yaml offset datetime", "---\nv: 2024-05-16T09:00:00+10:00\n---\n", Time, "2024-05-16T09:00:00+10:00"},
		{"yaml local datetime", "---\nv: 2024-05-16T09:00:00\n---\n", Time, "2024-05-16T09:00:00"},
		{"yaml local datetime with space", "---\nv: 2024-05-16 09:00:00\n---\n", Time, "2024-05-16 09:00:00"},
		{"yaml datetime with fraction", "---\nv: 2024-05-16t09:00:00.5Z\n---\n", Time, "2024-05-16t09:00:00.5Z"},
		{"yaml impossible date is left to the loader", "---\nv: 2024-13-45\n---\n", Time, "2024-13-45"},
		{"yaml quoted datetime", "---\nv: \"2024-05-16T09:00:00\"\n---\n", String, "2024-05-16T09:00:00"},
		{"yaml date", "---\nv: 2024-05-16\n---\n", Time, "2024-05-16"},
		{"yaml int", "---\nv: 12\n---\n", Int, "12"},
		{"yaml float", "---\nv: 1.5\n---\n", Float, "1.5"},
		{"yaml bool", "---\nv: true\n---\n", Bool, "true"},
		{"yaml null", "---\nv: ~\n---\n", Null, "~"},
		{"yaml empty", "---\nv:\n---\n", Null, ""},
		{"yaml quoted int", "---\nv: '12'\n---\n", String, "12"},
		{"yaml plain text", "---\nv: We are sorry.\n---\n", String, "We are sorry."},
		{"yaml block text", "---\nv: |\n  Line one\n  Line two\n---\n", String, "Line one\nLine two\n"},
		{"yaml flow map root", "---\n{v: 1} # all in one\n\n---\n", Int, "1"},
		{"yaml quoted True is text", "---\nv: \"True\"\n---\n", String, "True"},
		{"yaml quoted yes is text", "---\nv: 'yes'\n---\n", String, "yes"},
		{"yaml false", "---\nv: false\n---\n", Bool, "false"},
		{"yaml word that is not a boolean", "---\nv: yesterday\n---\n", String, "yesterday"},
		{"yaml curly quotes inside text", "---\nv: Our “response” to ‘it’\n---\n", String, "Our “response” to ‘it’"},
		{"yaml quoted curly quote", "---\nv: \"“Hello”\"\n---\n", String, "“Hello”"},
		{"yaml right-to-left mark", "---\nv: \u200fשלום 2024\n---\n", String, "\u200fשלום 2024"},
		{"yaml tab after colon", "---\nv:\tx\n---\n", String, "x"},
		{"yaml tab inside block text", "---\nv: |\n  a\tb\n  c\n---\n", String, "a\tb\nc\n"},
		{"yaml tab on blank line", "---\na: 1\n \t\nv: x\n---\n", String, "x"},
		{"yaml zero", "---\nv: 0\n---\n", Int, "0"},
		{"yaml fraction under one", "---\nv: 0.5\n---\n", Float, "0.5"},
		{"yaml signed int", "---\nv: +12\n---\n", Int, "+12"},
		{"yaml underscores", "---\nv: 12_900_000\n---\n", Int, "12_900_000"},
		{"yaml quoted leading zero", "---\nv: '0777'\n---\n", String, "0777"},
		{"yaml quoted << key", "---\n'<<': x\nv: 1\n---\n", Int, "1"},
		{"yaml dashes inside a value", "---\nv: |\n  ---\n  ----\n---\n", String, "---\n----\n"},

		{"toml offset datetime", "+++\nv = 2024-05-16T09:00:00+10:00\n+++\n", Time, "2024-05-16T09:00:00+10:00"},
		{"toml offset datetime with space", "+++\nv = 2024-05-16 09:00:00Z\n+++\n", Time, "2024-05-16 09:00:00Z"},
		{"toml local datetime", "+++\nv = 2024-05-16T09:00:00\n+++\n", Time, "2024-05-16T09:00:00"},
		{"toml local date", "+++\nv = 2024-05-16\n+++\n", Time, "2024-05-16"},
		{"toml local time", "+++\nv = 09:30:00\n+++\n", Time, "09:30:00"},
		{"toml impossible date is left to the loader", "+++\nv = 2024-13-45\n+++\n", Time, "2024-13-45"},
		{"toml quoted datetime", "+++\nv = \"2024-05-16T09:00:00\"\n+++\n", String, "2024-05-16T09:00:00"},
		{"toml int", "+++\nv = 12\n+++\n", Int, "12"},
		{"toml int with underscores", "+++\nv = 1_000\n+++\n", Int, "1_000"},
		{"toml float", "+++\nv = 1.5e3\n+++\n", Float, "1.5e3"},
		{"toml bool", "+++\nv = true\n+++\n", Bool, "true"},
		{"toml escaped string", "+++\nv = \"tab\\there \\u00e9\"\n+++\n", String, "tab\there é"},
		{"toml literal string", "+++\nv = 'C:\\path'\n+++\n", String, `C:\path`},
		{"toml tab indent", "+++\n\tv = 1\n+++\n", Int, "1"},
		{"toml dashes inside a string", "+++\nv = \"\"\"\n--- #\n\"\"\"\n+++\n", String, "--- #\n"},
		{"toml string True", "+++\nv = \"True\"\n+++\n", String, "True"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := mustParse(t, tt.src).Root.Get("v")
			if n == nil || n.Kind != Scalar {
				t.Fatalf("v = %+v, want a scalar", n)
			}
			if n.Type != tt.typ || n.Value != tt.value {
				t.Errorf("v is type %v value %q, want type %v value %q", n.Type, n.Value, tt.typ, tt.value)
			}
		})
	}
}

func TestBody(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		format   Format
		body     string
		bodyLine int
		keys     []string
	}{
		{"yaml", yamlUpdate, YAML, "We have learnt that data was posted online.\n", 11, []string{"title", "affected", "revisions"}},
		{"toml", tomlUpdate, TOML, "We have learnt that data was posted online.\n", 21, []string{"title", "date", "tags", "point", "contact", "affected", "revisions"}},
		{"none", "# Update\n\nText.\n", None, "# Update\n\nText.\n", 1, nil},
		{"none with bom", "\xEF\xBB\xBF# Update\n", None, "# Update\n", 1, nil},
		{"empty file", "", None, "", 1, nil},
		{"dashes later", "Text\n---\ntitle: x\n---\n", None, "Text\n---\ntitle: x\n---\n", 1, nil},
		{"empty yaml", "---\n---\nBody", YAML, "Body", 3, nil},
		{"comment-only yaml", "---\n# nothing yet\n---\nBody", YAML, "Body", 4, nil},
		{"empty toml", "+++\n+++\nBody", TOML, "Body", 3, nil},
		{"trailing spaces on delimiters", "---  \ntitle: x\n--- \t\nBody\n", YAML, "Body\n", 4, []string{"title"}},
		{"crlf", "---\r\ntitle: x\r\n---\r\nBody\r\n", YAML, "Body\r\n", 4, []string{"title"}},
		{"closing at end of file", "---\ntitle: x\n---", YAML, "", 3, []string{"title"}},
		{"bom and yaml", "\xEF\xBB\xBF---\ntitle: x\n---\nBody\n", YAML, "Body\n", 4, []string{"title"}},
		{"dashes in body", "---\ntitle: x\n---\nA\n---\nB\n", YAML, "A\n---\nB\n", 4, []string{"title"}},
		{"delimiters with tabs and crlf", "---\t\r\ntitle: x\r\n--- \t\r\nBody\r\n", YAML, "Body\r\n", 4, []string{"title"}},
		{"dashes later after blank line", "\nText\n---\n", None, "\nText\n---\n", 1, nil},
		{"blank lines only", "\n \n", None, "\n \n", 1, nil},
		{"control characters in body", "---\ntitle: x\n---\n\x00\u202e\n", YAML, "\x00\u202e\n", 4, []string{"title"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.src)
			if doc.Format != tt.format {
				t.Errorf("Format = %v, want %v", doc.Format, tt.format)
			}
			if string(doc.Body) != tt.body || doc.BodyLine != tt.bodyLine {
				t.Errorf("Body = %q on line %d, want %q on line %d", doc.Body, doc.BodyLine, tt.body, tt.bodyLine)
			}
			var keys []string
			if doc.Root != nil {
				for _, c := range doc.Root.Children {
					keys = append(keys, c.Key)
				}
			}
			if strings.Join(keys, ",") != strings.Join(tt.keys, ",") {
				t.Errorf("keys = %q, want %q", keys, tt.keys)
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"unclosed yaml", "---\ntitle: x\n\nBody\n", 1, 1, "front matter: no closing --- line; add a line with only --- after the last field"},
		{"unclosed toml", "+++\ntitle = 'x'\n", 1, 1, "front matter: no closing +++ line; add a line with only +++ after the last field"},
		{"only opening", "---", 1, 1, "front matter: no closing --- line; add a line with only --- after the last field"},
		{"yaml colon in value", "---\ntitle: x\nsummary: Update: data online\n---\n", 3, 0, "front matter: mapping values are not allowed in this context"},
		{"yaml bad indent", "---\ntitle: x\n  date: 2024-05-16\n---\n", 3, 0, "front matter: mapping values are not allowed in this context"},
		{"yaml unclosed list", "---\ntitle: x\ntags: [a, b\nother: 3\n---\n", 3, 0, "front matter: did not find expected ',' or ']'"},
		{"yaml list in map", "---\ntitle: x\ndate: y\n- z\n---\n", 4, 0, "front matter: did not find expected key"},
		{"yaml unterminated quote", "---\ntitle: \"x\ndate: y\n---\n", 3, 0, "front matter: found unexpected end of stream"},
		{"yaml duplicate key", "---\ntitle: a\nsummary: b\ntitle: c\n---\n", 4, 1, `front matter: duplicate key "title"; it is already set on line 2`},
		{"yaml nested duplicate key", "---\naffected:\n  count: 1\n  count: 2\n---\n", 4, 3, `front matter: duplicate key "count"; it is already set on line 3`},
		{"yaml text after a flow map", "---\n{title: x}\ndraft: true\n---\n", 3, 0, "front matter: text after a complete value, which YAML would ignore; write every field as `key: value` on its own line"},
		{"yaml text after a flow map on its line", "---\n{}0\n---\n", 2, 0, "front matter: text after a complete value, which YAML would ignore; write every field as `key: value` on its own line"},
		{"yaml list root", "---\n- a\n- b\n---\n", 2, 1, "front matter: expected `key: value` lines"},
		{"yaml text root", "---\nHello there\n---\n", 2, 1, "front matter: expected `key: value` lines"},
		{"yaml map key", "---\n? [a]\n: b\n---\n", 2, 3, "front matter: a key must be a single word, not a list or a map"},
		{"yaml not utf-8", "---\ntitle: caf\xe9\n---\n", 2, 11, "front matter: text is not UTF-8; save the file as UTF-8"},
		{"yaml bom error line", "\xEF\xBB\xBF---\ntitle: a\ntitle: b\n---\n", 3, 1, `front matter: duplicate key "title"; it is already set on line 2`},
		{"yaml crlf error line", "---\r\ntitle: a\r\ntitle: b\r\n---\r\n", 3, 1, `front matter: duplicate key "title"; it is already set on line 2`},

		// Booleans are true or false; other words that some YAML reads as
		// booleans are refused, in YAML and (where TOML refuses them too) TOML.
		{"yaml True", "---\ndraft: True\n---\n", 2, 8, `front matter: True is not a boolean here; write true or false (lower case), or put "True" in quotes if it is text`},
		{"yaml TRUE", "---\ndraft: TRUE\n---\n", 2, 8, `front matter: TRUE is not a boolean here; write true or false (lower case), or put "TRUE" in quotes if it is text`},
		{"yaml False", "---\ndraft: False\n---\n", 2, 8, `front matter: False is not a boolean here; write true or false (lower case), or put "False" in quotes if it is text`},
		{"yaml tRuE", "---\ndraft: tRuE\n---\n", 2, 8, `front matter: tRuE is not a boolean here; write true or false (lower case), or put "tRuE" in quotes if it is text`},
		{"yaml yes", "---\ndraft: yes\n---\n", 2, 8, `front matter: yes is not a boolean here; write true or false, or put "yes" in quotes if it is text`},
		{"yaml No", "---\ndraft: No\n---\n", 2, 8, `front matter: No is not a boolean here; write true or false, or put "No" in quotes if it is text`},
		{"yaml on", "---\ndraft: on\n---\n", 2, 8, `front matter: on is not a boolean here; write true or false, or put "on" in quotes if it is text`},
		{"yaml OFF", "---\ndraft: OFF\n---\n", 2, 8, `front matter: OFF is not a boolean here; write true or false, or put "OFF" in quotes if it is text`},
		{"yaml y", "---\ndraft: y\n---\n", 2, 8, `front matter: y is not a boolean here; write true or false, or put "y" in quotes if it is text`},
		{"yaml N", "---\ndraft: N\n---\n", 2, 8, `front matter: N is not a boolean here; write true or false, or put "N" in quotes if it is text`},
		{"yaml yes in a list", "---\ntags: [a, Yes]\n---\n", 2, 11, `front matter: Yes is not a boolean here; write true or false, or put "Yes" in quotes if it is text`},
		{"yaml True nested", "---\naffected:\n  notified: True\n---\n", 3, 13, `front matter: True is not a boolean here; write true or false (lower case), or put "True" in quotes if it is text`},
		{"toml True", "+++\ndraft = True\n+++\n", 2, 9, `front matter: True is not a boolean here; write true or false (lower case), or put "True" in quotes if it is text`},
		{"toml yes in array", "+++\ntags = [1, yes]\n+++\n", 2, 12, `front matter: yes is not a boolean here; write true or false, or put "yes" in quotes if it is text`},
		{"toml word after a value", "+++\na = 1 yes\n+++\n", 2, 7, "front matter: expected newline but got U+0079 'y'"},
		{"toml word that starts like a boolean", "+++\na = True2\n+++\n", 2, 5, "front matter: unexpected character U+0054 'T' at start of value"},
		{"toml Off in inline table", "+++\np = { a = Off }\n+++\n", 2, 11, `front matter: Off is not a boolean here; write true or false, or put "Off" in quotes if it is text`},

		// Numbers that YAML 1.1 and 1.2 read differently.
		{"yaml leading zero", "---\ncount: 0777\n---\n", 2, 8, "front matter: 0777 starts with 0, which YAML may read as an octal number; write 777"},
		{"yaml leading zeros only", "---\ncount: -00\n---\n", 2, 8, "front matter: -00 starts with 0, which YAML may read as an octal number; write -0"},
		{"yaml hex", "---\ncount: 0x1F\n---\n", 2, 8, "front matter: 0x1F is not a decimal number; write the number with the digits 0 to 9"},
		{"yaml octal", "---\ncount: 0o17\n---\n", 2, 8, "front matter: 0o17 is not a decimal number; write the number with the digits 0 to 9"},
		{"yaml leading zero read as a fraction", "---\ncount: 08\n---\n", 2, 8, "front matter: 08 starts with 0, which YAML may read as an octal number; write 8"},
		{"yaml binary", "---\ncount: 0b101\n---\n", 2, 8, "front matter: 0b101 is not a decimal number; write the number with the digits 0 to 9"},

		// No merge keys, anchors, aliases, tags or directives.
		{"yaml merge key", "---\ncopy:\n  <<: {x: 1}\n  y: 3\n---\n", 3, 3, "front matter: YAML merge keys (<<) are not allowed; write the fields out in full"},
		{"yaml merge key with alias", "---\nbase: &b {x: 1}\ncopy:\n  <<: *b\n---\n", 2, 7, "front matter: YAML anchors are not allowed; remove &b and write each value out in full"},
		{"yaml anchor", "---\ntitle: &t Hello\n---\n", 2, 8, "front matter: YAML anchors are not allowed; remove &t and write each value out in full"},
		{"yaml anchor on a map", "---\naffected: &a\n  count: 1\n---\n", 2, 11, "front matter: YAML anchors are not allowed; remove &a and write each value out in full"},
		{"yaml anchor on a key", "---\n&k title: x\n---\n", 2, 1, "front matter: YAML anchors are not allowed; remove &k and write each value out in full"},
		{"yaml anchor in a list", "---\ntags:\n  - a\n  - &t b\n---\n", 4, 5, "front matter: YAML anchors are not allowed; remove &t and write each value out in full"},
		{"yaml anchor before a tag", "---\nv: &a !!str x\n---\n", 2, 4, "front matter: YAML anchors are not allowed; remove &a and write each value out in full"},
		{"yaml alias", "---\na: 1\nb: *nope\n---\n", 3, 4, "front matter: YAML aliases are not allowed; write the value out in full"},
		{"yaml alias named in text before", "---\ntitle: \"see *x.\" # or *x\nb: [1, *x]\n---\n", 3, 8, "front matter: YAML aliases are not allowed; write the value out in full"},
		{"yaml alias as a key", "---\n*k : x\n---\n", 2, 1, "front matter: YAML aliases are not allowed; write the value out in full"},
		{"yaml alias after its anchor", "---\na: &x [1, *x]\n---\n", 2, 4, "front matter: YAML anchors are not allowed; remove &x and write each value out in full"},
		{"yaml aliases of aliases", billionLaughs(), 2, 5, "front matter: YAML anchors are not allowed; remove &a0 and write each value out in full"},
		{"yaml tag binary", "---\nv: !!binary aGVsbG8=\n---\n", 2, 4, "front matter: YAML tags are not allowed; remove !!binary, and put the value in quotes if it is text"},
		{"yaml tag str", "---\nv: !!str 2024-05-16T09:00:00\n---\n", 2, 4, "front matter: YAML tags are not allowed; remove !!str, and put the value in quotes if it is text"},
		{"yaml custom tag", "---\nv: !custom x\n---\n", 2, 4, "front matter: YAML tags are not allowed; remove !custom, and put the value in quotes if it is text"},
		{"yaml non-specific tag", "---\nv: ! 12\n---\n", 2, 4, "front matter: YAML tags are not allowed; remove !, and put the value in quotes if it is text"},
		{"yaml verbatim tag", "---\nv: !<tag:example.org,2024:x> 1\n---\n", 2, 4, "front matter: YAML tags are not allowed; remove !<tag:example.org,2024:x>, and put the value in quotes if it is text"},
		{"yaml tag on a map", "---\nv: !!map\n  x: 1\n---\n", 2, 4, "front matter: YAML tags are not allowed; remove !!map, and put the value in quotes if it is text"},
		{"yaml tag on a key", "---\n!!str title: x\n---\n", 2, 1, "front matter: YAML tags are not allowed; remove !!str, and put the value in quotes if it is text"},
		{"yaml undefined tag handle", "---\ntitle: x\nv: !e!x 1\n---\n", 3, 0, "front matter: YAML tags are not allowed; remove the tag, and put the value in quotes if it is text"},
		{"yaml TAG directive", "---\n%TAG ! tag:example.org,2024:\ntitle: !x y\n---\n", 2, 1, "front matter: YAML directives (%YAML, %TAG) are not allowed; remove this line"},
		{"yaml YAML directive", "---\ntitle: x\n%YAML 1.1\n---\n", 3, 1, "front matter: YAML directives (%YAML, %TAG) are not allowed; remove this line"},

		// Duplicate keys, however they are spelt.
		{"yaml duplicate quoted key", "---\ntitle: a\n\"title\": b\n---\n", 3, 1, `front matter: duplicate key "title"; it is already set on line 2`},
		{"yaml duplicate key in a case", "---\ntitle: a\nTitle: b\n---\n", 3, 1, `front matter: duplicate key "Title"; "title" is already set on line 2`},
		{"yaml duplicate key in list item", "---\nr:\n  - date: 1\n    date: 2\n---\n", 4, 5, `front matter: duplicate key "date"; it is already set on line 3`},
		{"yaml duplicate key in flow map", "---\np: {x: 1, x: 2}\n---\n", 2, 11, `front matter: duplicate key "x"; it is already set on line 2`},
		{"toml duplicate dotted key", "+++\na.b = 1\na.b = 2\n+++\n", 3, 3, `front matter: duplicate key "b"; it is already set on line 2`},
		{"toml duplicate table in a case", "+++\n[affected]\n[Affected]\n+++\n", 3, 2, `front matter: duplicate key "Affected"; "affected" is already set on line 2`},
		{"toml duplicate key in a case", "+++\ntitle = 'a'\nTITLE = 'b'\n+++\n", 3, 1, `front matter: duplicate key "TITLE"; "title" is already set on line 2`},
		{"toml dotted key in a case", "+++\na.b = 1\nA.c = 2\n+++\n", 3, 1, `front matter: duplicate key "A"; "a" is already set on line 2`},
		{"toml array table in a case", "+++\n[[r]]\n[[R]]\n+++\n", 3, 3, `front matter: duplicate key "R"; "r" is already set on line 2`},
		{"toml header part in a case", "+++\n[a.b]\n[A.c]\n+++\n", 3, 2, `front matter: duplicate key "A"; "a" is already set on line 2`},

		// The front matter starts at the first line and ends at a line that
		// is exactly its delimiter.
		{"yaml closing with comment", "---\ntitle: x\n--- #\ndraft: true\n---\n", 3, 5, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"yaml closing with text", "---\ntitle: x\n---x\n---\n", 3, 4, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"yaml four dashes", "---\ntitle: x\n----\n---\n", 3, 4, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"yaml unclosed four dashes", "---\ntitle: x\n----\nBody\n", 3, 4, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"toml closing with comment", "+++\ntitle = 'x'\n+++ # comment\n+++\n", 3, 5, "front matter: a line starting with +++ must be exactly +++; remove the rest of the line, or start the line differently"},
		{"toml closing with cr inside", "+++\ntitle = 'x'\n+++\r \r\n+++\n", 3, 4, "front matter: a carriage return (U+000D) in the middle of a line; save the file with ordinary line endings (LF or CRLF)"},
		{"old mac line endings", "---\rtitle: x\r---\r", 1, 4, "front matter: a carriage return (U+000D) in the middle of a line; save the file with ordinary line endings (LF or CRLF)"},
		{"opening with no-break space", "---\u00a0\ntitle: x\n---\n", 1, 4, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"yaml document end", "---\ntitle: x\n...\ndraft: true\n---\n", 3, 1, "front matter: a line starting with ... ends YAML early and the fields after it would be lost; remove it (the front matter ends at ---)"},
		{"opening with comment", "--- #\ntitle: x\n---\n", 1, 5, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"opening with a word", "---yaml\ntitle: x\n---\n", 1, 4, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"opening four dashes", "----\ntitle: x\n----\n", 1, 4, "front matter: a line starting with --- must be exactly ---; remove the rest of the line, or start the line differently"},
		{"opening toml with a word", "+++ toml\ntitle = 'x'\n+++\n", 1, 5, "front matter: a line starting with +++ must be exactly +++; remove the rest of the line, or start the line differently"},
		{"opening after blank lines", "\n \t\r\n---\ntitle: x\n---\n", 3, 1, "front matter: the --- line must be the first line of the file; remove the blank lines above it"},
		{"opening after bom and blank line", "\xEF\xBB\xBF\n+++\ntitle = 'x'\n+++\n", 2, 1, "front matter: the +++ line must be the first line of the file; remove the blank lines above it"},
		{"opening indented", "  ---\ntitle: x\n---\n", 1, 3, "front matter: the --- line must start at the beginning of the line; remove the spaces before it"},

		// Characters that show differently from how they are read, or not at all.
		{"yaml bidi override in value", "---\ntitle: abc\u202edef\n---\n", 2, 11, "front matter: invisible text-direction character U+202E is not allowed, because it makes text show in another order than it is written; delete it"},
		{"yaml bidi isolate in key", "---\nti\u2066tle: x\n---\n", 2, 3, "front matter: invisible text-direction character U+2066 is not allowed, because it makes text show in another order than it is written; delete it"},
		{"yaml bidi embedding in comment", "---\n# note \u202a\ntitle: x\n---\n", 2, 8, "front matter: invisible text-direction character U+202A is not allowed, because it makes text show in another order than it is written; delete it"},
		{"yaml bidi in quoted value", "---\ntitle: \"a\u2069\"\n---\n", 2, 10, "front matter: invisible text-direction character U+2069 is not allowed, because it makes text show in another order than it is written; delete it"},
		{"toml bidi override in value", "+++\ntitle = \"ab\u202d\"\n+++\n", 2, 12, "front matter: invisible text-direction character U+202D is not allowed, because it makes text show in another order than it is written; delete it"},
		{"yaml nul", "---\ntitle: a\x00b\n---\n", 2, 9, "front matter: invisible control character U+0000 is not allowed; delete it"},
		{"yaml escape", "---\ntitle: a\x1b[31m\n---\n", 2, 9, "front matter: invisible control character U+001B is not allowed; delete it"},
		{"yaml delete", "---\ntitle: a\x7f\n---\n", 2, 9, "front matter: invisible control character U+007F is not allowed; delete it"},
		{"yaml next line", "---\ntitle: a\u0085draft: true\n---\n", 2, 9, "front matter: invisible control character U+0085 is not allowed; delete it"},
		{"toml form feed", "+++\ntitle = 'a'\f\n+++\n", 2, 12, "front matter: invisible control character U+000C is not allowed; delete it"},
		{"yaml lone carriage return", "---\ntitle: a\rdraft: true\n---\n", 2, 9, "front matter: a carriage return (U+000D) in the middle of a line; save the file with ordinary line endings (LF or CRLF)"},
		{"yaml line separator", "---\ntitle: a\u2028draft: true\n---\n", 2, 9, "front matter: invisible line separator U+2028 is not allowed; delete it, or use an ordinary line break"},
		{"yaml byte order mark inside", "---\ntitle: \ufeffa\n---\n", 2, 8, "front matter: invisible byte order mark U+FEFF is only allowed at the very start of the file; delete it"},
		{"toml not utf-8", "+++\ntitle = 'caf\xe9'\n+++\n", 2, 13, "front matter: text is not UTF-8; save the file as UTF-8"},
		{"first problem on the line wins", "---\nti\x00tle: a\u202e\n---\n", 2, 3, "front matter: invisible control character U+0000 is not allowed; delete it"},
		{"earlier line wins over no closing line", "---\ntitle: a\x00\n", 2, 9, "front matter: invisible control character U+0000 is not allowed; delete it"},

		// Word processors' habits.
		{"yaml curly double quotes", "---\ntitle: “Hello”\n---\n", 2, 8, `front matter: value starts with a typographic quote “; use straight quotes (" or ') instead of “ ”`},
		{"yaml curly single quotes", "---\ntitle: ‘Hello’\n---\n", 2, 8, `front matter: value starts with a typographic quote ‘; use straight quotes (" or ') instead of ‘ ’`},
		{"yaml low double quote", "---\ntitle: „Hallo“\n---\n", 2, 8, `front matter: value starts with a typographic quote „; use straight quotes (" or ') instead of “ ”`},
		{"yaml curly quote in list", "---\ntags: [”a”]\n---\n", 2, 8, `front matter: value starts with a typographic quote ”; use straight quotes (" or ') instead of “ ”`},
		{"yaml curly quotes around a colon", "---\ntitle: “Update: what we know”\n---\n", 2, 8, `front matter: mapping values are not allowed in this context; the text at this column starts with a typographic quote “; use straight quotes (" or ') instead of “ ”`},
		{"yaml curly quoted key", "---\n“title”: x\n---\n", 2, 1, `front matter: key starts with a typographic quote “; use straight quotes (" or ') instead of “ ”`},
		{"toml curly quotes", "+++\ntitle = “Hello”\n+++\n", 2, 9, `front matter: value starts with a typographic quote “; use straight quotes (" or ') instead of “ ”`},
		{"toml curly quoted key", "+++\n’title’ = 'x'\n+++\n", 2, 1, `front matter: key starts with a typographic quote ’; use straight quotes (" or ') instead of ‘ ’`},
		{"yaml tab indent", "---\naffected:\n\tcount: 1\n---\n", 3, 1, "front matter: a tab indents this line (column 1); YAML needs spaces, so replace the tab with spaces"},
		{"yaml tab after spaces", "---\naffected:\n  \tcount: 1\n---\n", 3, 3, "front matter: a tab indents this line (column 3); YAML needs spaces, so replace the tab with spaces"},
		{"yaml tab indents a list item", "---\ntags:\n\t- a\n---\n", 3, 1, "front matter: a tab indents this line (column 1); YAML needs spaces, so replace the tab with spaces"},
		{"yaml tab on blank line in block text", "---\nv: |\n  a\n \t\n  b\n---\n", 4, 2, "front matter: a tab on this line (column 2) where YAML needs spaces; replace it with spaces"},
		{"yaml tab in a flow list", "---\ntags: [\n\ta]\n---\n", 3, 1, "front matter: a tab indents this line (column 1); YAML needs spaces, so replace the tab with spaces"},

		{"toml missing equals", "+++\ntitle = 'x'\ndate 2024-05-16\n+++\n", 3, 6, "front matter: expected '=' after key"},
		{"toml unclosed string", "+++\ntitle = 'x'\nsummary = \"abc\n+++\n", 3, 15, "front matter: basic strings cannot have new lines"},
		{"toml yaml syntax", "+++\ntitle: x\n+++\n", 2, 6, "front matter: expected '=' after key"},
		{"toml duplicate key", "+++\ntitle = 'a'\ntitle = 'b'\n+++\n", 3, 1, `front matter: duplicate key "title"; it is already set on line 2`},
		{"toml duplicate table", "+++\n[a]\nx = 1\n[a]\n+++\n", 4, 2, `front matter: duplicate key "a"; it is already set on line 2`},
		{"toml table over value", "+++\na = 1\n[a]\n+++\n", 3, 2, `front matter: duplicate key "a"; it is already set on line 2`},
		{"toml duplicate in inline table", "+++\np = { x = 1, x = 2 }\n+++\n", 2, 14, `front matter: duplicate key "x"; it is already set on line 2`},
		{"toml dotted over table", "+++\n[a.b]\nx = 1\n[a]\nb.y = 2\n+++\n", 5, 1, `front matter: duplicate key "b"; it is already set on line 2`},
		{"toml extend inline table", "+++\na = { x = 1 }\n[a.b]\n+++\n", 3, 2, `front matter: duplicate key "a"; it is already set on line 2`},
		{"toml array table over array", "+++\na = [1]\n[[a]]\n+++\n", 3, 3, `front matter: duplicate key "a"; it is already set on line 2`},
		{"toml header over dotted table", "+++\n[fruit]\napple.color = 'red'\n[fruit.apple]\n+++\n", 4, 8, `front matter: duplicate key "apple"; it is already set on line 3`},
		{"toml header over dotted key", "+++\na.b = 1\n[a]\n+++\n", 3, 2, `front matter: duplicate key "a"; it is already set on line 2`},
		{"toml table over array table", "+++\n[[a]]\n[a]\n+++\n", 3, 2, `front matter: duplicate key "a"; it is already set on line 2`},
		{"toml dotted over value", "+++\na = 1\na.b = 2\n+++\n", 3, 1, `front matter: duplicate key "a"; it is already set on line 2`},
		{"toml bad underscores", "+++\ncount = 1__2\n+++\n", 2, 10, "front matter: number must have at least one digit between underscores"},
		{"toml number too big", "+++\ncount = 99999999999999999999\n+++\n", 2, 9, "front matter: 99999999999999999999 is not a valid number"},
		{"toml unicode before error", "+++\n\"näme\" = ü\n+++\n", 2, 10, "front matter: unexpected character U+00FC 'ü' at start of value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded with %+v, want an error", doc.Root)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if se.Line != tt.line || se.Col != tt.col || se.Msg != tt.msg {
				t.Errorf("got %d:%d: %s\nwant %d:%d: %s", se.Line, se.Col, se.Msg, tt.line, tt.col, tt.msg)
			}
			if se.Error() != se.Msg {
				t.Errorf("Error() = %q, want the message %q", se.Error(), se.Msg)
			}
		})
	}
}

func TestParseTOML(t *testing.T) {
	const config = "title = 'Updates'\n[params]\norganisation = 'Example Health'\n"
	tests := []struct {
		name      string
		src       string
		path      []any
		line, col int    // of the value, or of the error
		want      string // the value, or the error's message
	}{
		{"value", config, []any{"params", "organisation"}, 3, 16, "Example Health"},
		{"crlf", strings.ReplaceAll(config, "\n", "\r\n"), []any{"params", "organisation"}, 3, 16, "Example Health"},
		{"bom", "\xEF\xBB\xBF" + config, []any{"title"}, 1, 9, "Updates"},
		{"empty", "", nil, 1, 1, ""},
		{"delimiter line", "title = 'x'\n+++\nbaseURL = 'https://example.org/'\n", nil, 2, 1, "invalid character at start of key: U+002B '+'"},
		{"duplicate key in a case", "baseURL = 'a'\nbaseurl = 'b'\n", nil, 2, 1, `duplicate key "baseurl"; "baseURL" is already set on line 1`},
		{"bidi override", "title = 'a\u202eb'\n", nil, 1, 11, "invisible text-direction character U+202E is not allowed, because it makes text show in another order than it is written; delete it"},
		{"byte order mark later", "title = 'a'\n\xEF\xBB\xBF", nil, 2, 1, "invisible byte order mark U+FEFF is only allowed at the very start of the file; delete it"},
		{"capital boolean", "[params]\nbeta = True\n", nil, 2, 8, `True is not a boolean here; write true or false (lower case), or put "True" in quotes if it is text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := ParseTOML([]byte(tt.src))
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("error %T %v is not a *SyntaxError", err, err)
				}
				if se.Line != tt.line || se.Col != tt.col || se.Msg != tt.want {
					t.Errorf("got %d:%d: %s\nwant %d:%d: %s", se.Line, se.Col, se.Msg, tt.line, tt.col, tt.want)
				}
				return
			}
			n := lookup(root, tt.path...)
			if n == nil {
				t.Fatalf("no node at %v", tt.path)
			}
			if n.Line != tt.line || n.Col != tt.col || n.Value != tt.want {
				t.Errorf("got %q at %d:%d, want %q at %d:%d", n.Value, n.Line, n.Col, tt.want, tt.line, tt.col)
			}
		})
	}
}

// TestTOMLTables checks that ways TOML allows to build up tables are not
// taken for duplicate keys.
func TestTOMLTables(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		path  []any
		value string
	}{
		{"super-table after sub-table", "+++\n[a.b]\nx = 1\n[a]\ny = 2\n+++\n", []any{"a", "b", "x"}, "1"},
		{"super-table keys", "+++\n[a.b]\nx = 1\n[a]\ny = 2\n+++\n", []any{"a", "y"}, "2"},
		{"sub-table of dotted table", "+++\n[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true\n+++\n", []any{"fruit", "apple", "texture", "smooth"}, "true"},
		{"dotted keys share a table", "+++\na.b = 1\na.c = 2\n+++\n", []any{"a", "c"}, "2"},
		{"table inside array table", "+++\n[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nx = 3\n+++\n", []any{"a", 0, "b", "y"}, "2"},
		{"second array table", "+++\n[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nx = 3\n+++\n", []any{"a", 1, "x"}, "3"},
		{"dotted keys in inline table", "+++\np = { a.b = 1, a.c = 2 }\n+++\n", []any{"p", "a", "c"}, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := lookup(mustParse(t, tt.src).Root, tt.path...)
			if n == nil || n.Value != tt.value {
				t.Fatalf("%v = %+v, want value %q", tt.path, n, tt.value)
			}
		})
	}
}

// billionLaughs returns front matter whose aliases would expand to 10^9
// values.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("---\n")
	return b.String()
}

func TestGetOnNil(t *testing.T) {
	var n *Node
	if got := n.Get("a").Get("b"); got != nil {
		t.Errorf("Get on nil = %+v, want nil", got)
	}
	doc := mustParse(t, "Body only\n")
	if got := doc.Root.Get("title"); got != nil {
		t.Errorf("Get on a document without front matter = %+v, want nil", got)
	}
}

// checkTree asserts that every node of a tree stands inside the file.
func checkTree(t *testing.T, n *Node, lines int) {
	t.Helper()
	if n.Line < 1 || n.Line > lines || n.Col < 1 {
		t.Fatalf("node %q at %d:%d outside a %d-line file", n.Key, n.Line, n.Col, lines)
	}
	for _, c := range n.Children {
		if n.Kind == Map && (c.KeyLine < 1 || c.KeyLine > lines || c.KeyCol < 1) {
			t.Fatalf("key %q at %d:%d outside a %d-line file", c.Key, c.KeyLine, c.KeyCol, lines)
		}
		checkTree(t, c, lines)
	}
}

// BenchmarkParse measures an ordinary update and a long one-line list,
// which must take time in proportion to its length.
func BenchmarkParse(b *testing.B) {
	long := "---\ntags: [" + strings.Repeat("ü, x, ", 5000) + "x]\n---\n"
	for _, bm := range []struct{ name, src string }{
		{"yaml", yamlUpdate},
		{"toml", tomlUpdate},
		{"yaml long line", long},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.src)))
			for b.Loop() {
				if _, err := Parse([]byte(bm.src)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		yamlUpdate,
		tomlUpdate,
		strings.ReplaceAll(yamlUpdate, "\n", "\r\n"),
		"---\nbase: &b {x: 1}\ncopy: *b\nm:\n  <<: *b\n---\n",
		"---\ntitle: [a, b\n---\n",
		"+++\nm = [ {a = 1}, [2, 3], \"x\" ] # note\n[t.u]\nv.w = 2024-05-16\n[[x]]\n+++\nBody",
		"\xEF\xBB\xBF---\nnäme: ü\n---\n",
		"No front matter\n",
		"---\ndraft: True\nlive: yes\ntags: [on, N]\n---\n",
		"+++\ndraft = TRUE\n+++\n",
		"---\nv: !!binary aGVsbG8=\nw: !!str 1\nx: ! 2\n---\n",
		"---\n%TAG ! tag:example.org,2024:\n%YAML 1.1\n---\n",
		"---\ntitle: x\n--- #\ndraft: true\n---\n",
		"+++\ntitle = 'x'\n+++ # comment\n+++\n",
		"---\ntitle: x\n----\n...\n---\n",
		"--- #\ntitle: x\n---\n",
		"\n\n---\ntitle: x\n---\n",
		"---\na:\n  b: 1\n  B: 2\n---\n",
		"+++\n[a]\n[a]\n[A.b]\n+++\n",
		"---\ntitle: a\u202eb\n\u2066key: x\n---\n",
		"---\ntitle: a\rdraft: true\u2028x: \x00\n---\n",
		"---\ntitle: “Hello”\nsummary: ‘Hi’\n---\n",
		"+++\ntitle = “Hello”\n+++\n",
		"title = 'x'\n[params]\nbeta = True\n+++\n",
		"---\naffected:\n\tcount: 0777\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		if root, err := ParseTOML(src); err != nil {
			checkSyntaxError(t, err, lines)
		} else {
			checkTree(t, root, lines)
			checkBools(t, root)
		}
		doc, err := Parse(src)
		if err != nil {
			checkSyntaxError(t, err, lines)
			return
		}
		checkBody(t, src, doc)
		if doc.Root == nil {
			return
		}
		checkTree(t, doc.Root, lines)
		checkBools(t, doc.Root)
		fm := frontMatterText(src, doc)
		checkText(t, fm)
		if doc.Format == YAML {
			checkOneDocument(t, fm)
		}
	})
}

// checkSyntaxError asserts that err is a *SyntaxError inside the file.
func checkSyntaxError(t *testing.T, err error, lines int) {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %T %v is not a *SyntaxError", err, err)
	}
	if se.Line < 1 || se.Line > lines || se.Col < 0 {
		t.Fatalf("error at %d:%d outside the file: %v", se.Line, se.Col, se)
	}
}

// frontMatterText returns the text between a document's delimiter lines.
func frontMatterText(src []byte, doc *Document) []byte {
	head := bytes.TrimPrefix(src[:doc.BodyOffset], bom)
	head = head[bytes.IndexByte(head, '\n')+1:] // the opening line
	if i := bytes.LastIndexByte(bytes.TrimSuffix(head, []byte("\n")), '\n'); i >= 0 {
		return head[:i+1] // without the closing line
	}
	return nil
}

// checkBools asserts that every boolean reads as what it says.
func checkBools(t *testing.T, n *Node) {
	t.Helper()
	if n.Kind == Scalar && n.Type == Bool && n.Value != "true" && n.Value != "false" {
		t.Fatalf("boolean %q at %d:%d", n.Value, n.Line, n.Col)
	}
	for _, c := range n.Children {
		checkBools(t, c)
	}
}

// checkText asserts that accepted front matter has no character that
// shows differently from how it is read.
func checkText(t *testing.T, fm []byte) {
	t.Helper()
	for i, r := range string(fm) {
		switch {
		case r == '\r' && !bytes.HasPrefix(fm[i:], []byte("\r\n")):
			t.Fatalf("lone carriage return at byte %d of %q", i, fm)
		case unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r',
			unicode.Is(unicode.Bidi_Control, r) && r != '\u200e' && r != '\u200f' && r != '\u061c',
			r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == utf8.RuneError:
			t.Fatalf("%U at byte %d of %q", r, i, fm)
		}
	}
}

// checkOneDocument asserts that the YAML library sees one document in
// accepted front matter: nothing after a document end it would ignore.
func checkOneDocument(t *testing.T, fm []byte) {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(fm))
	var first, second yaml.Node
	if err := dec.Decode(&first); err != nil && err != io.EOF {
		t.Fatalf("accepted front matter %q does not decode: %v", fm, err)
	}
	if err := dec.Decode(&second); err != io.EOF {
		t.Fatalf("accepted front matter %q holds a second YAML document (%v)", fm, err)
	}
}
