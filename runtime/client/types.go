// SPDX-License-Identifier: MIT

package client

import (
	"encoding/json"
	"time"
)

// Instance is Altinn's Instance document, with the fields a service owner
// usually needs. Raw keeps the whole document as the server sent it.
type Instance struct {
	// ID is "{partyId}/{guid}".
	ID    string `json:"id"`
	AppID string `json:"appId"`
	Org   string `json:"org"`
	// InstanceOwner names the party the instance belongs to.
	InstanceOwner InstanceOwner `json:"instanceOwner"`
	// Process is the workflow state.
	Process ProcessState `json:"process"`
	// Status holds the archive and deletion flags.
	Status InstanceStatus `json:"status"`
	// CompleteConfirmations lists the stakeholders that confirmed receipt.
	CompleteConfirmations []CompleteConfirmation `json:"completeConfirmations"`
	// Data are the data elements (present unless the query left them out).
	Data          []DataElement `json:"data"`
	SelfLinks     SelfLinks     `json:"selfLinks"`
	Created       time.Time     `json:"created"`
	LastChanged   time.Time     `json:"lastChanged"`
	LastChangedBy string        `json:"lastChangedBy"`
	// Raw is the instance JSON as received.
	Raw json.RawMessage `json:"-"`
}

// InstanceOwner is the owning party.
type InstanceOwner struct {
	PartyID string `json:"partyId"`
	// PersonNumber and OrganisationNumber identify the party when the server
	// includes them.
	PersonNumber       string `json:"personNumber,omitempty"`
	OrganisationNumber string `json:"organisationNumber,omitempty"`
}

// ProcessState is the part of the process state clients filter on.
type ProcessState struct {
	Started  *time.Time `json:"started,omitempty"`
	Ended    *time.Time `json:"ended,omitempty"`
	EndEvent string     `json:"endEvent,omitempty"`
	// CurrentTask is nil once the process has ended.
	CurrentTask *struct {
		ElementID string `json:"elementId"`
		Name      string `json:"name,omitempty"`
	} `json:"currentTask,omitempty"`
}

// InstanceStatus holds an instance's archive and deletion flags.
type InstanceStatus struct {
	IsArchived    bool `json:"isArchived"`
	IsSoftDeleted bool `json:"isSoftDeleted"`
	IsHardDeleted bool `json:"isHardDeleted"`
}

// CompleteConfirmation records that a stakeholder confirmed receipt.
type CompleteConfirmation struct {
	StakeholderID string    `json:"stakeholderId"`
	ConfirmedOn   time.Time `json:"confirmedOn"`
}

// SelfLinks are the URLs of a resource.
type SelfLinks struct {
	Apps     string `json:"apps,omitempty"`
	Platform string `json:"platform,omitempty"`
}

// DataElement is Altinn's DataElement: one file of an instance.
type DataElement struct {
	ID           string `json:"id"`
	InstanceGUID string `json:"instanceGuid"`
	DataType     string `json:"dataType"`
	ContentType  string `json:"contentType"`
	Filename     string `json:"filename,omitempty"`
	Size         int64  `json:"size"`
	// ContentHash is the lowercase hex SHA-256 of the content, the download's ETag.
	ContentHash string    `json:"contentHash,omitempty"`
	Locked      bool      `json:"locked"`
	SelfLinks   SelfLinks `json:"selfLinks"`
	Created     time.Time `json:"created"`
	LastChanged time.Time `json:"lastChanged"`
}

// PartyID returns the owner's party id.
func (in Instance) PartyID() string { return in.InstanceOwner.PartyID }

// GUID returns the instance guid, the part of ID after the slash.
func (in Instance) GUID() string {
	for i := len(in.ID) - 1; i >= 0; i-- {
		if in.ID[i] == '/' {
			return in.ID[i+1:]
		}
	}
	return in.ID
}

// UnmarshalJSON decodes the document and keeps it in Raw.
func (in *Instance) UnmarshalJSON(b []byte) error {
	type plain Instance
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*in = Instance(p)
	in.Raw = append(json.RawMessage(nil), b...)
	return nil
}
