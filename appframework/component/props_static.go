// SPDX-License-Identifier: MIT

package component

import "encoding/json"

// HeaderProps are the properties of Header (v9: Heading).
type HeaderProps struct {
	isProps
	Size string `json:"size"`
}

// PlainProps are the properties of components with nothing beyond the common
// ones: Paragraph, Divider, PrintButton, SigningActions and friends.
type PlainProps struct{ isProps }

// ValueProps are the properties of Text, Number, Date and Option, which show
// a value computed by an expression.
type ValueProps struct {
	isProps
	Value      *Expr           `json:"value"`
	Direction  string          `json:"direction"`
	Format     string          `json:"format"`
	Formatting json.RawMessage `json:"formatting"`
	OptionsID  string          `json:"optionsId"`
}

// PanelProps are the properties of Panel.
type PanelProps struct {
	isProps
	Variant  string `json:"variant"`
	ShowIcon *bool  `json:"showIcon"`
}

// AlertProps are the properties of Alert.
type AlertProps struct {
	isProps
	Severity string `json:"severity"`
}

// MediaProps are the properties of Image, Audio and Video.
type MediaProps struct {
	isProps
	Image json.RawMessage `json:"image"`
	Audio json.RawMessage `json:"audio"`
	Video json.RawMessage `json:"video"`
}

// IFrameProps are the properties of IFrame.
type IFrameProps struct {
	isProps
	Sandbox json.RawMessage `json:"sandbox"`
}

// InstanceInformationProps are the properties of InstanceInformation.
type InstanceInformationProps struct {
	isProps
	Elements json.RawMessage `json:"elements"`
}

// AttachmentListProps are the properties of AttachmentList. DataTypeIDs may
// hold the keywords include-all and current-task.
type AttachmentListProps struct {
	isProps
	DataTypeIDs      []string `json:"dataTypeIds"`
	Links            *bool    `json:"links"`
	GroupByDataTypes *bool    `json:"groupByDataTypes"`
	ShowDataTypeDesc *bool    `json:"showDataTypeDescriptions"`
}

// SummaryProps are the properties of Summary (the v3/v4 summary of one component).
type SummaryProps struct {
	isProps
	ComponentRef     string          `json:"componentRef"`
	LargeGroup       *bool           `json:"largeGroup"`
	ExcludedChildren []string        `json:"excludedChildren"`
	Display          json.RawMessage `json:"display"`
}

// Summary2Target is what a Summary2 summarises.
type Summary2Target struct {
	Type   string `json:"type,omitempty"`
	ID     string `json:"id,omitempty"`
	TaskID string `json:"taskId,omitempty"`
}

// Summary2Props are the properties of Summary2.
type Summary2Props struct {
	isProps
	Target              *Summary2Target `json:"target"`
	HideEmptyFields     *bool           `json:"hideEmptyFields"`
	ShowPageInAccordion *bool           `json:"showPageInAccordion"`
	IsCompact           *bool           `json:"isCompact"`
	Overrides           json.RawMessage `json:"overrides"`
}

// MappingProps are the properties of PaymentDetails and InstantiationButton:
// a mapping from data model paths to query parameters or fields.
type MappingProps struct {
	isProps
	Mapping map[string]string `json:"mapping"`
}
