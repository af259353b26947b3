// SPDX-License-Identifier: MIT

package jmespath

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrSyntax reports a query that is not valid JMESPath.
var ErrSyntax = errors.New("jmespath: syntax error")

// ErrInvalidType reports a function argument of the wrong type, an unknown
// function or a wrong argument count; JMESPath calls these runtime errors.
var ErrInvalidType = errors.New("jmespath: invalid type")

type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tQuotedIdent
	tRawString
	tLiteral
	tNumber
	tDot
	tStar
	tLbracket
	tRbracket
	tFilter  // [?
	tFlatten // []
	tLbrace
	tRbrace
	tLparen
	tRparen
	tComma
	tColon
	tPipe
	tOr
	tAnd
	tNot
	tExpref
	tCurrent
	tEQ
	tNE
	tLT
	tLTE
	tGT
	tGTE
)

type token struct {
	kind tokKind
	text string // identifier name, string value, or number text
	lit  any    // decoded literal
	pos  int
}

func syntaxErr(pos int, format string, args ...any) error {
	return fmt.Errorf("%w at position %d: %s", ErrSyntax, pos, fmt.Sprintf(format, args...))
}

func lex(s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		c := s[i]
		start := i
		simple := func(k tokKind, n int) {
			out = append(out, token{kind: k, pos: start})
			i += n
		}
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isIdentStart(c):
			j := i + 1
			for j < len(s) && isIdentChar(s[j]) {
				j++
			}
			out = append(out, token{kind: tIdent, text: s[i:j], pos: start})
			i = j
		case c == '-' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if s[i:j] == "-" {
				return nil, syntaxErr(start, "lone minus sign")
			}
			out = append(out, token{kind: tNumber, text: s[i:j], pos: start})
			i = j
		case c == '"':
			j, err := scanQuoted(s, i, '"')
			if err != nil {
				return nil, err
			}
			var name string
			if err := json.Unmarshal([]byte(s[i:j]), &name); err != nil {
				return nil, syntaxErr(start, "bad quoted identifier: %v", err)
			}
			out = append(out, token{kind: tQuotedIdent, text: name, pos: start})
			i = j
		case c == '\'':
			j, err := scanQuoted(s, i, '\'')
			if err != nil {
				return nil, err
			}
			out = append(out, token{kind: tRawString, text: strings.ReplaceAll(s[i+1:j-1], `\'`, `'`), pos: start})
			i = j
		case c == '`':
			j, err := scanQuoted(s, i, '`')
			if err != nil {
				return nil, err
			}
			var v any
			if err := json.Unmarshal([]byte(strings.ReplaceAll(s[i+1:j-1], "\\`", "`")), &v); err != nil {
				return nil, syntaxErr(start, "bad literal: %v", err)
			}
			out = append(out, token{kind: tLiteral, lit: v, pos: start})
			i = j
		case c == '[' && next == '?':
			simple(tFilter, 2)
		case c == '[' && next == ']':
			simple(tFlatten, 2)
		case c == '|' && next == '|':
			simple(tOr, 2)
		case c == '&' && next == '&':
			simple(tAnd, 2)
		case c == '=' && next == '=':
			simple(tEQ, 2)
		case c == '!' && next == '=':
			simple(tNE, 2)
		case c == '<' && next == '=':
			simple(tLTE, 2)
		case c == '>' && next == '=':
			simple(tGTE, 2)
		default:
			k, ok := singleChar(c)
			if !ok {
				return nil, syntaxErr(start, "unexpected character %q", c)
			}
			simple(k, 1)
		}
	}
	return append(out, token{kind: tEOF, pos: len(s)}), nil
}

func singleChar(c byte) (tokKind, bool) {
	switch c {
	case '.':
		return tDot, true
	case '*':
		return tStar, true
	case '[':
		return tLbracket, true
	case ']':
		return tRbracket, true
	case '{':
		return tLbrace, true
	case '}':
		return tRbrace, true
	case '(':
		return tLparen, true
	case ')':
		return tRparen, true
	case ',':
		return tComma, true
	case ':':
		return tColon, true
	case '|':
		return tPipe, true
	case '!':
		return tNot, true
	case '&':
		return tExpref, true
	case '@':
		return tCurrent, true
	case '<':
		return tLT, true
	case '>':
		return tGT, true
	}
	return 0, false
}

// scanQuoted returns the index just past the closing quote that matches the
// opening one at i, skipping backslash escapes.
func scanQuoted(s string, i int, q byte) (int, error) {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j + 1, nil
		}
	}
	return 0, syntaxErr(i, "unclosed %c", q)
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isIdentChar(c byte) bool { return isIdentStart(c) || (c >= '0' && c <= '9') }
