// SPDX-License-Identifier: MIT

package lint

import (
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
)

// expression type-checks one expression-valued property with expr.Check
// and collects the text keys its ["text", key] calls name. Properties that
// did not parse were reported by the loader; literals need no check.
func (l *linter) expression(env *expr.CheckEnv, want expr.Type, file, pointer string, e *component.Expr) {
	if e == nil || e.Parsed == nil || e.Parsed.IsLiteral() {
		return
	}
	l.textCalls(file, pointer, e.Parsed)
	c := *env
	c.Want = want
	for _, is := range expr.Check(e.Raw, &c) {
		l.add(exprSeverity(is.Code), "expr-"+is.Code, file, pointer+exprPointer(is.Path), "%s", is.Message)
	}
}

// exprSeverity ranks expr.Check codes: references to things that do not
// exist give null at runtime rather than failing, so they are warnings.
func exprSeverity(code string) Severity {
	switch code {
	case "unknown-component", "unknown-field":
		return Warning
	}
	return Error
}

// textCalls records the literal keys of ["text", key] calls as text
// references.
func (l *linter) textCalls(file, pointer string, x *expr.Expr) {
	x.Walk(func(f expr.Func, path string, args []expr.Value) {
		if f == expr.FuncText && len(args) == 1 && args[0].Kind() == expr.KindString {
			l.textRefs = append(l.textRefs, textRef{key: args[0].AsString(), file: file, pointer: pointer + exprPointer(path) + "/1", sure: true})
		}
	})
}
