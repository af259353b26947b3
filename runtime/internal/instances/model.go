// SPDX-License-Identifier: MIT

package instances

import "time"

// Instance is Altinn's Instance document. Data is filled from the data element rows
// when read; the stored document leaves it empty.
type Instance struct {
	ID                    string                 `json:"id"`
	InstanceOwner         InstanceOwner          `json:"instanceOwner"`
	AppID                 string                 `json:"appId"`
	Org                   string                 `json:"org"`
	SelfLinks             *SelfLinks             `json:"selfLinks,omitempty"`
	DueBefore             *time.Time             `json:"dueBefore,omitempty"`
	VisibleAfter          *time.Time             `json:"visibleAfter,omitempty"`
	Process               *ProcessState          `json:"process,omitempty"`
	Status                *InstanceStatus        `json:"status,omitempty"`
	CompleteConfirmations []CompleteConfirmation `json:"completeConfirmations,omitempty"`
	Data                  []DataElement          `json:"data"`
	PresentationTexts     map[string]string      `json:"presentationTexts,omitempty"`
	DataValues            map[string]string      `json:"dataValues,omitempty"`
	Created               time.Time              `json:"created"`
	CreatedBy             string                 `json:"createdBy,omitempty"`
	LastChanged           time.Time              `json:"lastChanged"`
	LastChangedBy         string                 `json:"lastChangedBy,omitempty"`
}

// InstanceOwner is who the instance belongs to; PartyID is a string, as in Altinn.
type InstanceOwner struct {
	PartyID            string `json:"partyId"`
	PersonNumber       string `json:"personNumber,omitempty"`
	OrganisationNumber string `json:"organisationNumber,omitempty"`
	Username           string `json:"username,omitempty"`
}

// SelfLinks are the URLs of a resource in the app API and the platform API.
type SelfLinks struct {
	Apps     string `json:"apps,omitempty"`
	Platform string `json:"platform,omitempty"`
}

// ProcessState is where the instance is in its process.
type ProcessState struct {
	Started     *time.Time          `json:"started,omitempty"`
	StartEvent  string              `json:"startEvent,omitempty"`
	CurrentTask *ProcessElementInfo `json:"currentTask,omitempty"`
	Ended       *time.Time          `json:"ended,omitempty"`
	EndEvent    string              `json:"endEvent,omitempty"`
}

// ProcessElementInfo is the current task.
type ProcessElementInfo struct {
	Flow           int        `json:"flow"`
	Started        *time.Time `json:"started,omitempty"`
	ElementID      string     `json:"elementId"`
	Name           string     `json:"name,omitempty"`
	AltinnTaskType string     `json:"altinnTaskType,omitempty"`
	Ended          *time.Time `json:"ended,omitempty"`
	FlowType       string     `json:"flowType,omitempty"`
}

// InstanceStatus is the archive, deletion and read state.
type InstanceStatus struct {
	IsArchived    bool       `json:"isArchived"`
	Archived      *time.Time `json:"archived,omitempty"`
	IsSoftDeleted bool       `json:"isSoftDeleted"`
	SoftDeleted   *time.Time `json:"softDeleted,omitempty"`
	IsHardDeleted bool       `json:"isHardDeleted"`
	HardDeleted   *time.Time `json:"hardDeleted,omitempty"`
	ReadStatus    string     `json:"readStatus"`
	Substatus     *Substatus `json:"substatus,omitempty"`
}

// Substatus is the service owner's own status of an instance, shown in the inbox.
type Substatus struct {
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
}

// CompleteConfirmation is a service owner's "I have what I need".
type CompleteConfirmation struct {
	StakeholderID string    `json:"stakeholderId"`
	ConfirmedOn   time.Time `json:"confirmedOn"`
}

// DataElement is Altinn's DataElement document.
type DataElement struct {
	ID              string     `json:"id"`
	InstanceGUID    string     `json:"instanceGuid"`
	DataType        string     `json:"dataType"`
	Filename        string     `json:"filename,omitempty"`
	ContentType     string     `json:"contentType"`
	BlobStoragePath string     `json:"blobStoragePath"` // Altinn's path, set on read (elementDoc); not where the content is
	SelfLinks       *SelfLinks `json:"selfLinks,omitempty"`
	Size            int64      `json:"size"`
	ContentHash     string     `json:"contentHash,omitempty"`
	Locked          bool       `json:"locked"`
	IsRead          bool       `json:"isRead"`
	Tags            []string   `json:"tags"`
	Created         time.Time  `json:"created"`
	CreatedBy       string     `json:"createdBy,omitempty"`
	LastChanged     time.Time  `json:"lastChanged"`
	LastChangedBy   string     `json:"lastChangedBy,omitempty"`
}

// PlatformUser is who caused an instance event.
type PlatformUser struct {
	UserID              int64  `json:"userId,omitempty"`
	OrgID               string `json:"orgId,omitempty"`
	AuthenticationLevel int    `json:"authenticationLevel"`
	EndUserSystemID     string `json:"endUserSystemId,omitempty"`
}

// Ref names an instance as the app API's path does.
type Ref struct {
	Org, App string
	PartyID  int64
	GUID     string
}

// ID is "partyId/guid".
func (r Ref) ID() string { return itoa(r.PartyID) + "/" + r.GUID }

// Instance event types written by the service.
const (
	EventCreated           = "Created"
	EventSaved             = "Saved"
	EventDeleted           = "Deleted"
	EventProcessStartEvent = "process_StartEvent"
	EventProcessStartTask  = "process_StartTask"
	EventProcessEndTask    = "process_EndTask"
	EventProcessAbandon    = "process_AbandonTask"
	EventProcessEndEvent   = "process_EndEvent"
	// EventSubmited (sic, Altinn's spelling) follows the end event, for
	// consumers that wait for a submission.
	EventSubmited          = "Submited"
	EventConfirmedComplete = "ConfirmedComplete"
	EventSubstatusUpdated  = "SubstatusUpdated"
)
