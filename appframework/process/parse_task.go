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
	legacy := strings.TrimSpace(n.AttrValue("tasktype"))
	x := extension(n, "taskExtension")
	if x != nil {
		t.Type = TaskType(x.ChildText("taskType"))
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
	if acts := x.Child("actions"); acts != nil {
		for _, a := range acts.Children("action") {
			typ := ActionType(strings.TrimSpace(a.AttrValue("type")))
			if typ == "" {
				typ = ProcessAction
			}
			t.Actions = append(t.Actions, Action{ID: strings.TrimSpace(a.Text), Type: typ})
		}
	}
	if s := x.Child("signatureConfig"); s != nil {
		t.Signature = &SignatureConfig{
			DataTypesToSign:                 listText(s.Child("dataTypesToSign"), "dataType"),
			SignatureDataType:               s.ChildText("signatureDataType"),
			UniqueFromSignaturesInDataTypes: listText(s.Child("uniqueFromSignaturesInDataTypes"), "dataType"),
			SigneeProviderID:                s.ChildText("signeeProviderId"),
			SigneeStatesDataTypeID:          s.ChildText("signeeStatesDataTypeId"),
			SigningPDFDataType:              s.ChildText("signingPdfDataType"),
			CorrespondenceResource:          settings(s.Children("correspondenceResource")),
			RunDefaultValidator:             strings.EqualFold(s.ChildText("runDefaultValidator"), "true"),
		}
	}
	if pc := x.Child("paymentConfig"); pc != nil {
		t.Payment = &PaymentConfig{
			PaymentDataType:           pc.ChildText("paymentDataType"),
			PaymentReceiptPDFDataType: pc.ChildText("paymentReceiptPdfDataType"),
		}
	}
	if pc := x.Child("pdfConfig"); pc != nil {
		t.PDF = &PDFConfig{
			FilenameTextResourceKey: pc.ChildText("filenameTextResourceKey"),
			AutoPDFTaskIDs:          listText(pc.Child("autoPdfTaskIds"), "taskId"),
		}
	}
	if sc := x.Child("subformPdfConfig"); sc != nil {
		t.SubformPDF = &SubformPDFConfig{
			FilenameTextResourceKey: sc.ChildText("filenameTextResourceKey"),
			SubformComponentID:      sc.ChildText("subformComponentId"),
			SubformDataTypeID:       sc.ChildText("subformDataTypeId"),
		}
	}
	if ef := x.Child("eFormidlingConfig"); ef != nil {
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
	for _, k := range n.Children(local) {
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
				out = append(out, Setting{Name: n.Local, Value: strings.TrimSpace(k.Text), Env: k.AttrValue("env")})
			}
			continue
		}
		out = append(out, Setting{Name: n.Local, Value: strings.TrimSpace(n.Text), Env: n.AttrValue("env")})
	}
	return out
}
