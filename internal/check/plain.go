package check

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// MaxSentenceWords is the longest sentence, in words, that check lets by:
// the notice laws ask for plain language, and long sentences are where
// readers get lost.
const MaxSentenceWords = 25

// minGradeWords is the fewest words a paragraph needs before its reading
// grade is worked out; on fewer the formula says little.
const minGradeWords = 20

// prose is a stretch of text as a reader sees it, with where each byte was
// written in the body (for positions).
type prose struct {
	text []byte
	runs []run // where each piece added starts, in text and in the body
}

// run is a piece of prose: text[at:] was written at body offset off on.
type run struct{ at, off int }

func (s *prose) add(b []byte, off int) {
	if len(b) == 0 {
		return
	}
	s.runs = append(s.runs, run{len(s.text), off})
	s.text = append(s.text, b...)
}

// at is the body offset of text[i].
func (s *prose) at(i int) int {
	if len(s.runs) == 0 {
		return 0
	}
	i = max(0, min(i, len(s.text)-1))
	k := sort.Search(len(s.runs), func(k int) bool { return s.runs[k].at > i }) - 1
	return s.runs[k].off + i - s.runs[k].at
}

// proseOf collects the text of a paragraph, heading or list item.
func proseOf(n ast.Node, src []byte) *prose {
	s := &prose{}
	last := max(n.Pos(), 0)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			s.add(c.Segment.Value(src), c.Segment.Start)
			last = c.Segment.Stop
			if c.SoftLineBreak() || c.HardLineBreak() {
				s.add([]byte(" "), last)
			}
		case *ast.String:
			s.add([]byte(" "), last)
		case *ast.AutoLink:
			s.add([]byte("link"), max(c.Pos(), last))
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return s
}

// plainHeading checks a heading's words against the jargon list.
func (c *checker) plainHeading(p page, n ast.Node) {
	c.jargon(p, proseOf(n, p.body.Source))
}

// plainParagraph checks a paragraph for jargon, long sentences and a
// reading grade above the site's limit.
func (c *checker) plainParagraph(p page, s *prose) {
	c.jargon(p, s)
	var words, sentences, common, syl int
	for _, sn := range sentencesOf(s.text) {
		ws := wordsOf(string(s.text[sn[0]:sn[1]]))
		if len(ws) == 0 {
			continue
		}
		sentences++
		words += len(ws)
		for i, w := range ws {
			if i > 0 && isName(w) {
				continue
			}
			common++
			syl += syllables(w)
		}
		if len(ws) > MaxSentenceWords {
			c.diags.Warn(p.pos(s.at(sn[0])), "plain language", "this sentence has %d words; split it so that none has more than %d",
				len(ws), MaxSentenceWords)
		}
	}
	if words < minGradeWords {
		return
	}
	limit := c.cfg.Readability
	if limit <= 0 {
		limit = DefaultReadability
	}
	if g := grade(words, sentences, common, syl); g > limit {
		c.diags.Warn(p.pos(s.at(firstLetter(s.text))), "plain language", "this paragraph reads at school grade %.1f (Flesch-Kincaid), above the limit of %g (params.readability_grade); use shorter sentences and everyday words",
			g, limit)
	}
}

// jargon warns about each word on the jargon list, with what to write.
func (c *checker) jargon(p page, s *prose) {
	if !mayHoldJargon(s.text) {
		return
	}
	for _, m := range jargonRe.FindAllSubmatchIndex(s.text, -1) {
		for i := range jargon {
			if m[2+2*i] >= 0 {
				c.diags.Warn(p.pos(s.at(m[0])), "plain language", "%q is jargon; %s", s.text[m[0]:m[1]], jargon[i].Instead)
				break
			}
		}
	}
}

// grade is the Flesch–Kincaid grade level: the school grade at which a
// reader understands the text, from words per sentence and syllables per
// word. Names (capitalised words inside a sentence, like "Australian
// Information Commissioner") count towards sentence length but not word
// length: they cannot be put more simply, so a notice is not marked down
// for naming the regulator. syllables is counted over the common words.
func grade(words, sentences, common, syllables int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	perWord := 1.0
	if common > 0 {
		perWord = float64(syllables) / float64(common)
	}
	return 0.39*float64(words)/float64(sentences) + 11.8*perWord - 15.59
}

// isName reports whether a word inside a sentence is a name: it starts
// with a capital letter.
func isName(w string) bool {
	w = strings.TrimLeft(w, "\"'(“‘[")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "eg": true, "ie": true, "etc": false, "mr": true, "mrs": true, "ms": true,
	"dr": true, "st": true, "no": true, "vs": true, "approx": true, "ph": true, "tel": true, "pty": true,
	"p.o": true, "a.m": true, "p.m": true, "cf": true, "al": true,
}

// sentencesOf splits text into sentences: [start, end) byte ranges that end
// after a full stop, question or exclamation mark followed by a blank.
func sentencesOf(text []byte) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		ch := text[i]
		if ch != '.' && ch != '!' && ch != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte(`"')]`, text[j]) >= 0 {
			j++
		}
		if j < len(text) {
			r, _ := utf8.DecodeRune(text[j:])
			if r == '”' || r == '’' {
				j += utf8.RuneLen(r)
			}
		}
		if j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' {
			continue
		}
		if ch == '.' && !endsSentence(text[start:i], text[j:]) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = j
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// endsSentence reports whether a full stop after before ends a sentence.
func endsSentence(before, after []byte) bool {
	k := len(before)
	for k > 0 && before[k-1] != ' ' && before[k-1] != '(' && before[k-1] != '\n' {
		k--
	}
	word := strings.ToLower(string(before[k:]))
	if abbreviations[word] || utf8.RuneCountInString(word) == 1 && unicode.IsLetter([]rune(word)[0]) {
		return false
	}
	rest := strings.TrimLeft(string(after), " \t\n")
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(r) {
		return false
	}
	return true
}

// wordsOf splits a sentence into words: runs of text between blanks that
// hold a letter or a digit.
func wordsOf(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, f)
		}
	}
	return out
}

func firstLetter(text []byte) int {
	for i, r := range string(text) {
		if !unicode.IsSpace(r) {
			return i
		}
	}
	return 0
}

// syllables estimates a word's syllables from its groups of vowels, the
// usual heuristic: a silent final e does not count, and every word has one.
func syllables(word string) int {
	w := strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, word)
	if len(w) <= 3 {
		return 1
	}
	n, inVowel := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !inVowel {
			n++
		}
		inVowel = v
	}
	switch {
	case strings.HasSuffix(w, "le") && !strings.ContainsRune("aeiouy", rune(w[len(w)-3])):
	case strings.HasSuffix(w, "e"), strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses") && !strings.HasSuffix(w, "ces"),
		strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded"):
		n--
	}
	return max(n, 1)
}
