// SPDX-License-Identifier: MIT

package render

import "errors"

// Errors of the package; each is wrapped with details.
var (
	// ErrInput reports a PageInput or SummaryInput that cannot be rendered:
	// no app, an unknown layout set, page or task.
	ErrInput = errors.New("render: invalid input")
	// ErrFieldName reports a form field name ParseFieldName cannot read.
	ErrFieldName = errors.New("render: invalid field name")
	// ErrAction reports an _action value ParseAction cannot read.
	ErrAction = errors.New("render: invalid action")
)
