// SPDX-License-Identifier: MIT

package component

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by the errors of Issues with Severity Error.
var ErrInvalid = errors.New("component: invalid component")

// Severity ranks an Issue.
type Severity string

// The severities of issues.
const (
	// Error marks a component the runtime cannot use as written: no id, a
	// malformed expression or binding.
	Error Severity = "error"
	// Warning marks something kept but worth fixing: an unknown type, a
	// property of the wrong JSON type.
	Warning Severity = "warning"
	// Info records a v3 → v4 rewrite.
	Info Severity = "info"
)

// Issue is a problem or rewrite found in a component.
type Issue struct {
	Severity Severity
	// Code is stable and short, for lint and translations: missing-id,
	// unknown-type, type-case, invalid-expression, invalid-binding,
	// invalid-property, v3-rewrite, id-pattern.
	Code string
	// Pointer is the JSON pointer of the offending value, relative to the
	// layout array the component sits in when it comes from ParseLayout and
	// to the component itself when it comes from Parse.
	Pointer string
	// Component is the id of the component concerned ("" if it has none).
	Component string
	Message   string
}

// Err returns the issue as an error wrapping ErrInvalid.
func (i Issue) Err() error {
	return fmt.Errorf("%w: %s: %s", ErrInvalid, i.Pointer, i.Message)
}

// String renders the issue on one line.
func (i Issue) String() string {
	return fmt.Sprintf("%s %s %s: %s", i.Severity, i.Code, i.Pointer, i.Message)
}
