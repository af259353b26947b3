// SPDX-License-Identifier: MIT

package validate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/xmljson"
)

// Result is the outcome of validating one instance.
type Result struct {
	// Value is the instance as JSON (objects as map[string]any, numbers
	// json.Number), ready to store or to write as XML.
	Value any
	// Issues are the problems found; none means valid.
	Issues []Issue
}

// Valid reports whether there are no issues.
func (r *Result) Valid() bool { return len(r.Issues) == 0 }

// ValidateXML reads an XML instance and validates it. It fails (ErrInput)
// only when the XML cannot be read at all; everything else is an Issue.
func (v *Validator) ValidateXML(r io.Reader) (*Result, error) {
	res, err := v.model.ReadXML(r, xmljson.ReadOptions{Limits: v.opts.Limits, Maps: true})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInput, err)
	}
	issues := v.mismatches(res.Mismatches, nil)
	sch := v.xmlSchema()
	for _, m := range res.Mismatches {
		if m.Code == xmljson.CodeNotNillable {
			// xsi:nil made a string element null, which only the full
			// schema refuses with a type issue.
			sch = v.schema
			break
		}
	}
	issues = v.check(sch, res.Value, issues)
	return &Result{Value: res.Value, Issues: dedupe(issues)}, nil
}

// ValidateJSON reads a JSON instance (the root element's content) and
// validates it, including what only XML would catch: properties the model
// does not have and two branches of a choice.
func (v *Validator) ValidateJSON(r io.Reader) (*Result, error) {
	val, err := v.ReadJSON(r)
	if err != nil {
		return nil, err
	}
	return &Result{Value: val, Issues: v.ValidateValue(val)}, nil
}

// ReadXML reads an XML instance into its JSON value without validating it,
// for a caller that stores what reads and validates later. It fails
// (ErrInput) only when the XML cannot be read at all.
func (v *Validator) ReadXML(r io.Reader) (any, error) {
	res, err := v.model.ReadXML(r, xmljson.ReadOptions{Limits: v.opts.Limits, Maps: true})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInput, err)
	}
	return res.Value, nil
}

// ReadJSON reads a JSON instance (the root element's content) within the
// size and depth limits, without validating it. It fails (ErrInput) only when
// the JSON cannot be read.
func (v *Validator) ReadJSON(r io.Reader) (any, error) {
	lim := v.opts.Limits
	max := lim.MaxBytes
	if max <= 0 {
		max = xmljson.DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInput, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: input larger than %d bytes", ErrInput, max)
	}
	depth := lim.MaxDepth
	if depth <= 0 {
		depth = xmljson.DefaultMaxDepth
	}
	if err := checkDepth(data, depth); err != nil {
		return nil, err
	}
	val, err := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInput, err)
	}
	return val, nil
}

// ValidateValue validates a decoded JSON instance (objects as
// map[string]any or *jsonobj.Object, numbers json.Number).
func (v *Validator) ValidateValue(val any) []Issue {
	val = plain(val)
	issues := v.mismatches(v.model.Check(val), nil)
	return dedupe(v.check(v.schema, val, issues))
}

func (v *Validator) check(sch *jsonschema.Schema, val any, out []Issue) []Issue {
	if err := sch.Validate(val); err != nil {
		return v.issues(err, out)
	}
	return out
}

func (v *Validator) mismatches(ms []xmljson.Mismatch, out []Issue) []Issue {
	for _, m := range ms {
		p := map[string]any{"name": m.Name}
		if m.Want != "" {
			p["want"] = m.Want
		}
		if m.Line > 0 {
			p["line"] = m.Line
		}
		out = append(out, v.issue(m.Pointer, m.Code, p))
	}
	return out
}

func (v *Validator) issue(ptr, code string, params map[string]any) Issue {
	lang := v.opts.Language
	if lang == "" {
		lang = "nb"
	}
	return Issue{Pointer: ptr, Path: bindingPath(ptr), Code: code, Params: params, Message: Message(lang, code, params)}
}

// dedupe drops repeated issues (same place and code), which choices and
// shared types can produce.
func dedupe(in []Issue) []Issue {
	if len(in) < 2 {
		return in
	}
	seen := map[[2]string]bool{}
	out := in[:0]
	for _, is := range in {
		k := [2]string{is.Pointer, is.Code}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, is)
	}
	return out
}

// plain turns *jsonobj.Object values into maps, which jsonschema reads.
func plain(v any) any {
	switch x := v.(type) {
	case *jsonobj.Object:
		m := make(map[string]any, x.Len())
		for _, k := range x.Keys() {
			m[k] = plain(x.Value(k))
		}
		return m
	case []any:
		if !slices.ContainsFunc(x, hasObject) {
			return x // nothing to convert: no copy
		}
		out := make([]any, len(x))
		for i := range x {
			out[i] = plain(x[i])
		}
		return out
	}
	return v
}

// hasObject reports whether plain would change v.
func hasObject(v any) bool {
	switch x := v.(type) {
	case *jsonobj.Object:
		return true
	case []any:
		return slices.ContainsFunc(x, hasObject)
	}
	return false
}

// errTooDeep reports JSON nested beyond the limit.
var errTooDeep = errors.New("nested too deep")

// checkDepth scans JSON for nesting beyond max before it is decoded.
func checkDepth(data []byte, max int) error {
	depth, inStr, esc := 0, false, false
	for _, c := range data {
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
			if depth > max {
				return fmt.Errorf("%w: %w: deeper than %d", ErrInput, errTooDeep, max)
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}
