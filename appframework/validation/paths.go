// SPDX-License-Identifier: MIT

package validation

import (
	"github.com/blankett/blankett/appframework/expr"
)

// maxExpanded bounds how many concrete paths one field may expand to, so a rule on a
// field inside nested lists cannot turn a large instance into unbounded work.
const maxExpanded = 100_000

// expand returns every concrete path of p in data: each list on the way is unrolled
// into its indices (an index already given in p is kept). A path whose parent objects
// are missing still yields one path, so a rule on an absent field runs once, as in
// Altinn; missing lists yield none.
func expand(data any, p expr.Path) []expr.Path {
	var out []expr.Path
	var walk func(node any, i int, acc expr.Path)
	walk = func(node any, i int, acc expr.Path) {
		if len(out) >= maxExpanded {
			return
		}
		if i == len(p) {
			out = append(out, append(expr.Path(nil), acc...))
			return
		}
		seg := p[i]
		var child any
		if m, ok := node.(map[string]any); ok {
			child = m[seg.Name]
		}
		list, isList := child.([]any)
		switch {
		case !isList:
			walk(child, i+1, append(acc, expr.Segment{Name: seg.Name, Index: -1}))
		case seg.Index >= 0:
			var item any
			if seg.Index < len(list) {
				item = list[seg.Index]
			}
			walk(item, i+1, append(acc, seg))
		default:
			for j, item := range list {
				walk(item, i+1, append(acc, expr.Segment{Name: seg.Name, Index: j}))
			}
		}
	}
	walk(data, 0, nil)
	return out
}

// rowOf returns the prefix of a concrete path up to its last index: the repeating
// row the path lies in, onto which unindexed paths are transposed.
func rowOf(p expr.Path) expr.Path {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i].Index >= 0 {
			return p[:i+1]
		}
	}
	return nil
}

// clearPath removes the value at the concrete path p (the key is deleted from its
// object); missing parents mean there is nothing to clear.
func clearPath(data any, p expr.Path) bool {
	node := data
	for i, seg := range p {
		m, ok := node.(map[string]any)
		if !ok {
			return false
		}
		if i == len(p)-1 && seg.Index < 0 {
			_, had := m[seg.Name]
			delete(m, seg.Name)
			return had
		}
		child := m[seg.Name]
		if seg.Index >= 0 {
			list, ok := child.([]any)
			if !ok || seg.Index >= len(list) {
				return false
			}
			if i == len(p)-1 {
				had := list[seg.Index] != nil
				list[seg.Index] = nil
				return had
			}
			child = list[seg.Index]
		}
		node = child
	}
	return false
}

// empty reports whether a looked-up value counts as not filled in: null, or a string
// of only white space.
func empty(v expr.Value) bool {
	if v.IsNull() {
		return true
	}
	if v.Kind() == expr.KindString {
		for _, r := range v.AsString() {
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
				return false
			}
		}
		return true
	}
	return false
}
