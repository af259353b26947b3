// SPDX-License-Identifier: MIT

package xsdjson

import (
	"errors"
	"fmt"

	"github.com/blankett/blankett/datamodels/xsd"
)

// Sentinel errors of the converter.
var (
	// ErrUnsupported reports an XSD construct that has no JSON Schema form in
	// Altinn's dialect, such as xs:union or xs:any inside xs:choice.
	ErrUnsupported = errors.New("xsdjson: unsupported construct")
	// ErrInvalid reports a schema that cannot be converted consistently, such
	// as two properties of one object with the same name.
	ErrInvalid = errors.New("xsdjson: invalid schema")
)

// Error is a conversion problem at a place in a schema file.
type Error struct {
	Pos       xsd.Pos
	Construct string
	Msg       string
	Err       error
}

// Error formats the error as "xsdjson: file:line:col: construct: message".
func (e *Error) Error() string {
	return fmt.Sprintf("xsdjson: %s: %s: %s", e.Pos, e.Construct, e.Msg)
}

// Unwrap returns the sentinel error the problem belongs to.
func (e *Error) Unwrap() error { return e.Err }

// failAt wraps kind with the place and construct it concerns.
func failAt(p xsd.Pos, construct string, kind error, format string, args ...any) error {
	return &Error{Pos: p, Construct: construct, Msg: fmt.Sprintf(format, args...), Err: kind}
}
