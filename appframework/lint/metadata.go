// SPDX-License-Identifier: MIT

package lint

import (
	"fmt"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
)

// metadata checks applicationmetadata.json against the rest of the app.
func (l *linter) metadata() {
	m := l.app.Metadata
	for _, list := range []struct {
		name   string
		fields []app.DataField
	}{{"dataFields", m.DataFields}, {"presentationFields", m.PresentationFields}} {
		for i, f := range list.fields {
			ptr := fmt.Sprintf("/%s/%d", list.name, i)
			if m.DataType(f.DataTypeID) == nil {
				l.add(Error, "data-type-unknown", m.File, ptr+"/dataTypeId", "%s %q reads data type %q, which does not exist", list.name, f.ID, f.DataTypeID)
				continue
			}
			p, err := expr.ParsePath(f.Path)
			if err != nil {
				l.add(Error, "binding-invalid", m.File, ptr+"/path", "%v", err)
				continue
			}
			if _, found, known := l.field(f.DataTypeID, p); known && !found {
				l.add(Error, "binding-unknown-field", m.File, ptr+"/path", "%s %q reads %q, which data model %s does not have", list.name, f.ID, f.Path, f.DataTypeID)
			}
		}
	}
	if oe := m.OnEntry; oe != nil {
		switch oe.Show {
		case "", "new-instance", "select-instance":
		default:
			if l.app.LayoutSet(oe.Show) == nil {
				l.add(Error, "layout-set-unknown", m.File, "/onEntry/show", "onEntry.show names layout set %q, which does not exist", oe.Show)
			}
		}
	}
	for i, d := range m.DataTypes {
		ptr := fmt.Sprintf("/dataTypes/%d", i)
		if len(d.EnabledFileValidators) > 0 {
			l.add(Warning, "csharp-file-validator", m.File, ptr+"/enabledFileValidators", "file validators %v are C# IFileValidator classes, which do not run here; restrict allowedContentTypes and maxSize instead", d.EnabledFileValidators)
		}
		if len(d.EnabledFileAnalysers) > 0 {
			l.add(Warning, "csharp-file-validator", m.File, ptr+"/enabledFileAnalysers", "file analysers %v are C# IFileAnalyser classes, which do not run here", d.EnabledFileAnalysers)
		}
	}
}

// validations checks *.validation.json and *.calculation.json: field paths
// against the model, and every condition and message.
func (l *linter) validations() {
	for _, dt := range sortedKeys(l.app.Validations) {
		v := l.app.Validations[dt]
		env := l.checkEnv(dt, nil)
		for _, fr := range v.Fields {
			ptr := "/validations/" + escape(fr.Field)
			l.rulePath(v.File, ptr, dt, fr.Field)
			for _, r := range fr.Rules {
				l.rule(env, v.File, r)
			}
		}
		for _, name := range sortedKeys(v.Definitions) {
			l.rule(env, v.File, v.Definitions[name])
		}
	}
	for _, dt := range sortedKeys(l.app.Calculations) {
		c := l.app.Calculations[dt]
		for _, f := range sortedKeys(c.Fields) {
			l.rulePath(c.File, "/calculations/"+escape(f), dt, f)
		}
	}
}

// rulePath checks the field a validation or calculation is written for.
func (l *linter) rulePath(file, ptr, dt, field string) {
	p, err := expr.ParsePath(field)
	if err != nil {
		l.add(Error, "binding-invalid", file, ptr, "%v", err)
		return
	}
	if _, found, known := l.field(dt, p); known && !found {
		l.add(Error, "binding-unknown-field", file, ptr, "field %q is not in data model %s, so these rules never run", field, dt)
	}
}

func (l *linter) rule(env *expr.CheckEnv, file string, r *app.Rule) {
	l.expression(env, expr.TypeBool, file, r.Pointer+"/condition", r.Condition)
	l.expression(env, expr.TypeString, file, r.Pointer+"/message", r.Message)
	if r.Message != nil {
		if v, ok := r.Message.Literal(); ok && v.AsString() != "" {
			l.textRefs = append(l.textRefs, textRef{key: v.AsString(), file: file, pointer: r.Pointer + "/message"})
		}
	}
}
