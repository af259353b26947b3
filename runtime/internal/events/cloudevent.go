// SPDX-License-Identifier: MIT

package events

import (
	"strconv"
	"time"
)

// Event types the runtime publishes, as Altinn's apps do.
const (
	TypeInstanceCreated  = "app.instance.created"
	TypeProcessCompleted = "app.instance.process.completed"
	TypeSubstatusChanged = "app.instance.substatus.changed"
	// TypeValidateSubscription is the handshake sent to a new subscription's
	// endpoint; it is not stored and not pulled.
	TypeValidateSubscription = "platform.events.validatesubscription"
	typeMovedToPrefix        = "app.instance.process.movedTo."
)

// TypeMovedTo is the type of the event that the process moved to task.
func TypeMovedTo(task string) string { return typeMovedToPrefix + task }

// SpecVersion is the CloudEvents version of every event.
const SpecVersion = "1.0"

// Event is a CloudEvent 1.0 in Altinn's JSON shape: source is the instance's URL
// in the app API, subject the owner party, alternativesubject the owner's
// national identity or organisation number, resource the app as an Altinn
// resource and resourceinstance the instance guid.
type Event struct {
	ID                 string    `json:"id"`
	SpecVersion        string    `json:"specversion"`
	Time               time.Time `json:"time"`
	Type               string    `json:"type"`
	Source             string    `json:"source"`
	Subject            string    `json:"subject,omitempty"`
	AlternativeSubject string    `json:"alternativesubject,omitempty"`
	Resource           string    `json:"resource,omitempty"`
	ResourceInstance   string    `json:"resourceinstance,omitempty"`
}

// Instance names the app instance an event is about.
type Instance struct {
	Org, App string
	PartyID  int64
	GUID     string
	// AlternativeSubject is "/person/{ssn}" or "/org/{orgnr}" when the owner is
	// known, else "".
	AlternativeSubject string
}

// AlternativeSubject returns the alternativesubject of a person (ssn) or an
// organisation (orgNumber) party; "" when neither is known.
func AlternativeSubject(ssn, orgNumber string) string {
	switch {
	case ssn != "":
		return "/person/" + ssn
	case orgNumber != "":
		return "/org/" + orgNumber
	}
	return ""
}

// SourceFilter is the sourceFilter that selects every event of org/app on the
// runtime at publicURL.
func SourceFilter(publicURL, org, app string) string { return publicURL + "/" + org + "/" + app }

// Subject is the subject naming party.
func Subject(partyID int64) string { return "/party/" + strconv.FormatInt(partyID, 10) }

// newAppEvent builds the CloudEvent of type typ about in at time at.
func newAppEvent(publicURL, id string, in Instance, typ string, at time.Time) Event {
	party := strconv.FormatInt(in.PartyID, 10)
	return Event{ID: id, SpecVersion: SpecVersion, Time: at.UTC(), Type: typ,
		Source:  SourceFilter(publicURL, in.Org, in.App) + "/instances/" + party + "/" + in.GUID,
		Subject: Subject(in.PartyID), AlternativeSubject: in.AlternativeSubject,
		Resource: "urn:altinn:resource:app_" + in.Org + "_" + in.App, ResourceInstance: in.GUID}
}
