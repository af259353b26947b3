// SPDX-License-Identifier: MIT

package policy

import (
	"errors"
	"fmt"
)

// Sentinel errors. Parse and Decide wrap them with details; test with errors.Is.
var (
	// ErrMalformed reports input that is not an XACML policy: bad XML, a
	// wrong root, a missing attribute or a value of the wrong form.
	ErrMalformed = errors.New("policy: malformed policy")
	// ErrUnsupported reports an XACML construct outside the subset, such as a
	// Condition, a PolicySet or an unknown function or combining algorithm.
	ErrUnsupported = errors.New("policy: unsupported construct")
	// ErrUnknownAttribute reports an attribute id or category the evaluator
	// cannot fill from a Request.
	ErrUnknownAttribute = errors.New("policy: unknown attribute")
	// ErrInvalidRequest reports a Request that cannot be decided, such as one
	// without an action.
	ErrInvalidRequest = errors.New("policy: invalid request")
)

// posError wraps a sentinel with a line and column in the file; 0 means unknown.
func posError(kind error, line, col int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	switch {
	case line > 0 && col > 0:
		return fmt.Errorf("%w: line %d:%d: %s", kind, line, col, msg)
	case line > 0:
		return fmt.Errorf("%w: line %d: %s", kind, line, msg)
	}
	return fmt.Errorf("%w: %s", kind, msg)
}
