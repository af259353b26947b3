// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"slices"
)

// Metadata is config/applicationmetadata.json. The fields the platform acts
// on are typed; Raw keeps the whole document for everything else.
type Metadata struct {
	File  string            `json:"-"`
	ID    string            `json:"id"`
	Org   string            `json:"org"`
	Title map[string]string `json:"title"`
	// DataTypes are the kinds of data element an instance may hold.
	DataTypes         []*DataType        `json:"dataTypes"`
	PartyTypesAllowed *PartyTypesAllowed `json:"partyTypesAllowed"`
	OnEntry           *OnEntry           `json:"onEntry"`
	ProcessID         string             `json:"processId"`
	VersionID         string             `json:"versionId"`
	// AutoDeleteOnProcessEnd deletes instances when the process ends, unless
	// PreventInstanceDeletionForDays says otherwise.
	AutoDeleteOnProcessEnd         bool            `json:"autoDeleteOnProcessEnd"`
	PreventInstanceDeletionForDays *int            `json:"preventInstanceDeletionForDays"`
	DataFields                     []DataField     `json:"dataFields"`
	PresentationFields             []DataField     `json:"presentationFields"`
	DisallowUserInstantiation      bool            `json:"disallowUserInstantiation"`
	PromptForParty                 string          `json:"promptForParty"`
	CopyInstanceSettings           json.RawMessage `json:"copyInstanceSettings"`
	MessageBoxConfig               json.RawMessage `json:"messageBoxConfig"`
	EFormidling                    json.RawMessage `json:"eFormidling"`
	Logo                           json.RawMessage `json:"logo"`
	Features                       map[string]bool `json:"features"`
	APIScopes                      json.RawMessage `json:"apiScopes"`
	// Raw is the file as written (relaxed to strict JSON).
	Raw json.RawMessage `json:"-"`
}

// PartyTypesAllowed says who may own an instance; all false means anyone.
type PartyTypesAllowed struct {
	BankruptcyEstate bool `json:"bankruptcyEstate"`
	Organisation     bool `json:"organisation"`
	Person           bool `json:"person"`
	SubUnit          bool `json:"subUnit"`
}

// OnEntry says what a user sees first: "new-instance" (default),
// "select-instance", or a layout set id, which makes the app stateless.
type OnEntry struct {
	Show              string          `json:"show"`
	InstanceSelection json.RawMessage `json:"instanceSelection"`
}

// DataField copies a data model value onto the instance or the inbox.
type DataField struct {
	ID         string `json:"id"`
	Path       string `json:"path"`
	DataTypeID string `json:"dataTypeId"`
}

// DataType is one kind of data element: a form data model (AppLogic set),
// an attachment slot or a system type (PDFs, signatures, payments).
type DataType struct {
	ID                  string            `json:"id"`
	Description         map[string]string `json:"description"`
	Grouping            string            `json:"grouping"`
	AllowedContentTypes []string          `json:"allowedContentTypes"`
	// AllowedContributors merges the old spelling allowedContributers.
	AllowedContributors []string `json:"allowedContributors"`
	TaskID              string   `json:"taskId"`
	// MaxSize is in MB; nil means no limit.
	MaxSize *float64 `json:"maxSize"`
	// MaxCount and MinCount default to 1; MaxCount 0 or below means unbounded.
	MaxCount                          int             `json:"-"`
	MinCount                          int             `json:"-"`
	EnablePdfCreation                 *bool           `json:"enablePdfCreation"`
	EnableFileScan                    bool            `json:"enableFileScan"`
	ValidationErrorOnPendingFileScan  bool            `json:"validationErrorOnPendingFileScan"`
	EnabledFileAnalysers              []string        `json:"enabledFileAnalysers"`
	EnabledFileValidators             []string        `json:"enabledFileValidators"`
	AllowedKeysForUserDefinedMetadata []string        `json:"allowedKeysForUserDefinedMetadata"`
	ActionRequiredToRead              string          `json:"actionRequiredToRead"`
	ActionRequiredToWrite             string          `json:"actionRequiredToWrite"`
	AppLogic                          *AppLogic       `json:"appLogic"`
	Raw                               json.RawMessage `json:"-"`
}

// AppLogic is present exactly on form data model types.
type AppLogic struct {
	AutoCreate                *bool           `json:"autoCreate"`
	ClassRef                  string          `json:"classRef"`
	SchemaRef                 string          `json:"schemaRef"`
	AllowAnonymousOnStateless bool            `json:"allowAnonymousOnStateless"`
	AutoDeleteOnProcessEnd    bool            `json:"autoDeleteOnProcessEnd"`
	DisallowUserCreate        bool            `json:"disallowUserCreate"`
	DisallowUserDelete        bool            `json:"disallowUserDelete"`
	AllowInSubform            bool            `json:"allowInSubform"`
	ShadowFields              json.RawMessage `json:"shadowFields"`
}

// UnmarshalJSON applies Altinn's defaults and the legacy spelling.
func (d *DataType) UnmarshalJSON(b []byte) error {
	type plain DataType
	var aux struct {
		plain
		MaxCount            *int     `json:"maxCount"`
		MinCount            *int     `json:"minCount"`
		AllowedContributers []string `json:"allowedContributers"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*d = DataType(aux.plain)
	d.MaxCount, d.MinCount = 1, 1
	if aux.MaxCount != nil {
		d.MaxCount = *aux.MaxCount
	}
	if aux.MinCount != nil {
		d.MinCount = *aux.MinCount
	}
	for _, c := range aux.AllowedContributers {
		if !slices.Contains(d.AllowedContributors, c) {
			d.AllowedContributors = append(d.AllowedContributors, c)
		}
	}
	d.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// IsForm reports whether the data type is a form data model.
func (d *DataType) IsForm() bool { return d.AppLogic != nil }

// DataType returns the data type with id, or nil.
func (m *Metadata) DataType(id string) *DataType {
	for _, d := range m.DataTypes {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// DefaultFormType is the data type an app without layout sets (or a v9
// folder without defaultDataType) uses: the first with a classRef.
func (m *Metadata) DefaultFormType() string {
	for _, d := range m.DataTypes {
		if d.AppLogic != nil && d.AppLogic.ClassRef != "" {
			return d.ID
		}
	}
	return ""
}
