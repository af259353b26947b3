// SPDX-License-Identifier: MIT

package render

import (
	"fmt"
	"strings"
)

// ActionKind names what a submit button asks the runtime to do.
type ActionKind string

// The actions buttons post as _action. The runtime saves the posted fields
// first, then performs the action and renders the page again (or the next).
const (
	// ActSave is the form's default button (Enter in a text field): save
	// and show the same page.
	ActSave ActionKind = "save"
	// ActNext and ActBack move to the next or previous visible page.
	ActNext ActionKind = "next"
	ActBack ActionKind = "back"
	// ActPage moves to page Arg (NavigationBar, navigateToPage).
	ActPage ActionKind = "page"
	// ActSubmit is Button mode submit: validate the task and move the process on.
	ActSubmit ActionKind = "submit"
	// ActPrint asks for a printable view (PrintButton, PDFPreviewButton).
	ActPrint ActionKind = "print"
	// ActProcess is ActionButton: process action Arg (sign, reject, confirm, pay…).
	ActProcess ActionKind = "process"
	// ActCustom is CustomButton Component: run its actions list in order.
	ActCustom ActionKind = "custom"
	// ActInstantiate is InstantiationButton (or Button mode instantiate)
	// Component: create an instance with its mapping.
	ActInstantiate ActionKind = "instantiate"
	// ActAddRow adds a row to repeating group Component inside Rows (the
	// enclosing rows, empty at the top) and opens it for editing.
	ActAddRow ActionKind = "addRow"
	// ActDeleteRow, ActEditRow and ActSaveRow act on the row Rows of
	// repeating group Component (the last index is the row itself).
	ActDeleteRow ActionKind = "deleteRow"
	ActEditRow   ActionKind = "editRow"
	ActSaveRow   ActionKind = "saveRow"
	// ActUpload stores the files posted in FileUpload Component's file input.
	ActUpload ActionKind = "upload"
	// ActDeleteFile deletes data element Arg of FileUpload Component.
	ActDeleteFile ActionKind = "deleteFile"
	// ActLookup runs PersonLookup/OrganisationLookup Component.
	ActLookup ActionKind = "lookup"
	// ActAddSubform, ActEditSubform and ActDeleteSubform act on the entries
	// (data elements, Arg) of Subform Component.
	ActAddSubform    ActionKind = "addSubform"
	ActEditSubform   ActionKind = "editSubform"
	ActDeleteSubform ActionKind = "deleteSubform"
)

// actionShape says which parts an action kind has.
type actionShape struct {
	component bool // kind:component[:rows[:arg]]
	needRows  bool
	needArg   bool
	restArg   bool // kind:arg, arg is the rest of the value
	optComp   bool // the component is optional
}

var actionShapes = map[ActionKind]actionShape{
	ActSave: {}, ActNext: {}, ActBack: {}, ActSubmit: {}, ActPrint: {},
	ActPage:          {restArg: true},
	ActProcess:       {restArg: true},
	ActCustom:        {component: true},
	ActInstantiate:   {component: true, optComp: true},
	ActAddRow:        {component: true},
	ActDeleteRow:     {component: true, needRows: true},
	ActEditRow:       {component: true, needRows: true},
	ActSaveRow:       {component: true, needRows: true},
	ActUpload:        {component: true},
	ActDeleteFile:    {component: true, needArg: true},
	ActLookup:        {component: true},
	ActAddSubform:    {component: true},
	ActEditSubform:   {component: true, needArg: true},
	ActDeleteSubform: {component: true, needArg: true},
}

// Action is the value of a submit button named ActionField.
type Action struct {
	Kind      ActionKind
	Component string
	Rows      []int
	Arg       string
}

// String encodes the action: "next", "page:<pageId>",
// "addRow:<groupId>[:<parentRows>]", "deleteRow:<groupId>:<rows>",
// "deleteFile:<componentId>:<rows>:<dataElementId>" (rows may be empty).
// Rows are dot-separated indices, outermost first. ParseAction reads it back.
func (a Action) String() string {
	sh := actionShapes[a.Kind]
	switch {
	case sh.restArg:
		return string(a.Kind) + ":" + a.Arg
	case !sh.component:
		return string(a.Kind)
	}
	s := string(a.Kind)
	if a.Component == "" {
		return s
	}
	s += ":" + a.Component
	switch {
	case a.Arg != "":
		return s + ":" + rowsString(a.Rows) + ":" + a.Arg
	case len(a.Rows) > 0:
		return s + ":" + rowsString(a.Rows)
	}
	return s
}

// ParseAction reads an _action value written by Action.String.
func ParseAction(s string) (Action, error) {
	kind, rest, hasRest := strings.Cut(s, ":")
	a := Action{Kind: ActionKind(kind)}
	sh, ok := actionShapes[a.Kind]
	if !ok {
		return Action{}, fmt.Errorf("%w: unknown action %q", ErrAction, kind)
	}
	bad := func(why string) (Action, error) {
		return Action{}, fmt.Errorf("%w: %q: %s", ErrAction, s, why)
	}
	switch {
	case sh.restArg:
		if rest == "" {
			return bad("missing argument")
		}
		a.Arg = rest
		return a, nil
	case !sh.component:
		if hasRest {
			return bad("takes no arguments")
		}
		return a, nil
	}
	if !hasRest {
		if sh.optComp {
			return a, nil
		}
		return bad("missing component")
	}
	parts := strings.SplitN(rest, ":", 3)
	if !validID(parts[0]) {
		return bad("malformed component id")
	}
	a.Component = parts[0]
	if len(parts) > 1 {
		rows, err := parseRows(parts[1])
		if err != nil {
			return Action{}, err
		}
		a.Rows = rows
	}
	if len(parts) > 2 {
		if parts[2] == "" {
			return bad("empty argument")
		}
		a.Arg = parts[2]
	}
	switch {
	case sh.needRows && len(a.Rows) == 0:
		return bad("missing row")
	case sh.needArg && a.Arg == "":
		return bad("missing argument")
	case !sh.needArg && a.Arg != "":
		return bad("unexpected argument")
	}
	return a, nil
}
