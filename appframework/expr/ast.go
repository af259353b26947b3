// SPDX-License-Identifier: MIT

package expr

import "strings"

// Expr is a parsed expression, ready to be evaluated any number of times,
// concurrently if the Env's sources allow it. The zero Expr is the literal null.
type Expr struct {
	root node
}

// node is a literal (fn == fnLiteral) or a function call.
type node struct {
	fn   Func
	lit  Value
	args []node
	path string
	// aux holds work done once at parse time: the parsed Path of a literal
	// dataModel path, the parsed *date of a literal date, the compiled query
	// of a literal jmespath query.
	aux any
}

// Literal returns an expression that is just v.
func Literal(v Value) *Expr { return &Expr{root: node{lit: v, path: "$"}} }

// IsLiteral reports whether the expression is a plain value rather than a call.
func (e *Expr) IsLiteral() bool { return e == nil || e.root.fn == fnLiteral }

// LiteralValue returns the value of a literal expression, or null for a call.
func (e *Expr) LiteralValue() Value {
	if e == nil || e.root.fn != fnLiteral {
		return Value{}
	}
	return e.root.lit
}

// Func returns the outermost function, or false for a literal.
func (e *Expr) Func() (Func, bool) {
	if e.IsLiteral() {
		return 0, false
	}
	return e.root.fn, true
}

// MarshalJSON writes the expression back in its JSON array form.
func (e *Expr) MarshalJSON() ([]byte, error) { return []byte(e.String()), nil }

// String returns the expression as compact JSON.
func (e *Expr) String() string {
	if e == nil {
		return "null"
	}
	var b strings.Builder
	e.root.write(&b)
	return b.String()
}

func (n *node) write(b *strings.Builder) {
	if n.fn == fnLiteral {
		n.lit.writeJSON(b)
		return
	}
	b.WriteString(`["`)
	b.WriteString(n.fn.String())
	b.WriteByte('"')
	for i := range n.args {
		b.WriteByte(',')
		n.args[i].write(b)
	}
	b.WriteByte(']')
}

// Walk calls fn for every function call in the expression, outermost first,
// with the call's function, its JSON path and its literal arguments (null for
// arguments that are calls). Lint uses it to find component ids and paths.
func (e *Expr) Walk(fn func(f Func, path string, literalArgs []Value)) {
	if e == nil {
		return
	}
	e.root.walk(fn)
}

func (n *node) walk(fn func(Func, string, []Value)) {
	if n.fn == fnLiteral {
		return
	}
	lits := make([]Value, len(n.args))
	for i := range n.args {
		if n.args[i].fn == fnLiteral {
			lits[i] = n.args[i].lit
		}
	}
	fn(n.fn, n.path, lits)
	for i := range n.args {
		n.args[i].walk(fn)
	}
}
