// SPDX-License-Identifier: MIT

package xmljson

import (
	"fmt"
	"strconv"
	"strings"
)

// Mismatch codes: where an instance does not fit the schema's structure.
// They double as the codes of validation issues.
const (
	CodeUnknownElement   = "unknownElement"   // an element the type does not declare
	CodeUnknownAttribute = "unknownAttribute" // an attribute the type does not declare
	CodeUnknownProperty  = "unknownProperty"  // a JSON property the type does not declare
	CodeOrder            = "elementOrder"     // an element before one it must follow
	CodeRepeated         = "notRepeatable"    // a second occurrence of a single element
	CodeNamespace        = "namespace"        // an element or attribute in the wrong namespace
	CodeText             = "textNotAllowed"   // text in element-only content
	CodeChildren         = "elementsNotAllowed"
	CodeNotNillable      = "notNillable" // xsi:nil on an element that is not nillable
	CodeNilContent       = "nilNotEmpty" // xsi:nil on an element with content
	CodeChoice           = "choice"      // content from more than one branch of a choice
	CodeShape            = "shape"       // a JSON value of the wrong kind (object for a string…)
	CodeRequired         = "required"    // a required attribute missing on an xsi:nil element
	CodeSequence         = "sequence"    // a repeating sequence's elements do not form whole passes
)

// Mismatch is one place where an instance does not fit the schema's
// structure. Pointer is the JSON pointer (without the root element) of the
// value concerned; Line is the XML line (0 for JSON input).
type Mismatch struct {
	Pointer string
	Line    int
	Code    string
	// Name is the element, attribute or property concerned, with its
	// namespace in braces when it has one.
	Name string
	// Want is what was expected (a namespace, an element name), if any.
	Want string
}

// Error describes the mismatch in English, for logs.
func (m Mismatch) Error() string {
	var b strings.Builder
	b.WriteString("xmljson: ")
	if m.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", m.Line)
	}
	if m.Pointer != "" {
		fmt.Fprintf(&b, "%s: ", m.Pointer)
	}
	b.WriteString(m.Code)
	if m.Name != "" {
		fmt.Fprintf(&b, " %q", m.Name)
	}
	if m.Want != "" {
		fmt.Fprintf(&b, " (want %s)", m.Want)
	}
	return b.String()
}

// pointer builds JSON pointers from path tokens.
func pointer(toks []string) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteByte('/')
		b.WriteString(escape(t))
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// choiceConflict returns the first member of present that sits in another
// branch of a choice than an earlier present member, or nil.
func choiceConflict(present []*Member) *Member {
	var seen map[int]int
	for _, m := range present {
		for _, cb := range m.Choices {
			if seen == nil {
				seen = map[int]int{}
			}
			if b, ok := seen[cb.Choice]; ok && b != cb.Branch {
				return m
			}
			seen[cb.Choice] = cb.Branch
		}
	}
	return nil
}
