// SPDX-License-Identifier: MIT

package component

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/blankett/blankett/appframework/expr"
)

// Binding is one dataModelBindings entry: a dot path into the set's default
// data model ("root.person.name"), or {"dataType": id, "field": path} into
// another model of the same task. Inside repeating groups paths are written
// without indices; the row supplies them.
type Binding struct {
	// DataType is "" for the layout set's default data type.
	DataType string
	// Field is the path as written.
	Field string
	// Path is Field parsed; nil when Err is set.
	Path expr.Path
	// Err says why the binding could not be read.
	Err error
}

// UnmarshalJSON reads either form; problems are kept in Err, as for Expr.
func (b *Binding) UnmarshalJSON(raw []byte) error {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) > 0 && raw[0] == '"':
		if err := json.Unmarshal(raw, &b.Field); err != nil {
			b.Err = err
			return nil
		}
	case len(raw) > 0 && raw[0] == '{':
		var o struct {
			DataType string `json:"dataType"`
			Field    string `json:"field"`
		}
		if err := json.Unmarshal(raw, &o); err != nil {
			b.Err = err
			return nil
		}
		b.DataType, b.Field = o.DataType, o.Field
	default:
		b.Err = errors.New("a binding is a path string or {\"dataType\", \"field\"}")
		return nil
	}
	b.Path, b.Err = expr.ParsePath(b.Field)
	return nil
}

// MarshalJSON writes the binding back in the form it was read.
func (b Binding) MarshalJSON() ([]byte, error) {
	if b.DataType == "" {
		return json.Marshal(b.Field)
	}
	return json.Marshal(struct {
		DataType string `json:"dataType"`
		Field    string `json:"field"`
	}{b.DataType, b.Field})
}

// Expr returns the binding as the expression package needs it.
func (b Binding) Expr() expr.Binding { return expr.Binding{DataType: b.DataType, Path: b.Path} }

// String renders the binding for messages: "path" or "dataType:path".
func (b Binding) String() string {
	if b.DataType == "" {
		return b.Field
	}
	return fmt.Sprintf("%s:%s", b.DataType, b.Field)
}
