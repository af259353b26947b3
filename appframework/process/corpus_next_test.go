// SPDX-License-Identifier: MIT

package process_test

import (
	"errors"
	"testing"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/process"
)

// TestCorpusNext moves through every corpus app's process, with the data
// models the gateways read, the way the runtime will.
func TestCorpusNext(t *testing.T) {
	t.Parallel()
	type data = map[string]any
	tests := []struct {
		app, from, action string
		models            map[string]any // data type → model, for gateway conditions
		to                string
		err               error
	}{
		{app: "component-library", from: "StartEvent_1", to: "Task_1"},
		{app: "component-library", from: "Task_1", to: "PreviousProcessSummary"},
		{app: "component-library", from: "PreviousProcessSummary", to: "EndEvent_1"},
		{app: "expression-validation-test", from: "Task_1", to: "EndEvent_1"},
		{app: "subform-test", from: "Task_1", action: "write", to: "EndEvent_1"},
		{app: "subform-test", from: "Task_1", action: "sign", err: process.ErrActionNotAllowed},
		{app: "multiple-datamodels-test", from: "Task_1", to: "Task_2"},
		{app: "multiple-datamodels-test", from: "Task_1", action: "random", err: process.ErrActionNotAllowed}, // a server action
		{app: "multiple-datamodels-test", from: "Task_2", to: "EndEvent_1"},

		{app: "signing-test", from: "Task_1", to: "Task_2"},
		{app: "signing-test", from: "Task_2", action: "sign", to: "Task_3"},
		{app: "signing-test", from: "Task_2", action: "reject", to: "Task_1"},
		{app: "signing-test", from: "Task_2", to: "Task_3"}, // default action sign
		{app: "signing-test", from: "Task_3", action: "sign", to: "EndEvent_1"},
		{app: "signing-test", from: "Task_3", action: "reject", err: process.ErrActionNotAllowed}, // Task_3 offers only sign

		{app: "payment-test", from: "Task_1", to: "Task_2"},
		{app: "payment-test", from: "Task_2", action: "confirm", to: "EndEvent_1"},
		{app: "payment-test", from: "Task_2", action: "reject", to: "Task_1"},
		{app: "payment-test", from: "Task_2", action: "pay", err: process.ErrNoPath}, // the gateway knows confirm and reject only

		{app: "frontend-test", from: "Task_1", models: data{"message": data{"GwTargetTask": "Task_4"}}, to: "Task_4"},
		{app: "frontend-test", from: "Task_1", models: data{"message": data{"GwTargetTask": "Task_2"}}, to: "Task_2"},
		{app: "frontend-test", from: "Task_1", models: data{"message": data{}}, err: process.ErrNoPath},
		{app: "frontend-test", from: "Task_2", action: "fill", err: process.ErrActionNotAllowed},
		{app: "frontend-test", from: "Task_4", to: "Task_5"},
		{app: "frontend-test", from: "Task_5", models: data{"datalist": data{"UseCustomConfirm": true}}, to: "Task_Custom_Confirm"},
		{app: "frontend-test", from: "Task_5", models: data{"datalist": data{"UseCustomConfirm": false}}, to: "Task_Default_Confirm"},
		{app: "frontend-test", from: "Task_Custom_Confirm", action: "reject", models: data{"datalist": data{}}, to: "Task_5"},
		{app: "frontend-test", from: "Task_Custom_Confirm", models: data{"datalist": data{}}, to: "EndEvent_1"},
		{app: "frontend-test", from: "Task_Default_Confirm", to: "EndEvent_1"},

		{app: "stateless-app", from: "Task_2", to: "Task_3"},
		{app: "stateless-app", from: "Task_3", models: data{"task2": data{"gatewayShouldFail": true}}, to: "Task_4"},
		{app: "stateless-app", from: "Task_3", models: data{"task2": data{}}, to: "EndEvent_1"},
		{app: "stateless-app", from: "Task_4", to: "Task_2"},
	}
	for _, tt := range tests {
		t.Run(tt.app+"/"+tt.from+"/"+tt.action, func(t *testing.T) {
			t.Parallel()
			def, in := loadApp(t, tt.app)
			taskData := map[string]string{}
			for _, ls := range in.LayoutSets {
				for _, id := range ls.Tasks {
					taskData[id] = ls.DataType
				}
			}
			eval := process.ExprEval{
				Env:          &expr.Env{Data: &expr.JSONData{Models: tt.models}},
				TaskDataType: func(id string) string { return taskData[id] },
			}
			step, err := def.Next(tt.from, tt.action, eval)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if step.To.ID != tt.to {
				t.Errorf("Next = %s (via %s), want %s", step.To.ID, flowIDs(step), tt.to)
			}
		})
	}
}

// TestCorpusStart checks that every corpus app starts in Task_1.
func TestCorpusStart(t *testing.T) {
	t.Parallel()
	for app := range corpusFindings {
		def, _ := loadApp(t, app)
		step, err := def.Next(def.Start().ID, "", nil)
		if err != nil || step.To.ID != "Task_1" {
			t.Errorf("%s: start → %v, %v", app, step.To, err)
		}
	}
}
