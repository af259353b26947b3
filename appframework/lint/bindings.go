// SPDX-License-Identifier: MIT

package lint

import (
	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/datamodels/metadata"
)

// binding checks one dataModelBindings entry against the data model.
func (l *linter) binding(set *app.LayoutSet, n *app.Node, name string, b *component.Binding) {
	if b == nil || b.Err != nil {
		return // the loader reported it as invalid-binding
	}
	file, ptr := n.Page.File, n.Pointer+"/dataModelBindings/"+escape(name)
	dt := b.DataType
	if dt == "" {
		dt = set.DataType
	} else if l.app.Metadata.DataType(dt) == nil {
		l.add(Error, "binding-unknown-data-type", file, ptr+"/dataType", "component %q binds %s to data type %q, which applicationmetadata.json does not have", n.ID, name, dt)
		return
	}
	if dt == "" {
		l.noModel(set, "", file, ptr)
		return
	}
	f, found, known := l.field(dt, b.Path)
	switch {
	case !known:
		l.noModel(set, dt, file, ptr)
	case !found:
		l.add(Error, "binding-unknown-field", file, ptr, "component %q binds %s to %q, which data model %s does not have", n.ID, name, b.Field, dt)
	case f == nil:
	case name == "group" && !f.Repeating:
		l.add(Warning, "binding-not-repeating", file, ptr, "%s %q repeats over %q, which is not a repeating field of %s", n.Type, n.ID, b.Field, dt)
	case name == "simpleBinding" && f.Kind == metadata.Group:
		l.add(Warning, "binding-to-group", file, ptr, "component %q binds its value to %q, which is a group in %s and holds no value", n.ID, b.Field, dt)
	}
}

// noModel reports bindings that cannot be checked because the data type has
// no model, once per layout set and data type.
func (l *linter) noModel(set *app.LayoutSet, dt, file, ptr string) {
	key := set.ID + "\x00" + dt
	if l.noModelSeen == nil {
		l.noModelSeen = map[string]bool{}
	}
	if l.noModelSeen[key] {
		return
	}
	l.noModelSeen[key] = true
	if dt == "" {
		l.add(Warning, "binding-no-model", file, ptr, "layout set %s has data model bindings but no data type", setName(set))
		return
	}
	l.add(Warning, "binding-no-model", file, ptr, "data type %q has no model in models/, so the bindings of layout set %s cannot be checked", dt, setName(set))
}

// checkEnv is the expression checker's view of a layout set or a data
// type: its components, the app's data types and the fields of its models.
// Fields of data types without a model are accepted; bindings report those.
func (l *linter) checkEnv(dataType string, component func(string) bool) *expr.CheckEnv {
	return &expr.CheckEnv{
		Component: component,
		DataType:  func(id string) bool { return l.app != nil && l.app.Metadata.DataType(id) != nil },
		Field: func(dt string, p expr.Path) bool {
			if dt == "" {
				dt = dataType
			}
			_, found, known := l.field(dt, p)
			return found || !known
		},
	}
}
