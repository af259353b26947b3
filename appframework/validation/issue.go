// SPDX-License-Identifier: MIT

package validation

// Severity is an issue's severity, with Altinn's numeric values (the app API sends
// the number).
type Severity int

// The severities. Only Error blocks process/next.
const (
	Error         Severity = 1
	Warning       Severity = 2
	Informational Severity = 3
	Success       Severity = 5
)

// ParseSeverity reads a validation.json severity; "" and unknown words are Error,
// the safe choice.
func ParseSeverity(s string) Severity {
	switch s {
	case "warning":
		return Warning
	case "info", "informational":
		return Informational
	case "success":
		return Success
	}
	return Error
}

// String returns the severity's validation.json word.
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Informational:
		return "info"
	case Success:
		return "success"
	}
	return "error"
}

// Sources of issues, as Altinn names them in ValidationIssueWithSource.source.
const (
	SourceRequired   = "Required"
	SourceExpression = "Expression"
	SourceDataType   = "DataType"
	SourceSchema     = "Schema"
)

// Stable issue codes of the built-in checks.
const (
	CodeRequired            = "required"
	CodeTooFewElements      = "TooFewDataElementsOfType"
	CodeTooManyElements     = "TooManyDataElementsOfType"
	CodeContentTypeRejected = "ContentTypeNotAllowed"
	CodeElementTooLarge     = "DataElementTooLarge"
	CodeExpression          = "expression"
)

// Issue is one validation finding in the shape of Altinn's ValidationIssueWithSource.
type Issue struct {
	Severity Severity `json:"severity"`
	// DataType is the data type of Field ("" for element-level issues).
	DataType string `json:"-"`
	// DataElementID is set by the caller, which knows which element holds DataType.
	DataElementID string `json:"dataElementId,omitempty"`
	// Field is the indexed data model path, e.g. Skjema.Rader[1].Navn.
	Field string `json:"field,omitempty"`
	// ComponentID is the component the issue belongs to, when there is one.
	ComponentID string `json:"-"`
	Code        string `json:"code"`
	// Description is the message, resolved in the requested language.
	Description string `json:"description"`
	Source      string `json:"source"`
	// CustomTextKey is the text key the message came from, if any.
	CustomTextKey string `json:"customTextKey,omitempty"`
}

// Blocking reports whether any issue has severity Error.
func Blocking(issues []Issue) bool {
	for _, i := range issues {
		if i.Severity == Error {
			return true
		}
	}
	return false
}
