// SPDX-License-Identifier: MIT

package process

import "github.com/blankett/blankett/appframework/expr"

// Condition is one conditional flow out of an exclusive gateway, with what its
// expression may read.
type Condition struct {
	Gateway *Element
	Flow    *Flow
	// From is the task being left; gateways directly after a start event
	// have the start event here.
	From *Element
	// Action is the action that ended From, which ["gatewayAction"] returns.
	Action string
	// DataType is the gateway's altinn:connectedDataTypeId, the data type
	// dataModel reads; "" means the default data type of From.
	DataType string
}

// GatewayEval decides gateway conditions. The runtime implements it over the
// instance's data; ExprEval does so for an expr.Env.
type GatewayEval interface {
	// Holds reports whether the flow's condition is true.
	Holds(c Condition) (bool, error)
}

// GatewayFunc adapts a function to GatewayEval.
type GatewayFunc func(c Condition) (bool, error)

// Holds calls f.
func (f GatewayFunc) Holds(c Condition) (bool, error) { return f(c) }

// ExprEval evaluates conditions with the expression language, as Altinn does:
// a condition holds when it evaluates to true; null holds not.
type ExprEval struct {
	// Env supplies data models, instance context and the rest; its
	// GatewayAction is replaced by the condition's action.
	Env *expr.Env
	// TaskDataType returns a task's default data type (its layout set's
	// dataType), used when the gateway names no connected data type. Nil, or
	// "", leaves the choice to the Env's DataSource default.
	TaskDataType func(taskID string) string
}

// Holds implements GatewayEval.
func (x ExprEval) Holds(c Condition) (bool, error) {
	var env expr.Env
	if x.Env != nil {
		env = *x.Env
	}
	env.GatewayAction = c.Action
	scope := &expr.Scope{DataType: c.DataType}
	if scope.DataType == "" && x.TaskDataType != nil && c.From != nil {
		scope.DataType = x.TaskDataType(c.From.ID)
	}
	return c.Flow.Condition.EvalBool(&env, scope, false)
}
