// SPDX-License-Identifier: MIT

package metadata

import "errors"

// Errors of the package.
var (
	// ErrInvalid reports a schema the field tree cannot be built from, such as
	// a $ref that points nowhere.
	ErrInvalid = errors.New("metadata: invalid schema")
	// ErrTooLarge reports a schema whose field tree exceeds MaxFields.
	ErrTooLarge = errors.New("metadata: too many fields")
)

// MaxFields caps the size of a field tree; shared types expand once per use,
// so a small schema can describe a very large tree.
const MaxFields = 200_000

// Unbounded is the MaxOccurs of a field that may repeat without limit.
const Unbounded = -1

// Kind says how a field appears in XML.
type Kind string

// The kinds of field.
const (
	Group     Kind = "Group"     // an element with child elements or attributes
	Field     Kind = "Field"     // an element with a simple value, or a text value
	Attribute Kind = "Attribute" // an XML attribute
)

// Model is the field tree of one data model.
type Model struct {
	// Root is the name of the root element.
	Root string
	// Fields are the root element's children.
	Fields []*FieldInfo
}

// FieldInfo is one node of the tree.
type FieldInfo struct {
	Name string
	// Path is the binding path without the root element, e.g. "a.b.c".
	Path string
	// XPath is the XML path from the root, attributes as "@name".
	XPath string
	// Pointer is the JSON pointer of the property in the schema document.
	Pointer string
	Kind    Kind
	// Type is the JSON type of the value ("string", "integer", "number",
	// "boolean", "array" for xs:list, "object" for groups).
	Type string
	// XsdType is the XSD built-in type behind the value, when known.
	XsdType   string
	Format    string
	MinOccurs int
	MaxOccurs int
	// Repeating is true for arrays: repeating groups and repeated fields.
	Repeating bool
	Nillable  bool
	// Text marks the text value of an element with simple content (@xsdText).
	Text bool
	// Fixed is the fixed value (JSON Schema const), if any.
	Fixed any
	// Restrictions are the validation keywords on the value, keyed by their
	// JSON Schema name (maxLength, pattern, enum, minimum, totalDigits, …).
	Restrictions map[string]any
	// Recursive is true when the field's type contains itself; its children
	// are then not expanded.
	Recursive bool
	Children  []*FieldInfo
}

// Walk calls fn for every field, depth first, parents before children.
func (m *Model) Walk(fn func(*FieldInfo)) {
	var walk func([]*FieldInfo)
	walk = func(fs []*FieldInfo) {
		for _, f := range fs {
			fn(f)
			walk(f.Children)
		}
	}
	walk(m.Fields)
}

// Lookup returns the field with the given binding path, or nil.
func (m *Model) Lookup(path string) *FieldInfo {
	var found *FieldInfo
	m.Walk(func(f *FieldInfo) {
		if found == nil && f.Path == path {
			found = f
		}
	})
	return found
}
