// SPDX-License-Identifier: MIT

package lint

import (
	"errors"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
)

// loadCodes turn the message of an app.ErrInvalid load error into a code.
// The loader's messages are its own, tested wording; a message not listed
// here is reported as "invalid".
var loadCodes = []struct{ contains, code string }{
	{"duplicate component id", "duplicate-id"},
	{"duplicate layout set id", "duplicate-id"},
	{"is also /dataTypes/", "duplicate-id"},
	{"has no group binding", "binding-missing"},
	{"no validation definition", "validation-ref-unknown"},
	{"has no folder", "layout-set-folder-missing"},
	{"without id", "id-missing"},
}

// loadError reports one error of app.Load. Errors in expressions are
// checked again with expr.Check for a precise code and pointer.
func (l *linter) loadError(e *app.Error) {
	f := Finding{Severity: Error, File: e.File, Pointer: e.Pointer, Line: e.Line, Message: e.Err.Error()}
	msg := e.Err.Error()
	switch {
	case errors.Is(e, app.ErrSyntax):
		f.Code = "json-syntax"
	case errors.Is(e, app.ErrCycle) && strings.HasSuffix(e.File, ".validation.json"):
		f.Code = "validation-ref-cycle"
	case errors.Is(e, app.ErrCycle):
		f.Code = "child-cycle"
	case errors.Is(e, app.ErrModel):
		f.Code = "model-invalid"
	case errors.Is(e, app.ErrTooLarge):
		f.Code = "too-large"
	case errors.Is(e, app.ErrInvalid):
		if strings.Contains(msg, "expr: ") && l.exprAt(Error, e.File, e.Pointer) {
			return
		}
		f.Code = "invalid"
		for _, c := range loadCodes {
			if strings.Contains(msg, c.contains) {
				f.Code = c.code
				break
			}
		}
	default:
		f.Code = "read-error"
	}
	if f.File == "" {
		f.File = l.metaFile
	}
	l.out = append(l.out, f)
}

// loaderIssue reports one of App.Issues, refining invalid-expression like
// loadError does.
func (l *linter) loaderIssue(is app.Issue) {
	sev := Severity(is.Severity)
	if sev.Rank() == 0 {
		sev = Warning
	}
	if is.Code == "invalid-expression" && l.exprAt(sev, is.File, is.Pointer) {
		return
	}
	l.out = append(l.out, Finding{Severity: sev, Code: is.Code, File: is.File, Pointer: is.Pointer, Message: is.Message})
}

// exprAt runs expr.Check on the value at pointer in file and reports its
// issues with severity sev; it reports whether there were any.
func (l *linter) exprAt(sev Severity, file, pointer string) bool {
	raw, ok := l.raw.at(file, pointer)
	if !ok {
		return false
	}
	issues := expr.Check(raw, nil)
	for _, is := range issues {
		l.out = append(l.out, Finding{Severity: sev, Code: "expr-" + is.Code, File: file,
			Pointer: pointer + exprPointer(is.Path), Message: is.Message})
	}
	return len(issues) > 0
}
