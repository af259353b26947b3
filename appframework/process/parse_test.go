// SPDX-License-Identifier: MIT

package process_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/process"
)

func parseFile(t *testing.T, path string) (*process.Definition, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return process.Parse(f)
}

func mustParse(t *testing.T, name string) *process.Definition {
	t.Helper()
	def, err := parseFile(t, filepath.Join("testdata", "ok", name))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return def
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want error
		msg  string // a substring of the message, with the position where there is one
	}{
		{"empty.bpmn", process.ErrMalformed, "no root element"},
		{"malformed-xml.bpmn", process.ErrMalformed, "line 4"},
		{"deep.bpmn", process.ErrMalformed, "nested deeper"},
		{"wrong-root.bpmn", process.ErrMalformed, "root element is Policy"},
		{"no-process.bpmn", process.ErrMalformed, "no bpmn:process"},
		{"two-processes.bpmn", process.ErrUnsupported, "line 4:3: more than one"},
		{"no-start.bpmn", process.ErrNoStart, `process "p" has no start event`},
		{"start-leads-nowhere.bpmn", process.ErrNoStart, `line 4: start event "Start" has no outgoing flow`},
		{"unknown-target.bpmn", process.ErrUnknownElement, `line 5: sequence flow "f1" targets unknown element "Task_9"`},
		{"unknown-source.bpmn", process.ErrUnknownElement, `line 7: sequence flow "f2" comes from unknown element "Ghost"`},
		{"no-target.bpmn", process.ErrMalformed, `"f1" has no targetRef`},
		{"duplicate-id.bpmn", process.ErrMalformed, `duplicate id "Start" (first on line 4)`},
		{"missing-id.bpmn", process.ErrMalformed, "bpmn:startEvent without an id"},
		{"flow-into-start.bpmn", process.ErrMalformed, `targets start event "Start"`},
		{"parallel-gateway.bpmn", process.ErrUnsupported, `bpmn:parallelGateway "Fork"`},
		{"gateway-cycle.bpmn", process.ErrCycle, "G1 → G2 → G1"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			_, err := parseFile(t, filepath.Join("testdata", "parse", tt.file))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %q, want it to contain %q", err, tt.msg)
			}
		})
	}
}

// TestParseTolerant reads files whose prefixes, namespaces and encodings vary
// as real files do; each is a start → Task_1 (data) → end process.
func TestParseTolerant(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file   string
		legacy bool
	}{
		{"legacy-v7.bpmn", true},
		{"default-namespace.bpmn", false},
		{"no-namespace.bpmn", false},
		{"bom-semantic.bpmn", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			def := mustParse(t, tt.file)
			if got := def.Start().ID; got != "StartEvent_1" {
				t.Errorf("Start = %s", got)
			}
			task := def.Task("Task_1")
			if task == nil || task.Task.Type != process.TaskData || task.Task.Legacy != tt.legacy {
				t.Fatalf("Task_1 = %+v", task)
			}
			step, err := def.Next("Task_1", "", nil)
			if err != nil || !step.Ended() || step.Action != process.ActionWrite {
				t.Errorf("Next(Task_1) = %+v, %v", step, err)
			}
		})
	}
}

func TestParseLegacyFlowType(t *testing.T) {
	t.Parallel()
	def := mustParse(t, "legacy-v7.bpmn")
	step, err := def.Next("Task_1", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := step.Flows[0].FlowType; got != "CompleteCurrentMoveToNext" {
		t.Errorf("FlowType = %q", got)
	}
}

func TestParseTaskConfig(t *testing.T) {
	t.Parallel()
	def := mustParse(t, "full.bpmn")
	sign := def.Task("Sign").Task
	s := sign.Signature
	if s == nil || s.SignatureDataType != "signatures" || strings.Join(s.DataTypesToSign, ",") != "model,attachments" ||
		s.SigneeProviderID != "signees" || s.SigneeStatesDataTypeID != "signeeState" || s.SigningPDFDataType != "signingPdf" ||
		!s.RunDefaultValidator || len(s.UniqueFromSignaturesInDataTypes) != 1 ||
		len(s.CorrespondenceResource) != 1 || s.CorrespondenceResource[0].Env != "prod" {
		t.Errorf("signatureConfig = %+v", s)
	}
	if got := strings.Join(sign.ProcessActions(), ","); got != "sign,write,reject" {
		t.Errorf("Sign.ProcessActions = %s", got)
	}
	pay := def.Task("Pay").Task
	if pay.Payment == nil || pay.Payment.PaymentDataType != "paymentInformation" || pay.Payment.PaymentReceiptPDFDataType != "paymentReceiptPdf" {
		t.Errorf("paymentConfig = %+v", pay.Payment)
	}
	if got := strings.Join(pay.ProcessActions(), ","); got != "pay,write,confirm" {
		t.Errorf("Pay.ProcessActions = %s", got)
	}
	pdf := def.Task("Pdf").Task
	if !pdf.ServiceTask || !pdf.Type.Service() || pdf.PDF == nil || pdf.PDF.FilenameTextResourceKey != "pdf.filename" || pdf.PDF.AutoPDFTaskIDs[0] != "Fill" {
		t.Errorf("pdf = %+v", pdf)
	}
	ef := def.Task("Formidling").Task.EFormidling
	if len(ef) != 2 || ef[0] != (process.Setting{Name: "receiver", Value: "991825827", Env: "tt02"}) || ef[1].Name != "dataTypes" {
		t.Errorf("eFormidling = %+v", ef)
	}
	fill := def.Task("Fill").Task
	if got := fill.UserActions(); len(got) != 1 || got[0] != (process.Action{ID: "lookup", Type: process.ServerAction}) {
		t.Errorf("Fill.UserActions = %+v", got)
	}
	if got := strings.Join(fill.ProcessActions(), ","); got != "write" {
		t.Errorf("Fill.ProcessActions = %s (server actions do not end a task)", got)
	}
	if g := def.Element("Route").Gateway; g.ConnectedDataType != "model" || g.Default == nil || g.Default.ID != "f_route_confirm" {
		t.Errorf("Route = %+v", g)
	}
	if n := len(def.Tasks()); n != 8 {
		t.Errorf("Tasks = %d, want 8", n)
	}
	if def.Task("Route") != nil || def.Task("nope") != nil {
		t.Error("Task returned a non-task")
	}
}
