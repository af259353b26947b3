// SPDX-License-Identifier: MIT

package expr

import "errors"

// Issue is one problem Check found in an expression.
type Issue struct {
	// Path is the JSON path of the problem inside the expression.
	Path string
	// Code is a stable identifier: syntax, unknown-function, arity, type,
	// too-deep, invalid-argument, unknown-component, unknown-data-type or
	// unknown-field.
	Code    string
	Message string
	// Err is the sentinel the issue corresponds to.
	Err error
}

// CheckEnv tells Check what the app contains. Nil functions skip their check.
type CheckEnv struct {
	// Component reports whether a component id exists in the layout set.
	Component func(id string) bool
	// DataType reports whether a data type id exists.
	DataType func(id string) bool
	// Field reports whether a path (indices removed) exists in a data type's
	// model; dataType "" is the default model.
	Field func(dataType string, p Path) bool
	// Want is the type the expression's result must have, such as TypeBool
	// for hidden and required; TypeAny accepts everything.
	Want Type
}

// Check reports every problem in a JSON expression that can be found without
// running it: malformed structure, unknown functions, wrong argument counts,
// literal arguments of the wrong type, results of the wrong type passed to a
// function, and component ids, data types and fields that do not exist.
func Check(data []byte, env *CheckEnv) []Issue {
	x, err := decodeJSON(data)
	if err != nil {
		return []Issue{issueFrom(err)}
	}
	return CheckValue(x, env)
}

// CheckValue is Check for an expression already decoded from JSON.
func CheckValue(x any, env *CheckEnv) []Issue {
	if env == nil {
		env = &CheckEnv{}
	}
	p := parser{collect: true}
	root, ok := p.node(x, "$", 1)
	if !ok {
		return p.issues
	}
	c := checker{env: env, issues: p.issues}
	t := c.infer(&root)
	if msg := mismatch(env.Want, t); msg != "" {
		c.add("$", ErrType, "type", "the expression gives "+msg)
	}
	return c.issues
}

type checker struct {
	env    *CheckEnv
	issues []Issue
}

func (c *checker) add(path string, kind error, code, msg string) {
	c.issues = append(c.issues, Issue{Path: path, Code: code, Message: msg, Err: kind})
}

// infer returns the static type of n and reports type errors in its arguments.
func (c *checker) infer(n *node) Type {
	if n.fn == fnLiteral {
		return literalType(n.lit)
	}
	s := n.fn.spec()
	types := make([]Type, len(n.args))
	for i := range n.args {
		types[i] = c.infer(&n.args[i])
		if n.args[i].fn == fnLiteral {
			continue // the parser checked literal arguments
		}
		if msg := mismatch(s.param(i), types[i]); msg != "" {
			c.add(n.args[i].path, ErrType, "type", n.fn.String()+" expects a "+s.param(i).String()+" here, but the argument gives "+msg)
		}
	}
	c.references(n)
	if n.fn == FuncIf {
		if len(types) == 4 && types[1] != types[3] {
			return TypeAny
		}
		if len(types) >= 2 {
			return types[1]
		}
	}
	return s.ret
}

// references checks component ids, data types and fields named by literals.
func (c *checker) references(n *node) {
	lit := func(i int) (string, bool) {
		if i >= len(n.args) || n.args[i].fn != fnLiteral || n.args[i].lit.kind != KindString {
			return "", false
		}
		return n.args[i].lit.str, true
	}
	switch n.fn {
	case FuncComponent, FuncDisplayValue, FuncLinkToComponent:
		i := 0
		if n.fn == FuncLinkToComponent {
			i = 1
		}
		if id, ok := lit(i); ok && c.env.Component != nil && !c.env.Component(id) {
			c.add(n.args[i].path, ErrNotFound, "unknown-component", "no component with id "+id)
		}
	case FuncDataModel:
		dt, hasType := lit(1)
		if hasType && c.env.DataType != nil && !c.env.DataType(dt) {
			c.add(n.args[1].path, ErrNotFound, "unknown-data-type", "no data type "+dt)
			return
		}
		path, ok := lit(0)
		if !ok {
			return
		}
		p, err := ParsePath(path)
		if err != nil {
			c.add(n.args[0].path, ErrInvalidArgument, "invalid-argument", err.(*Error).Msg)
			return
		}
		if c.env.Field != nil && !c.env.Field(dt, p) {
			c.add(n.args[0].path, ErrNotFound, "unknown-field", "no field "+path+" in the data model")
		}
	}
}

func literalType(v Value) Type {
	switch v.kind {
	case KindBool:
		return TypeBool
	case KindNumber:
		return TypeNumber
	case KindString:
		return TypeString
	}
	return TypeAny
}

// mismatch describes why a value of type got can never be used where want is
// expected, or returns "". Strings may hold numbers, booleans and dates, so
// they are accepted everywhere a scalar is.
func mismatch(want, got Type) string {
	if want == TypeAny || got == TypeAny || want == got {
		return ""
	}
	switch want {
	case TypeBool:
		if got == TypeNumber || got == TypeString {
			return ""
		}
	case TypeNumber, TypeDate:
		if got == TypeString {
			return ""
		}
	case TypeString:
		if got == TypeBool || got == TypeNumber || got == TypeDate {
			return ""
		}
	}
	return "a " + got.String()
}

func issueFrom(err error) Issue {
	var e *Error
	if !errors.As(err, &e) {
		return Issue{Path: "$", Code: "syntax", Message: err.Error(), Err: ErrSyntax}
	}
	code := "syntax"
	switch {
	case errors.Is(e, ErrUnknownFunction):
		code = "unknown-function"
	case errors.Is(e, ErrArity):
		code = "arity"
	case errors.Is(e, ErrType):
		code = "type"
	case errors.Is(e, ErrTooDeep):
		code = "too-deep"
	case errors.Is(e, ErrInvalidArgument):
		code = "invalid-argument"
	case errors.Is(e, ErrNotFound):
		code = "not-found"
	}
	return Issue{Path: e.Path, Code: code, Message: e.Msg, Err: e.Err}
}
