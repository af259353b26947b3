// SPDX-License-Identifier: MIT

package expr

import (
	"html"
	"math"
	"net/url"
	"strings"
)

// contextFunc implements the functions that read the instance, the settings,
// the user and the evaluation scope.
func (c *call) contextFunc() (Value, error) {
	env := c.ev.env
	switch c.n.fn {
	case FuncLanguage:
		return String(c.ev.language()), nil
	case FuncGatewayAction:
		if env.GatewayAction == "" {
			return Value{}, nil
		}
		return String(env.GatewayAction), nil
	case FuncArgv:
		return c.argv()
	case FuncValue:
		return c.optionValue()
	case FuncText:
		if c.args[0].kind == KindNull {
			return Value{}, nil
		}
		key, _ := toText(c.args[0])
		return c.ev.translate(key)
	case FuncLinkToPage:
		return c.linkToPage()
	case FuncOptionLabel:
		return c.optionLabel()
	}
	key := c.args[0]
	name, _ := toText(key)
	switch c.n.fn {
	case FuncFrontendSettings:
		if key.kind == KindNull {
			return Value{}, c.fail(ErrInvalidArgument, "Value cannot be null. (Parameter 'key')")
		}
		return env.FrontendSettings[name], nil
	case FuncInstanceContext:
		v, ok := c.ev.instanceContext(name)
		if !ok || key.kind == KindNull {
			return Value{}, c.fail(ErrInvalidArgument, "Unknown Instance context property %s", name)
		}
		return v, nil
	case FuncCountDataElements:
		if key.kind == KindNull {
			return Value{}, c.fail(ErrInvalidArgument, "Expected dataType argument to be a string")
		}
		n := 0
		if env.Instance != nil {
			for _, dt := range env.Instance.DataTypes {
				if dt == name {
					n++
				}
			}
		}
		return Number(float64(n)), nil
	case FuncAuthContext:
		switch name {
		case "read", "write", "instantiate", "confirm", "sign", "reject":
			if key.kind != KindNull {
				return Bool(env.Auth[name]), nil
			}
		}
		return Value{}, c.fail(ErrInvalidArgument, "Unknown auth context property %s", name)
	}
	return Value{}, c.fail(ErrUnknownFunction, "Function %q not implemented", c.n.fn.String())
}

// instanceContext returns one of the four instance properties expressions may
// read; a property the instance lacks is null.
func (ev *evaluator) instanceContext(key string) (Value, bool) {
	in := ev.env.Instance
	if in == nil {
		in = &Instance{}
	}
	str := func(s string) Value {
		if s == "" {
			return Value{}
		}
		return String(s)
	}
	switch key {
	case "appId":
		return str(in.AppID), true
	case "instanceId":
		return str(in.ID), true
	case "instanceOwnerPartyId":
		return str(in.OwnerPartyID), true
	case "instanceOwnerPartyType":
		switch {
		case strings.TrimSpace(in.OwnerOrgNumber) != "":
			return String("org"), true
		case strings.TrimSpace(in.OwnerPersonNumber) != "":
			return String("person"), true
		case strings.TrimSpace(in.OwnerUsername) != "":
			return String("selfIdentified"), true
		}
		return String("unknown"), true
	}
	return Value{}, false
}

func (c *call) argv() (Value, error) {
	f, ok, err := c.num(0)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, c.fail(ErrType, "Expected number, got value null")
	}
	args := c.ev.scope.Args
	if len(args) == 0 {
		return Value{}, c.fail(ErrNotFound, "No positional arguments available")
	}
	if f < 0 || f >= float64(len(args)) {
		return Value{}, c.fail(ErrNotFound, "Index %s out of range", formatNumber(math.Trunc(f)))
	}
	return args[int(f)], nil
}

// optionValue is ["value"] or ["value", "label"] inside an optionFilter.
func (c *call) optionValue() (Value, error) {
	opt := c.ev.scope.Option
	if opt == nil {
		return Value{}, c.fail(ErrUnavailable, "The value function can only be used in an option filter")
	}
	field := "value"
	if len(c.args) == 1 {
		field, _ = c.text(0)
	}
	switch field {
	case "value":
		return opt.Value, nil
	case "label":
		return String(opt.Label), nil
	case "description":
		return String(opt.Description), nil
	case "helpText":
		return String(opt.HelpText), nil
	}
	return Value{}, c.fail(ErrInvalidArgument, "Unknown option property %s", field)
}

// optionLabel is ["optionLabel", optionsId, value]: the translated label of
// the option with that value, or null.
func (c *call) optionLabel() (Value, error) {
	id, ok := c.text(0)
	if !ok {
		return Value{}, c.fail(ErrInvalidArgument, "Cannot lookup options null")
	}
	if c.ev.env.Options == nil {
		return Value{}, c.fail(ErrUnavailable, "no code lists available")
	}
	opts, found := c.ev.env.Options.Options(id)
	if !found {
		return Value{}, c.fail(ErrNotFound, "Unable to find options with identifier %s", id)
	}
	return c.ev.labelOf(opts, c.args[1])
}

// labelOf finds the option whose value equals v (compared as text) and
// returns its translated label, or null.
func (ev *evaluator) labelOf(opts []Option, v Value) (Value, error) {
	want, ok := toText(v)
	if !ok {
		return Value{}, nil
	}
	for _, o := range opts {
		if got, ok := toText(o.Value); ok && got == want {
			return ev.translate(o.Label)
		}
	}
	return Value{}, nil
}

// displayValue is what the user sees for a component: the option label(s) for
// option components, otherwise the value as text. Hidden components have none.
func (c *call) displayValue(ref *ComponentRef) (Value, error) {
	if ref.Hidden || ref.SimpleBinding == nil {
		return Value{}, nil
	}
	v, err := c.lookup(*ref.SimpleBinding)
	if err != nil || v.kind == KindNull {
		return Value{}, err
	}
	opts := ref.Options
	if len(opts) == 0 && ref.OptionsID != "" && c.ev.env.Options != nil {
		opts, _ = c.ev.env.Options.Options(ref.OptionsID)
	}
	if len(opts) == 0 {
		return String(textOf(v)), nil
	}
	var labels []string
	for part := range strings.SplitSeq(textOf(v), ",") {
		l, err := c.ev.labelOf(opts, String(strings.TrimSpace(part)))
		if err != nil {
			return Value{}, err
		}
		labels = append(labels, textOf(l))
	}
	return String(strings.Join(labels, ", ")), nil
}

func (c *call) linkToPage() (Value, error) {
	text, ok1 := c.text(0)
	page, ok2 := c.text(1)
	if !ok1 || !ok2 {
		return Value{}, nil
	}
	return String(c.link(page, "", text, "LinkToPotentialPage")), nil
}

func (c *call) linkToComponent(ref *ComponentRef) (Value, error) {
	text, ok := c.text(0)
	if !ok {
		return Value{}, nil
	}
	return String(c.link(ref.Page, ref.ID, text, "LinkToPotentialNode")), nil
}

// link builds the anchor the frontend builds, escaped because it ends up in
// server-rendered HTML.
func (c *call) link(page, focus, text, kind string) string {
	u := "/" + url.PathEscape(page)
	if in := c.ev.env.Instance; in != nil && in.ID != "" && c.ev.env.TaskID != "" {
		u = "/instance/" + in.ID + "/" + url.PathEscape(c.ev.env.TaskID) + u
	}
	if focus != "" {
		u += "?" + url.Values{"focusComponentId": {focus}}.Encode()
	}
	target := ""
	if len(c.args) == 3 {
		if b, err := toBool(c.args[2]); err == nil && b {
			target = ` target="_blank" rel="noopener noreferrer"`
		}
	}
	return `<a href="` + html.EscapeString(u) + `" data-link-type="` + kind + `"` + target + `>` + html.EscapeString(text) + `</a>`
}
