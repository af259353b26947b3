// SPDX-License-Identifier: MIT

package render

import (
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// preselected returns preselectedOptionIndex of an option component.
func preselected(c *component.Component) *int {
	if op := c.OptionSource(); op != nil {
		return op.PreselectedOptionIndex
	}
	return nil
}

// selectField renders Dropdown and MultipleSelect as a <select>.
func (st *state) selectField(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "select")
	v.Multiple = c.Type == "MultipleSelect"
	value := ""
	if name, val, ok := st.groupChoice(n, c); ok {
		v.Name, value = name, val
	} else if f, ok := st.binding(n, "simpleBinding"); ok {
		v.Name = FieldName(f)
		value = valueText(st.lookup(f))
	}
	chs := st.options(n, c)
	sel := selected(value, v.Multiple)
	for _, s := range sel {
		if labelOf(chs, s) == s && !hasChoice(chs, s) {
			// Keep a stored value the options do not know, so saving the
			// page does not silently drop it.
			chs = append(chs, choice{value: s, label: s})
		}
	}
	v.Options = viewOptions(v.ID, chs, sel, preselected(c))
	st.labelFallback(v, n, c)
	st.msgs(v, n)
	st.noOptions(v)
	return v
}

// noOptions explains a required choice with nothing to choose (options an
// app's C# provider would give, which Blankett cannot run): without it the
// form would only fail on submit with "required".
func (st *state) noOptions(v *view) {
	if len(v.Options) > 0 || !v.Required || v.ReadOnly {
		return
	}
	v.Msgs = append(v.Msgs, message{ID: v.ID + "-none", Color: "warning", Text: escape(ui(st.lang, uiNoOptionsRequired))})
}

func hasChoice(chs []choice, value string) bool {
	for _, ch := range chs {
		if ch.value == value {
			return true
		}
	}
	return false
}

// choiceField renders RadioButtons and Checkboxes as a fieldset.
func (st *state) choiceField(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "choices")
	v.Type = "radio"
	if c.Type == "Checkboxes" {
		v.Type = "checkbox"
	}
	value := ""
	if name, val, ok := st.groupChoice(n, c); ok {
		v.Name, value = name, val
	} else if f, ok := st.binding(n, "simpleBinding"); ok {
		v.Name = FieldName(f)
		value = valueText(st.lookup(f))
	}
	v.Options = viewOptions(v.ID, st.options(n, c), selected(value, v.Type == "checkbox"), preselected(c))
	if len(v.Options) > 0 {
		v.Anchor = v.Options[0].ID
	}
	st.labelFallback(v, n, c)
	st.msgs(v, n)
	st.noOptions(v)
	return v
}

// likert renders Likert as a fieldset holding one radio group per
// visible question row, within its start/stop filter.
func (st *state) likert(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "fieldset")
	start, stop := st.likertFilter(n, c)
	chs := st.options(n, c)
	answer, hasAnswer := n.Comp.Bindings["answer"]
	for i, row := range n.Children {
		if !row.Row || i < start || (stop >= 0 && i >= stop) {
			continue
		}
		if h, err := row.Hidden(st.env); err == nil && h && !st.showHidden {
			continue
		}
		q := &view{Kind: "choices", Type: "radio", ID: st.claim(st.idPrefix + domID(c.ID, row.Rows())), Comp: c.ID, UI: st.ui,
			ReadOnly: v.ReadOnly, Required: v.Required}
		q.Title = st.inline(c, "questions", row.Scope())
		if q.Title == "" {
			q.Title = escape(ui(st.lang, uiRow) + " " + itoa(i+1))
		}
		q.Desc = st.inline(c, "questionDescriptions", row.Scope())
		value := ""
		var fields []string
		if hasAnswer {
			f := st.fieldOf(row, answer)
			q.Name, value = FieldName(f), valueText(st.lookup(f))
			fields = []string{FieldName(f)}
		}
		q.Options = viewOptions(q.ID, chs, selected(value, false), nil)
		if len(q.Options) > 0 {
			q.Anchor = q.Options[0].ID
		}
		q.Msgs = st.messages(q.ID, q.Anchor, domID(c.ID, row.Rows()), fields)
		q.Invalid = hasError(q.Msgs)
		v.Children = append(v.Children, q)
	}
	v.Required = false
	v.Msgs = st.messages(v.ID, v.ID, domID(c.ID, n.Rows()), nil)
	return v
}

// likertFilter reads filter [{key: start|stop, value}] as row bounds.
func (st *state) likertFilter(n *layouttree.Node, c *component.Component) (int, int) {
	start, stop := 0, -1
	p, ok := c.Props.(*component.LikertProps)
	if !ok {
		return start, stop
	}
	for _, f := range p.Filter {
		if f.Value == nil || f.Value.Parsed == nil {
			continue
		}
		val, err := f.Value.Parsed.Eval(st.env, n.Scope())
		if err != nil {
			st.report.problem(c.ID, err.Error())
			continue
		}
		k, ok := atoiValue(valueText(val))
		if !ok {
			continue
		}
		switch f.Key {
		case "start":
			start = k
		case "stop":
			stop = k
		}
	}
	return start, stop
}
