// SPDX-License-Identifier: MIT

package process

import "fmt"

// Severity ranks an Issue.
type Severity uint8

// Severities. An Error means the process will fail for some instance; a
// Warning means it is probably not what the author meant; Info is advice.
const (
	Error Severity = iota + 1
	Warning
	Info
)

// String returns "error", "warning" or "info".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "unknown"
}

// Issue codes. They are stable: lint output, tests and translations key on them.
const (
	CodeUnreachable          = "unreachable"
	CodeNoEnd                = "no-end"
	CodeDeadEnd              = "dead-end"
	CodeMultipleOutgoing     = "multiple-outgoing"
	CodeEndHasOutgoing       = "end-has-outgoing"
	CodeMultipleStarts       = "multiple-starts"
	CodeGatewayNoDefault     = "gateway-no-default"
	CodeDefaultUnknown       = "default-unknown"
	CodeDefaultHasCondition  = "default-has-condition"
	CodeUnconditionalFlow    = "unconditional-flow"
	CodeConditionIgnored     = "condition-ignored"
	CodeConditionInvalid     = "condition-invalid"
	CodeFlowSourceMismatch   = "flow-source-mismatch"
	CodeOutgoingUnknownFlow  = "outgoing-unknown-flow"
	CodeGatewayExtIgnored    = "gateway-extension-ignored"
	CodeNoTaskType           = "no-task-type"
	CodeUnknownTaskType      = "unknown-task-type"
	CodeLegacyTaskType       = "legacy-task-type"
	CodeUnknownActionType    = "unknown-action-type"
	CodeMissingAction        = "missing-action"
	CodeRejectWithoutGateway = "reject-without-gateway"
	CodeMissingConfig        = "missing-config"
	CodeNoLayoutSet          = "no-layout-set"
	CodeLayoutSetUnknownTask = "layout-set-unknown-task"
	CodeUnknownDataType      = "unknown-data-type"
	CodeDataTypeUnknownTask  = "data-type-unknown-task"
)

// Issue is one finding of Check.
type Issue struct {
	Severity Severity
	// Code is one of the Code constants.
	Code string
	// Element is the id of the element or flow the issue is about.
	Element string
	// Line is the element's line in the file, 0 when not known.
	Line    int
	Message string
}

// String formats the issue as "line 12: warning gateway-no-default Gateway_1: message".
func (i Issue) String() string {
	return fmt.Sprintf("line %d: %s %s %s: %s", i.Line, i.Severity, i.Code, i.Element, i.Message)
}
