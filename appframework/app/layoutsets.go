// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// LayoutSet is one UI folder: the pages shown for some process tasks, a
// stateless entry form or a subform, all bound to one default data type.
type LayoutSet struct {
	// ID is the set id (v9: the folder name); "" for apps without layout sets.
	ID string
	// DataType is the default data type of dataModelBindings.
	DataType string
	// Tasks are the BPMN tasks that show this set. v9 folders of a task are
	// named by the task id; the loader assumes every v9 folder that is not a
	// subform or the stateless entry form is one.
	Tasks []string
	// Type is "subform" for subform sets, otherwise "".
	Type string
	// Folder is the set's folder in the fs.FS (ui/ for older generations).
	Folder   string
	Settings *Settings
	// Pages are in page order; pages missing from the order follow,
	// sorted by id, with InOrder false.
	Pages []*Page
	// RuleHandler is the legacy RuleHandler.js of the set, if any.
	RuleHandler string
	// Components has every component of the set by id.
	Components map[string]*Node
	layout     *layouttree.Layout
	nodeOf     map[*layouttree.Component]*Node
}

// Page returns the page with id, or nil.
func (s *LayoutSet) Page(id string) *Page {
	for _, p := range s.Pages {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Component returns the component with id, or nil.
func (s *LayoutSet) Component(id string) *Node { return s.Components[id] }

func (l *loader) loadUI() {
	a := l.app
	ui := a.Root + "ui"
	switch {
	case l.exists(ui + "/layout-sets.json"):
		a.Generation = LayoutSets
		l.loadLayoutSetsFile(ui)
	case len(l.taskFolders(ui)) > 0:
		a.Generation = TaskFolders
		if l.exists(ui + "/Settings.json") {
			a.UISettings = l.loadSettings(ui + "/Settings.json")
		}
		for _, dir := range l.taskFolders(ui) {
			l.loadTaskFolder(ui, dir)
		}
	case l.isDir(ui + "/layouts"):
		a.Generation = Layouts
		set := &LayoutSet{Folder: ui, DataType: a.Metadata.DefaultFormType()}
		if l.exists(ui + "/Settings.json") {
			set.Settings = l.loadSettings(ui + "/Settings.json")
		}
		if l.exists(ui + "/FormLayout.json") {
			l.p.issue(Issue{File: ui + "/FormLayout.json", Severity: "warning", Code: "ignored-file",
				Message: "ui/layouts/ exists, so ui/FormLayout.json is not used"})
		}
		l.loadPages(set, l.pageFiles(ui+"/layouts"))
	case l.exists(ui + "/FormLayout.json"):
		a.Generation = FormLayout
		set := &LayoutSet{Folder: ui, DataType: a.Metadata.DefaultFormType()}
		l.loadPages(set, []pageFile{{id: "FormLayout", file: ui + "/FormLayout.json"}})
	default:
		a.Generation = NoUI
	}
	if l.exists(ui + "/footer.json") {
		if data, ok := l.read(ui + "/footer.json"); ok {
			if _, err := rawJSON(data); err != nil {
				l.p.add(jsonErr(ui+"/footer.json", relax(data), err))
			}
			a.Footer = &RawFile{File: ui + "/footer.json", Data: data}
		}
	}
}

// taskFolders lists v9 UI folders: sub-folders of ui/ with a Settings.json.
func (l *loader) taskFolders(ui string) []string {
	var out []string
	for _, d := range l.dirs(ui) {
		if d != "layouts" && l.exists(ui+"/"+d+"/Settings.json") {
			out = append(out, d)
		}
	}
	return out
}

func (l *loader) loadLayoutSetsFile(ui string) {
	file := ui + "/layout-sets.json"
	data, ok := l.read(file)
	if !ok {
		return
	}
	var doc struct {
		Sets []struct {
			ID       string   `json:"id"`
			DataType string   `json:"dataType"`
			Tasks    []string `json:"tasks"`
			Type     string   `json:"type"`
		} `json:"sets"`
		UISettings json.RawMessage `json:"uiSettings"`
	}
	if e := decodeFile(file, data, &doc); e != nil {
		l.p.add(e)
		return
	}
	if len(doc.UISettings) > 0 {
		s := &Settings{File: file, Raw: doc.UISettings}
		if err := json.Unmarshal(doc.UISettings, &s.Pages); err != nil {
			l.p.add(jsonErr(file, doc.UISettings, err))
		}
		l.app.UISettings = s
	}
	seen := map[string]bool{}
	for i, s := range doc.Sets {
		ptr := fmt.Sprintf("/sets/%d", i)
		if s.ID == "" {
			l.p.add(fileErr(file, ptr+"/id", ErrInvalid, "layout set without id"))
			continue
		}
		if seen[s.ID] {
			l.p.add(fileErr(file, ptr+"/id", ErrInvalid, "duplicate layout set id %q", s.ID))
			continue
		}
		seen[s.ID] = true
		l.checkDataType(file, ptr+"/dataType", s.DataType)
		dir := ui + "/" + s.ID
		set := &LayoutSet{ID: s.ID, DataType: s.DataType, Tasks: s.Tasks, Type: s.Type, Folder: dir}
		if !l.isDir(dir) {
			l.p.add(fileErr(file, ptr+"/id", ErrInvalid, "layout set %q has no folder %s", s.ID, dir))
			continue
		}
		if l.exists(dir + "/Settings.json") {
			set.Settings = l.loadSettings(dir + "/Settings.json")
		}
		l.loadPages(set, l.pageFiles(dir+"/layouts"))
	}
}

func (l *loader) loadTaskFolder(ui, dir string) {
	folder := ui + "/" + dir
	set := &LayoutSet{ID: dir, Folder: folder}
	set.Settings = l.loadSettings(folder + "/Settings.json")
	if set.Settings != nil {
		set.DataType, set.Type = set.Settings.DefaultDataType, set.Settings.Type
	}
	if set.DataType == "" {
		set.DataType = l.app.Metadata.DefaultFormType()
	} else {
		l.checkDataType(folder+"/Settings.json", "/defaultDataType", set.DataType)
	}
	entry := ""
	if oe := l.app.Metadata.OnEntry; oe != nil {
		entry = oe.Show
	}
	if set.Type != "subform" && dir != entry {
		set.Tasks = []string{dir}
	}
	l.loadPages(set, l.pageFiles(folder+"/layouts"))
}

func (l *loader) checkDataType(file, ptr, id string) {
	if id != "" && l.app.Metadata.DataType(id) == nil {
		l.p.issue(Issue{File: file, Pointer: ptr, Severity: "warning", Code: "unknown-data-type",
			Message: fmt.Sprintf("no data type %q in applicationmetadata.json", id)})
	}
}

type pageFile struct{ id, file string }

func (l *loader) pageFiles(dir string) []pageFile {
	var out []pageFile
	for _, name := range l.list(dir, ".json") {
		out = append(out, pageFile{id: strings.TrimSuffix(name, ".json"), file: dir + "/" + name})
	}
	return out
}

// orderPages sorts pages by the set's page order and marks the rest.
func (l *loader) orderPages(set *LayoutSet) {
	order := set.Settings.PageOrder()
	if order == nil {
		for _, p := range set.Pages {
			p.InOrder = true
		}
		return
	}
	pos := map[string]int{}
	for i, id := range order {
		if _, dup := pos[id]; !dup {
			pos[id] = i
		}
		if set.Page(id) == nil {
			l.p.issue(Issue{File: set.Settings.File, Severity: "warning", Code: "page-missing",
				Message: fmt.Sprintf("page order names %q, which has no layout file", id)})
		}
	}
	for _, p := range set.Pages {
		_, p.InOrder = pos[p.ID]
		if !p.InOrder {
			l.p.issue(Issue{File: p.File, Severity: "info", Code: "page-not-in-order",
				Message: fmt.Sprintf("page %q is not in the page order, so it is never shown", p.ID)})
		}
	}
	slices.SortStableFunc(set.Pages, func(x, y *Page) int {
		px, okx := pos[x.ID]
		py, oky := pos[y.ID]
		switch {
		case okx && oky:
			return px - py
		case okx:
			return -1
		case oky:
			return 1
		}
		return strings.Compare(x.ID, y.ID)
	})
}
