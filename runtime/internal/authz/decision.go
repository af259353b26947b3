// SPDX-License-Identifier: MIT

package authz

import "github.com/blankett/blankett/appframework/policy"

// Category says why a request was denied; "" for an allowed one.
type Category string

// Denial categories. The transport layer maps Unauthenticated to 401, Error
// to 500 and the others to 403.
const (
	// Unauthenticated: there is no caller.
	Unauthenticated Category = "unauthenticated"
	// Scope: the token's scopes do not cover the action.
	Scope Category = "scope"
	// Role: the caller has no standing for the instance owner or app (no
	// role for the party, or a service owner of another org's app).
	Role Category = "role"
	// Policy: the caller has roles, but no rule permits the action in the
	// instance's current state.
	Policy Category = "policy"
	// Obligation: a rule permits, but an obligation such as the minimum
	// authentication level is not met.
	Obligation Category = "obligation"
	// Error: the decision could not be made.
	Error Category = "error"
)

// Decision is the outcome of Authorize.
type Decision struct {
	Allowed bool
	// Category is why the request was denied; "" when allowed.
	Category Category
	// Reason explains a denial in words safe to show the caller.
	Reason string
	// RuleID is the policy rule that decided, "" when none did.
	RuleID string
	// FailedObligations are the obligations that turned a Permit into a Deny,
	// for a 403 body as Altinn sends it.
	FailedObligations []policy.Obligation
	// MinAuthLevel is the authentication level the permitting rule needs.
	MinAuthLevel int
}

func deny(c Category, reason string) Decision {
	return Decision{Category: c, Reason: reason}
}
