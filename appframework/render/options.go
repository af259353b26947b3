// SPDX-License-Identifier: MIT

package render

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// choice is a resolved option: its value as text and its translated texts.
type choice struct {
	value       string
	label, desc string
}

// options resolves the options of an option-based component instance:
// inline options, a static code list, or options built from a repeating
// structure; then optionFilter and sortOrder. Lists from C# providers are
// not known here: they are reported and give no options.
func (st *state) options(n *layouttree.Node, c *component.Component) []choice {
	op := c.OptionSource()
	if op == nil {
		return nil
	}
	scope := n.Scope()
	var raw []expr.Option
	var scopes []*expr.Scope
	switch {
	case len(op.Options) > 0:
		for _, o := range op.Options {
			raw = append(raw, expr.Option{Value: o.Value, Label: o.Label, Description: o.Description, HelpText: o.HelpText})
		}
	case op.Source != nil:
		raw, scopes = st.sourceOptions(n, c, op.Source)
	case op.OptionsID != "":
		list, ok := st.optionList(op.OptionsID)
		if !ok {
			st.report.problem(c.ID, "options "+strconv.Quote(op.OptionsID)+" come from a provider the renderer cannot call")
		}
		raw = list
	}
	out := make([]choice, 0, len(raw))
	for i, o := range raw {
		s := scope
		if scopes != nil {
			s = scopes[i]
		}
		if op.OptionFilter.IsSet() {
			fs := *scope
			fs.Option = &raw[i]
			keep, err := op.OptionFilter.Parsed.EvalBool(st.env, &fs, true)
			if err != nil {
				st.report.problem(c.ID, err.Error())
			} else if !keep {
				continue
			}
		}
		ch := choice{value: valueText(o.Value), label: st.text(o.Label, s), desc: st.text(o.Description, s)}
		if scopes != nil && op.Source.Label != nil {
			ch.label = st.exprText(c.ID, op.Source.Label, s)
		}
		out = append(out, ch)
	}
	switch strings.ToLower(op.SortOrder) {
	case "asc":
		slices.SortStableFunc(out, func(a, b choice) int { return strings.Compare(a.label, b.label) })
	case "desc":
		slices.SortStableFunc(out, func(a, b choice) int { return strings.Compare(b.label, a.label) })
	}
	return out
}

// optionList returns the code list id: the runtime's, else the app's
// static options/ file.
func (st *state) optionList(id string) ([]expr.Option, bool) {
	if list, ok := st.c.Options[id]; ok {
		return list, true
	}
	return st.app.Options(id)
}

// sourceOptions builds options from the rows of a repeating structure.
func (st *state) sourceOptions(n *layouttree.Node, c *component.Component, src *component.OptionSourceRef) ([]expr.Option, []*expr.Scope) {
	group, err := expr.ParsePath(src.Group)
	if err != nil {
		st.report.problem(c.ID, "options source group: "+err.Error())
		return nil, nil
	}
	valuePath, err := expr.ParsePath(rowPlaceholders.ReplaceAllString(src.Value, ""))
	if err != nil {
		st.report.problem(c.ID, "options source value: "+err.Error())
		return nil, nil
	}
	dt := st.normDT(src.DataType)
	gf := st.fieldOf(n, expr.Binding{DataType: src.DataType, Path: group})
	count := len(st.lookup(gf).AsList())
	var opts []expr.Option
	var scopes []*expr.Scope
	for i := range min(count, 1000) {
		row := gf.Path.WithIndex(i)
		v := st.lookup(Field{DataType: dt, Path: valuePath.Transpose(row)})
		opts = append(opts, expr.Option{Value: v})
		s := *n.Scope()
		s.Row, s.RowDataType = row, src.DataType
		scopes = append(scopes, &s)
	}
	return opts, scopes
}

// rowPlaceholders are the "[{0}]" row markers option sources may write;
// the row's own index takes their place.
var rowPlaceholders = regexp.MustCompile(`\[\{\d+\}\]`)

// selected returns the selected values of a field: one value, or the
// comma-separated values of Checkboxes and MultipleSelect.
func selected(value string, multi bool) []string {
	if value == "" {
		return nil
	}
	if !multi {
		return []string{value}
	}
	parts := strings.Split(value, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// viewOptions turns choices into the options of a view, with ids and state.
func viewOptions(id string, chs []choice, sel []string, pre *int) []option {
	out := make([]option, len(chs))
	for i, ch := range chs {
		out[i] = option{ID: id + "-" + strconv.Itoa(i), Value: ch.value, Text: ch.label,
			Label: markdown(ch.label, mdOptions{inline: true}), Checked: slices.Contains(sel, ch.value)}
		if ch.desc != "" {
			out[i].Desc = markdown(ch.desc, mdOptions{inline: true})
		}
	}
	if len(sel) == 0 && pre != nil && *pre >= 0 && *pre < len(out) {
		out[*pre].Checked = true
	}
	return out
}

// labelOf returns the label of value among the choices, or the value.
func labelOf(chs []choice, value string) string {
	for _, ch := range chs {
		if ch.value == value {
			return ch.label
		}
	}
	return value
}

// optionLabels is the display text of a stored option value.
func (st *state) optionLabels(n *layouttree.Node, c *component.Component, value string) string {
	chs := st.options(n, c)
	multi := c.Type == "Checkboxes" || c.Type == "MultipleSelect"
	var labels []string
	for _, s := range selected(value, multi) {
		labels = append(labels, labelOf(chs, s))
	}
	return strings.Join(labels, ", ")
}
