// SPDX-License-Identifier: MIT

package process_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// loadApp parses a corpus app's process.bpmn and reads what Check needs from
// its layout-sets.json and applicationmetadata.json.
func loadApp(t *testing.T, app string) (*process.Definition, process.CheckInput) {
	t.Helper()
	dir := filepath.Join(testcorpus.Path(t, "apps"), app, "App")
	f, err := os.Open(filepath.Join(dir, "config", "process", "process.bpmn"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	def, err := process.Parse(f)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var sets struct {
		Sets []struct {
			ID       string   `json:"id"`
			DataType string   `json:"dataType"`
			Tasks    []string `json:"tasks"`
		} `json:"sets"`
	}
	readJSON(t, filepath.Join(dir, "ui", "layout-sets.json"), &sets)
	var meta struct {
		DataTypes []struct {
			ID     string `json:"id"`
			TaskID string `json:"taskId"`
		} `json:"dataTypes"`
	}
	readJSON(t, filepath.Join(dir, "config", "applicationmetadata.json"), &meta)
	in := process.CheckInput{LayoutSets: []process.LayoutSet{}, DataTypes: []process.DataType{}}
	for _, s := range sets.Sets {
		in.LayoutSets = append(in.LayoutSets, process.LayoutSet{ID: s.ID, DataType: s.DataType, Tasks: s.Tasks})
	}
	for _, d := range meta.DataTypes {
		in.DataTypes = append(in.DataTypes, process.DataType{ID: d.ID, TaskID: d.TaskID})
	}
	return def, in
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(bytes.TrimPrefix(raw, []byte("\ufeff")), v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// finding is an expected Check issue on a corpus app, with why it is right.
type finding struct {
	code, element, reason string
}

// corpusFindings is every Check issue the corpus apps have. The apps run in
// Altinn, so there are no errors; the warnings are real weaknesses.
var corpusFindings = map[string][]finding{
	"component-library":          nil,
	"expression-validation-test": nil,
	"multiple-datamodels-test":   nil, // its "receipt" layout set names CustomReceipt, which is not a task
	"subform-test":               nil, // subform layout sets name no tasks
	"frontend-test": {
		{process.CodeGatewayExtIgnored, "Task_1", "connectedDataTypeId sits on the task before Gateway_0, not on the gateway"},
		{process.CodeGatewayNoDefault, "Gateway_0", "an empty GwTargetTask matches none of the four conditions"},
		{process.CodeOutgoingUnknownFlow, "Task_5", "Task_5 lists To_Task_6; the real flow To_Confirm is found by its sourceRef"},
		{process.CodeGatewayNoDefault, "Gateway_1", "UseCustomConfirm null is neither true nor false"},
		{process.CodeGatewayExtIgnored, "Task_Custom_Confirm", "gatewayExtension on a task again"},
		{process.CodeGatewayNoDefault, "Gateway_2", "an action other than confirm or reject leads nowhere"},
	},
	"payment-test": {
		{process.CodeGatewayNoDefault, "Gateway_1", "leaving the payment task with pay (its default action) matches neither confirm nor reject"},
	},
	"signing-test": {
		{process.CodeGatewayNoDefault, "Gateway_0", "conditions are complementary, but Check does not prove that"},
		{process.CodeFlowSourceMismatch, "Back_To_Task_1", "sourceRef GW_From_Task_2 does not exist; Gateway_0 lists the flow"},
		{process.CodeFlowSourceMismatch, "To_Task_3", "same as Back_To_Task_1"},
	},
	"stateless-app": {
		{process.CodeGatewayNoDefault, "Gateway_1", "the conditions equals/notEquals true are complementary, but Check does not prove that"},
	},
}

func TestCorpusCheck(t *testing.T) {
	t.Parallel()
	for app, want := range corpusFindings {
		t.Run(app, func(t *testing.T) {
			t.Parallel()
			def, in := loadApp(t, app)
			got := process.Check(def, in)
			for _, is := range got {
				if is.Severity == process.Error {
					t.Errorf("unexpected error: %v", is)
				}
			}
			if len(got) != len(want) {
				t.Errorf("got %d issues, want %d:\n%s", len(got), len(want), issuesText(got))
				return
			}
			for i, w := range want {
				if got[i].Code != w.code || got[i].Element != w.element {
					t.Errorf("issue %d = %s %s, want %s %s (%s)", i, got[i].Code, got[i].Element, w.code, w.element, w.reason)
				}
			}
		})
	}
}

func issuesText(issues []process.Issue) string {
	var b bytes.Buffer
	for _, is := range issues {
		b.WriteString(is.String())
		b.WriteByte('\n')
	}
	return b.String()
}
