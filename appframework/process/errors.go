// SPDX-License-Identifier: MIT

package process

import (
	"errors"
	"github.com/blankett/blankett/appframework/internal/xmltree"
)

// Sentinel errors. Parse and Next wrap them with details; test with errors.Is.
var (
	// ErrMalformed reports input that is not a BPMN definition: bad XML, a
	// wrong root element, a missing id or reference, a duplicate id.
	ErrMalformed = errors.New("process: malformed definition")
	// ErrNoStart reports a process without a start event, or one whose start
	// event leads nowhere.
	ErrNoStart = errors.New("process: no start event")
	// ErrUnknownElement reports a reference to an element the process does
	// not have, in the file or in a call to Next or Task.
	ErrUnknownElement = errors.New("process: unknown element")
	// ErrUnsupported reports a BPMN construct Blankett does not run, such as a
	// parallel gateway or a sub-process.
	ErrUnsupported = errors.New("process: unsupported construct")
	// ErrCycle reports a loop of gateways that passes no task, which would
	// move an instance forever.
	ErrCycle = errors.New("process: cycle without a task")
	// ErrEnded reports a move from an end event.
	ErrEnded = errors.New("process: process has ended")
	// ErrNotTask reports a move from an element an instance cannot rest on.
	ErrNotTask = errors.New("process: not a task")
	// ErrActionNotAllowed reports an action that does not end the current task.
	ErrActionNotAllowed = errors.New("process: action not allowed")
	// ErrNoPath reports a gateway none of whose flows applies and which has
	// no default flow, or an element without an outgoing flow.
	ErrNoPath = errors.New("process: no outgoing flow applies")
	// ErrAmbiguous reports more than one applicable outgoing flow.
	ErrAmbiguous = errors.New("process: more than one outgoing flow applies")
	// ErrCondition reports a gateway condition that could not be evaluated.
	ErrCondition = errors.New("process: gateway condition failed")
)

// posError wraps a sentinel with a position in the file; see xmltree.PosError.
func posError(kind error, line, col int, format string, args ...any) error {
	return xmltree.PosError(kind, line, col, format, args...)
}
