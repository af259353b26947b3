// SPDX-License-Identifier: MIT

package process

import "github.com/blankett/blankett/appframework/expr"

// Kind is the kind of a flow node.
type Kind uint8

// The flow nodes Blankett runs.
const (
	KindStartEvent Kind = iota + 1
	KindEndEvent
	KindTask
	KindGateway
)

// String returns the BPMN element name of the kind.
func (k Kind) String() string {
	switch k {
	case KindStartEvent:
		return "startEvent"
	case KindEndEvent:
		return "endEvent"
	case KindTask:
		return "task"
	case KindGateway:
		return "exclusiveGateway"
	}
	return "unknown"
}

// Element is a flow node: an event, a task or a gateway. Exactly one of Task
// and Gateway is set for those kinds.
type Element struct {
	ID, Name string
	Kind     Kind
	// Outgoing holds the flows that leave the element, in file order.
	Outgoing []*Flow
	// Incoming holds the flows that arrive at the element.
	Incoming []*Flow
	Task     *Task
	Gateway  *Gateway
	// Line is where the element starts in the file.
	Line int
	// gatewayExtOnTask records an altinn:gatewayExtension found on a task,
	// where Altinn ignores it; Check reports it.
	gatewayExtOnTask bool
}

// Task is the Altinn configuration of a task.
type Task struct {
	Type TaskType
	// ServiceTask is true for a bpmn:serviceTask element.
	ServiceTask bool
	// Legacy is true when the type came from the lib v7 attribute
	// altinn:tasktype instead of altinn:taskExtension.
	Legacy    bool
	Actions   []Action
	Signature *SignatureConfig
	Payment   *PaymentConfig
	PDF       *PDFConfig
	// SubformPDF is the subform PDF service task's configuration.
	SubformPDF *SubformPDFConfig
	// EFormidling holds the raw eFormidling settings by element name; the
	// values may differ per environment (env attribute) and are read by the
	// service task, not by the state machine.
	EFormidling []Setting
}

// Setting is one configuration value with its optional env attribute.
type Setting struct {
	Name, Value, Env string
}

// SignatureConfig is a signing task's altinn:signatureConfig.
type SignatureConfig struct {
	DataTypesToSign                 []string
	SignatureDataType               string
	UniqueFromSignaturesInDataTypes []string
	SigneeProviderID                string
	SigneeStatesDataTypeID          string
	SigningPDFDataType              string
	CorrespondenceResource          []Setting
	RunDefaultValidator             bool
}

// PaymentConfig is a payment task's altinn:paymentConfig.
type PaymentConfig struct {
	PaymentDataType           string
	PaymentReceiptPDFDataType string
}

// PDFConfig is a pdf service task's altinn:pdfConfig.
type PDFConfig struct {
	FilenameTextResourceKey string
	AutoPDFTaskIDs          []string
}

// SubformPDFConfig is a subformPdf service task's configuration.
type SubformPDFConfig struct {
	FilenameTextResourceKey string
	SubformComponentID      string
	SubformDataTypeID       string
}

// Gateway is the configuration of an exclusive gateway.
type Gateway struct {
	// Default is the flow taken when no condition holds, or nil.
	Default *Flow
	// DefaultID is the default attribute as written, kept for Check when it
	// names no outgoing flow.
	DefaultID string
	// ConnectedDataType is altinn:connectedDataTypeId, the data type that
	// dataModel reads in conditions; "" means the default data type of the
	// task being left.
	ConnectedDataType string
}

// Flow is a sequence flow.
type Flow struct {
	ID           string
	Source       *Element
	Target       *Element
	SourceRef    string
	TargetRef    string
	ConditionRaw string
	// Condition is the parsed condition, nil when there is none or it does
	// not parse (ConditionErr says why).
	Condition    *expr.Expr
	ConditionErr error
	// FlowType is the legacy altinn:flowtype, such as
	// AbandonCurrentReturnToNext; "" when absent.
	FlowType string
	Line     int
}

// IsTask reports whether e is a task.
func (e *Element) IsTask() bool { return e != nil && e.Kind == KindTask }

// IsEnd reports whether e is an end event.
func (e *Element) IsEnd() bool { return e != nil && e.Kind == KindEndEvent }

// HasAction reports whether the task lists the action in altinn:actions.
func (t *Task) HasAction(id string) bool {
	for _, a := range t.Actions {
		if a.ID == id {
			return true
		}
	}
	return false
}

// ProcessActions returns the actions that end the task through process/next:
// those of its type, then process actions from altinn:actions (such as
// reject), without duplicates.
func (t *Task) ProcessActions() []string {
	out := append([]string(nil), t.Type.NextActions()...)
	for _, a := range t.Actions {
		if a.Type == ServerAction || contains(out, a.ID) {
			continue
		}
		out = append(out, a.ID)
	}
	return out
}

// UserActions returns every action a user may be offered in the task, with
// its type, for the process state's userActions list.
func (t *Task) UserActions() []Action {
	return append([]Action(nil), t.Actions...)
}

// Definition is a parsed process. It is read-only after Parse and safe for
// concurrent use.
type Definition struct {
	// ID is the process element's id.
	ID string
	// Elements holds every flow node in file order.
	Elements []*Element
	// Flows holds every sequence flow in file order.
	Flows []*Flow
	byID  map[string]*Element
	// starts are the start events in file order.
	starts []*Element
	// notes are findings made while parsing that Check reports.
	notes []Issue
}

// Start returns the start event. A process with several returns the first;
// a Definition not made by Parse may have none, and then Start returns nil.
func (d *Definition) Start() *Element {
	if len(d.starts) == 0 {
		return nil
	}
	return d.starts[0]
}

// StartEvents returns every start event in file order.
func (d *Definition) StartEvents() []*Element { return append([]*Element(nil), d.starts...) }

// Element returns the flow node with the id, or nil.
func (d *Definition) Element(id string) *Element { return d.byID[id] }

// Task returns the task with the id, or nil when there is no such task.
func (d *Definition) Task(id string) *Element {
	if e := d.byID[id]; e.IsTask() {
		return e
	}
	return nil
}

// Tasks returns the tasks in file order.
func (d *Definition) Tasks() []*Element {
	var out []*Element
	for _, e := range d.Elements {
		if e.Kind == KindTask {
			out = append(out, e)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
