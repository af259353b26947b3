// SPDX-License-Identifier: MIT

package render

import (
	"html/template"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
)

// text returns the text with key in the page's language with its
// variables filled in for scope, or the key itself when there is no such
// text, as Altinn shows it.
func (st *state) text(key string, scope *expr.Scope) string {
	if key == "" {
		return ""
	}
	res, ok := st.env.Texts.Text(key)
	if !ok {
		return key
	}
	if len(res.Variables) == 0 {
		return res.Value
	}
	e, err := st.r.cachedExpr("text\x00"+key, []any{"text", key})
	if err != nil {
		return res.Value
	}
	v, err := e.Eval(st.env, scope)
	if err != nil {
		st.report.problem("", "text "+key+": "+err.Error())
		return res.Value
	}
	return valueText(v)
}

// trb resolves a textResourceBindings entry: a text key, literal text or
// an expression whose result is looked up as a key in turn.
func (st *state) trb(c *component.Component, name string, scope *expr.Scope) string {
	e := c.TextResourceBindings[name]
	if e == nil {
		return ""
	}
	return st.exprText(c.ID, e, scope)
}

// exprText evaluates a text-valued property and translates the result.
func (st *state) exprText(id string, e *component.Expr, scope *expr.Scope) string {
	if e == nil || e.Parsed == nil {
		return ""
	}
	if v, ok := e.Literal(); ok {
		if v.Kind() == expr.KindString {
			return st.text(v.AsString(), scope)
		}
		return valueText(v)
	}
	v, err := e.Parsed.Eval(st.env, scope)
	if err != nil {
		st.report.problem(id, err.Error())
		return ""
	}
	if v.Kind() == expr.KindString {
		return st.text(v.AsString(), scope)
	}
	return valueText(v)
}

// inline renders a text binding as phrasing content.
func (st *state) inline(c *component.Component, name string, scope *expr.Scope) template.HTML {
	return markdown(st.trb(c, name, scope), mdOptions{inline: true})
}

// block renders a text binding as block content whose headings continue
// the page's heading order below level.
func (st *state) block(c *component.Component, name string, scope *expr.Scope, level int) template.HTML {
	s := st.trb(c, name, scope)
	if s == "" {
		return ""
	}
	return markdown(s, mdOptions{heading: func(n int) int { return st.nextHeading(level + n) }})
}

// valueText writes a value as a form shows it: strings as they are,
// numbers as JavaScript writes them, null as "".
func valueText(v expr.Value) string {
	switch v.Kind() {
	case expr.KindNull:
		return ""
	case expr.KindString:
		return v.AsString()
	case expr.KindBool:
		if v.AsBool() {
			return "true"
		}
		return "false"
	}
	return v.String()
}

// escape makes plain text HTML.
func escape(s string) template.HTML { return template.HTML(template.HTMLEscapeString(s)) }
