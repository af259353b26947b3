// SPDX-License-Identifier: MIT

package authz

import (
	"context"
	"fmt"

	"github.com/blankett/blankett/appframework/policy"
)

// decide asks the policy about the target's action and, for a data type
// that demands one, its extra action; both must be permitted.
func decide(ctx context.Context, p *policy.Policy, s policy.Subject, t Target) (Decision, error) {
	d, err := decideAction(ctx, p, s, t, t.Action)
	if err != nil || !d.Allowed {
		return d, err
	}
	if extra := t.dataAction(); extra != "" && extra != t.Action {
		d2, err := decideAction(ctx, p, s, t, extra)
		d2.MinAuthLevel = max(d2.MinAuthLevel, d.MinAuthLevel)
		return d2, err
	}
	return d, nil
}

// decideAction runs the policy for one action and explains a denial.
func decideAction(ctx context.Context, p *policy.Policy, s policy.Subject, t Target, action string) (Decision, error) {
	pd, err := p.Decide(ctx, policy.Request{Subject: s, Resource: resource(t), Action: action})
	if err != nil {
		return deny(Error, "authorisation could not be decided"),
			fmt.Errorf("%w: %s on %s/%s: %w", ErrUndecided, action, t.Org, t.App, err)
	}
	if pd.Permitted() {
		return Decision{Allowed: true, RuleID: pd.RuleID, MinAuthLevel: pd.MinAuthLevel}, nil
	}
	if failed := failedObligations(p, pd, s); failed != nil {
		return Decision{
			Category:          Obligation,
			Reason:            fmt.Sprintf("authentication level %d is below the level %d required to %s", s.AuthLevel, pd.MinAuthLevel, action),
			RuleID:            pd.RuleID,
			FailedObligations: failed,
			MinAuthLevel:      pd.MinAuthLevel,
		}, nil
	}
	d := deny(Policy, fmt.Sprintf("you may not %s %s", action, where(t)))
	if len(s.Roles) == 0 && s.Org == "" {
		d.Category = Role
		d.Reason = fmt.Sprintf("you have no role for party %d that allows %s", t.InstanceOwnerPartyID, action)
	}
	if pd.Effect == policy.Deny {
		d.RuleID = pd.RuleID
	}
	return d, nil
}

// failedObligations returns the authentication-level obligations when a
// permitting rule was overturned by them (policy.Decide keeps the rule), and
// nil for any other denial.
func failedObligations(p *policy.Policy, pd policy.Decision, s policy.Subject) []policy.Obligation {
	if pd.Effect != policy.Deny || pd.MinAuthLevel == 0 || pd.RuleIndex < 0 || pd.RuleIndex >= len(p.Rules) ||
		p.Rules[pd.RuleIndex].Effect != policy.Permit {
		return nil
	}
	var out []policy.Obligation
	for _, o := range pd.Obligations {
		for _, as := range o.Assignments {
			if as.Category == policy.CategoryMinAuthLevel || (s.Org != "" && as.Category == policy.CategoryMinAuthLevelOrg) {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// where describes the instance state for a denial reason.
func where(t Target) string {
	switch {
	case t.EndEvent != "":
		return "after the instance has ended"
	case t.Task != "":
		return "in task " + t.Task
	case t.AppResource != "":
		return "on " + t.AppResource
	}
	return "on this app"
}
