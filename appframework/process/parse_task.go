// SPDX-License-Identifier: MIT

package process

import (
	"fmt"
	"strings"
)

// readTask reads a task's Altinn configuration from altinn:taskExtension, or
// from the legacy altinn:tasktype attribute when there is no extension.
func (p *parser) readTask(n *node, e *Element) *Task {
	t := &Task{ServiceTask: n.Local == "serviceTask"}
	legacy := strings.TrimSpace(n.attr("tasktype"))
	x := extension(n, "taskExtension")
	if x != nil {
		t.Type = TaskType(x.kidText("taskType"))
		if legacy != "" && TaskType(legacy) != t.Type {
			p.def.note(Warning, CodeLegacyTaskType, e.ID, e.Line, fmt.Sprintf(
				"task %s has both altinn:tasktype=%q and taskType %q; the extension is used", e.ID, legacy, t.Type))
		}
	}
	if t.Type == "" && legacy != "" {
		t.Type, t.Legacy = TaskType(legacy), true
	}
	if extension(n, "gatewayExtension") != nil {
		e.gatewayExtOnTask = true
	}
	if x == nil {
		return t
	}
	if acts := x.kid("actions"); acts != nil {
		for _, a := range acts.kids("action") {
			typ := ActionType(strings.TrimSpace(a.attr("type")))
			if typ == "" {
				typ = ProcessAction
			}
			t.Actions = append(t.Actions, Action{ID: strings.TrimSpace(a.Text), Type: typ})
		}
	}
	if s := x.kid("signatureConfig"); s != nil {
		t.Signature = &SignatureConfig{
			DataTypesToSign:                 listText(s.kid("dataTypesToSign"), "dataType"),
			SignatureDataType:               s.kidText("signatureDataType"),
			UniqueFromSignaturesInDataTypes: listText(s.kid("uniqueFromSignaturesInDataTypes"), "dataType"),
			SigneeProviderID:                s.kidText("signeeProviderId"),
			SigneeStatesDataTypeID:          s.kidText("signeeStatesDataTypeId"),
			SigningPDFDataType:              s.kidText("signingPdfDataType"),
			CorrespondenceResource:          settings(s.kids("correspondenceResource")),
			RunDefaultValidator:             strings.EqualFold(s.kidText("runDefaultValidator"), "true"),
		}
	}
	if pc := x.kid("paymentConfig"); pc != nil {
		t.Payment = &PaymentConfig{
			PaymentDataType:           pc.kidText("paymentDataType"),
			PaymentReceiptPDFDataType: pc.kidText("paymentReceiptPdfDataType"),
		}
	}
	if pc := x.kid("pdfConfig"); pc != nil {
		t.PDF = &PDFConfig{
			FilenameTextResourceKey: pc.kidText("filenameTextResourceKey"),
			AutoPDFTaskIDs:          listText(pc.kid("autoPdfTaskIds"), "taskId"),
		}
	}
	if sc := x.kid("subformPdfConfig"); sc != nil {
		t.SubformPDF = &SubformPDFConfig{
			FilenameTextResourceKey: sc.kidText("filenameTextResourceKey"),
			SubformComponentID:      sc.kidText("subformComponentId"),
			SubformDataTypeID:       sc.kidText("subformDataTypeId"),
		}
	}
	if ef := x.kid("eFormidlingConfig"); ef != nil {
		t.EFormidling = settings(ef.Kids)
	}
	return t
}

// listText returns the trimmed texts of n's children with the local name.
func listText(n *node, local string) []string {
	if n == nil {
		return nil
	}
	var out []string
	for _, k := range n.kids(local) {
		if s := strings.TrimSpace(k.Text); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// settings turns elements into name/value/env triples. Nested elements such as
// eFormidling's dataTypes are flattened with their parent's name.
func settings(nodes []*node) []Setting {
	var out []Setting
	for _, n := range nodes {
		if len(n.Kids) > 0 {
			for _, k := range n.Kids {
				out = append(out, Setting{Name: n.Local, Value: strings.TrimSpace(k.Text), Env: k.attr("env")})
			}
			continue
		}
		out = append(out, Setting{Name: n.Local, Value: strings.TrimSpace(n.Text), Env: n.attr("env")})
	}
	return out
}
