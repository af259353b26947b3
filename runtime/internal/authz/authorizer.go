// SPDX-License-Identifier: MIT

package authz

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blankett/blankett/appframework/policy"
)

// Roles is the policy information point for people: the role codes (DAGL,
// REGNA, PRIV, …) a user holds for a party. A user acting for their own
// person party must get PRIV, as in Altinn.
type Roles interface {
	Roles(ctx context.Context, userID, partyID int64) ([]string, error)
}

// Authorizer is the policy enforcement point. It is safe for concurrent use.
type Authorizer struct {
	roles Roles
}

// New returns an Authorizer that resolves people's roles through roles.
func New(roles Roles) *Authorizer { return &Authorizer{roles: roles} }

// Authorize decides whether the caller may perform t.Action on t under p.
// A denial is a Decision with Allowed false and err nil, except that a scope
// denial also returns an error wrapping ErrScope. Any other error means the
// decision could not be made; the Decision then denies with Category Error.
func (a *Authorizer) Authorize(ctx context.Context, c Caller, t Target, p *policy.Policy) (Decision, error) {
	if p == nil {
		return deny(Error, "authorisation is not configured for this app"), fmt.Errorf("%w for %s/%s", ErrNoPolicy, t.Org, t.App)
	}
	if t.Action == "" {
		return deny(Error, "the request names no action"), fmt.Errorf("%w: no action", ErrInvalidTarget)
	}
	if c.Kind == None {
		return deny(Unauthenticated, "log in to do this"), nil
	}
	if d, ok := checkScope(c, t); !ok {
		return d, fmt.Errorf("%w: %s", ErrScope, d.Reason)
	}
	subj, d, err := a.subject(ctx, c, t)
	if err != nil || d.Category != "" {
		return d, err
	}
	return decide(ctx, p, subj, t)
}

// checkScope denies when the caller's scopes do not cover the action.
func checkScope(c Caller, t Target) (Decision, bool) {
	need := requiredScope(c.Kind, writes(t.Action), t.APIScopes)
	if c.hasScope(need, ScopePortal) {
		return Decision{}, true
	}
	return deny(Scope, fmt.Sprintf("the token lacks the scope %s", need)), false
}

// subject resolves the policy subject, or a denial when the caller has no
// standing at all for the target.
func (a *Authorizer) subject(ctx context.Context, c Caller, t Target) (policy.Subject, Decision, error) {
	s := policy.Subject{AuthLevel: c.AuthLevel, Scopes: c.Scopes}
	if c.PartyID != 0 {
		s.PartyID = strconv.FormatInt(c.PartyID, 10)
	}
	switch c.Kind {
	case None:
		return s, deny(Unauthenticated, "log in to do this"), nil
	case ServiceOwner:
		// The PDP would deny anyway when the policy names only its own org;
		// checking here also guards policies that permit any org.
		if c.Org == "" || c.Org != t.Org {
			return s, deny(Role, fmt.Sprintf("service owner %s does not own the app %s/%s", c.Org, t.Org, t.App)), nil
		}
		s.Org = c.Org
	case User:
		s.UserID = strconv.FormatInt(c.UserID, 10)
		if t.InstanceOwnerPartyID == 0 {
			break
		}
		if a.roles == nil {
			return s, deny(Error, "authorisation could not be decided"), fmt.Errorf("%w: no role lookup", ErrUndecided)
		}
		roles, err := a.roles.Roles(ctx, c.UserID, t.InstanceOwnerPartyID)
		if err != nil {
			return s, deny(Error, "authorisation could not be decided"),
				fmt.Errorf("%w: roles of user %d for party %d: %w", ErrUndecided, c.UserID, t.InstanceOwnerPartyID, err)
		}
		s.Roles = roles
	}
	return s, Decision{}, nil
}

// resource is the policy resource of the target.
func resource(t Target) policy.Resource {
	r := policy.Resource{Org: t.Org, App: t.App, Task: t.Task, EndEvent: t.EndEvent, AppResource: t.AppResource}
	if t.InstanceOwnerPartyID != 0 {
		r.PartyID = strconv.FormatInt(t.InstanceOwnerPartyID, 10)
	}
	return r
}
