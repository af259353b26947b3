// SPDX-License-Identifier: MIT

package expr

import (
	"strconv"
	"strings"
)

// validate checks a call's arguments once all of them are parsed: the special
// shapes of if, compare, dataModel and object, the argument count, and the
// types of literal arguments. Literal arguments are coerced here so that
// evaluation does not repeat the work.
func (p *parser) validate(n *node) {
	s := n.fn.spec()
	switch n.fn {
	case FuncIf:
		if !p.validateIf(n) {
			return
		}
	case FuncCompare:
		if !p.validateCompare(n) {
			return
		}
	case FuncDataModel:
		if len(n.args) == 2 && n.args[1].fn != fnLiteral {
			p.fail(n.args[1].path, ErrInvalidArgument, "The data type must be a string (expressions cannot be used here)")
			return
		}
	case FuncObject:
		if !p.validateObject(n) {
			return
		}
	}
	if !p.arity(n, s) {
		return
	}
	for i := range n.args {
		a := &n.args[i]
		if a.fn != fnLiteral {
			continue
		}
		p.literalArg(n.fn, s.param(i), a)
	}
	p.precompute(n)
}

func (p *parser) arity(n *node, s spec) bool {
	got := len(n.args)
	if got >= s.min && (s.max < 0 || got <= s.max) {
		return true
	}
	var want string
	switch {
	case s.max < 0:
		want = strconv.Itoa(s.min) + "+"
	case s.min == s.max:
		want = strconv.Itoa(s.min)
	default:
		want = strconv.Itoa(s.min) + "-" + strconv.Itoa(s.max)
	}
	p.fail(n.path, ErrArity, "%sExpected %s argument(s), got %d", s.arityWord, want, got)
	return false
}

// literalArg coerces a literal argument to its parameter type, or reports why
// it never can be.
func (p *parser) literalArg(fn Func, t Type, a *node) {
	v := a.lit
	if v.kind == KindNull {
		if t == TypeList {
			p.fail(a.path, ErrType, "Expected argument to be list, got null")
		}
		return
	}
	switch t {
	case TypeBool:
		b, err := toBool(v)
		if err != nil {
			p.fail(a.path, ErrType, "%s", err.(*Error).Msg)
			return
		}
		a.lit = Bool(b)
	case TypeNumber:
		f, _, err := toNumber(v)
		if err != nil {
			p.fail(a.path, ErrType, "%s", err.(*Error).Msg)
			return
		}
		a.lit = Number(f)
	case TypeDate:
		if v.kind != KindString {
			p.fail(a.path, ErrType, "Date expressions only accept strings or null, got %s", v)
			return
		}
		d, err := parseDate(v.str)
		if err != nil {
			p.fail(a.path, ErrInvalidArgument, "%s", err.(*Error).Msg)
			return
		}
		a.aux = d
	case TypeList:
		p.fail(a.path, ErrType, "Expected argument to be list, got %s", v.kind)
	}
}

func (p *parser) validateIf(n *node) bool {
	if len(n.args) > 2 {
		e := n.args[2]
		if e.fn != fnLiteral || e.lit.kind != KindString || !strings.EqualFold(e.lit.str, "else") {
			p.fail(e.path, ErrInvalidArgument, `Expected third argument to be "else"`)
			return false
		}
	}
	if len(n.args) != 2 && len(n.args) != 4 {
		p.fail(n.path, ErrArity, "Expected either 2 arguments (if) or 4 (if + else), got %d", len(n.args))
		return false
	}
	return true
}

func (p *parser) validateCompare(n *node) bool {
	args := n.args
	switch {
	case len(args) == 3 && args[1].fn != fnLiteral:
		p.fail(args[1].path, ErrInvalidArgument, "Invalid operator (it cannot be an expression or null)")
		return false
	case len(args) == 4 && args[2].fn != fnLiteral:
		p.fail(args[2].path, ErrInvalidArgument, "Invalid operator (it cannot be an expression or null)")
		return false
	case len(args) == 4 && (args[1].fn != fnLiteral || args[1].lit.kind != KindString || args[1].lit.str != "not"):
		p.fail(args[1].path, ErrInvalidArgument, `Second argument must be "not" when providing 4 arguments in total`)
		return false
	case len(args) < 3 || len(args) > 4:
		p.fail(n.path, ErrArity, "Expected 3-4 argument(s), got %d", len(args))
		return false
	}
	op := args[len(args)-2]
	if op.lit.kind != KindString {
		p.fail(op.path, ErrInvalidArgument, "Invalid operator (it cannot be an expression or null)")
		return false
	}
	if !isCompareOp(op.lit.str) {
		p.fail(op.path, ErrInvalidArgument, "Invalid operator %q", op.lit.str)
		return false
	}
	return true
}

func (p *parser) validateObject(n *node) bool {
	if len(n.args)%2 != 0 {
		p.fail(n.path, ErrArity, "The object function must have an even number of arguments")
		return false
	}
	seen := map[string]bool{}
	for i := 0; i < len(n.args); i += 2 {
		k := n.args[i]
		if k.fn != fnLiteral {
			continue
		}
		if k.lit.kind != KindString {
			p.fail(k.path, ErrType, "Object keys must be strings")
			return false
		}
		if seen[k.lit.str] {
			p.fail(k.path, ErrInvalidArgument, "Object keys must be unique")
			return false
		}
		seen[k.lit.str] = true
	}
	return true
}

// precompute does per-call work that only depends on literal arguments.
func (p *parser) precompute(n *node) {
	switch n.fn {
	case FuncDataModel:
		if a := &n.args[0]; a.fn == fnLiteral && a.lit.kind == KindString {
			if path, err := ParsePath(a.lit.str); err == nil {
				a.aux = path
			}
		}
	case FuncJmespath:
		q := &n.args[1]
		if q.fn != fnLiteral {
			return
		}
		if q.lit.kind != KindString {
			p.fail(q.path, ErrType, "Expected argument to be string, got %s", q.lit.kind)
			return
		}
		c, err := compileQuery(q.lit.str)
		if err != nil {
			p.fail(q.path, ErrInvalidArgument, "Jmespath error: %v", err)
			return
		}
		q.aux = c
	}
}
