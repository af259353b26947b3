// SPDX-License-Identifier: MIT

package process

// TaskType is the altinn:taskType of a task. Any string is allowed: an unknown
// type is a custom task whose process-next action is the type itself.
type TaskType string

// The task types Altinn defines. The first five wait for a user; the rest are
// service tasks that the runtime runs on arrival.
const (
	TaskData         TaskType = "data"
	TaskConfirmation TaskType = "confirmation"
	TaskSigning      TaskType = "signing"
	TaskPayment      TaskType = "payment"
	TaskFeedback     TaskType = "feedback"
	TaskPDF          TaskType = "pdf"
	TaskEFormidling  TaskType = "eFormidling"
	TaskSubformPDF   TaskType = "subformPdf"
	TaskFiksArkiv    TaskType = "fiksArkiv"
)

// Actions of the process and policy vocabulary. Custom actions are any other
// string, named in a task's altinn:actions and authorised by policy.xml.
const (
	ActionInstantiate = "instantiate"
	ActionRead        = "read"
	ActionWrite       = "write"
	ActionDelete      = "delete"
	ActionComplete    = "complete"
	ActionConfirm     = "confirm"
	ActionSign        = "sign"
	ActionReject      = "reject"
	ActionPay         = "pay"
)

// Known reports whether t is one of Altinn's built-in task types.
func (t TaskType) Known() bool {
	switch t {
	case TaskData, TaskConfirmation, TaskSigning, TaskPayment, TaskFeedback,
		TaskPDF, TaskEFormidling, TaskSubformPDF, TaskFiksArkiv:
		return true
	}
	return false
}

// Service reports whether t is a built-in service task, which the runtime runs
// without a user as soon as the process arrives at it.
func (t TaskType) Service() bool {
	switch t {
	case TaskPDF, TaskEFormidling, TaskSubformPDF, TaskFiksArkiv:
		return true
	}
	return false
}

// NextActions returns the actions that may end a task of type t through
// process/next, the first being the default when the caller names none. The
// table is Altinn's (app lib and Storage agree): write for data-like tasks,
// confirm for confirmation, sign or write for signing, pay or write for
// payment, and the type name or write for a custom type (app lib's
// ProcessEngineAuthorizer).
func (t TaskType) NextActions() []string {
	switch t {
	case TaskData, TaskFeedback, TaskPDF, TaskEFormidling, TaskSubformPDF, TaskFiksArkiv:
		return []string{ActionWrite}
	case TaskConfirmation:
		return []string{ActionConfirm}
	case TaskSigning:
		return []string{ActionSign, ActionWrite}
	case TaskPayment:
		return []string{ActionPay, ActionWrite}
	case "":
		return nil
	}
	return []string{string(t), ActionWrite}
}

// ActionType says how an action in altinn:actions is performed.
type ActionType string

// Action types. A process action ends the task through process/next (confirm,
// sign, reject, pay); a server action runs a handler through the actions
// endpoint and leaves the process where it is.
const (
	ProcessAction ActionType = "processAction"
	ServerAction  ActionType = "serverAction"
)

// Action is one entry of a task's altinn:actions.
type Action struct {
	ID   string
	Type ActionType
}
