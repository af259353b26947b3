// SPDX-License-Identifier: MIT

package sampledata

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blankett/blankett/datamodels/metadata"
)

// value returns a sample for a field with a simple value.
func (b *builder) value(f *metadata.FieldInfo, row int) any {
	if f.Fixed != nil {
		return plainJSON(f.Fixed)
	}
	if enum, ok := f.Restrictions["enum"].([]any); ok && len(enum) > 0 {
		return plainJSON(enum[row%len(enum)])
	}
	switch f.Type {
	case "boolean":
		return row%2 == 0
	case "integer":
		return number(f.Restrictions, float64(42+row), true)
	case "number":
		return number(f.Restrictions, 1234.5+float64(row), false)
	case "array":
		return []any{b.text(f, row)}
	}
	return b.text(f, row)
}

// plainJSON turns the Go integers metadata hands out into float64, as
// encoding/json decodes numbers.
func plainJSON(v any) any {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case int:
		return float64(x)
	}
	return v
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case int:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

// number places want inside the field's range and digit limits.
func number(r map[string]any, want float64, integer bool) float64 {
	step := 0.5
	if integer {
		step = 1
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	if v, ok := toFloat(r["minimum"]); ok {
		lo = v
	}
	if v, ok := toFloat(r["exclusiveMinimum"]); ok {
		lo = math.Max(lo, v+step)
	}
	if v, ok := toFloat(r["maximum"]); ok {
		hi = v
	}
	if v, ok := toFloat(r["exclusiveMaximum"]); ok {
		hi = math.Min(hi, v-step)
	}
	if d, ok := toFloat(r["totalDigits"]); ok && d >= 1 && d < 16 {
		hi = math.Min(hi, math.Pow(10, d)-1)
		if want >= math.Pow(10, d-1) {
			want = math.Floor(math.Pow(10, d-1)) + 1
		}
	}
	if integer {
		want = math.Round(want)
		lo, hi = math.Ceil(lo), math.Floor(hi)
	}
	if want < lo {
		want = lo
	}
	if want > hi && hi >= lo {
		want = hi
	}
	if m, ok := toFloat(r["multipleOf"]); ok && m > 0 {
		want = math.Ceil(want/m) * m
	}
	return want
}

// hints map words in a field's name to a plausible value; the first match
// wins, so more specific words come first.
var hints = []struct {
	words []string
	value string
}{
	{[]string{"epost", "e-post", "email", "mail"}, "ola.nordmann@example.no"},
	{[]string{"telefon", "phone", "mobil", "tlf"}, "98765432"},
	{[]string{"postnr", "postnummer", "zipcode", "zip"}, "0150"},
	{[]string{"poststed", "postplace", "city"}, "Oslo"},
	{[]string{"fodselsnummer", "fødselsnummer", "fnr", "ssn", "personnummer"}, "01017012345"},
	{[]string{"orgnr", "organisasjonsnummer", "orgnumber", "organisationnumber", "organizationnumber"}, "910123456"},
	{[]string{"kommunenummer", "kommunenr"}, "0301"},
	{[]string{"careof", "c/o"}, "Kari Nordmann"},
	{[]string{"adresse", "address", "gate"}, "Storgata 1"},
	{[]string{"fornavn", "firstname", "givenname"}, "Ola"},
	{[]string{"mellomnavn", "middlename"}, "Mellom"},
	{[]string{"etternavn", "lastname", "surname", "familyname"}, "Nordmann"},
	{[]string{"navn", "name"}, "Ola Nordmann"},
	{[]string{"land", "country"}, "Norge"},
	{[]string{"belop", "beløp", "amount", "sum", "pris", "price"}, "1000"},
	{[]string{"url", "nettside", "website"}, "https://example.no"},
}

// text returns a string sample for f.
func (b *builder) text(f *metadata.FieldInfo, row int) string {
	date := b.opts.Date
	s := ""
	switch {
	case f.Format == "date" || f.XsdType == "date":
		s = date.Format("2006-01-02")
	case f.Format == "date-time" || f.XsdType == "dateTime":
		s = date.Format("2006-01-02T15:04:05Z07:00")
	case f.Format == "time" || f.XsdType == "time":
		s = date.Format("15:04:05")
	case f.XsdType == "gYear":
		s = date.Format("2006")
	case f.XsdType == "gYearMonth":
		s = date.Format("2006-01")
	case isIntegerType(f.XsdType):
		s = strconv.Itoa(int(number(f.Restrictions, float64(42+row), true)))
	case f.XsdType == "decimal" || f.XsdType == "double" || f.XsdType == "float":
		s = strconv.FormatFloat(number(f.Restrictions, 1234.5+float64(row), false), 'f', -1, 64)
	default:
		s = hint(f)
		if s == "" {
			s = "Eksempeltekst"
			if row > 0 {
				s += " " + strconv.Itoa(row+1)
			}
		}
	}
	pattern, _ := f.Restrictions["pattern"].(string)
	re := compilePattern(pattern)
	if re != nil && !re.MatchString(s) {
		if ex, ok := example(pattern); ok {
			s = ex
		}
	}
	if fitted := fitLength(s, f.Restrictions); fitted != s && (re == nil || re.MatchString(fitted)) {
		s = fitted
	}
	return s
}

func isIntegerType(x string) bool {
	switch x {
	case "integer", "int", "long", "short", "byte", "positiveInteger", "nonNegativeInteger",
		"negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte":
		return true
	}
	return false
}

// hint picks a value from the field's name, or from its parent's for the
// SERES ".value" text fields.
func hint(f *metadata.FieldInfo) string {
	name := f.Name
	if name == "value" || f.Text {
		parts := strings.Split(f.Path, ".")
		if len(parts) >= 2 {
			name = parts[len(parts)-2]
		}
	}
	name = strings.ToLower(name)
	for _, h := range hints {
		for _, w := range h.words {
			if strings.Contains(name, w) {
				return h.value
			}
		}
	}
	return ""
}

// fitLength pads or cuts s to the field's length limits.
func fitLength(s string, r map[string]any) string {
	n := utf8.RuneCountInString(s)
	if v, ok := toFloat(r["minLength"]); ok && n < int(v) && v < 10_000 {
		s += strings.Repeat("x", int(v)-n)
	}
	if v, ok := toFloat(r["maxLength"]); ok && v >= 0 && utf8.RuneCountInString(s) > int(v) {
		s = string([]rune(s)[:int(v)])
	}
	return s
}

// compilePattern compiles an XSD/JSON Schema pattern anchored as XSD
// anchors it; patterns Go cannot read give nil.
func compilePattern(p string) *regexp.Regexp {
	if p == "" {
		return nil
	}
	re, err := regexp.Compile("^(?:" + p + ")$")
	if err != nil {
		return nil
	}
	return re
}
