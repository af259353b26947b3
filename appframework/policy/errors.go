// SPDX-License-Identifier: MIT

package policy

import (
	"errors"
	"github.com/blankett/blankett/appframework/internal/xmltree"
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

// posError wraps a sentinel with a position in the file; see xmltree.PosError.
func posError(kind error, line, col int, format string, args ...any) error {
	return xmltree.PosError(kind, line, col, format, args...)
}
