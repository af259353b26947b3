// SPDX-License-Identifier: MIT

package jmespath

import (
	"reflect"
	"sort"
)

// Query is a compiled JMESPath expression. It is immutable and safe for
// concurrent use.
type Query struct {
	src  string
	root *node
}

// Compile parses a JMESPath expression.
func Compile(s string) (*Query, error) {
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := parser{toks: toks}
	root, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if p.cur().kind != tEOF {
		return nil, syntaxErr(p.cur().pos, "unexpected token after the expression")
	}
	return &Query{src: s, root: root}, nil
}

// String returns the query as written.
func (q *Query) String() string { return q.src }

// Search runs the query on data. It fails with ErrTooLarge when a list built
// on the way or the result passes MaxItems, or a string MaxStringLen.
func (q *Query) Search(data any) (any, error) {
	out, err := eval(q.root, data)
	if err != nil {
		return nil, err
	}
	if err := checkTree("the result", out, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// expref is the value of &expression, passed to sort_by, map and friends.
type expref struct{ n *node }

func eval(n *node, v any) (any, error) {
	switch n.kind {
	case nIdentity:
		return v, nil
	case nLiteral:
		return n.value, nil
	case nField:
		if m, ok := v.(map[string]any); ok {
			return m[n.name], nil
		}
		return nil, nil
	case nSubexpr, nPipe:
		l, err := eval(n.children[0], v)
		if err != nil {
			return nil, err
		}
		return eval(n.children[1], l)
	case nIndex:
		l, ok := v.([]any)
		if !ok {
			return nil, nil
		}
		i := n.index
		if i < 0 {
			i += len(l)
		}
		if i < 0 || i >= len(l) {
			return nil, nil
		}
		return l[i], nil
	case nSlice:
		l, ok := v.([]any)
		if !ok {
			return nil, nil
		}
		return slice(l, n.slice), nil
	case nProjection, nValueProjection, nFilter:
		return project(n, v)
	case nFlatten:
		inner, err := eval(n.children[0], v)
		if err != nil {
			return nil, err
		}
		l, ok := inner.([]any)
		if !ok {
			return nil, nil
		}
		out := []any{}
		for _, e := range l {
			if sub, ok := e.([]any); ok {
				if err := checkItems("a flattened list", len(out)+len(sub)); err != nil {
					return nil, err
				}
				out = append(out, sub...)
			} else {
				out = append(out, e)
			}
		}
		return out, nil
	case nMultiList, nMultiHash:
		if v == nil {
			return nil, nil
		}
		vals := make([]any, len(n.children))
		for i, c := range n.children {
			r, err := eval(c, v)
			if err != nil {
				return nil, err
			}
			vals[i] = r
		}
		if n.kind == nMultiList {
			return vals, nil
		}
		m := make(map[string]any, len(vals))
		for i, k := range n.keys {
			m[k] = vals[i]
		}
		return m, nil
	case nOr, nAnd:
		l, err := eval(n.children[0], v)
		if err != nil {
			return nil, err
		}
		if truthy(l) == (n.kind == nOr) {
			return l, nil
		}
		return eval(n.children[1], v)
	case nNot:
		r, err := eval(n.children[0], v)
		return !truthy(r), err
	case nCompare:
		return compare(n, v)
	case nExpref:
		return expref{n.children[0]}, nil
	case nFunction:
		args := make([]any, len(n.children))
		for i, c := range n.children {
			r, err := eval(c, v)
			if err != nil {
				return nil, err
			}
			args[i] = r
		}
		return callFunction(n.name, args)
	}
	return nil, nil
}

// project runs the right-hand side on every element of a list (or every
// value of an object), dropping nulls; filters first test the condition.
func project(n *node, v any) (any, error) {
	base, err := eval(n.children[0], v)
	if err != nil {
		return nil, err
	}
	var elems []any
	switch n.kind {
	case nValueProjection:
		m, ok := base.(map[string]any)
		if !ok {
			return nil, nil
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			elems = append(elems, m[k])
		}
	default:
		l, ok := base.([]any)
		if !ok {
			return nil, nil
		}
		elems = l
	}
	out := []any{}
	for _, e := range elems {
		if n.kind == nFilter {
			c, err := eval(n.children[2], e)
			if err != nil {
				return nil, err
			}
			if !truthy(c) {
				continue
			}
		}
		r, err := eval(n.children[1], e)
		if err != nil {
			return nil, err
		}
		if r != nil {
			if err := checkItems("a projection", len(out)+1); err != nil {
				return nil, err
			}
			out = append(out, r)
		}
	}
	return out, nil
}

func compare(n *node, v any) (any, error) {
	a, err := eval(n.children[0], v)
	if err != nil {
		return nil, err
	}
	b, err := eval(n.children[1], v)
	if err != nil {
		return nil, err
	}
	switch n.name {
	case "==":
		return equal(a, b), nil
	case "!=":
		return !equal(a, b), nil
	}
	x, ok1 := a.(float64)
	y, ok2 := b.(float64)
	if !ok1 || !ok2 {
		return nil, nil
	}
	switch n.name {
	case "<":
		return x < y, nil
	case "<=":
		return x <= y, nil
	case ">":
		return x > y, nil
	}
	return x >= y, nil
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }

// truthy is JMESPath's notion of true: everything but null, false and empty
// strings, lists and objects.
func truthy(v any) bool {
	switch t := v.(type) {
	case nil:
		return false
	case bool:
		return t
	case string:
		return t != ""
	case []any:
		return len(t) > 0
	case map[string]any:
		return len(t) > 0
	}
	return true
}

// slice implements Python-style [start:stop:step] on a list.
func slice(l []any, parts [3]*int) []any {
	n := len(l)
	step := 1
	if parts[2] != nil {
		// A step longer than the list behaves like one just longer than it;
		// clamping keeps index arithmetic from overflowing.
		step = max(-n-1, min(*parts[2], n+1))
	}
	bound := func(p *int, def int) int {
		if p == nil {
			return def
		}
		i := *p
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					return -1
				}
				return 0
			}
		}
		if i >= n {
			if step < 0 {
				return n - 1
			}
			return n
		}
		return i
	}
	var start, stop int
	if step > 0 {
		start, stop = bound(parts[0], 0), bound(parts[1], n)
	} else {
		start, stop = bound(parts[0], n-1), bound(parts[1], -1)
	}
	out := []any{}
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		out = append(out, l[i])
	}
	return out
}
