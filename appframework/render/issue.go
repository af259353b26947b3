// SPDX-License-Identifier: MIT

package render

// Severity is how serious an Issue is.
type Severity string

// The severities, as Altinn's validation issues name them.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
	SeveritySuccess Severity = "success"
)

// Issue is one validation message, as the validation engine produces it.
// It is shown beside the component bound to Field, or the component
// ComponentID; errors are also listed in the page's error summary.
type Issue struct {
	Severity Severity
	// Field is the indexed binding path in FieldName form
	// ("Skjema.Person[1].Navn", "dataType:path" for another data type).
	Field string
	// ComponentID is a component id, with Altinn's row suffix inside
	// repeating groups ("navn-1" for row 1), for issues without a field.
	ComponentID string
	// Message is a text resource key or literal text; when empty the
	// built-in message for Code is used.
	Message string
	// Code is a stable code such as "required" or "pattern".
	Code string
}

// color is the Designsystemet data-color of the severity.
func (s Severity) color() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityInfo:
		return "info"
	case SeveritySuccess:
		return "success"
	}
	return "danger"
}
