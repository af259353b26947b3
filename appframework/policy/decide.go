// SPDX-License-Identifier: MIT

package policy

import (
	"context"
	"fmt"
	"strings"
)

// Decision is the answer to a Request.
type Decision struct {
	Effect Effect
	// RuleID and RuleIndex (its position in Policy.Rules) name the rule that
	// decided; RuleIndex is -1 when none did. A Permit turned into a Deny by
	// the authentication level keeps the permitting rule.
	RuleID    string
	RuleIndex int
	// Obligations are the obligations attached to the effect the rules gave.
	Obligations []Obligation
	// MinAuthLevel is the authentication level the subject needed, 0 when
	// no obligation demands one.
	MinAuthLevel int
	// Reason explains a Deny or NotApplicable in words for logs.
	Reason string
}

// Permitted reports whether the decision is a Permit.
func (d Decision) Permitted() bool { return d.Effect == Permit }

// Decide evaluates the request against the policy. The error is non-nil only
// for a cancelled context, a request without an action, or a Policy built in
// code with an attribute Parse would have rejected.
func (p *Policy) Decide(ctx context.Context, req Request) (Decision, error) {
	if err := ctx.Err(); err != nil {
		return Decision{RuleIndex: -1}, fmt.Errorf("policy: decide: %w", err)
	}
	if req.Action == "" {
		return Decision{RuleIndex: -1}, fmt.Errorf("%w: no action", ErrInvalidRequest)
	}
	d, err := p.combine(&req)
	if err != nil {
		return Decision{RuleIndex: -1}, err
	}
	if d.Effect == NotApplicable {
		return d, nil
	}
	d.Obligations = p.obligationsFor(d)
	applyAuthLevel(&d, &req.Subject)
	return d, nil
}

// DecideActions decides each action for the same subject and resource, for
// the per-action booleans of the process state.
func (p *Policy) DecideActions(ctx context.Context, req Request, actions []string) (map[string]bool, error) {
	out := make(map[string]bool, len(actions))
	for _, a := range actions {
		req.Action = a
		d, err := p.Decide(ctx, req)
		if err != nil {
			return nil, err
		}
		out[a] = d.Permitted()
	}
	return out, nil
}

// combine runs the rule-combining algorithm.
func (p *Policy) combine(req *Request) (Decision, error) {
	none := Decision{Effect: NotApplicable, RuleIndex: -1}
	if ok, err := p.Target.matches(req); !ok || err != nil {
		none.Reason = "the policy target does not match"
		return none, err
	}
	firstPermit, firstDeny := -1, -1
	for i := range p.Rules {
		r := &p.Rules[i]
		ok, err := r.Target.matches(req)
		if err != nil {
			return none, fmt.Errorf("policy: rule %s: %w", r.ID, err)
		}
		if !ok {
			continue
		}
		if p.Combining == FirstApplicable {
			return p.ruleDecision(i), nil
		}
		if r.Effect == Permit && firstPermit < 0 {
			firstPermit = i
		}
		if r.Effect == Deny && firstDeny < 0 {
			firstDeny = i
		}
	}
	winner, loser := firstDeny, firstPermit
	if p.Combining == PermitOverrides || p.Combining == DenyUnlessPermit {
		winner, loser = firstPermit, firstDeny
	}
	if winner >= 0 {
		return p.ruleDecision(winner), nil
	}
	if loser >= 0 {
		return p.ruleDecision(loser), nil
	}
	none.Reason = fmt.Sprintf("no rule permits %s", req.Action)
	switch p.Combining {
	case DenyUnlessPermit:
		none.Effect = Deny
	case PermitUnlessDeny:
		none.Effect = Permit
		none.Reason = ""
	}
	return none, nil
}

func (p *Policy) ruleDecision(i int) Decision {
	r := &p.Rules[i]
	d := Decision{Effect: r.Effect, RuleID: r.ID, RuleIndex: i}
	if r.Effect == Deny {
		d.Reason = "denied by rule " + r.ID
	}
	return d
}

// obligationsFor returns the policy's and the deciding rule's obligations for
// the decision's effect.
func (p *Policy) obligationsFor(d Decision) []Obligation {
	var out []Obligation
	add := func(obs []Obligation) {
		for _, o := range obs {
			if o.FulfillOn == d.Effect {
				out = append(out, o)
			}
		}
	}
	if d.RuleIndex >= 0 {
		add(p.Rules[d.RuleIndex].Obligations)
	}
	add(p.Obligations)
	return out
}

func (t Target) matches(req *Request) (bool, error) {
	for _, dis := range t {
		ok, err := dis.matches(req)
		if !ok || err != nil {
			return false, err
		}
	}
	return true, nil
}

func (a AnyOf) matches(req *Request) (bool, error) {
	for _, all := range a {
		ok, err := all.matches(req)
		if ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}

func (a AllOf) matches(req *Request) (bool, error) {
	for _, m := range a {
		ok, err := m.matches(req)
		if !ok || err != nil {
			return false, err
		}
	}
	return true, nil
}

// matches reports whether any value in the attribute's bag equals the
// match's value; an empty bag matches nothing (MustBePresent is false in
// Altinn's policies, and an absent attribute is not an error). Parse rejects
// unknown attributes; a Policy built in code may still have one, and then
// the decision fails rather than leave a Deny rule inert.
func (m Match) matches(req *Request) (bool, error) {
	get := attributes[m.Attribute]
	if get == nil {
		return false, fmt.Errorf("%w: %s in category %s", ErrUnknownAttribute, m.Attribute.ID, m.Attribute.Category)
	}
	for _, v := range get(req) {
		if v == m.Value || (m.IgnoreCase && strings.EqualFold(v, m.Value)) {
			return true, nil
		}
	}
	return false, nil
}
