// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
)

// xmlSpace are the characters XML Schema's whitespace collapsing removes.
const xmlSpace = " \t\r\n"

// scalarValue turns the lexical form of a simple value into JSON. Strings
// stay exactly as written. Numbers and booleans are trimmed and become JSON
// numbers and booleans; a lexical form that is not valid for the type stays a
// string, so that validation reports it as a wrong type.
func scalarValue(text string, t *Type) any {
	if t.List {
		items := []any{}
		for _, f := range strings.FieldsFunc(text, isXMLSpace) {
			items = append(items, scalarOf1(f, t.Scalar))
		}
		return items
	}
	return scalarOf1(text, t.Scalar)
}

func scalarOf1(text string, s Scalar) any {
	switch s {
	case Integer, Number:
		if n, ok := jsonNumber(strings.Trim(text, xmlSpace), s == Integer); ok {
			return n
		}
	case Boolean:
		switch strings.Trim(text, xmlSpace) {
		case "true", "1":
			return true
		case "false", "0":
			return false
		}
	}
	return text
}

func isXMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' }

// jsonNumber respells an XSD decimal, integer or double literal as a JSON
// number: a leading "+" and leading zeros go (JSON cannot spell them), every
// other digit stays, so 1.50 remains 1.50. INF and NaN have no JSON form.
func jsonNumber(s string, integer bool) (json.Number, bool) {
	if s == "" {
		return "", false
	}
	in, neg := s, false
	switch s[0] {
	case '+':
		s = s[1:]
	case '-':
		neg, s = true, s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		if integer {
			return "", false
		}
		mant, exp = s[:i], s[i+1:]
		if !validExponent(exp) {
			return "", false
		}
	}
	ip, fp, dot := strings.Cut(mant, ".")
	if integer && dot {
		return "", false
	}
	if !digits(ip) || !digits(fp) || ip+fp == "" {
		return "", false
	}
	orig := ip
	ip = strings.TrimLeft(ip, "0")
	if ip == "" {
		ip = "0"
	}
	if plus := in[0] == '+' || strings.HasPrefix(exp, "+"); !plus && ip == orig && (fp != "" || !dot) &&
		strings.IndexByte(in, 'E') < 0 && (!neg || strings.Trim(ip+fp, "0") != "") {
		// Already a JSON number: keep the string, saving a copy per value.
		return json.Number(in), true
	}
	var b strings.Builder
	if neg && (strings.Trim(ip+fp, "0") != "") {
		b.WriteByte('-')
	}
	b.WriteString(ip)
	if fp != "" {
		b.WriteByte('.')
		b.WriteString(fp)
	}
	if exp != "" {
		b.WriteByte('e')
		b.WriteString(strings.TrimPrefix(exp, "+"))
	}
	return json.Number(b.String()), true
}

func validExponent(e string) bool {
	e = strings.TrimPrefix(strings.TrimPrefix(e, "+"), "-")
	return e != "" && digits(e)
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// lexical writes a JSON scalar in the XSD lexical form of the type: numbers
// of decimal and integer types without an exponent (which XSD does not
// allow there), integral values of integer types without a fraction.
func lexical(v any, t *Type) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	case json.Number:
		return numberLexical(string(x), t), true
	case float64:
		if t.Scalar == Integer || t.XSDType == "decimal" || t.Scalar == Number && !isFloatType(t.XSDType) {
			return numberLexical(strconv.FormatFloat(x, 'f', -1, 64), t), true
		}
		return strconv.FormatFloat(x, 'g', -1, 64), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	}
	return "", false
}

func isFloatType(x string) bool { return x == "double" || x == "float" }

// numberLexical rewrites a JSON number literal with an exponent as a plain
// decimal for decimal and integer types; "1e3" is no xs:decimal.
func numberLexical(s string, t *Type) string {
	if isFloatType(t.XSDType) || hugeExponent(s) {
		return s
	}
	if t.Scalar == Integer {
		if r, ok := new(big.Rat).SetString(s); ok && r.IsInt() {
			return r.Num().String()
		}
		return s
	}
	if !strings.ContainsAny(s, "eE") {
		return s
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return s
	}
	if r.IsInt() {
		return r.Num().String()
	}
	if prec, exact := r.FloatPrec(); exact {
		return r.FloatString(prec)
	}
	return s
}

// hugeExponent guards big.Rat against literals like 1e999999999, which would
// expand into gigabytes of digits.
func hugeExponent(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return false
	}
	e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
	return err != nil || e > 400 || e < -400
}
