// SPDX-License-Identifier: MIT

package validate

import (
	"encoding/json"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/message"
)

// vocabURL names the vocabulary of the @xsd keywords this package checks.
const vocabURL = "https://blankett.no/vocab/xsd"

// xsdVocabulary checks @xsdType (built-in ranges and lexical rules),
// totalDigits, @xsdEnum, @xsdConst and formatMinimum and friends.
func xsdVocabulary() *jsonschema.Vocabulary {
	return &jsonschema.Vocabulary{URL: vocabURL, Compile: compileXSD}
}

type xsdExt struct {
	builtin     string
	totalDigits int
	enum        []string
	hasConst    bool
	constant    string
	bounds      []dateBound
}

type dateBound struct {
	keyword string
	kind    dateKind
	limit   string
	at      moment
}

func compileXSD(_ *jsonschema.CompilerContext, obj map[string]any) (jsonschema.SchemaExt, error) {
	e := &xsdExt{totalDigits: -1}
	if b, ok := obj["@xsdType"].(string); ok && !strings.HasPrefix(b, "#") && hasBuiltinCheck(b) {
		e.builtin = b
	}
	if n, ok := obj["totalDigits"].(json.Number); ok {
		if i, err := strconv.Atoi(string(n)); err == nil && i > 0 {
			e.totalDigits = i
		}
	}
	if arr, ok := obj["@xsdEnum"].([]any); ok {
		for _, x := range arr {
			e.enum = append(e.enum, lexicalOf(x))
		}
		if e.enum == nil {
			e.enum = []string{}
		}
	}
	if x, ok := obj["@xsdConst"]; ok {
		e.hasConst, e.constant = true, lexicalOf(x)
	}
	for _, kw := range []string{"formatMinimum", "formatExclusiveMinimum", "formatMaximum", "formatExclusiveMaximum"} {
		s, ok := obj[kw].(string)
		if !ok {
			continue
		}
		k, ok := dateKindOfLimit(s)
		if !ok {
			continue
		}
		at, _ := parseDate(s, k)
		e.bounds = append(e.bounds, dateBound{keyword: kw, kind: k, limit: s, at: at})
	}
	if e.builtin == "" && e.totalDigits < 0 && e.enum == nil && !e.hasConst && len(e.bounds) == 0 {
		return nil, nil
	}
	return e, nil
}

func (e *xsdExt) Validate(ctx *jsonschema.ValidatorContext, v any) {
	if v == nil {
		return
	}
	if e.builtin != "" && !checkBuiltin(e.builtin, v) {
		ctx.AddError(&errBuiltin{Type: e.builtin, Got: lexicalOf(v)})
	}
	if e.totalDigits > 0 {
		if n, ok := v.(json.Number); ok {
			if d := totalDigits(string(n)); d > e.totalDigits {
				ctx.AddError(&errTotalDigits{Want: e.totalDigits, Got: d})
			}
		}
	}
	if e.enum != nil && !slices.ContainsFunc(e.enum, func(w string) bool { return sameValue(v, w) }) {
		ctx.AddError(&errEnum{Want: e.enum, Got: lexicalOf(v)})
	}
	if e.hasConst && !sameValue(v, e.constant) {
		ctx.AddError(&errConst{Want: e.constant, Got: lexicalOf(v)})
	}
	for _, b := range e.bounds {
		s, ok := v.(string)
		if !ok {
			continue
		}
		m, err := parseDate(s, b.kind)
		if err != nil {
			continue // the format keyword reports it
		}
		c := m.t.Compare(b.at.t)
		bad := map[string]bool{"formatMinimum": c < 0, "formatExclusiveMinimum": c <= 0,
			"formatMaximum": c > 0, "formatExclusiveMaximum": c >= 0}[b.keyword]
		if bad {
			ctx.AddError(&errDateBound{Keyword: b.keyword, Want: b.limit, Got: s})
		}
	}
}

// lexicalOf spells a JSON scalar as XSD would.
func lexicalOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// sameValue compares an instance value with an enumeration or fixed value
// in the value space: numbers numerically, booleans as true/1 and false/0,
// strings exactly.
func sameValue(v any, want string) bool {
	switch x := v.(type) {
	case json.Number:
		a, ok1 := new(big.Rat).SetString(string(x))
		b, ok2 := new(big.Rat).SetString(strings.TrimSpace(want))
		return ok1 && ok2 && a.Cmp(b) == 0
	case bool:
		w := strings.TrimSpace(want)
		return x && (w == "true" || w == "1") || !x && (w == "false" || w == "0")
	case string:
		return x == want
	}
	return false
}

// totalDigits counts the significant digits of a decimal literal: leading
// zeros and trailing fraction zeros do not count (XSD compares values).
func totalDigits(s string) int {
	s = strings.TrimLeft(s, "+-")
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		r, ok := new(big.Rat).SetString(s)
		if !ok || hugeExp(s[i+1:]) {
			return 0
		}
		prec, exact := r.FloatPrec()
		if !exact {
			return 0
		}
		s = strings.TrimLeft(r.FloatString(prec), "-")
	}
	ip, fp, _ := strings.Cut(s, ".")
	ip = strings.TrimLeft(ip, "0")
	fp = strings.TrimRight(fp, "0")
	if ip == "" && fp != "" {
		// 0.00123 has three significant digits.
		return len(strings.TrimLeft(fp, "0")) + (len(fp) - len(strings.TrimLeft(fp, "0")))
	}
	if n := len(ip) + len(fp); n > 0 {
		return n
	}
	return 1
}

func hugeExp(e string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(e, "+"))
	return err != nil || n > 400 || n < -400
}

// The error kinds of the vocabulary.
type (
	errBuiltin struct {
		Type, Got string
	}
	errTotalDigits struct{ Want, Got int }
	errEnum        struct {
		Want []string
		Got  string
	}
	errConst     struct{ Want, Got string }
	errDateBound struct{ Keyword, Want, Got string }
)

func (*errBuiltin) KeywordPath() []string     { return []string{"@xsdType"} }
func (*errTotalDigits) KeywordPath() []string { return []string{"totalDigits"} }
func (*errEnum) KeywordPath() []string        { return []string{"@xsdEnum"} }
func (*errConst) KeywordPath() []string       { return []string{"@xsdConst"} }
func (k *errDateBound) KeywordPath() []string { return []string{k.Keyword} }

func (k *errBuiltin) LocalizedString(p *message.Printer) string {
	return p.Sprintf("%q is not a valid %s", k.Got, k.Type)
}
func (k *errTotalDigits) LocalizedString(p *message.Printer) string {
	return p.Sprintf("%d digits, at most %d allowed", k.Got, k.Want)
}
func (k *errEnum) LocalizedString(p *message.Printer) string {
	return p.Sprintf("%q is not one of %q", k.Got, k.Want)
}
func (k *errConst) LocalizedString(p *message.Printer) string {
	return p.Sprintf("%q is not the fixed value %q", k.Got, k.Want)
}
func (k *errDateBound) LocalizedString(p *message.Printer) string {
	return p.Sprintf("%q is outside the bound %s %q", k.Got, k.Keyword, k.Want)
}
