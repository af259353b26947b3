// SPDX-License-Identifier: MIT

package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/blankett/blankett/appframework/component"
)

// Validation is models/<dataType>.validation.json: expression validations
// per data model field, and named definitions they may refer to.
type Validation struct {
	File     string
	DataType string
	// Fields are in field-path order.
	Fields      []FieldRules
	Definitions map[string]*Rule
}

// FieldRules are the rules of one field path.
type FieldRules struct {
	Field string
	Rules []*Rule
}

// Rule is one expression validation. A rule written as a bare string is a
// reference to a definition (Ref set, nothing else); an object may also name
// a definition in ref and override parts of it.
type Rule struct {
	// Pointer is the rule's JSON pointer in its file.
	Pointer         string
	Ref             string
	Condition       *component.Expr
	Message         *component.Expr
	Severity        string
	ShowImmediately *bool
}

// Resolve returns the rule with its ref followed through defs (fields set on
// r win), and an error for unknown or cyclic references.
func (r *Rule) Resolve(defs map[string]*Rule) (*Rule, error) {
	out := *r
	seen := map[string]bool{}
	for ref := r.Ref; ref != ""; {
		if seen[ref] {
			return nil, fmt.Errorf("%w: validation definition %q refers to itself", ErrCycle, ref)
		}
		seen[ref] = true
		d, ok := defs[ref]
		if !ok {
			return nil, fmt.Errorf("%w: no validation definition %q", ErrInvalid, ref)
		}
		if out.Condition == nil {
			out.Condition = d.Condition
		}
		if out.Message == nil {
			out.Message = d.Message
		}
		if out.Severity == "" {
			out.Severity = d.Severity
		}
		if out.ShowImmediately == nil {
			out.ShowImmediately = d.ShowImmediately
		}
		ref = d.Ref
	}
	out.Ref = ""
	return &out, nil
}

// Calculation is models/<dataType>.calculation.json, the newest lib's
// expression calculations. Its format is young, so it is kept as JSON with
// every expression found under "calculations" parsed.
type Calculation struct {
	File     string
	DataType string
	Raw      json.RawMessage
	// Fields maps each field path under "calculations" to its raw entry.
	Fields map[string]json.RawMessage
}

func (l *loader) loadRules(file, dataType string, validation bool) {
	data, ok := l.read(file)
	if !ok {
		return
	}
	if l.app.Metadata.DataType(dataType) == nil {
		l.p.issue(Issue{File: file, Severity: "warning", Code: "rules-without-type",
			Message: fmt.Sprintf("no data type %q for this file", dataType)})
	}
	if !validation {
		c := &Calculation{File: file, DataType: dataType}
		var doc struct {
			Calculations map[string]json.RawMessage `json:"calculations"`
		}
		if e := decodeFile(file, data, &doc); e != nil {
			l.p.add(e)
			return
		}
		c.Raw, c.Fields = relax(data), doc.Calculations
		l.app.Calculations[dataType] = c
		return
	}
	var doc struct {
		Validations map[string][]json.RawMessage `json:"validations"`
		Definitions map[string]json.RawMessage   `json:"definitions"`
	}
	if e := decodeFile(file, data, &doc); e != nil {
		l.p.add(e)
		return
	}
	v := &Validation{File: file, DataType: dataType, Definitions: map[string]*Rule{}}
	for name, raw := range doc.Definitions {
		if r := l.rule(file, "/definitions/"+pointerToken(name), raw); r != nil {
			v.Definitions[name] = r
		}
	}
	fields := make([]string, 0, len(doc.Validations))
	for f := range doc.Validations {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	for _, f := range fields {
		fr := FieldRules{Field: f}
		for i, raw := range doc.Validations[f] {
			ptr := "/validations/" + pointerToken(f) + "/" + strconv.Itoa(i)
			r := l.rule(file, ptr, raw)
			if r == nil {
				continue
			}
			if _, err := r.Resolve(v.Definitions); err != nil {
				l.p.add(&Error{File: file, Pointer: ptr, Err: err})
				continue
			}
			fr.Rules = append(fr.Rules, r)
		}
		v.Fields = append(v.Fields, fr)
	}
	l.app.Validations[dataType] = v
}

// rule reads one validation: a definition name or an object.
func (l *loader) rule(file, ptr string, raw json.RawMessage) *Rule {
	raw = bytes.TrimSpace(raw)
	r := &Rule{Pointer: ptr}
	if len(raw) > 0 && raw[0] == '"' {
		_ = json.Unmarshal(raw, &r.Ref)
		return r
	}
	var o struct {
		Ref             string          `json:"ref"`
		Condition       *component.Expr `json:"condition"`
		Message         *component.Expr `json:"message"`
		Severity        string          `json:"severity"`
		ShowImmediately *bool           `json:"showImmediately"`
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		l.p.add(fileErr(file, ptr, ErrInvalid, "a validation is a definition name or an object: %v", err))
		return nil
	}
	r.Ref, r.Condition, r.Message, r.Severity, r.ShowImmediately = o.Ref, o.Condition, o.Message, o.Severity, o.ShowImmediately
	ok := true
	for _, e := range []struct {
		name string
		x    *component.Expr
	}{{"condition", r.Condition}, {"message", r.Message}} {
		if e.x != nil && e.x.Err != nil {
			l.p.add(fileErr(file, ptr+"/"+e.name, ErrInvalid, "%v", e.x.Err))
			ok = false
		}
	}
	switch r.Severity {
	case "", "error", "warning", "info", "success":
	default:
		l.p.issue(Issue{File: file, Pointer: ptr + "/severity", Severity: "warning", Code: "validation-severity",
			Message: fmt.Sprintf("unknown severity %q", r.Severity)})
	}
	if !ok {
		return nil
	}
	return r
}

// pointerToken escapes a JSON pointer reference token.
func pointerToken(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '~':
			b = append(b, "~0"...)
		case '/':
			b = append(b, "~1"...)
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}
