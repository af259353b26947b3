// SPDX-License-Identifier: MIT

package process

import (
	"cmp"
	"slices"
)

// CheckInput is what Check needs to know about the rest of the app. A nil
// field skips the checks that need it.
type CheckInput struct {
	// LayoutSets are the sets of ui/layout-sets.json.
	LayoutSets []LayoutSet
	// DataTypes are the data types of applicationmetadata.json.
	DataTypes []DataType
}

// LayoutSet is the part of a layout set Check reads.
type LayoutSet struct {
	ID       string
	DataType string
	Tasks    []string
}

// DataType is the part of an application metadata data type Check reads.
type DataType struct {
	ID string
	// TaskID is the task the data type belongs to, "" for none.
	TaskID string
}

// customReceipt is the pseudo task id of a layout set that replaces the
// receipt page; it names no task in the process.
const customReceipt = "CustomReceipt"

// Check reports problems with a definition that Parse accepts: see the Code
// constants. Issues come in file order, those without a line last.
func Check(def *Definition, in CheckInput) []Issue {
	c := &checker{def: def, in: in, out: append([]Issue(nil), def.notes...)}
	if in.DataTypes != nil {
		c.dataTypes = map[string]bool{}
		for _, dt := range in.DataTypes {
			c.dataTypes[dt.ID] = true
		}
	}
	c.graph()
	c.gateways()
	c.tasks()
	c.layoutSets()
	c.dataTypeTasks()
	// File order; issues about the app around the process (line 0) go last.
	slices.SortStableFunc(c.out, func(a, b Issue) int { return cmp.Compare(sortLine(a.Line), sortLine(b.Line)) })
	return c.out
}

type checker struct {
	def       *Definition
	in        CheckInput
	dataTypes map[string]bool
	out       []Issue
}

func (c *checker) add(sev Severity, code string, line int, element, msg string) {
	c.out = append(c.out, Issue{Severity: sev, Code: code, Element: element, Line: line, Message: msg})
}

// dataType reports a reference to a data type that the metadata lacks.
func (c *checker) dataType(e *Element, what, id string) {
	if c.dataTypes == nil || id == "" || c.dataTypes[id] {
		return
	}
	c.add(Error, CodeUnknownDataType, e.Line, e.ID, what+" names unknown data type "+quote(id))
}

func sortLine(l int) int {
	if l == 0 {
		return int(^uint(0) >> 1)
	}
	return l
}

func quote(s string) string { return "\"" + s + "\"" }
