// SPDX-License-Identifier: MIT

package authz

import (
	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
)

// Target is what a request acts on and how.
type Target struct {
	// Org and App name the app.
	Org, App string
	// InstanceOwnerPartyID owns the instance, or will own it for instantiate.
	InstanceOwnerPartyID int64
	// InstanceID is "{partyId}/{guid}", for logs; "" before instantiation.
	InstanceID string
	// Task is the instance's current task; EndEvent is set once it has ended.
	Task, EndEvent string
	// AppResource names a non-instance part of the app, such as "events".
	AppResource string
	// Action is the endpoint's action (read for GET-like endpoints, write,
	// delete, instantiate, complete, … for the others).
	Action string
	// DataType, when the request touches a data element, adds that type's
	// actionRequiredToRead (for read) or actionRequiredToWrite (otherwise):
	// both the endpoint's action and the type's action must be permitted.
	DataType *app.DataType
	// APIScopes are the app's own scopes; nil uses Altinn's defaults.
	APIScopes *APIScopes
}

// writes reports whether the action changes something and so needs a write
// scope; only read is read-only.
func writes(action string) bool { return action != process.ActionRead }

// dataAction returns the data type's extra action for the target's action,
// or "" when there is none.
func (t Target) dataAction() string {
	if t.DataType == nil {
		return ""
	}
	if writes(t.Action) {
		return t.DataType.ActionRequiredToWrite
	}
	return t.DataType.ActionRequiredToRead
}

// DefaultActions returns the actions GET process reports when no others are
// named: Altinn's standard instance actions.
func DefaultActions() []string {
	return []string{process.ActionRead, process.ActionWrite, process.ActionDelete, process.ActionComplete, process.ActionConfirm,
		process.ActionSign, process.ActionPay, process.ActionReject}
}
