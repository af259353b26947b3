// SPDX-License-Identifier: MIT

package expr

import "errors"

// Eval evaluates the expression in scope. A nil env or scope is empty. Every
// argument is evaluated before its function runs, as in Altinn's backend, so
// an error anywhere in the expression is reported even inside an untaken if.
func (e *Expr) Eval(env *Env, scope *Scope) (Value, error) {
	if e == nil {
		return Value{}, nil
	}
	if env == nil {
		env = &Env{}
	}
	if scope == nil {
		scope = &Scope{}
	}
	ev := evaluator{env: env, scope: scope}
	return ev.eval(&e.root)
}

// EvalBool evaluates a boolean property such as hidden or required. Null means
// def; any other value is coerced with the boolean rules.
func (e *Expr) EvalBool(env *Env, scope *Scope, def bool) (bool, error) {
	v, err := e.Eval(env, scope)
	if err != nil {
		return def, err
	}
	if v.kind == KindNull {
		return def, nil
	}
	b, err := toBool(v)
	if err != nil {
		return def, wrapAt("$", err)
	}
	return b, nil
}

type evaluator struct {
	env   *Env
	scope *Scope
}

// call is one function call being evaluated: its node and argument values.
type call struct {
	ev   *evaluator
	n    *node
	args []Value
}

func (ev *evaluator) eval(n *node) (Value, error) {
	if n.fn == fnLiteral {
		return n.lit, nil
	}
	var buf [4]Value
	args := buf[:0]
	if len(n.args) > len(buf) {
		args = make([]Value, 0, len(n.args))
	}
	for i := range n.args {
		v, err := ev.eval(&n.args[i])
		if err != nil {
			return Value{}, err
		}
		args = append(args, v)
	}
	c := call{ev: ev, n: n, args: args}
	v, err := c.run()
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.Path == "" {
			cp := *e
			cp.Path = n.path
			return Value{}, &cp
		}
		return Value{}, wrapAt(n.path, err)
	}
	return v, nil
}

func (c *call) run() (Value, error) {
	switch c.n.fn {
	case FuncAnd, FuncOr:
		return c.andOr(c.n.fn == FuncAnd)
	case FuncNot:
		b, err := c.bool(0)
		return Bool(!b), err
	case FuncIf:
		return c.ifElse()
	case FuncEquals:
		return Bool(c.equals(0, 1)), nil
	case FuncNotEquals:
		return Bool(!c.equals(0, 1)), nil
	case FuncGreaterThan, FuncGreaterThanEq, FuncLessThan, FuncLessThanEq:
		return c.numCompare(c.n.fn)
	case FuncCompare:
		return c.compare()
	case FuncConcat, FuncContains, FuncNotContains, FuncStartsWith, FuncEndsWith, FuncCommaContains,
		FuncLowerCase, FuncUpperCase, FuncLowerCaseFirst, FuncUpperCaseFirst,
		FuncStringLength, FuncStringIndexOf, FuncStringSlice, FuncStringReplace:
		return c.stringFunc()
	case FuncPlus, FuncMinus, FuncMultiply, FuncDivide, FuncRound:
		return c.arithmetic()
	case FuncFormatDate:
		return c.formatDate()
	case FuncList, FuncObject, FuncJmespath, FuncSum, FuncAverage, FuncCount:
		return c.listFunc()
	case FuncDataModel, FuncComponent, FuncDisplayValue, FuncLinkToComponent:
		return c.lookupFunc()
	}
	return c.contextFunc()
}

// fail returns an error at the call.
func (c *call) fail(kind error, format string, args ...any) error {
	return errorf(c.n.path, kind, format, args...)
}

// at puts a coercion error at argument i.
func (c *call) at(i int, err error) error {
	var e *Error
	if errors.As(err, &e) && e.Path == "" {
		cp := *e
		cp.Path = c.n.args[i].path
		return &cp
	}
	return err
}

func (c *call) bool(i int) (bool, error) {
	b, err := toBool(c.args[i])
	if err != nil {
		return false, c.at(i, err)
	}
	return b, nil
}

func (c *call) num(i int) (float64, bool, error) {
	f, ok, err := toNumber(c.args[i])
	if err != nil {
		return 0, false, c.at(i, err)
	}
	return f, ok, nil
}

func (c *call) text(i int) (string, bool) { return toText(c.args[i]) }
