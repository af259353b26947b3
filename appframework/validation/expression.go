// SPDX-License-Identifier: MIT

package validation

import (
	"fmt"
	"maps"
	"slices"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
)

// expressions runs validation.json: each rule once per concrete path of its field in
// the data type's data, with ["argv", 0] the path and the path's row as the scope, so
// unindexed dataModel paths in the rule read the same row.
func (r *run) expressions() error {
	for _, dt := range slices.Sorted(maps.Keys(r.app.Validations)) {
		data, ok := r.in.Data[dt]
		if !ok {
			continue // not part of this task's data
		}
		val := r.app.Validations[dt]
		for _, fr := range val.Fields {
			p, err := expr.ParsePath(fr.Field)
			if err != nil {
				return fmt.Errorf("validation: %s: field %q: %w", val.File, fr.Field, err)
			}
			for _, cp := range expand(data, p) {
				scope := &expr.Scope{DataType: dt, Row: rowOf(cp), RowDataType: dt,
					Args: []expr.Value{expr.String(cp.String())}}
				for _, rule := range fr.Rules {
					if err := r.rule(val, rule, dt, cp, scope); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func (r *run) rule(val *app.Validation, rule *app.Rule, dt string, cp expr.Path, scope *expr.Scope) error {
	res, err := rule.Resolve(val.Definitions)
	if err != nil {
		return fmt.Errorf("validation: %s%s: %w", val.File, rule.Pointer, err)
	}
	hit, err := res.Condition.Bool(r.env, scope, false)
	if err != nil {
		// The data makes the condition unevaluable, e.g. text in a number field, which
		// the schema check reports; as in Altinn the rule is skipped, never the whole
		// validation.
		r.skipped = append(r.skipped, fmt.Errorf("validation: %s%s: condition for %s: %w", val.File, rule.Pointer, cp, err))
		return nil
	}
	if !hit {
		return nil
	}
	is := Issue{Severity: ParseSeverity(res.Severity), DataType: dt, Field: cp.String(),
		Code: CodeExpression, Source: SourceExpression}
	if res.Message.IsSet() {
		msg := ""
		if v, err := res.Message.Parsed.Eval(r.env, scope); err != nil {
			r.skipped = append(r.skipped, fmt.Errorf("validation: %s%s: message for %s: %w", val.File, rule.Pointer, cp, err))
		} else {
			msg = v.AsString()
		}
		if r.env.Texts != nil {
			if _, ok := r.env.Texts.Text(msg); ok {
				is.CustomTextKey = msg
			}
		}
		is.Description = r.text(msg, scope)
	}
	r.issues = append(r.issues, is)
	return nil
}
