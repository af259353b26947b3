// SPDX-License-Identifier: MIT

package app

import (
	"errors"
	"fmt"
	"strings"
)

// Errors of the package; every *Error wraps one of them.
var (
	// ErrNotApp reports a file system with no application metadata.
	ErrNotApp = errors.New("app: not an app repository")
	// ErrSyntax reports a file that is not JSON even with comments and
	// trailing commas allowed.
	ErrSyntax = errors.New("app: malformed JSON")
	// ErrInvalid reports content that is JSON but not a valid app file.
	ErrInvalid = errors.New("app: invalid app file")
	// ErrCycle reports a container that contains itself through its children.
	ErrCycle = errors.New("app: cycle of children")
	// ErrModel reports a data model that cannot be read or converted.
	ErrModel = errors.New("app: invalid data model")
	// ErrTooLarge reports a file or app beyond the loader's limits.
	ErrTooLarge = errors.New("app: too large")
)

// Error is one problem in one file.
type Error struct {
	// File is the path in the app's fs.FS.
	File string
	// Pointer is the JSON pointer of the offending value ("" for the whole file).
	Pointer string
	// Line and Col locate syntax errors (1-based; 0 when unknown).
	Line, Col int
	Err       error
}

// Error renders file:line:col or file#pointer, then the problem.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Line > 0:
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	case e.Pointer != "":
		b.WriteString("#" + e.Pointer)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the problem, which wraps one of the package sentinels.
func (e *Error) Unwrap() error { return e.Err }

// fileErr builds an *Error whose message wraps sentinel.
func fileErr(file, pointer string, sentinel error, format string, args ...any) *Error {
	return &Error{File: file, Pointer: pointer, Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
}

// maxErrors caps how many problems one Load reports.
const maxErrors = 200

// problems collects the errors and issues of one load.
type problems struct {
	errs   []error
	issues []Issue
}

func (p *problems) add(e *Error) {
	if len(p.errs) < maxErrors {
		p.errs = append(p.errs, e)
	}
}

func (p *problems) issue(i Issue) { p.issues = append(p.issues, i) }

func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return errors.Join(p.errs...)
}

// Issue is something that loaded but deserves the author's attention.
type Issue struct {
	File    string
	Pointer string
	// Severity is "warning" or "info".
	Severity string
	// Code is stable and short (unknown-type, v3-rewrite, page-not-in-order…).
	Code    string
	Message string
}

// String renders the issue on one line: severity, code, location, message.
func (i Issue) String() string {
	loc := i.File
	if i.Pointer != "" {
		loc += "#" + i.Pointer
	}
	return fmt.Sprintf("%s %s %s: %s", i.Severity, i.Code, loc, i.Message)
}
