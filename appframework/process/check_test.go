// SPDX-License-Identifier: MIT

package process_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/process"
)

var update = flag.Bool("update", false, "rewrite testdata/check/*.golden from Check's output")

// checkInput is the app around the testdata/check definitions.
var checkInput = process.CheckInput{
	LayoutSets: []process.LayoutSet{
		{ID: "form", DataType: "model", Tasks: []string{"Form", "Fill", "Ghost"}},
		{ID: "receipt", DataType: "model", Tasks: []string{"CustomReceipt"}},
	},
	DataTypes: []process.DataType{
		{ID: "model", TaskID: "Form"}, {ID: "attachments", TaskID: "Fill"}, {ID: "signatures"},
		{ID: "paymentInformation"}, {ID: "paymentReceiptPdf"}, {ID: "old", TaskID: "Task_9"},
	},
}

// TestCheckGolden runs Check on every testdata/check/*.bpmn and compares the
// issues with the .golden file beside it; -update rewrites the goldens.
func TestCheckGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "check", "*.bpmn"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	files = append(files, filepath.Join("testdata", "ok", "full.bpmn"))
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			def, err := parseFile(t, file)
			if err != nil {
				t.Fatal(err)
			}
			got := issuesText(process.Check(def, checkInput))
			golden := filepath.Join("testdata", "check", strings.TrimSuffix(filepath.Base(file), ".bpmn")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("Check mismatch; got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestCheckCodes makes sure the lint fixture covers every issue code.
func TestCheckCodes(t *testing.T) {
	t.Parallel()
	def, err := parseFile(t, filepath.Join("testdata", "check", "lint.bpmn"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, is := range process.Check(def, checkInput) {
		seen[is.Code] = true
	}
	for _, code := range []string{
		process.CodeUnreachable, process.CodeNoEnd, process.CodeDeadEnd, process.CodeMultipleOutgoing,
		process.CodeEndHasOutgoing, process.CodeMultipleStarts, process.CodeGatewayNoDefault,
		process.CodeDefaultUnknown, process.CodeDefaultHasCondition, process.CodeUnconditionalFlow,
		process.CodeConditionIgnored, process.CodeConditionInvalid, process.CodeFlowSourceMismatch,
		process.CodeOutgoingUnknownFlow, process.CodeGatewayExtIgnored, process.CodeNoTaskType,
		process.CodeUnknownTaskType, process.CodeLegacyTaskType, process.CodeUnknownActionType,
		process.CodeMissingAction, process.CodeRejectWithoutGateway, process.CodeMissingConfig,
		process.CodeNoLayoutSet, process.CodeLayoutSetUnknownTask, process.CodeUnknownDataType,
		process.CodeDataTypeUnknownTask,
	} {
		if !seen[code] {
			t.Errorf("lint.bpmn does not produce %s", code)
		}
	}
}

// TestCheckSkipsUnknownInput checks that nil LayoutSets and DataTypes skip
// the checks that need them.
func TestCheckSkipsUnknownInput(t *testing.T) {
	t.Parallel()
	def, err := parseFile(t, filepath.Join("testdata", "check", "lint.bpmn"))
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range process.Check(def, process.CheckInput{}) {
		switch is.Code {
		case process.CodeNoLayoutSet, process.CodeLayoutSetUnknownTask, process.CodeUnknownDataType, process.CodeDataTypeUnknownTask:
			t.Errorf("unexpected %v", is)
		}
	}
}
