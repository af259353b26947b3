// SPDX-License-Identifier: MIT

package component

import (
	"bytes"
	"encoding/json"

	"github.com/blankett/blankett/appframework/expr"
)

// Expr is an expression-valued property: the JSON as written and its parsed
// form. A plain literal (true, "some.text.key") is a valid expression too.
// When the JSON does not parse as an expression, Parsed is nil and Err says
// why; Parse and ParseLayout report such properties with their JSON pointer.
type Expr struct {
	Raw    json.RawMessage
	Parsed *expr.Expr
	Err    error
}

// UnmarshalJSON keeps the raw JSON and parses it; a parse failure is kept in
// Err rather than returned, so one bad expression does not hide the rest of
// the component.
func (e *Expr) UnmarshalJSON(b []byte) error {
	e.Raw = bytes.Clone(b)
	var s string
	// Most expression-valued properties are plain text keys; reading them
	// as strings spares a JSON decoder per property.
	if len(b) > 0 && b[0] == '"' && json.Unmarshal(b, &s) == nil {
		e.Parsed, e.Err = expr.ParseValue(s)
		return nil
	}
	e.Parsed, e.Err = expr.Parse(b)
	return nil
}

// MarshalJSON writes the expression as it was written.
func (e *Expr) MarshalJSON() ([]byte, error) {
	if e == nil || len(e.Raw) == 0 {
		return []byte("null"), nil
	}
	return e.Raw, nil
}

// IsSet reports whether the property was written and parsed.
func (e *Expr) IsSet() bool { return e != nil && e.Parsed != nil }

// Literal returns the value of a literal expression (true, "key", 3) and
// whether the expression is one.
func (e *Expr) Literal() (expr.Value, bool) {
	if !e.IsSet() || !e.Parsed.IsLiteral() {
		return expr.Value{}, false
	}
	return e.Parsed.LiteralValue(), true
}

// Bool evaluates the expression as a boolean in scope; an unset property is
// def, as Altinn treats a missing hidden/required/readOnly as false.
func (e *Expr) Bool(env *expr.Env, scope *expr.Scope, def bool) (bool, error) {
	if !e.IsSet() {
		return def, nil
	}
	return e.Parsed.EvalBool(env, scope, def)
}

// String returns the raw JSON, for messages and golden files.
func (e *Expr) String() string {
	if e == nil {
		return "<nil>"
	}
	return string(e.Raw)
}
