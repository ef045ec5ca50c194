package frontmatter

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// boolWordProblem says what is wrong with a bare word that some reader of
// YAML takes for a boolean, unless it is true or false as written. YAML
// 1.1 reads yes, no, on, off, y and n as booleans and our YAML library
// reads them as text; it reads True and TRUE as booleans that a check for
// "true" would not see. A writer's meaning must not depend on which.
func boolWordProblem(word string) string {
	switch strings.ToLower(word) {
	case "true", "false":
		if word == "true" || word == "false" {
			return ""
		}
		return fmt.Sprintf("%s is not a boolean here; write true or false (lower case), or put \"%s\" in quotes if it is text", word, word)
	case "yes", "no", "on", "off", "y", "n":
		return fmt.Sprintf("%s is not a boolean here; write true or false, or put \"%s\" in quotes if it is text", word, word)
	}
	return ""
}

// curlyQuoteProblem says what is wrong with a key or value (what) that
// starts with a typographic quote: a word processor's habit that neither
// YAML nor TOML takes for a quote.
func curlyQuoteProblem(s, what string) string {
	r, _ := utf8.DecodeRuneInString(s)
	pair := ""
	switch r {
	case '“', '”', '„':
		pair = "“ ”"
	case '‘', '’', '‚':
		pair = "‘ ’"
	default:
		return ""
	}
	return fmt.Sprintf("%s starts with a typographic quote %c; use straight quotes (\" or ') instead of %s", what, r, pair)
}

// yamlNumberProblem says what is wrong with a YAML number whose value
// other readers of YAML, or its writer, may take differently: YAML 1.1
// reads 0777 as octal and YAML 1.2 as decimal (and our YAML library reads
// 08 as a fraction), and only YAML 1.1 knows 0b101.
func yamlNumberProblem(v string) string {
	sign := v[:len(v)-len(strings.TrimLeft(v, "+-"))]
	digits := v[len(sign):]
	if len(digits) < 2 || digits[0] != '0' {
		return ""
	}
	switch digits[1] {
	case 'x', 'X', 'o', 'O', 'b', 'B':
		return fmt.Sprintf("%s is not a decimal number; write the number with the digits 0 to 9", v)
	}
	if strings.Trim(digits, "0123456789_") != "" {
		return "" // 0.5, 0e3
	}
	plain := strings.TrimLeft(digits, "0_")
	if plain == "" {
		plain = "0"
	}
	return fmt.Sprintf("%s starts with 0, which YAML may read as an octal number; write %s%s", v, strings.TrimPrefix(sign, "+"), plain)
}
