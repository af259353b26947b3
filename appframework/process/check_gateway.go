// SPDX-License-Identifier: MIT

package process

import (
	"fmt"

	"github.com/blankett/blankett/appframework/expr"
)

// gateways reports gateways that can get stuck or choose ambiguously, and
// conditions that are invalid or never evaluated.
func (c *checker) gateways() {
	for _, e := range c.def.Elements {
		if e.Kind != KindGateway {
			continue
		}
		g := e.Gateway
		c.dataType(e, "altinn:connectedDataTypeId", g.ConnectedDataType)
		conditional := false
		for _, f := range e.Outgoing {
			conditional = conditional || f.ConditionRaw != ""
		}
		if g.Default == nil && (len(e.Outgoing) > 1 || conditional) {
			c.add(Warning, CodeGatewayNoDefault, e.Line, e.ID, fmt.Sprintf(
				"gateway %s has no default flow; process/next fails when no condition holds", e.ID))
		}
		for _, f := range e.Outgoing {
			switch {
			case f == g.Default && f.ConditionRaw != "":
				c.add(Warning, CodeDefaultHasCondition, f.Line, f.ID, fmt.Sprintf(
					"default flow %s has a condition, which is ignored", f.ID))
			case f != g.Default && f.ConditionRaw == "" && len(e.Outgoing) > 1:
				c.add(Warning, CodeUnconditionalFlow, f.Line, f.ID, fmt.Sprintf(
					"flow %s out of gateway %s has no condition, so it always holds; make it the default", f.ID, e.ID))
			}
		}
	}
	for _, f := range c.def.Flows {
		if f.ConditionRaw == "" {
			continue
		}
		if f.Source.Kind != KindGateway {
			c.add(Warning, CodeConditionIgnored, f.Line, f.ID, fmt.Sprintf(
				"flow %s has a condition but leaves %s %s, not a gateway; the condition is ignored", f.ID, f.Source.Kind, f.Source.ID))
			continue
		}
		c.condition(f)
	}
}

// condition checks an expression statically: syntax, functions, argument
// types, a boolean result and the data types dataModel names.
func (c *checker) condition(f *Flow) {
	env := &expr.CheckEnv{Want: expr.TypeBool}
	if c.dataTypes != nil {
		env.DataType = func(id string) bool { return c.dataTypes[id] }
	}
	issues := expr.Check([]byte(f.ConditionRaw), env)
	for _, is := range issues {
		code := CodeConditionInvalid
		if is.Code == "unknown-data-type" {
			code = CodeUnknownDataType
		}
		c.add(Error, code, f.Line, f.ID, fmt.Sprintf("condition of flow %s at %s: %s", f.ID, is.Path, is.Message))
	}
	if len(issues) == 0 && f.ConditionErr != nil {
		c.add(Error, CodeConditionInvalid, f.Line, f.ID, fmt.Sprintf("condition of flow %s: %v", f.ID, f.ConditionErr))
	}
}
