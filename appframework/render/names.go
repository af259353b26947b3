// SPDX-License-Identifier: MIT

package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
)

// Control field names. Every other name in a posted form is a FieldName.
const (
	// ActionField is the name of every submit button; its value is an Action.
	ActionField = "_action"
	// FilePrefix starts the name of a file input: "_file:" + Target.
	FilePrefix = "_file:"
	// TagPrefix starts the name of a FileUploadWithTag tag select: "_tag:" + Target.
	TagPrefix = "_tag:"
	// ListPrefix starts the name of a List component's row choice:
	// "_list:" + Target; the value is ListChoice-encoded.
	ListPrefix = "_list:"
)

// Field is a form field: a data type ("" for the layout set's default) and
// an indexed data model path.
type Field struct {
	DataType string
	Path     expr.Path
}

// FieldName returns the name of the input for f: the indexed path
// ("Skjema.Person[1].Navn"), prefixed "dataType:" when f is not in the
// layout set's default data type. ParseFieldName reads it back.
func FieldName(f Field) string {
	if f.DataType == "" {
		return f.Path.String()
	}
	return f.DataType + ":" + f.Path.String()
}

// ParseFieldName reads a name written by FieldName. Names starting with "_"
// are control fields, not data, and are refused.
func ParseFieldName(name string) (Field, error) {
	if name == "" || name[0] == '_' {
		return Field{}, fmt.Errorf("%w: %q is not a data field", ErrFieldName, name)
	}
	var f Field
	path := name
	if dt, rest, ok := strings.Cut(name, ":"); ok {
		if dt == "" || strings.ContainsAny(dt, " \t\r\n") {
			return Field{}, fmt.Errorf("%w: %q has an empty or malformed data type", ErrFieldName, name)
		}
		f.DataType, path = dt, rest
	}
	p, err := expr.ParsePath(path)
	if err != nil {
		return Field{}, fmt.Errorf("%w: %q: %w", ErrFieldName, name, err)
	}
	f.Path = p
	return f, nil
}

// Target is a component instance: its id and the row indices of the
// repeating groups around it (outermost first), e.g. "subGroup:1.0".
type Target struct {
	Component string
	Rows      []int
}

// String writes the target as "id" or "id:1.0".
func (t Target) String() string {
	if len(t.Rows) == 0 {
		return t.Component
	}
	return t.Component + ":" + rowsString(t.Rows)
}

// ParseTarget reads a Target written by Target.String.
func ParseTarget(s string) (Target, error) {
	id, rows, _ := strings.Cut(s, ":")
	if !validID(id) {
		return Target{}, fmt.Errorf("%w: target %q", ErrAction, s)
	}
	r, err := parseRows(rows)
	if err != nil {
		return Target{}, err
	}
	return Target{Component: id, Rows: r}, nil
}

func rowsString(rows []int) string {
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(r))
	}
	return b.String()
}

// maxRows bounds the nesting a posted row path may claim.
const maxRows = 16

func parseRows(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ".")
	if len(parts) > maxRows {
		return nil, fmt.Errorf("%w: too many row indices in %q", ErrAction, s)
	}
	out := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p != strconv.Itoa(n) {
			return nil, fmt.Errorf("%w: row index %q", ErrAction, p)
		}
		out[i] = n
	}
	return out, nil
}

// validID accepts component ids: non-empty, no separators or spaces.
func validID(id string) bool {
	return id != "" && len(id) <= 256 && !strings.ContainsAny(id, ": \t\r\n")
}
