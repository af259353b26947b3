// SPDX-License-Identifier: MIT

package validation

import (
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// requiredBindings are the bindings a required component must fill, by type; other
// types must fill simpleBinding, or every binding when they have no simpleBinding.
// Address's careOf and houseNumber are optional in Altinn.
var requiredBindings = map[string][]string{
	"Address": {"address", "zipCode", "postPlace"},
}

// noValueTypes never hold a value themselves: required on them means something else
// (attachments are counted by the data-type rules).
var noValueTypes = map[string]bool{
	"FileUpload": true, "FileUploadWithTag": true, "RepeatingGroup": true, "Group": true,
	"Subform": true, "Likert": true,
}

// required walks the expanded tree: it records which fields visible components are
// bound to and, when check is set, reports empty bindings of visible required
// components.
func (r *run) required(tree *layouttree.Tree, check bool) error {
	var firstErr error
	tree.Walk(func(n *layouttree.Node) {
		if firstErr != nil || n.Comp == nil || n.Comp.Source == nil {
			return
		}
		if n.Row {
			if n.Comp.Source.Type == "Likert" {
				firstErr = r.likertRow(n, check)
			}
			return
		}
		hidden, err := n.Hidden(r.env)
		if err != nil {
			firstErr = fmt.Errorf("validation: hidden of %s: %w", n.ID(), err)
			return
		}
		scope := n.Scope()
		src := n.Comp.Source
		for _, b := range src.DataModelBindings {
			if b == nil || b.Err != nil {
				continue
			}
			key := r.key(b, scope)
			r.bound[key] = r.bound[key] || !hidden
		}
		if !check || hidden || noValueTypes[src.Type] {
			return
		}
		req, err := src.Required.Bool(r.env, scope, false)
		if err != nil {
			firstErr = fmt.Errorf("validation: required of %s: %w", n.ID(), err)
			return
		}
		if req {
			r.checkFilled(src, scope, nil)
		}
	})
	return firstErr
}

// key identifies a binding's concrete field: "dataType|indexed path".
func (r *run) key(b *component.Binding, scope *expr.Scope) string {
	dt := b.DataType
	if dt == "" {
		dt = r.env.Data.(*expr.JSONData).Default
	}
	return dt + "|" + b.Path.Transpose(scope.Row).String()
}

// likertRow handles one question of a Likert: the row is hidden by the component's
// own hidden expression, and a required Likert needs an answer in every visible row.
func (r *run) likertRow(n *layouttree.Node, check bool) error {
	hidden, err := n.Hidden(r.env)
	if err != nil {
		return fmt.Errorf("validation: hidden of %s row %v: %w", n.ID(), n.Rows(), err)
	}
	src, scope := n.Comp.Source, n.Scope()
	if b := src.Binding("answer"); b != nil && b.Err == nil {
		key := r.key(b, scope)
		r.bound[key] = r.bound[key] || !hidden
	}
	if !check || hidden {
		return nil
	}
	req, err := src.Required.Bool(r.env, scope, false)
	if err != nil {
		return fmt.Errorf("validation: required of %s: %w", n.ID(), err)
	}
	if req {
		r.checkFilled(src, scope, []string{"answer"})
	}
	return nil
}

// checkFilled reports the empty bindings among names (by default the type's
// required bindings) of a required component.
func (r *run) checkFilled(src *component.Component, scope *expr.Scope, names []string) {
	if names == nil {
		names = requiredBindings[src.Type]
	}
	if names == nil {
		if src.Binding("simpleBinding") != nil {
			names = []string{"simpleBinding"}
		} else {
			for name := range src.DataModelBindings {
				names = append(names, name)
			}
		}
	}
	for _, name := range names {
		b := src.Binding(name)
		if b == nil || b.Err != nil {
			continue
		}
		dt, field, _ := strings.Cut(r.key(b, scope), "|")
		if grouped, chosen := r.groupChosen(src, scope, name); grouped {
			if chosen {
				continue
			}
		} else {
			p, _ := expr.ParsePath(field)
			v, err := r.env.Data.Lookup(dt, p)
			if err == nil && !empty(v) {
				continue
			}
		}
		is := Issue{Severity: Error, DataType: dt, Field: field, ComponentID: src.ID,
			Code: CodeRequired, Source: SourceRequired}
		if key := r.bindingText(src, "requiredValidation", scope); key != "" {
			is.Description, is.CustomTextKey = r.text(key, scope), key
		} else {
			is.Description = message(r.in.Language, CodeRequired, r.label(src, scope))
		}
		r.issues = append(r.issues, is)
	}
}

// label is the component's title in lower-case first letter, as Altinn puts it into
// "Du må fylle ut {0}", or a neutral word when it has none.
func (r *run) label(src *component.Component, scope *expr.Scope) string {
	t := r.text(r.bindingText(src, "title", scope), scope)
	if t == "" {
		return message(r.in.Language, fieldWord)
	}
	first := []rune(t)
	if len(first) > 1 && !(first[1] >= 'A' && first[1] <= 'Z') {
		first[0] = []rune(strings.ToLower(string(first[0])))[0]
	}
	return string(first)
}

// bindingText evaluates a textResourceBindings entry to a string (a text key or text).
func (r *run) bindingText(src *component.Component, name string, scope *expr.Scope) string {
	e := src.TextResourceBindings[name]
	if !e.IsSet() {
		return ""
	}
	v, err := e.Parsed.Eval(r.env, scope)
	if err != nil || v.IsNull() {
		return ""
	}
	return v.AsString()
}

// text resolves s as a text key with its variables in scope, or returns s itself when
// no such key exists (literal messages are allowed).
func (r *run) text(s string, scope *expr.Scope) string {
	if s == "" || r.env.Texts == nil {
		return s
	}
	if _, ok := r.env.Texts.Text(s); !ok {
		return s
	}
	e, err := expr.ParseValue([]any{"text", s})
	if err != nil {
		return s
	}
	v, err := e.Eval(r.env, scope)
	if err != nil {
		return s
	}
	return v.AsString()
}
