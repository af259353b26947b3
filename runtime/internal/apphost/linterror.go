// SPDX-License-Identifier: MIT

package apphost

import (
	"fmt"

	"github.com/blankett/blankett/appframework/lint"
)

// LintError is what Deploy and LoadDir return when lint finds errors in an app:
// it is ErrInvalidApp and carries the findings, so that the deploy API can hand
// them back one by one instead of as one block of text.
type LintError struct {
	// App is the app's id as lint read it.
	App string
	// Findings are the findings of severity error, in lint's order.
	Findings []lint.Finding
}

func newLintError(rep lint.Report) *LintError {
	e := &LintError{App: rep.App}
	for _, f := range rep.Findings {
		if f.Severity == lint.Error {
			e.Findings = append(e.Findings, f)
		}
	}
	return e
}

// Error lists the findings, capped as findings caps them.
func (e *LintError) Error() string {
	rep := lint.Report{App: e.App, Findings: e.Findings}
	return fmt.Sprintf("apphost: %s: lint found %d errors:\n%s: %v", e.App, len(e.Findings), findings(rep, lint.Error), ErrInvalidApp)
}

// Unwrap makes a LintError ErrInvalidApp.
func (e *LintError) Unwrap() error { return ErrInvalidApp }
