// SPDX-License-Identifier: MIT

package validate

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blankett/blankett/datamodels/xmljson"
)

// gen makes instances of a model as JSON (maps), meant to be valid.
type gen struct {
	m        *xmljson.Model
	rnd      *rand.Rand
	optional float64 // chance to include an optional member
	maxDepth int
}

func (g *gen) instance() any {
	return g.value(g.m.Root, g.m.Root.Type, 0)
}

func (g *gen) value(mb *xmljson.Member, t *xmljson.Type, depth int) any {
	switch t.Kind {
	case xmljson.Simple:
		return g.scalar(mb)
	case xmljson.Any:
		return "x"
	}
	obj := map[string]any{}
	chosen := map[int]int{}
	for _, c := range t.Members {
		for _, cb := range c.Choices {
			if _, ok := chosen[cb.Choice]; !ok {
				chosen[cb.Choice] = cb.Branch
			}
		}
	}
	for _, c := range t.Members {
		inChosen := len(c.Choices) > 0
		for _, cb := range c.Choices {
			if chosen[cb.Choice] != cb.Branch {
				inChosen = false
			}
		}
		if len(c.Choices) > 0 && !inChosen {
			continue
		}
		want := c.Required || inChosen || c.Array && c.MinItems > 0
		if !want && (depth >= g.maxDepth || g.rnd.Float64() >= g.optional) {
			continue
		}
		switch {
		case c.Attribute || c.Text:
			obj[c.Name] = g.scalar(c)
		case c.Array:
			n := max(c.MinItems, 1)
			if c.MaxItems == xmljson.Unbounded || c.MaxItems > n {
				n += g.rnd.IntN(2)
			}
			items := make([]any, n)
			for i := range items {
				items[i] = g.value(c, c.Type, depth+1)
			}
			obj[c.Name] = items
		default:
			if c.Nillable && !c.Required && g.rnd.Float64() < 0.1 {
				obj[c.Name] = nil
				continue
			}
			obj[c.Name] = g.value(c, c.Type, depth+1)
		}
	}
	return obj
}

// scalar makes a value its facets allow.
func (g *gen) scalar(mb *xmljson.Member) any {
	f := collectFacets(g.m.Doc, mb.Schema)
	if mb.Type.List {
		return []any{json.Number("1")}
	}
	if f.constant != nil {
		return typed(*f.constant, f)
	}
	if f.hasEnum && len(f.enum) > 0 {
		choices := f.enum
		if len(choices) > 1 && choices[0] == "" {
			choices = choices[1:]
		}
		return typed(choices[g.rnd.IntN(len(choices))], f)
	}
	switch f.typ {
	case "boolean":
		return g.rnd.IntN(2) == 0
	case "integer", "number":
		return g.number(f)
	}
	if s, ok := g.special(f); ok {
		return s
	}
	return g.text(f)
}

// typed turns a lexical enumeration or fixed value into the JSON type.
func typed(s string, f *facets) any {
	switch f.typ {
	case "integer", "number":
		return json.Number(s)
	case "boolean":
		return s == "true" || s == "1"
	}
	return s
}

func (g *gen) special(f *facets) (string, bool) {
	switch f.format {
	case "date":
		return pickDate(f, "2021-05-17", "date"), true
	case "date-time":
		return pickDate(f, "2021-05-17T12:34:56", "date-time"), true
	case "time":
		return "12:34:56", true
	case "year":
		return pickDate(f, "2021", "year"), true
	case "year-month":
		return pickDate(f, "2021-05", "year-month"), true
	case "duration":
		return "P1D", true
	case "uri":
		return "https://example.no/skjema", true
	}
	switch f.xsdType {
	case "gMonthDay":
		return "--05-17", true
	case "gDay":
		return "---17", true
	case "gMonth":
		return "--05", true
	case "language":
		return "nb", true
	case "hexBinary":
		return "0AFF", true
	case "base64Binary":
		return "AQID", true
	case "QName":
		return "navn", true // a prefix would need a declaration in scope
	}
	return "", false
}

// pickDate uses a bound when there is one, so that the value satisfies it.
func pickDate(f *facets, def, _ string) string {
	if f.dateMin != "" {
		return f.dateMin
	}
	if f.dateMax != "" {
		return f.dateMax
	}
	return def
}

func (g *gen) number(f *facets) json.Number {
	lo, hi := -1e6, 1e6
	if r, ok := intRanges[f.xsdType]; ok {
		if r[0] != nil {
			lo = math.Max(lo, float64(r[0].Int64()))
		}
		if r[1] != nil && r[1].IsInt64() {
			hi = math.Min(hi, float64(r[1].Int64()))
		}
	}
	if f.totalDigits > 0 && f.totalDigits < 7 {
		lim := math.Pow(10, float64(f.totalDigits)) - 1
		lo, hi = math.Max(lo, -lim), math.Min(hi, lim)
	}
	if f.min != nil {
		lo = math.Max(lo, *f.min)
		if f.exMin {
			lo = math.Max(lo, math.Floor(*f.min)+1)
		}
	}
	if f.max != nil {
		hi = math.Min(hi, *f.max)
		if f.exMax {
			hi = math.Min(hi, math.Ceil(*f.max)-1)
		}
	}
	lo, hi = math.Ceil(lo), math.Floor(hi)
	if lo > hi {
		return json.Number(strconv.FormatFloat(lo, 'f', -1, 64))
	}
	v := math.Max(lo, math.Min(hi, float64(g.rnd.IntN(100))))
	s := strconv.FormatFloat(v, 'f', -1, 64)
	// A decimal with room for a fraction gets one, to exercise decimals.
	if f.typ == "number" && f.fraction != 0 && (f.totalDigits < 0 || len(strings.Trim(s, "-"))+1 <= f.totalDigits) && v+0.5 <= hi {
		s += ".5"
	}
	return json.Number(s)
}

// text makes a string that matches the patterns and lengths, or the best
// effort.
func (g *gen) text(f *facets) string {
	minLen, maxLen := max(f.minLen, 0), f.maxLen
	if maxLen < 0 {
		maxLen = max(minLen, 12)
	}
	ok := func(s string) bool {
		n := utf8.RuneCountInString(s)
		if n < minLen || n > maxLen || !checkBuiltin(f.xsdType, s) {
			return false
		}
		for _, p := range f.patterns {
			re, err := compilePattern(p, true)
			if err != nil || !re.MatchString(s) {
				return false
			}
		}
		return true
	}
	if len(f.patterns) > 0 {
		for range 60 {
			if s, err := fromPattern(f.patterns[0], g.rnd); err == nil && ok(s) {
				return s
			}
		}
	}
	base := "Tekst"
	switch f.xsdType {
	case "NCName", "Name", "ID", "IDREF", "ENTITY", "NMTOKEN", "token", "NMTOKENS", "IDREFS", "ENTITIES":
		base = "navn"
	}
	s := base
	for utf8.RuneCountInString(s) < minLen {
		s += "x"
	}
	if r := []rune(s); len(r) > maxLen {
		s = string(r[:maxLen])
	}
	return s
}

// fromPattern makes a random string matching an XSD pattern.
func fromPattern(p string, rnd *rand.Rand) (string, error) {
	src, err := translatePattern(p, true)
	if err != nil {
		return "", err
	}
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	emit(re.Simplify(), rnd, &b)
	return b.String(), nil
}

func emit(re *syntax.Regexp, rnd *rand.Rand, b *strings.Builder) {
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		b.WriteRune(pickRune(re.Rune, rnd))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		emit(re.Sub[0], rnd, b)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			emit(s, rnd, b)
		}
	case syntax.OpAlternate:
		emit(re.Sub[rnd.IntN(len(re.Sub))], rnd, b)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 2
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 {
				hi = lo + 2
			}
		}
		n := lo + rnd.IntN(hi-lo+1)
		for range n {
			emit(re.Sub[0], rnd, b)
		}
	}
}

// pickRune picks a printable character of a class, preferring ASCII.
func pickRune(pairs []rune, rnd *rand.Rand) rune {
	var ascii []rune
	for i := 0; i+1 < len(pairs); i += 2 {
		for r := max(pairs[i], 0x21); r <= min(pairs[i+1], 0x7E); r++ {
			if r != '<' && r != '&' {
				ascii = append(ascii, r)
			}
		}
	}
	if len(ascii) > 0 {
		return ascii[rnd.IntN(len(ascii))]
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if r := max(pairs[i], 0xA0); r <= pairs[i+1] && r < 0xD800 {
			return r
		}
	}
	return 'a'
}
