// SPDX-License-Identifier: MIT

package expr

// lookupFunc implements the functions that read the data model or find
// components.
func (c *call) lookupFunc() (Value, error) {
	if c.n.fn == FuncDataModel {
		return c.dataModel()
	}
	id := c.args[0]
	if c.n.fn == FuncLinkToComponent {
		id = c.args[1]
	}
	if id.kind == KindNull {
		if c.n.fn == FuncLinkToComponent {
			return Value{}, nil
		}
		return Value{}, c.fail(ErrInvalidArgument, "Cannot lookup component null")
	}
	name, _ := toText(id)
	ref, err := c.resolve(name)
	if err != nil {
		return Value{}, err
	}
	switch c.n.fn {
	case FuncDisplayValue:
		return c.displayValue(ref)
	case FuncLinkToComponent:
		return c.linkToComponent(ref)
	}
	if ref.Container {
		return Value{}, c.fail(ErrInvalidArgument, "Component lookup for components that are groups is not implemented")
	}
	if ref.SimpleBinding == nil {
		return Value{}, c.fail(ErrInvalidArgument, "Component %s does not have a simpleBinding", name)
	}
	if ref.Hidden {
		return Value{}, nil
	}
	return c.lookup(*ref.SimpleBinding)
}

// resolve finds a component from the current scope.
func (c *call) resolve(id string) (*ComponentRef, error) {
	if c.ev.env.Components == nil {
		return nil, c.fail(ErrUnavailable, "Unable to find component with identifier %s: no component tree", id)
	}
	ref, err := c.ev.env.Components.Resolve(c.ev.env, c.ev.scope, id)
	if err != nil {
		return nil, wrapAt(c.n.path, err)
	}
	if ref == nil {
		rows := ""
		if r := c.ev.scope.Rows(); len(r) > 0 {
			rows = " with row indices " + joinInts(r)
		}
		return nil, c.fail(ErrNotFound, "Unable to find component with identifier %s%s", id, rows)
	}
	return ref, nil
}

// dataModel reads ["dataModel", path, dataType?]. Paths without indices are
// placed in the current repeating-group row.
func (c *call) dataModel() (Value, error) {
	pv := c.args[0]
	if pv.kind == KindNull {
		return Value{}, c.fail(ErrInvalidArgument, "Cannot lookup dataModel null")
	}
	dataType := c.ev.scope.DataType
	if len(c.args) == 2 && c.args[1].kind == KindString {
		dataType = c.args[1].str
	}
	p, _ := c.n.args[0].aux.(Path)
	if p == nil {
		s, _ := toText(pv)
		var err error
		if p, err = ParsePath(s); err != nil {
			return Value{}, nil // a path that cannot exist has no value
		}
	}
	if c.ev.scope.InRow(dataType) {
		p = p.Transpose(c.ev.scope.Row)
	}
	return c.lookup(Binding{DataType: dataType, Path: p})
}

func sameDataType(a, b, def string) bool {
	if a == "" {
		a = def
	}
	if b == "" {
		b = def
	}
	return a == b
}

func (c *call) lookup(b Binding) (Value, error) {
	if c.ev.env.Data == nil {
		return Value{}, c.fail(ErrUnavailable, "no data model available")
	}
	v, err := c.ev.env.Data.Lookup(b.DataType, b.Path)
	if err != nil {
		return Value{}, wrapAt(c.n.path, err)
	}
	return v, nil
}

func joinInts(xs []int) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += formatNumber(float64(x))
	}
	return s
}
