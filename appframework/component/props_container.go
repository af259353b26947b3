// SPDX-License-Identifier: MIT

package component

import "encoding/json"

// GroupProps are the properties of Group (v4: never repeating, no binding).
type GroupProps struct {
	isProps
	Children          []string `json:"children"`
	GroupingIndicator string   `json:"groupingIndicator"`
	HeadingLevel      *int     `json:"headingLevel"`
}

// RepeatingEdit is the edit section of a RepeatingGroup. The button flags
// are expressions evaluated per row.
type RepeatingEdit struct {
	Mode                string          `json:"mode"`
	AddButton           *Expr           `json:"addButton"`
	SaveButton          *Expr           `json:"saveButton"`
	DeleteButton        *Expr           `json:"deleteButton"`
	EditButton          *Expr           `json:"editButton"`
	SaveAndNextButton   *Expr           `json:"saveAndNextButton"`
	AlertOnDelete       *Expr           `json:"alertOnDelete"`
	MultiPage           *bool           `json:"multiPage"`
	OpenByDefault       json.RawMessage `json:"openByDefault"`
	AlwaysShowAddButton *bool           `json:"alwaysShowAddButton"`
	CompactButtons      *bool           `json:"compactButtons"`
	ButtonLayout        *Expr           `json:"buttonLayout"`
}

// RepeatingGroupProps are the properties of RepeatingGroup. Children repeat
// once per item of the group binding; with edit.multiPage they are written
// "<page>:<id>". RowsBefore and RowsAfter are Grid rows around the table that
// do not repeat.
type RepeatingGroupProps struct {
	isProps
	Children          []string                   `json:"children"`
	MaxCount          *int                       `json:"maxCount"`
	MinCount          *int                       `json:"minCount"`
	Edit              *RepeatingEdit             `json:"edit"`
	HiddenRow         *Expr                      `json:"hiddenRow"`
	TableHeaders      []string                   `json:"tableHeaders"`
	TableColumns      map[string]json.RawMessage `json:"tableColumns"`
	RowsBefore        []GridRow                  `json:"rowsBefore"`
	RowsAfter         []GridRow                  `json:"rowsAfter"`
	Pagination        json.RawMessage            `json:"pagination"`
	StickyHeader      *bool                      `json:"stickyHeader"`
	ValidateOnSaveRow []string                   `json:"validateOnSaveRow"`
}

// GridCell is one cell of a Grid row: a component reference, a text or a
// label taken from a component. A null cell is an empty cell.
type GridCell struct {
	Component     string          `json:"component,omitempty"`
	Text          string          `json:"text,omitempty"`
	Help          string          `json:"help,omitempty"`
	LabelFrom     string          `json:"labelFrom,omitempty"`
	ColumnOptions json.RawMessage `json:"columnOptions,omitempty"`
}

// GridRow is one row of a Grid (and of rowsBefore/rowsAfter).
type GridRow struct {
	Header   *bool       `json:"header"`
	ReadOnly *bool       `json:"readOnly"`
	Cells    []*GridCell `json:"cells"`
}

// GridProps are the properties of Grid.
type GridProps struct {
	isProps
	Rows []GridRow `json:"rows"`
}

// AccordionProps are the properties of Accordion.
type AccordionProps struct {
	isProps
	Children      []string `json:"children"`
	HeadingLevel  *int     `json:"headingLevel"`
	OpenByDefault *Expr    `json:"openByDefault"`
}

// ChildrenProps are the properties of containers that only list children:
// AccordionGroup and ButtonGroup.
type ChildrenProps struct {
	isProps
	Children []string `json:"children"`
}

// Tab is one tab of Tabs.
type Tab struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Icon     string   `json:"icon,omitempty"`
	Children []string `json:"children"`
}

// TabsProps are the properties of Tabs.
type TabsProps struct {
	isProps
	Size       string `json:"size"`
	DefaultTab string `json:"defaultTab"`
	Tabs       []Tab  `json:"tabs"`
}

// Card is one card of Cards; Media is the id of an Image, Audio or Video
// component shown at the top.
type Card struct {
	Media       string   `json:"media,omitempty"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	Footer      string   `json:"footer,omitempty"`
	Children    []string `json:"children,omitempty"`
}

// CardsProps are the properties of Cards.
type CardsProps struct {
	isProps
	MediaPosition  string `json:"mediaPosition"`
	MinMediaHeight string `json:"minMediaHeight"`
	MinWidth       string `json:"minWidth"`
	Color          string `json:"color"`
	Cards          []Card `json:"cards"`
}

// SubformProps are the properties of Subform. Each row is a data element of
// the subform layout set's data type.
type SubformProps struct {
	isProps
	LayoutSet        string          `json:"layoutSet"`
	TableColumns     json.RawMessage `json:"tableColumns"`
	ShowAddButton    *bool           `json:"showAddButton"`
	ShowDeleteButton *bool           `json:"showDeleteButton"`
	EntryDisplayName json.RawMessage `json:"entryDisplayName"`
}
