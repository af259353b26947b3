// SPDX-License-Identifier: MIT

package xmljson

import "errors"

// Sentinel errors of the package; returned errors wrap one of them.
var (
	// ErrSchema reports a JSON Schema the converter cannot work from, such
	// as one without a root element or with a $ref that points nowhere.
	ErrSchema = errors.New("xmljson: unusable schema")
	// ErrSyntax reports input that is not well-formed XML or JSON.
	ErrSyntax = errors.New("xmljson: malformed input")
	// ErrForbidden reports XML constructs refused for safety: a DTD,
	// entity declarations or other directives.
	ErrForbidden = errors.New("xmljson: forbidden construct")
	// ErrLimit reports input beyond a limit of Limits.
	ErrLimit = errors.New("xmljson: limit exceeded")
	// ErrRoot reports a document whose root element is not the model's.
	ErrRoot = errors.New("xmljson: wrong root element")
	// ErrShape reports a JSON value that cannot be written as XML under the
	// schema, such as an object where the schema has a string.
	ErrShape = errors.New("xmljson: value does not fit the schema")
)
