// SPDX-License-Identifier: MIT

package xsd

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error the package returns wraps one of them, usually
// inside an *Error that says where the problem is.
var (
	// ErrMalformed reports input that is not well-formed XML.
	ErrMalformed = errors.New("xsd: malformed XML")
	// ErrDTD reports a DOCTYPE or entity declaration, which the reader refuses
	// so that entity expansion attacks cannot start.
	ErrDTD = errors.New("xsd: DTDs and entity declarations are not allowed")
	// ErrLimit reports input beyond a configured resource limit.
	ErrLimit = errors.New("xsd: resource limit exceeded")
	// ErrUnsupported reports a valid XSD construct the model cannot represent.
	ErrUnsupported = errors.New("xsd: unsupported construct")
	// ErrInvalid reports a schema that breaks XSD rules, such as a reference
	// to a type that is not declared.
	ErrInvalid = errors.New("xsd: invalid schema")
	// ErrNotFound reports an included or imported file that cannot be opened.
	ErrNotFound = errors.New("xsd: schema file not found")
)

// Error is a problem at a place in a schema file. Construct names the XSD
// construct involved as written, for example `xsd:element "Root"`.
type Error struct {
	File      string
	Line, Col int
	Construct string
	Msg       string
	Err       error
}

// Error formats the error as "xsd: file:line:col: construct: message".
func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Col)
	}
	if e.Construct != "" {
		return fmt.Sprintf("xsd: %s: %s: %s", loc, e.Construct, e.Msg)
	}
	return fmt.Sprintf("xsd: %s: %s", loc, e.Msg)
}

// Unwrap returns the sentinel error the problem belongs to.
func (e *Error) Unwrap() error { return e.Err }

func errAt(p Pos, construct string, kind error, format string, args ...any) *Error {
	return &Error{File: p.File, Line: p.Line, Col: p.Col, Construct: construct, Msg: fmt.Sprintf(format, args...), Err: kind}
}
