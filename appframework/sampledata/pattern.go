// SPDX-License-Identifier: MIT

package sampledata

import (
	"regexp/syntax"
	"strings"
	"unicode"
)

// maxExample caps the length of a string derived from a pattern.
const maxExample = 1000

// example derives a short string that matches pattern, or reports false
// when the pattern cannot be read or the derived string does not match
// (XSD regular expressions have features Go's lack).
func example(pattern string) (string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	gen(re.Simplify(), &b)
	s := b.String()
	if m := compilePattern(pattern); m == nil || !m.MatchString(s) {
		return "", false
	}
	return s, true
}

func gen(re *syntax.Regexp, b *strings.Builder) {
	if b.Len() > maxExample {
		return
	}
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		b.WriteRune(pick(re.Rune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('x')
	case syntax.OpCapture:
		gen(re.Sub[0], b)
	case syntax.OpStar, syntax.OpPlus:
		gen(re.Sub[0], b)
	case syntax.OpRepeat:
		n := re.Min
		if n == 0 && re.Max != 0 {
			n = 1
		}
		for range n {
			gen(re.Sub[0], b)
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			gen(s, b)
		}
	case syntax.OpAlternate:
		if len(re.Sub) > 0 {
			gen(re.Sub[0], b)
		}
	}
	// OpQuest, anchors, boundaries and empty matches contribute nothing.
}

// pick chooses a friendly rune from a character class given as ranges.
func pick(ranges []rune) rune {
	in := func(r rune) bool {
		for i := 0; i+1 < len(ranges); i += 2 {
			if r >= ranges[i] && r <= ranges[i+1] {
				return true
			}
		}
		return false
	}
	for _, r := range "a1A0x-. " {
		if in(r) {
			return r
		}
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1] && r-ranges[i] < 256; r++ {
			if unicode.IsPrint(r) {
				return r
			}
		}
	}
	if len(ranges) > 0 {
		return ranges[0]
	}
	return 'x'
}
