// SPDX-License-Identifier: MIT

package process

import "fmt"

// tasks reports task types, actions and configuration that do not fit.
func (c *checker) tasks() {
	for _, e := range c.def.Tasks() {
		t := e.Task
		switch {
		case t.Type == "":
			c.add(Error, CodeNoTaskType, e.Line, e.ID, fmt.Sprintf("task %s has no altinn:taskType", e.ID))
		case !t.Type.Known():
			c.add(Warning, CodeUnknownTaskType, e.Line, e.ID, fmt.Sprintf(
				"task %s has custom type %q; it needs a service task handler and its process-next action is %q", e.ID, t.Type, t.Type))
		}
		if t.Legacy {
			c.add(Info, CodeLegacyTaskType, e.Line, e.ID, fmt.Sprintf(
				"task %s uses the lib v7 attribute altinn:tasktype; Altinn lib v8 no longer reads it, move it to altinn:taskExtension", e.ID))
		}
		if e.gatewayExtOnTask {
			c.add(Warning, CodeGatewayExtIgnored, e.Line, e.ID, fmt.Sprintf(
				"task %s has an altinn:gatewayExtension, which only gateways read; it is ignored", e.ID))
		}
		for _, a := range t.Actions {
			if a.Type != ProcessAction && a.Type != ServerAction {
				c.add(Warning, CodeUnknownActionType, e.Line, e.ID, fmt.Sprintf(
					"action %q of task %s has unknown type %q", a.ID, e.ID, a.Type))
			}
		}
		c.taskConfig(e)
		if t.HasAction(ActionReject) && len(e.Outgoing) == 1 && e.Outgoing[0].Target.Kind != KindGateway {
			c.add(Warning, CodeRejectWithoutGateway, e.Line, e.ID, fmt.Sprintf(
				"task %s offers reject but no gateway follows it, so reject moves the instance forward", e.ID))
		}
	}
}

// taskConfig checks the configuration signing and payment tasks need, and
// the data types configurations name.
func (c *checker) taskConfig(e *Element) {
	t := e.Task
	missing := func(what string) {
		c.add(Error, CodeMissingConfig, e.Line, e.ID, fmt.Sprintf("%s task %s has no %s", t.Type, e.ID, what))
	}
	wantAction := func(a string) {
		if !t.HasAction(a) {
			c.add(Warning, CodeMissingAction, e.Line, e.ID, fmt.Sprintf(
				"%s task %s does not list the %q action, so the form shows no button for it", t.Type, e.ID, a))
		}
	}
	switch t.Type {
	case TaskSigning:
		wantAction(ActionSign)
		switch {
		case t.Signature == nil:
			missing("altinn:signatureConfig")
		case t.Signature.SignatureDataType == "":
			missing("signatureDataType")
		case len(t.Signature.DataTypesToSign) == 0:
			c.add(Warning, CodeMissingConfig, e.Line, e.ID, fmt.Sprintf("signing task %s signs no data types", e.ID))
		}
	case TaskPayment:
		wantAction(ActionPay)
		if t.Payment == nil || t.Payment.PaymentDataType == "" {
			missing("paymentDataType")
		}
	case TaskConfirmation:
		wantAction(ActionConfirm)
	}
	if s := t.Signature; s != nil {
		for _, id := range s.DataTypesToSign {
			c.dataType(e, "dataTypesToSign", id)
		}
		for _, id := range s.UniqueFromSignaturesInDataTypes {
			c.dataType(e, "uniqueFromSignaturesInDataTypes", id)
		}
		c.dataType(e, "signatureDataType", s.SignatureDataType)
		c.dataType(e, "signeeStatesDataTypeId", s.SigneeStatesDataTypeID)
		c.dataType(e, "signingPdfDataType", s.SigningPDFDataType)
	}
	if p := t.Payment; p != nil {
		c.dataType(e, "paymentDataType", p.PaymentDataType)
		c.dataType(e, "paymentReceiptPdfDataType", p.PaymentReceiptPDFDataType)
	}
	if p := t.SubformPDF; p != nil {
		c.dataType(e, "subformDataTypeId", p.SubformDataTypeID)
	}
	for _, s := range t.EFormidling {
		if s.Name == "dataTypes" {
			c.dataType(e, "eFormidling dataTypes", s.Value)
		}
	}
}

// layoutSets reports user tasks without a page to show and sets that name
// tasks the process lacks. Confirmation and feedback tasks have built-in
// pages and service tasks show nothing, so they need no set.
func (c *checker) layoutSets() {
	if c.in.LayoutSets == nil {
		return
	}
	covered := map[string]bool{}
	for _, ls := range c.in.LayoutSets {
		for _, id := range ls.Tasks {
			covered[id] = true
			if id != customReceipt && c.def.Task(id) == nil {
				c.add(Warning, CodeLayoutSetUnknownTask, 0, id, fmt.Sprintf(
					"layout set %s names task %q, which the process does not have", ls.ID, id))
			}
		}
	}
	for _, e := range c.def.Tasks() {
		if covered[e.ID] {
			continue
		}
		switch e.Task.Type {
		case TaskData:
			c.add(Error, CodeNoLayoutSet, e.Line, e.ID, fmt.Sprintf("data task %s has no layout set, so it has no form", e.ID))
		case TaskSigning, TaskPayment:
			c.add(Warning, CodeNoLayoutSet, e.Line, e.ID, fmt.Sprintf(
				"%s task %s has no layout set; only the built-in page is shown", e.Task.Type, e.ID))
		}
	}
}

// dataTypeTasks reports data types bound to tasks the process lacks.
func (c *checker) dataTypeTasks() {
	for _, dt := range c.in.DataTypes {
		if dt.TaskID != "" && c.def.Task(dt.TaskID) == nil {
			c.add(Warning, CodeDataTypeUnknownTask, 0, dt.ID, fmt.Sprintf(
				"data type %s belongs to task %q, which the process does not have", dt.ID, dt.TaskID))
		}
	}
}
