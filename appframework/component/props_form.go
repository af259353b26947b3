// SPDX-License-Identifier: MIT

package component

import (
	"encoding/json"

	"github.com/blankett/blankett/appframework/expr"
)

// Props is the typed, type-specific part of a component: *InputProps,
// *RepeatingGroupProps and so on. Unknown types have no Props.
type Props interface{ props() }

// isProps marks the property structs; embedding it makes a struct a Props.
type isProps struct{}

func (isProps) props() {}

// Option is one inline option of an option-based component.
type Option struct {
	Value       expr.Value `json:"value"`
	Label       string     `json:"label"`
	Description string     `json:"description,omitempty"`
	HelpText    string     `json:"helpText,omitempty"`
}

// OptionSourceRef builds options from a repeating structure in the data model.
type OptionSourceRef struct {
	Group       string `json:"group"`
	Label       *Expr  `json:"label"`
	Value       string `json:"value"`
	Description *Expr  `json:"description"`
	HelpText    *Expr  `json:"helpText"`
	DataType    string `json:"dataType"`
}

// OptionProps are the option properties shared by Dropdown, RadioButtons,
// Checkboxes, MultipleSelect, Likert, FileUploadWithTag and Option.
type OptionProps struct {
	OptionsID              string            `json:"optionsId"`
	Options                []Option          `json:"options"`
	QueryParameters        map[string]*Expr  `json:"queryParameters"`
	Mapping                map[string]string `json:"mapping"` // deprecated for queryParameters
	Secure                 *bool             `json:"secure"`
	Source                 *OptionSourceRef  `json:"source"`
	OptionFilter           *Expr             `json:"optionFilter"`
	SortOrder              string            `json:"sortOrder"`
	PreselectedOptionIndex *int              `json:"preselectedOptionIndex"`
}

// Formatting is the number and presentation formatting of Input and Number.
type Formatting struct {
	Number   json.RawMessage `json:"number"`
	Currency string          `json:"currency"`
	Unit     string          `json:"unit"`
	Position string          `json:"position"`
	Align    string          `json:"align"`
}

// InputProps are the properties of Input.
type InputProps struct {
	isProps
	Formatting   *Formatting `json:"formatting"`
	MaxLength    *int        `json:"maxLength"`
	Variant      string      `json:"variant"`
	Autocomplete string      `json:"autocomplete"`
	// SaveWhileTyping is a delay in ms in v4 and a boolean in v3.
	SaveWhileTyping json.RawMessage `json:"saveWhileTyping"`
}

// TextAreaProps are the properties of TextArea.
type TextAreaProps struct {
	isProps
	MaxLength       *int            `json:"maxLength"`
	Autocomplete    string          `json:"autocomplete"`
	SaveWhileTyping json.RawMessage `json:"saveWhileTyping"`
}

// DatepickerProps are the properties of Datepicker. MinDate and MaxDate are
// ISO dates, words such as "today", or expressions.
type DatepickerProps struct {
	isProps
	MinDate   *Expr  `json:"minDate"`
	MaxDate   *Expr  `json:"maxDate"`
	Format    string `json:"format"`
	TimeStamp *bool  `json:"timeStamp"`
}

// TimePickerProps are the properties of TimePicker.
type TimePickerProps struct {
	isProps
	Format  string `json:"format"`
	MinTime *Expr  `json:"minTime"`
	MaxTime *Expr  `json:"maxTime"`
}

// DropdownProps are the properties of Dropdown.
type DropdownProps struct {
	isProps
	OptionProps
	AlertOnChange *Expr `json:"alertOnChange"`
}

// RadioButtonsProps are the properties of RadioButtons.
type RadioButtonsProps struct {
	isProps
	OptionProps
	Layout            string `json:"layout"`
	ShowAsCard        *bool  `json:"showAsCard"`
	ShowLabelsInTable *bool  `json:"showLabelsInTable"`
	AlertOnChange     *Expr  `json:"alertOnChange"`
}

// CheckboxesProps are the properties of Checkboxes and MultipleSelect, which
// store a comma-separated string or, with a group binding, a list.
type CheckboxesProps struct {
	isProps
	OptionProps
	Layout            string `json:"layout"`
	ShowLabelsInTable *bool  `json:"showLabelsInTable"`
	AlertOnChange     *Expr  `json:"alertOnChange"`
	DeletionStrategy  string `json:"deletionStrategy"`
}

// AddressProps are the properties of Address (v3 AddressComponent).
type AddressProps struct {
	isProps
	Simplified      *bool           `json:"simplified"`
	SaveWhileTyping json.RawMessage `json:"saveWhileTyping"`
}

// FileUploadProps are the properties of FileUpload. The component id is the
// attachment data type id.
type FileUploadProps struct {
	isProps
	MaxFileSizeInMB        *float64        `json:"maxFileSizeInMB"`
	MaxNumberOfAttachments *Expr           `json:"maxNumberOfAttachments"`
	MinNumberOfAttachments *Expr           `json:"minNumberOfAttachments"`
	DisplayMode            string          `json:"displayMode"`
	HasCustomFileEndings   *bool           `json:"hasCustomFileEndings"`
	ValidFileEndings       json.RawMessage `json:"validFileEndings"`
	AlertOnDelete          *Expr           `json:"alertOnDelete"`
}

// FileUploadWithTagProps are the properties of FileUploadWithTag: a file
// upload whose tags come from an option list.
type FileUploadWithTagProps struct {
	FileUploadProps
	OptionProps
}

// ImageUploadProps are the properties of ImageUpload.
type ImageUploadProps struct {
	isProps
	Crop json.RawMessage `json:"crop"`
}

// ListProps are the properties of List, whose rows come from a data list provider.
type ListProps struct {
	isProps
	DataListID             string            `json:"dataListId"`
	TableHeaders           map[string]string `json:"tableHeaders"`
	SortableColumns        []string          `json:"sortableColumns"`
	Pagination             json.RawMessage   `json:"pagination"`
	QueryParameters        map[string]*Expr  `json:"queryParameters"`
	Mapping                map[string]string `json:"mapping"`
	Secure                 *bool             `json:"secure"`
	DeletionStrategy       string            `json:"deletionStrategy"`
	BindingToShowInSummary string            `json:"bindingToShowInSummary"`
	SummaryBinding         string            `json:"summaryBinding"`
}

// LikertFilter limits the questions a Likert shows (key start or stop).
type LikertFilter struct {
	Key   string `json:"key"`
	Value *Expr  `json:"value"`
}

// LikertProps are the properties of Likert (v4): one row per item of the
// questions binding, the answer binding inside each item.
type LikertProps struct {
	isProps
	OptionProps
	Filter            []LikertFilter  `json:"filter"`
	ShowLabelsInTable *bool           `json:"showLabelsInTable"`
	Columns           json.RawMessage `json:"columns"`
}

// MapProps are the properties of Map.
type MapProps struct {
	isProps
	Layers             json.RawMessage `json:"layers"`
	CenterLocation     json.RawMessage `json:"centerLocation"`
	Zoom               *float64        `json:"zoom"`
	Toolbar            json.RawMessage `json:"toolbar"`
	GeometryType       string          `json:"geometryType"`
	GeometryIsEditable *bool           `json:"geometryIsEditable"`
}

// LookupProps are the properties of PersonLookup and OrganisationLookup,
// which have none beyond the common ones.
type LookupProps struct{ isProps }

// SimpleTableProps are the properties of SimpleTable.
type SimpleTableProps struct {
	isProps
	Columns      json.RawMessage `json:"columns"`
	Title        string          `json:"title"`
	TableData    json.RawMessage `json:"tableData"`
	ExternalAPI  json.RawMessage `json:"externalApi"`
	EnableDelete *bool           `json:"enableDelete"`
	EnableEdit   *bool           `json:"enableEdit"`
}

// AddToListProps are the properties of AddToList.
type AddToListProps struct {
	isProps
	DataModelGroup string `json:"dataModelGroup"`
}

// CustomProps are the properties of Custom, a web component by tag name.
type CustomProps struct {
	isProps
	TagName string `json:"tagName"`
}
