// SPDX-License-Identifier: MIT

package instances

import (
	"errors"
	"fmt"

	"github.com/blankett/blankett/appframework/validation"
)

// Sentinel errors; each maps to one HTTP status at the edge.
var (
	// ErrNotFound: no such app, instance or data element (404).
	ErrNotFound = errors.New("instances: not found")
	// ErrInvalid: the request cannot be used as sent (400).
	ErrInvalid = errors.New("instances: invalid request")
	// ErrConflict: the instance's state does not allow the change, or it changed
	// underneath the caller (409).
	ErrConflict = errors.New("instances: conflict")
	// ErrTooLarge: the content passed the data type's maximum size (413).
	ErrTooLarge = errors.New("instances: content too large")
	// ErrUnsupportedMediaType: the content type is not accepted (415).
	ErrUnsupportedMediaType = errors.New("instances: unsupported content type")
	// ErrForbidden: a rule of the app's metadata refuses the caller or party
	// (partyTypesAllowed, allowedContributors, substatus by another org) (403).
	ErrForbidden = errors.New("instances: forbidden")
	// ErrUnprocessable: a JSON Patch that is malformed or does not fit the model (422).
	ErrUnprocessable = errors.New("instances: unprocessable")
	// ErrAppLogic is the app's own logic failing on the instance's data (a
	// gateway where no flow, or more than one, holds): 500, as Altinn answers,
	// but with a detail the app's owner can act on.
	ErrAppLogic = errors.New("instances: the app's logic failed")
)

// Stable problem codes; they double as translation keys.
const (
	CodeAppNotFound          = "app_not_found"
	CodeInstanceNotFound     = "instance_not_found"
	CodeDataNotFound         = "data_element_not_found"
	CodeDataTypeUnknown      = "data_type_unknown"
	CodeDeserializeXML       = "deserialize_xml_failed"
	CodeDeserializeJSON      = "deserialize_json_failed"
	CodeUnsupportedType      = "unsupported_content_type"
	CodeContentTypeRejected  = "content_type_not_allowed"
	CodeTooLarge             = "data_element_too_large"
	CodeEmpty                = "data_element_empty"
	CodeMissingFilename      = "missing_filename"
	CodeTooMany              = "too_many_data_elements"
	CodeUserCreateDisallowed = "user_create_not_allowed"
	CodeUserDeleteDisallowed = "user_delete_not_allowed"
	CodeLocked               = "data_element_locked"
	CodeNotActive            = "instance_not_active"
	CodeProcessEnded         = "process_ended"
	CodeProcessNotStarted    = "process_not_started"
	CodeActionNotAllowed     = "action_not_allowed"
	CodeConcurrent           = "concurrent_change"
	CodeIdempotency          = "idempotency_key_reused"
	CodeGatewayFailed        = "gateway_failed"
	CodeValidationFailed     = "validation_failed"
	CodeNoProcess            = "app_has_no_process"
	CodePartyTypeNotAllowed  = "party_type_not_allowed"
	CodePartyNotFound        = "party_not_found"
	CodeContributorRejected  = "contributor_not_allowed"
	CodePatchTestFailed      = "patch_test_failed"
	CodePatchInvalid         = "patch_invalid"
	CodeNotFormData          = "not_form_data"
	CodePrefillInvalid       = "prefill_invalid"
	CodeMultipartInvalid     = "multipart_invalid"
	CodeProcessStarted       = "process_already_started"
	CodeStartEventUnknown    = "start_event_unknown"
	CodeProcessLoop          = "process_loop"
	CodeSubstatusInvalid     = "substatus_invalid"
	CodeNotInstanceOrg       = "not_instance_org"
	CodePDFPending           = "pdf_pending"
	CodeInstanceChanged      = "instance_changed"
	CodeBodyIncomplete       = "request_body_incomplete"
	CodeFileNameFormat       = "invalid_file_name_format"
)

// InstanceChangedDetail explains a 412 CodeInstanceChanged: the If-Match of a
// complete confirmation no longer holds.
const InstanceChangedDetail = "The instance changed since you read it (If-Match): read it again, fetch what is new, then confirm."

// PDFRetryAfter is the Retry-After, in seconds, of a CodePDFPending answer: a
// receipt prints in a second or two.
const PDFRetryAfter = "5"

// Error is a failure the caller can act on: Kind is one of the sentinels, Code a
// stable code, Title Altinn's title where clients key on it, Detail words safe to
// show.
type Error struct {
	Kind                error
	Code, Title, Detail string
}

// Error implements error.
func (e *Error) Error() string { return fmt.Sprintf("%v: %s: %s", e.Kind, e.Code, e.Detail) }

// Unwrap returns Kind, so errors.Is(err, ErrConflict) works.
func (e *Error) Unwrap() error { return e.Kind }

func fail(kind error, code, format string, a ...any) *Error {
	return &Error{Kind: kind, Code: code, Detail: fmt.Sprintf(format, a...)}
}

// ValidationError is the 409 of process/next while the task has errors.
type ValidationError struct {
	TaskID string
	Issues []validation.Issue
}

// Error implements error with Altinn's detail text.
func (e *ValidationError) Error() string {
	n := 0
	for _, is := range e.Issues {
		if is.Severity == validation.Error {
			n++
		}
	}
	return fmt.Sprintf("%d validation errors found for task %s", n, e.TaskID)
}

// Unwrap makes a ValidationError an ErrConflict.
func (e *ValidationError) Unwrap() error { return ErrConflict }
