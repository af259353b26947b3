// SPDX-License-Identifier: MIT

package validation

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/blankett/blankett/appframework/expr"
)

// Calculate runs models/<dataType>.calculation.json for the data types in in.Data and
// writes each result into the data, returning the changed fields as
// "dataType|indexed path", sorted. Altinn's format for this file is young and not
// fully documented; Blankett reads {"calculations": {"<field path>": <expression>}}
// (or {"expression": <expression>} in place of the bare expression). Like a
// validation.json rule, an expression runs once per concrete path of its field, with
// ["argv", 0] the path and the path's row as its scope. Fields run in path order, once;
// a calculation that reads another's result must come after it in that order. An
// expression that cannot be evaluated for the data leaves its field unchanged and is
// reported through in.OnSkip.
func (v *Validator) Calculate(in Input) ([]string, error) {
	r := v.newRun(in)
	var changed []string
	for _, dt := range slices.Sorted(maps.Keys(v.app.Calculations)) {
		data, ok := in.Data[dt].(map[string]any)
		if !ok {
			continue
		}
		calc := v.app.Calculations[dt]
		for _, field := range slices.Sorted(maps.Keys(calc.Fields)) {
			e, err := parseCalculation(calc.Fields[field])
			if err != nil {
				return nil, fmt.Errorf("validation: %s: %s: %w", calc.File, field, err)
			}
			p, err := expr.ParsePath(field)
			if err != nil {
				return nil, fmt.Errorf("validation: %s: field %q: %w", calc.File, field, err)
			}
			for _, cp := range expand(data, p) {
				scope := &expr.Scope{DataType: dt, Row: rowOf(cp), RowDataType: dt, Args: []expr.Value{expr.String(cp.String())}}
				val, err := e.Eval(r.env, scope)
				if err != nil {
					// Data the expression cannot use (text in a number field) leaves the
					// field as it is; the caller hears of it, as with validation rules.
					if in.OnSkip != nil {
						in.OnSkip(fmt.Errorf("validation: %s: %s: %w", calc.File, cp, err))
					}
					continue
				}
				if set(data, cp, val.Any()) {
					changed = append(changed, dt+"|"+cp.String())
				}
			}
		}
	}
	slices.Sort(changed)
	return changed, nil
}

func parseCalculation(raw json.RawMessage) (*expr.Expr, error) {
	var obj struct {
		Expression json.RawMessage `json:"expression"`
	}
	if json.Unmarshal(raw, &obj) == nil && obj.Expression != nil {
		raw = obj.Expression
	}
	return expr.Parse(raw)
}

// set writes v at the concrete path p, creating missing objects on the way (lists
// must exist: expand only yields rows that do), and reports whether the value changed.
func set(data map[string]any, p expr.Path, v any) bool {
	var node any = data
	for i, seg := range p {
		m, ok := node.(map[string]any)
		if !ok {
			return false
		}
		last := i == len(p)-1
		if seg.Index < 0 {
			if last {
				old, had := m[seg.Name]
				m[seg.Name] = v
				return !had || !reflect.DeepEqual(old, v)
			}
			if _, ok := m[seg.Name].(map[string]any); !ok && m[seg.Name] == nil {
				m[seg.Name] = map[string]any{}
			}
			node = m[seg.Name]
			continue
		}
		list, ok := m[seg.Name].([]any)
		if !ok || seg.Index >= len(list) {
			return false
		}
		if last {
			changed := !reflect.DeepEqual(list[seg.Index], v)
			list[seg.Index] = v
			return changed
		}
		node = list[seg.Index]
	}
	return false
}
