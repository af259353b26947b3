// SPDX-License-Identifier: MIT

package expr

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error the package returns wraps one of them inside an
// *Error that says where in the expression the problem is.
var (
	// ErrSyntax reports JSON that is not an expression: an empty array, a
	// function name that is not a string, an object, or malformed JSON.
	ErrSyntax = errors.New("expr: invalid expression")
	// ErrUnknownFunction reports a function name the language does not have.
	ErrUnknownFunction = errors.New("expr: unknown function")
	// ErrArity reports a call with the wrong number of arguments.
	ErrArity = errors.New("expr: wrong number of arguments")
	// ErrType reports a value that cannot be coerced to the type a function needs.
	ErrType = errors.New("expr: type error")
	// ErrTooDeep reports an expression nested deeper than the parser allows.
	ErrTooDeep = errors.New("expr: expression nested too deeply")
	// ErrNotFound reports a lookup that found nothing where something is
	// required: a component id, a data type, a positional argument.
	ErrNotFound = errors.New("expr: not found")
	// ErrInvalidArgument reports an argument value a function cannot use: an
	// unknown operator, an invalid date, a division by zero.
	ErrInvalidArgument = errors.New("expr: invalid argument")
	// ErrUnavailable reports a function whose data source the Env does not provide.
	ErrUnavailable = errors.New("expr: data source not available")
)

// Error is a problem at a place in an expression. Path is a JSON path into the
// expression, "$" for the whole expression and "$[2][1]" for the first argument
// of the call that is the second argument of the outer call.
type Error struct {
	Path string
	Msg  string
	Err  error
}

// Error formats the error as "expr: $[2]: message".
func (e *Error) Error() string {
	if e.Path == "" {
		return "expr: " + e.Msg
	}
	return "expr: " + e.Path + ": " + e.Msg
}

// Unwrap returns the sentinel the problem belongs to, or the cause.
func (e *Error) Unwrap() error { return e.Err }

func errorf(path string, kind error, format string, args ...any) *Error {
	return &Error{Path: path, Msg: fmt.Sprintf(format, args...), Err: kind}
}

// wrapAt gives an error from a data source or callback a path. Errors that
// already are *Error keep their own path.
func wrapAt(path string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Path: path, Msg: err.Error(), Err: err}
}
