// SPDX-License-Identifier: MIT

package lint

import (
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
)

// layoutSet checks every page and component of one layout set.
func (l *linter) layoutSet(set *app.LayoutSet) {
	partial := l.partial(set.Folder)
	env := l.checkEnv(set.DataType, func(id string) bool { return partial || set.Components[id] != nil })
	for _, p := range set.Pages {
		if p.Hidden != nil {
			l.expression(env, expr.TypeBool, p.File, "/data/hidden", p.Hidden)
		}
		for _, n := range p.Components {
			l.component(set, env, n)
		}
	}
	if s := set.Settings; s != nil {
		l.expression(env, expr.TypeString, s.File, "/pages/navigationTitle", s.Pages.NavigationTitle)
		l.expression(env, expr.TypeBool, s.File, "/pages/hideAppNameInPdf", s.Pages.HideAppNameInPdf)
		for i, id := range s.Components.ExcludeFromPdf {
			if set.Components[id] == nil && !partial {
				l.add(Warning, "component-ref-unknown", s.File, "/components/excludeFromPdf/"+itoa(i), "no component %q in layout set %s", id, setName(set))
			}
		}
	}
	if set.DataType != "" && l.app.Metadata.DataType(set.DataType) != nil && !l.app.Metadata.DataType(set.DataType).IsForm() {
		file, ptr := l.setLocation(set)
		l.add(Warning, "layout-set-not-form", file, ptr, "layout set %s binds to data type %q, which has no appLogic, so it is not a form data model", setName(set), set.DataType)
	}
}

// component checks one component: bindings, expressions, text keys,
// option lists and the ids and data types it refers to.
func (l *linter) component(set *app.LayoutSet, env *expr.CheckEnv, n *app.Node) {
	file := n.Page.File
	if p, ok := n.Props.(*component.SubformProps); ok {
		env = l.subformEnv(set, env, p)
	}
	for _, name := range sortedKeys(n.DataModelBindings) {
		l.binding(set, n, name, n.DataModelBindings[name])
	}
	n.WalkExprs(func(ptr string, e *component.Expr) {
		want := expr.TypeAny
		last := ptr[strings.LastIndexByte(ptr, '/')+1:]
		switch {
		case strings.HasPrefix(ptr, "/textResourceBindings/"):
			want = expr.TypeString
			l.textExpr(file, n.Pointer+ptr, e)
		case slices.Contains(boolProps, last):
			want = expr.TypeBool
		}
		l.expression(env, want, file, n.Pointer+ptr, e)
	})
	if o := n.OptionSource(); o != nil {
		l.optionRef(set, n, o)
	}
	switch p := n.Props.(type) {
	case *component.ListProps:
		if p.DataListID != "" && l.app.DataLists[p.DataListID] == nil {
			l.add(Warning, "data-list-missing", file, n.Pointer+"/dataListId",
				"List %q uses data list %q, which is not in datalists/; in Altinn a C# IDataListProvider makes it, which does not run here: add datalists/%s.json (an array of row objects)", n.ID, p.DataListID, p.DataListID)
		}
	case *component.SummaryProps:
		if p.ComponentRef != "" && set.Components[p.ComponentRef] == nil && !l.partial(set.Folder) {
			l.add(Error, "component-ref-unknown", file, n.Pointer+"/componentRef", "Summary %q refers to component %q, which layout set %s does not have", n.ID, p.ComponentRef, setName(set))
		}
	case *component.Summary2Props:
		l.summary2(set, n, p)
	case *component.AttachmentListProps:
		for i, id := range p.DataTypeIDs {
			if id != "include-all" && id != "current-task" && l.app.Metadata.DataType(id) == nil {
				l.add(Error, "data-type-unknown", file, n.Pointer+"/dataTypeIds/"+itoa(i), "AttachmentList %q lists data type %q, which applicationmetadata.json does not have", n.ID, id)
			}
		}
	case *component.SubformProps:
		s := l.app.LayoutSet(p.LayoutSet)
		switch {
		case s == nil:
			l.add(Error, "layout-set-unknown", file, n.Pointer+"/layoutSet", "Subform %q uses layout set %q, which does not exist", n.ID, p.LayoutSet)
		case s.Type != "subform":
			l.add(Warning, "layout-set-not-subform", file, n.Pointer+"/layoutSet", "Subform %q uses layout set %q, which is not of type subform", n.ID, p.LayoutSet)
		}
	case *component.ActionButtonProps:
		if p.Action != "" {
			l.actionRefs = append(l.actionRefs, actionRef{set, n, p.Action})
		}
	case *component.CustomButtonProps:
		for i, a := range p.Actions {
			if a.Type == "ServerAction" {
				l.add(Warning, "csharp-user-action", file, n.Pointer+"/actions/"+itoa(i), "server action %q is a C# IUserAction, which does not run here; move the logic to an HTTP hook", a.ID)
			}
		}
	}
	switch n.Type {
	case "FileUpload", "FileUploadWithTag", "ImageUpload":
		if l.app.Metadata.DataType(n.ID) == nil {
			l.add(Error, "attachment-data-type-missing", file, n.Pointer+"/id", "%s %q stores its files as data type %q, which applicationmetadata.json does not have", n.Type, n.ID, n.ID)
		}
	}
}

// subformEnv lets a Subform's expressions read both the form's model and
// the subform's: its table and button texts are computed per subform row.
func (l *linter) subformEnv(set *app.LayoutSet, env *expr.CheckEnv, p *component.SubformProps) *expr.CheckEnv {
	sub := l.app.LayoutSet(p.LayoutSet)
	if sub == nil {
		return env
	}
	c := *env
	c.Field = func(dt string, path expr.Path) bool {
		if env.Field(dt, path) {
			return true
		}
		_, found, known := l.field(sub.DataType, path)
		return dt == "" && (found || !known)
	}
	return &c
}

// boolProps are the properties whose expressions must give a boolean.
var boolProps = []string{"hidden", "required", "readOnly", "hiddenRow", "renderAsSummary", "forceShowInSummary",
	"breakBefore", "breakAfter", "edit", "addButton", "deleteButton", "saveButton", "editButton", "alertOnDelete"}

// summary2 checks what a Summary2 summarises.
func (l *linter) summary2(set *app.LayoutSet, n *app.Node, p *component.Summary2Props) {
	t := p.Target
	if t == nil || t.ID == "" {
		return
	}
	target := set
	if t.TaskID != "" {
		if target = l.app.LayoutSetForTask(t.TaskID); target == nil {
			l.add(Error, "task-unknown", n.Page.File, n.Pointer+"/target/taskId", "Summary2 %q summarises task %q, which has no layout set", n.ID, t.TaskID)
			return
		}
	}
	ok := true
	switch t.Type {
	case "", "component":
		ok = target.Components[t.ID] != nil
	case "page":
		ok = target.Page(t.ID) != nil
	case "layoutSet":
		ok = l.app.LayoutSet(t.ID) != nil
	}
	if !ok && !l.partial(target.Folder) {
		l.add(Error, "component-ref-unknown", n.Page.File, n.Pointer+"/target/id", "Summary2 %q summarises %s %q, which layout set %s does not have", n.ID, orDefault(t.Type, "component"), t.ID, setName(target))
	}
}

// setLocation is where a layout set is declared.
func (l *linter) setLocation(set *app.LayoutSet) (string, string) {
	if l.app.Generation == app.LayoutSets {
		file := l.root + "ui/layout-sets.json"
		for i := range l.app.LayoutSets {
			if l.app.LayoutSets[i] == set {
				return file, "/sets/" + itoa(i)
			}
		}
		return file, ""
	}
	if set.Settings != nil {
		return set.Settings.File, ""
	}
	return set.Folder, ""
}

func setName(set *app.LayoutSet) string {
	if set.ID == "" {
		return "(the app's only set)"
	}
	return set.ID
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// actionRef is an ActionButton's process action, checked against the
// tasks of its layout set once the process is parsed.
type actionRef struct {
	set    *app.LayoutSet
	n      *app.Node
	action string
}

// actions reports ActionButtons whose action none of their set's tasks
// offers, so the button can only fail.
func (l *linter) actions() {
	for _, r := range l.actionRefs {
		offered, known := false, false
		for _, id := range r.set.Tasks {
			e := l.def.Task(id)
			if e == nil {
				continue
			}
			known = true
			offered = offered || slices.Contains(e.Task.ProcessActions(), r.action) || e.Task.HasAction(r.action)
		}
		if known && !offered {
			l.add(Warning, "action-unknown", r.n.Page.File, r.n.Pointer+"/action", "ActionButton %q performs %q, which no task of layout set %s offers", r.n.ID, r.action, setName(r.set))
		}
	}
}
