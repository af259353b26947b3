// SPDX-License-Identifier: MIT

package validate

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// compilePattern translates an XSD pattern and compiles it. literalAnchors
// reads ^ and $ as the literal characters XSD says they are; otherwise they
// are anchors, as .NET (and so Altinn) reads them.
func compilePattern(p string, literalAnchors bool) (*regexp.Regexp, error) {
	src, err := translatePattern(p, literalAnchors)
	if err != nil {
		return nil, err
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, fmt.Errorf("%w: %q: %v", ErrPattern, p, err)
	}
	return re, nil
}

// translatePattern rewrites an XSD regular expression as an anchored Go one.
func translatePattern(p string, literalAnchors bool) (string, error) {
	t := &xlat{src: p, literal: literalAnchors}
	var b strings.Builder
	b.WriteString(`^(?:`)
	for t.pos < len(p) {
		r := t.next()
		switch r {
		case '\\':
			s, err := t.escape(false)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case '[':
			rs, err := t.class()
			if err != nil {
				return "", err
			}
			b.WriteString(rangesClass(rs, false))
		case '(':
			if strings.HasPrefix(p[t.pos:], "?") {
				return "", t.fail("%q is lookaround or group syntax, which XSD patterns do not have (Go's regexp cannot run lookaround)", "(?")
			}
			b.WriteString("(?:")
		case '.':
			b.WriteString(`[^\n\r]`)
		case '^', '$':
			if literalAnchors {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(`)$`)
	return b.String(), nil
}

type xlat struct {
	src     string
	pos     int
	literal bool
}

func (t *xlat) next() rune {
	r, n := utf8.DecodeRuneInString(t.src[t.pos:])
	t.pos += n
	return r
}

func (t *xlat) peek() (rune, bool) {
	if t.pos >= len(t.src) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(t.src[t.pos:])
	return r, true
}

func (t *xlat) fail(format string, args ...any) error {
	return fmt.Errorf("%w: %q: %s", ErrPattern, t.src, fmt.Sprintf(format, args...))
}

// escape reads the escape after a backslash. Outside a class it returns Go
// syntax; inside one (inClass) the caller uses escapeRanges instead.
func (t *xlat) escape(inClass bool) (string, error) {
	// Common escapes keep Go's symbolic classes: smaller compiled programs.
	if c, ok := t.peek(); ok && !inClass {
		sym := map[rune]string{'d': `\p{Nd}`, 'D': `\P{Nd}`, 'w': `[^\pP\pZ\pC]`, 'W': `[\pP\pZ\pC]`}[c]
		if sym != "" {
			t.next()
			return sym, nil
		}
	}
	rs, single, err := t.escapeRanges()
	if err != nil {
		return "", err
	}
	if single >= 0 {
		return regexp.QuoteMeta(string(single)), nil
	}
	return rangesClass(rs, false), nil
}

// escapeRanges reads an escape as a set of code point ranges; single is the
// character of a single-character escape, else -1.
func (t *xlat) escapeRanges() (rs [][2]rune, single rune, err error) {
	c, ok := t.peek()
	if !ok {
		return nil, -1, t.fail("pattern ends with a backslash")
	}
	t.next()
	switch c {
	case 'n':
		return nil, '\n', nil
	case 'r':
		return nil, '\r', nil
	case 't':
		return nil, '\t', nil
	case '\\', '|', '.', '-', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']', '$':
		return nil, c, nil
	case 'd':
		return category("Nd", false), -1, nil
	case 'D':
		return category("Nd", true), -1, nil
	case 'w':
		return category("P", true, "Z", "C"), -1, nil
	case 'W':
		return category("P", false, "Z", "C"), -1, nil
	case 's':
		return xsdSpace, -1, nil
	case 'S':
		return complement(xsdSpace), -1, nil
	case 'i':
		return nameStart, -1, nil
	case 'I':
		return complement(nameStart), -1, nil
	case 'c':
		return nameChar, -1, nil
	case 'C':
		return complement(nameChar), -1, nil
	case 'p', 'P':
		if r, _ := t.peek(); r != '{' {
			return nil, -1, t.fail(`\%c without {name}`, c)
		}
		end := strings.IndexByte(t.src[t.pos:], '}')
		if end < 0 {
			return nil, -1, t.fail(`\%c{ without }`, c)
		}
		name := t.src[t.pos+1 : t.pos+end]
		t.pos += end + 1
		var set [][2]rune
		if block, ok := strings.CutPrefix(name, "Is"); ok {
			b, known := blocks[block]
			if !known {
				return nil, -1, t.fail(`unknown Unicode block \%c{%s}`, c, name)
			}
			set = b
		} else {
			set = category(name, false)
			if set == nil {
				return nil, -1, t.fail(`unknown Unicode category \%c{%s}`, c, name)
			}
		}
		if c == 'P' {
			set = complement(set)
		}
		return set, -1, nil
	}
	if c >= '0' && c <= '9' {
		return nil, -1, t.fail(`backreference \%c: XSD patterns have none (Go's regexp cannot run them)`, c)
	}
	return nil, -1, t.fail(`unknown escape \%c`, c)
}

// class reads a character class after "[" up to its "]", with XSD's
// negation and subtraction ([a-z-[aeiou]]), as code point ranges.
func (t *xlat) class() ([][2]rune, error) {
	neg := false
	if r, _ := t.peek(); r == '^' {
		t.next()
		neg = true
	}
	var set [][2]rune
	first := true
	for {
		r, ok := t.peek()
		if !ok {
			return nil, t.fail("character class without ]")
		}
		if r == ']' && !first {
			t.next()
			break
		}
		if r == '-' && strings.HasPrefix(t.src[t.pos:], "-[") {
			t.pos++
			t.next()
			sub, err := t.class()
			if err != nil {
				return nil, err
			}
			if r, _ := t.peek(); r != ']' {
				return nil, t.fail("a subtraction must end its class")
			}
			t.next()
			set = subtract(normalize(set), normalize(sub))
			break
		}
		first = false
		lo, loSet, err := t.classAtom()
		if err != nil {
			return nil, err
		}
		if loSet != nil {
			set = append(set, loSet...)
			continue
		}
		if r, _ := t.peek(); r == '-' && !strings.HasPrefix(t.src[t.pos:], "-]") && !strings.HasPrefix(t.src[t.pos:], "-[") {
			t.next()
			hi, hiSet, err := t.classAtom()
			if err != nil {
				return nil, err
			}
			if hiSet != nil || hi < lo {
				return nil, t.fail("bad range in character class")
			}
			set = append(set, [2]rune{lo, hi})
			continue
		}
		set = append(set, [2]rune{lo, lo})
	}
	set = normalize(set)
	if neg {
		set = complement(set)
	}
	return set, nil
}

// classAtom reads one character or multi-character escape inside a class.
func (t *xlat) classAtom() (rune, [][2]rune, error) {
	r := t.next()
	if r != '\\' {
		return r, nil, nil
	}
	rs, single, err := t.escapeRanges()
	if err != nil {
		return 0, nil, err
	}
	if single >= 0 {
		return single, nil, nil
	}
	return 0, rs, nil
}

// rangesClass spells ranges as a Go character class.
func rangesClass(rs [][2]rune, neg bool) string {
	rs = normalize(rs)
	var b strings.Builder
	b.WriteByte('[')
	if neg {
		b.WriteByte('^')
	}
	if len(rs) == 0 {
		// An empty class matches nothing.
		return `[^\x00-\x{10FFFF}]`
	}
	for _, r := range rs {
		fmt.Fprintf(&b, `\x{%X}`, r[0])
		if r[1] != r[0] {
			fmt.Fprintf(&b, `-\x{%X}`, r[1])
		}
	}
	b.WriteByte(']')
	return b.String()
}

// category returns the ranges of Unicode general categories (or their
// complement), from Go's own tables through regexp/syntax.
func category(name string, neg bool, more ...string) [][2]rune {
	src := `[\p{` + name + `}`
	for _, m := range more {
		src += `\p{` + m + `}`
	}
	src += `]`
	if neg {
		src = `[^` + src[1:]
	}
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil || re.Op != syntax.OpCharClass {
		return nil
	}
	var out [][2]rune
	for i := 0; i+1 < len(re.Rune); i += 2 {
		out = append(out, [2]rune{re.Rune[i], re.Rune[i+1]})
	}
	return out
}

// normalize sorts and merges ranges.
func normalize(rs [][2]rune) [][2]rune {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	var out [][2]rune
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

func complement(rs [][2]rune) [][2]rune {
	var out [][2]rune
	next := rune(0)
	for _, r := range normalize(rs) {
		if r[0] > next {
			out = append(out, [2]rune{next, r[0] - 1})
		}
		next = r[1] + 1
	}
	if next <= utf8.MaxRune {
		out = append(out, [2]rune{next, utf8.MaxRune})
	}
	return out
}

// subtract returns a − b for normalised range sets.
func subtract(a, b [][2]rune) [][2]rune {
	var out [][2]rune
	for _, r := range a {
		lo, hi := r[0], r[1]
		for _, s := range b {
			if s[1] < lo || s[0] > hi {
				continue
			}
			if s[0] > lo {
				out = append(out, [2]rune{lo, s[0] - 1})
			}
			lo = s[1] + 1
			if lo > hi {
				break
			}
		}
		if lo <= hi {
			out = append(out, [2]rune{lo, hi})
		}
	}
	return out
}
