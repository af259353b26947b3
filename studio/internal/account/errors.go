// SPDX-License-Identifier: MIT

package account

import "errors"

// Sentinel errors. Every error returned by this package wraps one of them.
var (
	// ErrBadCredentials reports a wrong user name, password or token, a revoked or
	// expired token, or an unknown or expired session.
	ErrBadCredentials = errors.New("account: bad credentials")
	// ErrInvalid reports input that breaks a rule (name syntax, short password).
	ErrInvalid = errors.New("account: invalid input")
	// ErrExists reports a user, org, team or membership that already exists.
	ErrExists = errors.New("account: already exists")
	// ErrNotFound reports an unknown user, org, team, member or token.
	ErrNotFound = errors.New("account: not found")
	// ErrForbidden reports an action the principal may not take.
	ErrForbidden = errors.New("account: forbidden")
	// ErrConflict reports an action that would break an invariant, e.g. removing the
	// last owner of an org.
	ErrConflict = errors.New("account: conflict")
)
