// SPDX-License-Identifier: MIT

package process_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/process"
)

// evalOver returns an ExprEval over one JSON data model per data type; the
// default data type of every task is "model".
func evalOver(models map[string]any) process.ExprEval {
	return process.ExprEval{
		Env:          &expr.Env{Data: &expr.JSONData{Default: "model", Models: models}},
		TaskDataType: func(string) string { return "model" },
	}
}

func TestNext(t *testing.T) {
	t.Parallel()
	def := mustParse(t, "full.bpmn")
	route := func(v any) process.GatewayEval {
		return evalOver(map[string]any{"model": map[string]any{"Route": v}})
	}
	tests := []struct {
		name, from, action string
		eval               process.GatewayEval
		to, gotAction      string
		flows              string
		err                error
	}{
		{name: "start", from: "Start", to: "Fill", flows: "f_start"},
		{name: "default flow when no condition holds", from: "Fill", eval: route(nil), to: "Confirm", gotAction: "write", flows: "f_fill,f_route_confirm"},
		{name: "condition on connected data type", from: "Fill", action: "write", eval: route("sign"), to: "Sign", gotAction: "write", flows: "f_fill,f_route_sign"},
		{name: "two conditions hold", from: "Fill", eval: route("pay"), err: process.ErrAmbiguous},
		{name: "no evaluator for a condition", from: "Fill", err: process.ErrCondition},
		{name: "server action does not end a task", from: "Fill", action: "lookup", err: process.ErrActionNotAllowed},
		{name: "confirm is the confirmation default", from: "Confirm", eval: route(nil), to: "Sign", gotAction: "confirm", flows: "f_confirm,f_ac_sign"},
		{name: "reject loops back through gatewayAction", from: "Confirm", action: "reject", eval: route(nil), to: "Fill", flows: "f_confirm,f_ac_back"},
		{name: "write does not end a confirmation", from: "Confirm", action: "write", err: process.ErrActionNotAllowed},
		{name: "sign", from: "Sign", action: "sign", eval: route(nil), to: "Pay", flows: "f_sign,f_as_pay"},
		{name: "signing default is sign", from: "Sign", eval: route(nil), to: "Pay", gotAction: "sign"},
		{name: "write ends a signing task", from: "Sign", action: "write", eval: route(nil), to: "Pay"},
		{name: "reject from signing", from: "Sign", action: "reject", eval: route(nil), to: "Fill"},
		{name: "pay", from: "Pay", action: "pay", to: "Pdf", flows: "f_pay"},
		{name: "payment default is pay", from: "Pay", to: "Pdf", gotAction: "pay"},
		{name: "listed confirm ends payment", from: "Pay", action: "confirm", to: "Pdf"},
		{name: "sign does not end payment", from: "Pay", action: "sign", err: process.ErrActionNotAllowed},
		{name: "service task runs with write", from: "Pdf", to: "Formidling", gotAction: "write"},
		{name: "feedback", from: "Feedback", to: "Archive", gotAction: "write"},
		{name: "custom task type is its own action", from: "Archive", to: "End", gotAction: "archiveToNoark"},
		{name: "custom type ends with write too", from: "Archive", action: "write", to: "End"},
		{name: "from the end", from: "End", err: process.ErrEnded},
		{name: "from a gateway", from: "Route", err: process.ErrNotTask},
		{name: "unknown element", from: "Task_9", err: process.ErrUnknownElement},
		{name: "evaluator error", from: "Fill", eval: process.GatewayFunc(func(process.Condition) (bool, error) {
			return false, errors.New("boom")
		}), err: process.ErrCondition},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			step, err := def.Next(tt.from, tt.action, tt.eval)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if step.From.ID != tt.from || step.To.ID != tt.to {
				t.Errorf("step %s → %s, want %s → %s", step.From.ID, step.To.ID, tt.from, tt.to)
			}
			if tt.gotAction != "" && step.Action != tt.gotAction {
				t.Errorf("Action = %q, want %q", step.Action, tt.gotAction)
			}
			if tt.flows != "" && flowIDs(step) != tt.flows {
				t.Errorf("Flows = %s, want %s", flowIDs(step), tt.flows)
			}
		})
	}
}

func TestNextConditionSeesContext(t *testing.T) {
	t.Parallel()
	def := mustParse(t, "full.bpmn")
	var seen []process.Condition
	eval := process.GatewayFunc(func(c process.Condition) (bool, error) {
		seen = append(seen, c)
		return false, nil
	})
	if _, err := def.Next("Confirm", "reject", eval); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 {
		t.Fatalf("evaluated %d conditions, want 1 (the default flow is not evaluated)", len(seen))
	}
	c := seen[0]
	if c.Gateway.ID != "AfterConfirm" || c.Flow.ID != "f_ac_back" || c.From.ID != "Confirm" || c.Action != "reject" || c.DataType != "" {
		t.Errorf("condition = gateway %s flow %s from %s action %q data type %q", c.Gateway.ID, c.Flow.ID, c.From.ID, c.Action, c.DataType)
	}
}

func flowIDs(s process.Step) string {
	ids := make([]string, len(s.Flows))
	for i, f := range s.Flows {
		ids[i] = f.ID
	}
	return strings.Join(ids, ",")
}

func TestNextUntypedTask(t *testing.T) {
	t.Parallel()
	def, err := parseFile(t, "testdata/check/lint.bpmn")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := def.Next("Untyped", "", nil); !errors.Is(err, process.ErrActionNotAllowed) {
		t.Errorf("Next(Untyped) = %v, want ErrActionNotAllowed", err)
	}
	if _, err := def.Next("Pay", "pay", nil); !errors.Is(err, process.ErrAmbiguous) {
		t.Errorf("Next(Pay) with two outgoing flows = %v, want ErrAmbiguous", err)
	}
	never := process.GatewayFunc(func(process.Condition) (bool, error) { return false, nil })
	if _, err := def.Next("Sign", "sign", never); !errors.Is(err, process.ErrCondition) || !strings.Contains(err.Error(), "f_g_bad") {
		t.Errorf("Next(Sign) into an invalid condition = %v, want ErrCondition on f_g_bad", err)
	}
	if (&process.Definition{}).Start() != nil {
		t.Error("Start of an empty Definition is not nil")
	}
}
