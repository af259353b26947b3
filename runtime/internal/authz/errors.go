// SPDX-License-Identifier: MIT

package authz

import "errors"

// Sentinel errors; test with errors.Is.
var (
	// ErrScope reports a token whose scopes do not cover the action. It is a
	// denial (403, insufficient scope), not a failure.
	ErrScope = errors.New("authz: insufficient scope")
	// ErrNoPolicy reports an Authorize call without a policy; it denies.
	ErrNoPolicy = errors.New("authz: no policy")
	// ErrInvalidCaller reports claims that cannot describe a caller, such as a
	// user id that is not a number.
	ErrInvalidCaller = errors.New("authz: invalid caller")
	// ErrInvalidTarget reports a target that cannot be decided, such as one
	// without an action.
	ErrInvalidTarget = errors.New("authz: invalid target")
	// ErrUndecided reports a failure while deciding (a role lookup or the
	// policy evaluator failed); the request is denied.
	ErrUndecided = errors.New("authz: could not decide")
)
