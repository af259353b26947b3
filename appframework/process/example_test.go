// SPDX-License-Identifier: MIT

package process_test

import (
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/process"
)

func ExampleDefinition_Next() {
	def, err := process.Parse(strings.NewReader(`<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="p">
    <bpmn:startEvent id="Start"/>
    <bpmn:task id="Fill"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:task id="Confirm"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>confirmation</altinn:taskType>
      <altinn:actions><altinn:action>confirm</altinn:action><altinn:action>reject</altinn:action></altinn:actions></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:exclusiveGateway id="G" default="toEnd"/>
    <bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Fill"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Fill" targetRef="Confirm"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Confirm" targetRef="G"/>
    <bpmn:sequenceFlow id="back" sourceRef="G" targetRef="Fill">
      <bpmn:conditionExpression>["equals", ["gatewayAction"], "reject"]</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toEnd" sourceRef="G" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`))
	if err != nil {
		panic(err)
	}
	eval := process.ExprEval{Env: &expr.Env{}}
	for _, move := range [][2]string{{"Start", ""}, {"Fill", ""}, {"Confirm", "reject"}, {"Confirm", "confirm"}} {
		step, err := def.Next(move[0], move[1], eval)
		fmt.Println(move[0], step.Action, "→", step.To.ID, step.Ended(), err)
	}
	// Output:
	// Start  → Fill false <nil>
	// Fill write → Confirm false <nil>
	// Confirm reject → Fill false <nil>
	// Confirm confirm → End true <nil>
}
