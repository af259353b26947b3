// SPDX-License-Identifier: MIT

package policy

import "context"

// Request is one authorization question: may Subject perform Action on
// Resource. Empty strings are absent attributes and match nothing.
type Request struct {
	Subject  Subject
	Resource Resource
	Action   string
}

// Subject is who asks, with the attributes the PIP resolved for the party
// they act for.
type Subject struct {
	// Roles are the role codes the user holds for the party, such as DAGL.
	Roles []string
	// Org is the service owner code (urn:altinn:org) of an organisation
	// token, such as ttd; "" for persons.
	Org     string
	UserID  string
	PartyID string
	// AuthLevel is the authentication level (0–4) of the login.
	AuthLevel int
	Scopes    []string
}

// Resource is what is acted on: an app, and the state of one of its
// instances when there is one.
type Resource struct {
	Org, App string
	// Task is the instance's current task; "" before it starts or after it ends.
	Task string
	// EndEvent is the end event of an ended instance.
	EndEvent string
	// PartyID is the instance owner.
	PartyID string
	// AppResource names a part of the app that is not an instance, such as
	// "events" for event subscriptions.
	AppResource string
}

// DecisionPoint is the seam the runtime calls for every authorization. A
// Policy is one; an external PDP can be another.
type DecisionPoint interface {
	Decide(ctx context.Context, req Request) (Decision, error)
}

var _ DecisionPoint = (*Policy)(nil)
