// SPDX-License-Identifier: MIT

package diff

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Kind says what happened to a thing.
type Kind string

// The kinds of change.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
	Renamed Kind = "renamed"
)

// Area is the kind of thing that changed, in service-owner terms.
type Area string

// The areas, in the order changes are listed.
const (
	AreaLayoutSet  Area = "layout set"
	AreaPage       Area = "page"
	AreaComponent  Area = "component"
	AreaText       Area = "text"
	AreaOptionList Area = "option list"
	AreaField      Area = "data model field"
	AreaValidation Area = "validation"
	AreaDataType   Area = "data type"
	AreaTask       Area = "task"
	AreaPolicyRule Area = "policy rule"
	AreaSetting    Area = "setting"
)

var areaOrder = []Area{AreaLayoutSet, AreaPage, AreaComponent, AreaText, AreaOptionList, AreaField,
	AreaValidation, AreaDataType, AreaTask, AreaPolicyRule, AreaSetting}

// Change is one difference between two versions of an app.
type Change struct {
	Kind Kind `json:"kind"`
	Area Area `json:"area"`
	// ID is the thing's id in the new version (the old one when removed).
	ID string `json:"id"`
	// OldID is the id before a rename.
	OldID string `json:"oldId,omitempty"`
	// Where places the thing: the layout set and page of a component, the
	// data model of a field, the file of a setting.
	Where string `json:"where,omitempty"`
	// Language is set for text changes in one language.
	Language string `json:"language,omitempty"`
	// Detail says what changed in a sentence for the service owner.
	Detail string `json:"detail"`
}

// String returns the detail sentence.
func (c Change) String() string { return c.Detail }

func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		return cmp.Or(cmp.Compare(slices.Index(areaOrder, a.Area), slices.Index(areaOrder, b.Area)),
			cmp.Compare(a.Where, b.Where), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Language, b.Language),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Detail, b.Detail))
	})
}

// WriteText writes one change per line, or "no changes".
func WriteText(w io.Writer, cs []Change) error {
	if len(cs) == 0 {
		_, err := fmt.Fprintln(w, "no changes")
		return err
	}
	for _, c := range cs {
		if _, err := fmt.Fprintln(w, c.Detail); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON writes the changes as an indented JSON array.
func WriteJSON(w io.Writer, cs []Change) error {
	if cs == nil {
		cs = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(cs)
}
