// SPDX-License-Identifier: MIT

package validate

import "errors"

// Sentinel errors of the package; returned errors wrap one of them.
var (
	// ErrSchema reports a schema that cannot be compiled for validation.
	ErrSchema = errors.New("validate: unusable schema")
	// ErrPattern reports an XSD pattern that cannot be translated to a Go
	// regular expression (lookahead, backreferences, unknown blocks).
	ErrPattern = errors.New("validate: unsupported pattern")
	// ErrInput reports an instance that cannot be read at all (malformed,
	// forbidden constructs, beyond limits, wrong root element).
	ErrInput = errors.New("validate: unreadable instance")
)
