// SPDX-License-Identifier: MIT

package process

import (
	"fmt"
	"strings"
)

// Step is the result of a move: where the instance went and how.
type Step struct {
	From *Element
	// To is the task or end event the instance moved to.
	To *Element
	// Action is the action that ended From: the caller's, or the task
	// type's default when the caller named none.
	Action string
	// Flows are the sequence flows taken, in order, through any gateways.
	Flows []*Flow
}

// Ended reports whether the step reached an end event.
func (s Step) Ended() bool { return s.To.IsEnd() }

// Next moves from current (a task, or a start event to begin the process) with
// action, through any exclusive gateways, to the next task or end event.
//
// An empty action means the default of the task type (write for data tasks,
// confirm for confirmation, sign for signing, pay for payment). Any other
// action must end the task: one of its type's process-next actions or a
// process action in its altinn:actions, such as reject. Whether the user may
// perform it is policy's business, not this method's.
//
// At a gateway every flow other than the default is decided by eval; a flow
// without a condition always holds. Exactly one must hold, or the default flow
// is taken when none does: BPMN's rule. Altinn's app library instead takes the
// default whenever it holds, and one without a condition always does, which
// makes the other conditions dead; no corpus app has a default flow, so the
// two agree on every app seen. eval may be nil when no gateway on the way has
// a conditional flow. The action the conditions see as gatewayAction is
// Step.Action, so a caller that names none gets the task type's default.
func (d *Definition) Next(current, action string, eval GatewayEval) (Step, error) {
	e := d.byID[current]
	if e == nil {
		return Step{}, fmt.Errorf("%w: %q", ErrUnknownElement, current)
	}
	step := Step{From: e}
	switch e.Kind {
	case KindEndEvent:
		return Step{}, fmt.Errorf("%w: %s is an end event", ErrEnded, e.ID)
	case KindGateway:
		return Step{}, fmt.Errorf("%w: %s is a gateway", ErrNotTask, e.ID)
	case KindTask:
		a, err := e.Task.resolveAction(e.ID, action)
		if err != nil {
			return Step{}, err
		}
		step.Action = a
	}
	cur := e
	for range len(d.Elements) + 1 {
		f, err := d.choose(cur, e, step.Action, eval)
		if err != nil {
			return Step{}, err
		}
		step.Flows = append(step.Flows, f)
		if f.Target.Kind != KindGateway {
			step.To = f.Target
			return step, nil
		}
		cur = f.Target
	}
	// Parse rejects gateway cycles, so this is unreachable; it stays as a guard.
	return Step{}, fmt.Errorf("%w: from %s", ErrCycle, e.ID)
}

// resolveAction returns the action that ends the task, or an error.
func (t *Task) resolveAction(id, action string) (string, error) {
	if t.Type == "" {
		return "", fmt.Errorf("%w: task %s has no task type", ErrActionNotAllowed, id)
	}
	allowed := t.ProcessActions()
	if action == "" {
		return allowed[0], nil
	}
	if !contains(allowed, action) {
		return "", fmt.Errorf("%w: %q does not end task %s (allowed: %s)",
			ErrActionNotAllowed, action, id, strings.Join(allowed, ", "))
	}
	return action, nil
}

// choose picks the flow to take out of cur.
func (d *Definition) choose(cur, from *Element, action string, eval GatewayEval) (*Flow, error) {
	out := cur.Outgoing
	if cur.Kind != KindGateway {
		switch len(out) {
		case 0:
			return nil, fmt.Errorf("%w: %s has no outgoing flow", ErrNoPath, cur.ID)
		case 1:
			return out[0], nil
		}
		return nil, fmt.Errorf("%w: %s has %d outgoing flows and is not a gateway", ErrAmbiguous, cur.ID, len(out))
	}
	g := cur.Gateway
	var holds []*Flow
	for _, f := range out {
		if f == g.Default {
			continue
		}
		ok, err := decide(cur, f, from, action, eval)
		if err != nil {
			return nil, err
		}
		if ok {
			holds = append(holds, f)
		}
	}
	switch {
	case len(holds) == 1:
		return holds[0], nil
	case len(holds) > 1:
		ids := make([]string, len(holds))
		for i, f := range holds {
			ids[i] = f.ID
		}
		return nil, fmt.Errorf("%w: gateway %s: flows %s all hold", ErrAmbiguous, cur.ID, strings.Join(ids, ", "))
	case g.Default != nil:
		return g.Default, nil
	}
	return nil, fmt.Errorf("%w: gateway %s: no condition holds and there is no default flow", ErrNoPath, cur.ID)
}

func decide(gw *Element, f *Flow, from *Element, action string, eval GatewayEval) (bool, error) {
	if f.Condition == nil {
		if f.ConditionErr != nil {
			return false, fmt.Errorf("%w: flow %s: %w", ErrCondition, f.ID, f.ConditionErr)
		}
		return true, nil
	}
	if eval == nil {
		return false, fmt.Errorf("%w: flow %s has a condition and no GatewayEval was given", ErrCondition, f.ID)
	}
	ok, err := eval.Holds(Condition{Gateway: gw, Flow: f, From: from, Action: action, DataType: gw.Gateway.ConnectedDataType})
	if err != nil {
		return false, fmt.Errorf("%w: flow %s: %w", ErrCondition, f.ID, err)
	}
	return ok, nil
}
