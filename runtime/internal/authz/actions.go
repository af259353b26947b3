// SPDX-License-Identifier: MIT

package authz

import (
	"context"
	"fmt"

	"github.com/blankett/blankett/appframework/policy"
)

// ActionsFor decides each action for the caller on t (t.Action and
// t.DataType are ignored) and returns the per-action booleans of GET
// process. With no actions named it decides DefaultActions. Roles are looked
// up once; a scope that covers only reads gives false for every other
// action. The error is non-nil when p is nil or deciding failed, and then
// the map is nil.
func (a *Authorizer) ActionsFor(ctx context.Context, c Caller, t Target, p *policy.Policy, actions ...string) (map[string]bool, error) {
	if len(actions) == 0 {
		actions = DefaultActions()
	}
	if p == nil {
		return nil, fmt.Errorf("%w for %s/%s", ErrNoPolicy, t.Org, t.App)
	}
	out := make(map[string]bool, len(actions))
	if c.Kind == None {
		for _, act := range actions {
			out[act] = false
		}
		return out, nil
	}
	t.DataType = nil
	subj, d, err := a.subject(ctx, c, t)
	if err != nil {
		return nil, err
	}
	for _, act := range actions {
		t.Action = act
		if d.Category != "" || act == "" {
			out[act] = false
			continue
		}
		if _, ok := checkScope(c, t); !ok {
			out[act] = false
			continue
		}
		ad, err := decideAction(ctx, p, subj, t, act)
		if err != nil {
			return nil, err
		}
		out[act] = ad.Allowed
	}
	return out, nil
}
