// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error Convert returns wraps one of them inside an
// *Error that names the JSON pointer and the construct.
var (
	// ErrInvalid reports input that is not a JSON Schema object, or one that
	// breaks its own rules, such as a $ref to a missing $def.
	ErrInvalid = errors.New("jsonxsd: invalid schema")
	// ErrIncompatible reports a schema that Altinn's validator refuses too:
	// properties beside oneOf/allOf at the root, an object without
	// properties, a $ref that does not resolve.
	ErrIncompatible = errors.New("jsonxsd: schema is not compatible with XSD")
	// ErrUnsupported reports a valid JSON Schema construct that has no XSD
	// form, such as multipleOf 0.5 or a property name that is not an XML name.
	ErrUnsupported = errors.New("jsonxsd: unsupported construct")
	// ErrLimit reports input beyond the size or depth limits.
	ErrLimit = errors.New("jsonxsd: resource limit exceeded")
)

// Error is a conversion problem at a place in the JSON Schema. Pointer is a
// JSON pointer fragment such as "#/$defs/Adresse/properties/postnr".
type Error struct {
	Pointer   string
	Construct string
	Msg       string
	Err       error
}

// Error formats the problem as "jsonxsd: pointer: construct: message".
func (e *Error) Error() string {
	if e.Construct == "" {
		return fmt.Sprintf("jsonxsd: %s: %s", e.Pointer, e.Msg)
	}
	return fmt.Sprintf("jsonxsd: %s: %s: %s", e.Pointer, e.Construct, e.Msg)
}

// Unwrap returns the sentinel the problem belongs to.
func (e *Error) Unwrap() error { return e.Err }

func failAt(ptr, construct string, kind error, format string, args ...any) error {
	if ptr == "" {
		ptr = "#"
	}
	return &Error{Pointer: ptr, Construct: construct, Msg: fmt.Sprintf(format, args...), Err: kind}
}

// child appends one escaped reference token to a JSON pointer.
func child(ptr string, tok ...any) string {
	if ptr == "" {
		ptr = "#"
	}
	var sb strings.Builder
	sb.WriteString(ptr)
	for _, t := range tok {
		sb.WriteByte('/')
		switch v := t.(type) {
		case string:
			sb.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(v))
		default:
			fmt.Fprint(&sb, v)
		}
	}
	return sb.String()
}
