// SPDX-License-Identifier: MIT

package layouttree

import (
	"fmt"
	"slices"

	"github.com/blankett/blankett/appframework/expr"
)

// Tree is a layout expanded for one state of the data: every component
// instance, with repeating groups unrolled into rows. It implements
// expr.ComponentResolver. A Tree remembers hidden states it has worked out, so
// it must be rebuilt when the data changes, and it is not safe for concurrent use.
type Tree struct {
	Pages []*Node
	byID  map[string][]*Node
}

// Node is one component instance, a repeating-group row (Row true, Comp the
// group) or a page (Comp nil).
type Node struct {
	Page     *Page
	Comp     *Component
	Row      bool
	Parent   *Node
	Children []*Node
	scope    expr.Scope
	hidden   hiddenState
}

type hiddenState uint8

const (
	hiddenUnknown hiddenState = iota
	hiddenWorking
	hiddenNo
	hiddenYes
)

// ID returns the component id, or the page id for a page.
func (n *Node) ID() string {
	if n.Comp == nil {
		return n.Page.ID
	}
	return n.Comp.ID
}

// Rows returns the row indices of the node, outermost first.
func (n *Node) Rows() []int { return n.scope.Rows() }

// Scope returns the scope expressions on this node are evaluated in.
func (n *Node) Scope() *expr.Scope { return &n.scope }

// Expand builds the tree, counting repeating-group rows in env.Data.
func (l *Layout) Expand(env *expr.Env) (*Tree, error) {
	t := &Tree{byID: map[string][]*Node{}}
	for _, p := range l.Pages {
		pn := &Node{Page: p, scope: expr.Scope{Page: p.ID, DataType: l.DataType}}
		pn.scope.Handle = pn
		for _, c := range p.Top {
			child, err := t.expand(env, pn, c)
			if err != nil {
				return nil, err
			}
			pn.Children = append(pn.Children, child)
		}
		t.Pages = append(t.Pages, pn)
	}
	return t, nil
}

func (t *Tree) expand(env *expr.Env, parent *Node, c *Component) (*Node, error) {
	n := &Node{Page: parent.Page, Comp: c, Parent: parent, scope: parent.scope}
	n.scope.Component = c.ID
	n.scope.Handle = n
	t.byID[c.ID] = append(t.byID[c.ID], n)
	add := func(to *Node, cs []*Component) error {
		for _, cc := range cs {
			child, err := t.expand(env, to, cc)
			if err != nil {
				return err
			}
			to.Children = append(to.Children, child)
		}
		return nil
	}
	if !c.Repeating {
		return n, add(n, c.Children)
	}
	if err := add(n, c.Before); err != nil {
		return nil, err
	}
	list := rowPath(&n.scope, c.Group)
	count := 0
	if env != nil && env.Data != nil {
		var err error
		if count, err = expr.CountRows(env.Data, c.Group.DataType, list); err != nil {
			return nil, fmt.Errorf("layouttree: rows of %s: %w", c.ID, err)
		}
	}
	for i := range count {
		row := &Node{Page: n.Page, Comp: c, Row: true, Parent: n, scope: n.scope}
		row.scope.Row = list.WithIndex(i)
		row.scope.RowDataType = c.Group.DataType
		row.scope.Handle = row
		if err := add(row, c.Children); err != nil {
			return nil, err
		}
		n.Children = append(n.Children, row)
	}
	return n, add(n, c.After)
}

// rowPath places a group binding inside the scope's current row.
func rowPath(s *expr.Scope, b expr.Binding) expr.Path {
	if s.InRow(b.DataType) {
		return b.Path.Transpose(s.Row)
	}
	return b.Path
}

// Find returns the instance of component id on page with exactly rows, or nil.
func (t *Tree) Find(page, id string, rows []int) *Node {
	for _, n := range t.byID[id] {
		if n.Page.ID == page && slices.Equal(n.Rows(), rows) {
			return n
		}
	}
	return nil
}

// Resolve implements expr.ComponentResolver the way Altinn's backend does:
// among the instances of id, those whose rows are a prefix of the caller's
// rows; if several remain, the one on the caller's page.
func (t *Tree) Resolve(env *expr.Env, from *expr.Scope, id string) (*expr.ComponentRef, error) {
	rows := from.Rows()
	var found []*Node
	for _, n := range t.byID[id] {
		nr := n.Rows()
		if len(nr) <= len(rows) && slices.Equal(nr, rows[:len(nr)]) {
			found = append(found, n)
		}
	}
	if len(found) > 1 {
		var onPage []*Node
		for _, n := range found {
			if n.Page.ID == from.Page {
				onPage = append(onPage, n)
			}
		}
		if len(onPage) != 1 {
			return nil, fmt.Errorf("layouttree: multiple instances of component %s match rows %v", id, rows)
		}
		found = onPage
	}
	if len(found) == 0 {
		return nil, nil
	}
	n := found[0]
	hidden, err := n.Hidden(env)
	if err != nil {
		return nil, err
	}
	ref := &expr.ComponentRef{
		ID: n.Comp.ID, Page: n.Page.ID, Type: n.Comp.Type, Hidden: hidden, Container: n.Comp.Container,
		OptionsID: n.Comp.OptionsID, Options: n.Comp.Options,
	}
	if b, ok := n.Comp.Bindings["simpleBinding"]; ok {
		// The caller's row first: a component in rowsBefore of a nested group
		// is found from inside a row and reads that row, as in Altinn. Then the
		// component's own row, for groups bound to a different list.
		b.Path = rowPath(from, b)
		ref.SimpleBinding = &expr.Binding{DataType: b.DataType, Path: rowPath(&n.scope, b)}
	}
	return ref, nil
}

// Hidden reports whether the node is hidden: its page, a container or row
// around it, or its own hidden expression. Results are remembered.
func (n *Node) Hidden(env *expr.Env) (bool, error) {
	switch n.hidden {
	case hiddenNo:
		return false, nil
	case hiddenYes:
		return true, nil
	case hiddenWorking:
		return false, fmt.Errorf("layouttree: the hidden expression of %s depends on itself", n.ID())
	}
	n.hidden = hiddenWorking
	h, err := n.evalHidden(env)
	if err != nil {
		n.hidden = hiddenUnknown
		return false, err
	}
	n.hidden = hiddenNo
	if h {
		n.hidden = hiddenYes
	}
	return h, nil
}

func (n *Node) evalHidden(env *expr.Env) (bool, error) {
	if n.Parent != nil {
		if h, err := n.Parent.Hidden(env); err != nil || h {
			return h, err
		}
	}
	var e *expr.Expr
	switch {
	case n.Comp == nil:
		e = n.Page.Hidden
	case n.Row:
		e = n.Comp.HiddenRow
	default:
		e = n.Comp.Hidden
	}
	if e == nil {
		return false, nil
	}
	h, err := e.EvalBool(env, &n.scope, false)
	if err != nil {
		return false, fmt.Errorf("layouttree: hidden of %s: %w", n.ID(), err)
	}
	return h, nil
}

// Reveal makes page node n count as shown in this tree whatever its hidden
// expression (the page a PDF prints, which the page order hides), and forgets
// what its components' hidden expressions gave, so they are evaluated again
// under it. Components hidden by their own expressions stay hidden.
func (n *Node) Reveal() {
	var forget func(*Node)
	forget = func(n *Node) {
		n.hidden = hiddenUnknown
		for _, c := range n.Children {
			forget(c)
		}
	}
	forget(n)
	n.hidden = hiddenNo
}

// Walk calls fn for every node, depth first, in layout order.
func (t *Tree) Walk(fn func(*Node)) {
	var walk func(*Node)
	walk = func(n *Node) {
		fn(n)
		for _, c := range n.Children {
			walk(c)
		}
	}
	for _, p := range t.Pages {
		walk(p)
	}
}
