// SPDX-License-Identifier: MIT

package component

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The v3 → v4 rewrites below follow Altinn's upgrade tool (studioctl,
// Fev3Tov4/LayoutRewriter/Mutators) so that an app loads here the way it
// would after `upgrade frontend-v3`. They work on the decoded object before
// the typed decode, and each one is reported as an Info issue.

// v3FormTypes are the types whose triggers v4's default showValidations
// already covers.
var v3FormTypes = []string{"Address", "Checkboxes", "Custom", "Datepicker", "Dropdown", "FileUpload",
	"FileUploadWithTag", "Grid", "Input", "Likert", "List", "Map", "MultipleSelect", "RadioButtons", "TextArea"}

func rewriteNote(ptr, format string, args ...any) Issue {
	return Issue{Severity: Info, Code: "v3-rewrite", Pointer: ptr, Message: fmt.Sprintf(format, args...)}
}

func setJSON(m map[string]json.RawMessage, k string, v any) {
	b, _ := json.Marshal(v)
	m[k] = b
}

func maxCountOf(m map[string]json.RawMessage) (float64, bool) {
	var n float64
	raw, ok := m["maxCount"]
	if !ok || json.Unmarshal(raw, &n) != nil {
		return 0, false
	}
	return n, true
}

// rewriteV3 applies the single-component rewrites to m and reports whether
// it changed anything.
func rewriteV3(m map[string]json.RawMessage, typ string) (bool, []Issue) {
	var notes []Issue
	changed := false
	if info, ok := Lookup(typ); ok {
		typ = info.Name // v3 frontends matched types without regard to case
	} else if strings.EqualFold(typ, "AddressComponent") {
		typ = "AddressComponent"
	}
	switch typ {
	case "Group":
		if n, ok := maxCountOf(m); ok && (n > 1 || n != 1 && hasGroupBinding(m)) {
			typ, changed = "RepeatingGroup", true
			setJSON(m, "type", typ)
			notes = append(notes, rewriteNote("/type", "v3 Group with maxCount %v is a RepeatingGroup", n))
			notes = append(notes, filterToHiddenRow(m)...)
			break
		}
		if _, ok := m["maxCount"]; ok {
			delete(m, "maxCount")
			changed = true
			notes = append(notes, rewriteNote("/maxCount", "maxCount of a non-repeating Group dropped"))
		}
		if raw, ok := m["panel"]; ok {
			var panel map[string]json.RawMessage
			if json.Unmarshal(raw, &panel) == nil && panel["groupReference"] != nil {
				notes = append(notes, Issue{Severity: Warning, Code: "v3-unsupported", Pointer: "/panel",
					Message: "a Group panel with groupReference has no v4 equivalent; kept in Extra"})
			} else {
				delete(m, "panel")
				setJSON(m, "groupingIndicator", "panel")
				changed = true
				notes = append(notes, rewriteNote("/panel", "panel became groupingIndicator \"panel\""))
			}
		}
		if raw, ok := m["showGroupingIndicator"]; ok {
			delete(m, "showGroupingIndicator")
			changed = true
			var show bool
			if json.Unmarshal(raw, &show) == nil && show {
				setJSON(m, "groupingIndicator", "indented")
			}
			notes = append(notes, rewriteNote("/showGroupingIndicator", "showGroupingIndicator became groupingIndicator"))
		}
	case "AddressComponent":
		typ, changed = "Address", true
		setJSON(m, "type", typ)
		notes = append(notes, rewriteNote("/type", "AddressComponent is Address"))
	}
	if typ == "Group" || typ == "RepeatingGroup" {
		if n := bodyToDescription(m); n != nil {
			changed = true
			notes = append(notes, *n)
		}
	}
	if raw, ok := m["triggers"]; ok {
		delete(m, "triggers")
		changed = true
		notes = append(notes, rewriteTriggers(m, typ, raw)...)
	}
	return changed, notes
}

// filterToHiddenRow turns a v3 edit.filter list into a v4 hiddenRow
// expression hiding the rows that do not match.
func filterToHiddenRow(m map[string]json.RawMessage) []Issue {
	var edit map[string]json.RawMessage
	if json.Unmarshal(m["edit"], &edit) != nil || edit["filter"] == nil {
		return nil
	}
	var filter []struct {
		Key   *string `json:"key"`
		Value *string `json:"value"`
	}
	rawFilter := edit["filter"]
	delete(edit, "filter")
	setJSON(m, "edit", edit)
	if _, ok := m["hiddenRow"]; ok {
		return []Issue{{Severity: Warning, Code: "v3-unsupported", Pointer: "/edit/filter",
			Message: "edit.filter dropped: the component already has hiddenRow"}}
	}
	_ = json.Unmarshal(rawFilter, &filter)
	var exprs []any
	for _, f := range filter {
		if f.Key != nil && f.Value != nil {
			exprs = append(exprs, []any{"notEquals", []any{"dataModel", *f.Key}, *f.Value})
		}
	}
	switch len(exprs) {
	case 0:
		return []Issue{{Severity: Warning, Code: "v3-unsupported", Pointer: "/edit/filter",
			Message: "edit.filter could not be turned into hiddenRow"}}
	case 1:
		setJSON(m, "hiddenRow", exprs[0])
	default:
		setJSON(m, "hiddenRow", append([]any{"or"}, exprs...))
	}
	return []Issue{rewriteNote("/edit/filter", "edit.filter became hiddenRow")}
}

func bodyToDescription(m map[string]json.RawMessage) *Issue {
	var trb map[string]json.RawMessage
	if json.Unmarshal(m["textResourceBindings"], &trb) != nil || trb["body"] == nil {
		return nil
	}
	if trb["description"] == nil {
		trb["description"] = trb["body"]
	}
	delete(trb, "body")
	setJSON(m, "textResourceBindings", trb)
	n := rewriteNote("/textResourceBindings/body", "textResourceBindings.body became description")
	return &n
}

// rewriteTriggers maps v3 triggers onto v4's validation properties.
func rewriteTriggers(m map[string]json.RawMessage, typ string, raw json.RawMessage) []Issue {
	var triggers []string
	_ = json.Unmarshal(raw, &triggers)
	note := func(to string) []Issue {
		return []Issue{rewriteNote("/triggers", "triggers %v became %s", triggers, to)}
	}
	pageValidation := func(key string) []Issue {
		if _, ok := m[key]; ok {
			return note("nothing (" + key + " is already set)")
		}
		for _, t := range []struct{ trigger, page string }{
			{"validatePage", "current"}, {"validateAllPages", "all"}, {"validateCurrentAndPreviousPages", "currentAndPrevious"},
		} {
			if slices.Contains(triggers, t.trigger) {
				setJSON(m, key, PageValidation{Page: t.page, Show: []string{"All"}})
				return note(key)
			}
		}
		return note("nothing")
	}
	switch {
	case slices.Contains(v3FormTypes, typ):
		return note("the v4 default showValidations")
	case typ == "RepeatingGroup":
		if _, ok := m["validateOnSaveRow"]; !ok && (slices.Contains(triggers, "validation") || slices.Contains(triggers, "validateRow")) {
			setJSON(m, "validateOnSaveRow", []string{"All"})
			return note("validateOnSaveRow")
		}
	case typ == "NavigationButtons":
		return pageValidation("validateOnNext")
	case typ == "NavigationBar":
		return pageValidation("validateOnForward")
	}
	return note("nothing")
}

// mergeLikert finds v3 Likert groups (Group, maxCount > 1, edit.mode
// "likert", one Likert child) and rewrites each into a v4 Likert, moving the
// child's binding, title and option properties onto it. It returns the
// indices to drop (the merged children) and those it rewrote.
func mergeLikert(maps []map[string]json.RawMessage) (drop, merged map[int]bool, notes []Issue) {
	byID := map[string]int{}
	for i, m := range maps {
		var id string
		if m != nil && json.Unmarshal(m["id"], &id) == nil && id != "" {
			if _, dup := byID[id]; !dup {
				byID[id] = i
			}
		}
	}
	drop, merged = map[int]bool{}, map[int]bool{}
	for i, m := range maps {
		if m == nil || !isLikertGroup(m) {
			continue
		}
		ptr := fmt.Sprintf("/%d", i)
		var children []string
		_ = json.Unmarshal(m["children"], &children)
		ci, ok := -1, len(children) == 1
		if ok {
			ci, ok = byID[children[0]]
		}
		if !ok || ci == i {
			notes = append(notes, Issue{Severity: Warning, Code: "v3-unsupported", Pointer: ptr + "/children",
				Message: "a v3 Likert group needs exactly one Likert child on the page"})
			continue
		}
		child := maps[ci]
		var dmb, childDmb, trb, childTrb map[string]json.RawMessage
		_ = json.Unmarshal(m["dataModelBindings"], &dmb)
		_ = json.Unmarshal(child["dataModelBindings"], &childDmb)
		if dmb["group"] == nil || childDmb["simpleBinding"] == nil {
			notes = append(notes, Issue{Severity: Warning, Code: "v3-unsupported", Pointer: ptr + "/dataModelBindings",
				Message: "a v3 Likert group needs a group binding and a Likert child with simpleBinding"})
			continue
		}
		var edit map[string]json.RawMessage
		_ = json.Unmarshal(m["edit"], &edit)
		setJSON(m, "type", "Likert")
		delete(m, "maxCount")
		delete(m, "edit")
		delete(m, "children")
		if edit["filter"] != nil {
			m["filter"] = edit["filter"]
		}
		dmb["questions"], dmb["answer"] = dmb["group"], childDmb["simpleBinding"]
		delete(dmb, "group")
		setJSON(m, "dataModelBindings", dmb)
		_ = json.Unmarshal(m["textResourceBindings"], &trb)
		_ = json.Unmarshal(child["textResourceBindings"], &childTrb)
		if childTrb["title"] != nil {
			if trb == nil {
				trb = map[string]json.RawMessage{}
			}
			trb["questions"] = childTrb["title"]
			setJSON(m, "textResourceBindings", trb)
		}
		for _, k := range []string{"options", "optionsId", "secure", "sortOrder", "source", "required", "readOnly", "triggers"} {
			if v, ok := child[k]; ok {
				m[k] = v
			}
		}
		drop[ci], merged[i] = true, true
		notes = append(notes, rewriteNote(ptr, "v3 Likert group and its Likert child %q became one Likert", children[0]))
	}
	return drop, merged, notes
}

func isLikertGroup(m map[string]json.RawMessage) bool {
	var typ string
	var edit struct {
		Mode string `json:"mode"`
	}
	n, ok := maxCountOf(m)
	return json.Unmarshal(m["type"], &typ) == nil && strings.EqualFold(typ, "Group") && ok && n > 1 &&
		json.Unmarshal(m["edit"], &edit) == nil && edit.Mode == "likert"
}

// hasGroupBinding reports whether m has dataModelBindings.group. Altinn's
// backend (and so the shared expression vectors) treats a v3 Group with any
// maxCount but 1 and a group binding as repeating, maxCount 0 included; the
// upgrade tool only looks at maxCount > 1.
func hasGroupBinding(m map[string]json.RawMessage) bool {
	var dmb map[string]json.RawMessage
	return json.Unmarshal(m["dataModelBindings"], &dmb) == nil && dmb["group"] != nil
}
