// SPDX-License-Identifier: MIT

package xmljson

import "github.com/blankett/blankett/datamodels/jsonobj"

// Unbounded is the MaxItems of an array without an upper bound.
const Unbounded = -1

// RowIDName is the attribute (XML) and property (JSON) that carries the
// stable identity of an item of a repeating group, as Altinn's generated C#
// models write it. It is kept on every item of an array of complex type even
// when the schema does not declare it.
const RowIDName = "altinnRowId"

// Kind says what content an element of a Type has.
type Kind uint8

// The kinds of type.
const (
	// Complex types have attributes, child elements and/or a text value
	// (simple content); in JSON they are objects.
	Complex Kind = iota
	// Simple types are text only; in JSON a string, number or boolean, or
	// an array of those for an xs:list.
	Simple
	// Any is xs:anyType: content converted without a schema (text becomes a
	// string, child elements and attributes properties).
	Any
)

// Scalar is the JSON type a simple value is carried as.
type Scalar uint8

// The scalar types.
const (
	String Scalar = iota
	Integer
	Number
	Boolean
)

// Model is a data model compiled for instance conversion: the root element and
// a graph of types (shared types are one node, so recursive types are fine).
// A Model is immutable and safe for concurrent use.
type Model struct {
	// Root is the root element.
	Root *Member
	// TargetNamespace is the schema's target namespace, or "".
	TargetNamespace string
	// Prefix is the prefix written for TargetNamespace when one is needed.
	Prefix string
	// Doc is the schema document the model was compiled from.
	Doc *jsonobj.Object

	qualElem bool // local elements are in TargetNamespace
	types    int
	choices  int
	groups   int
	nested   map[int]bool // repeating sequences holding another one
}

// Type is the content model of elements: its members in schema order.
type Type struct {
	Kind Kind
	// Scalar is the JSON type of a simple value (Simple, or the text member
	// of a Complex type).
	Scalar Scalar
	// XSDType is the XSD built-in the value derives from ("int", "date"),
	// when the schema says.
	XSDType string
	// List marks an xs:list: a JSON array, one space-separated text in XML.
	List bool
	// Members are the attributes, the text value and the child elements, in
	// the order the schema declares them.
	Members []*Member
	// AnyAttribute and AnyElement mark xs:anyAttribute and xs:any wildcards.
	AnyAttribute, AnyElement bool
	// Pointer is the JSON pointer of the schema the type was compiled from.
	Pointer string
	// Schema is that schema.
	Schema *jsonobj.Object

	text    *Member
	choices bool               // some member sits in a choice
	byName  map[string]*Member // JSON names
	elems   map[string]*Member // element local names
	attrs   map[string]*Member // attribute local names
}

// Member is an attribute, the text value or a child element of a Type.
type Member struct {
	// Name is the JSON property name, which is the local XML name.
	Name string
	// Namespace is the XML namespace of the element or attribute, "" when
	// unqualified.
	Namespace string
	// Attribute, Text: how the member appears in XML.
	Attribute, Text bool
	// Array marks a repeating element: a JSON array of its occurrences.
	Array bool
	// Nillable elements may be xsi:nil; they are null in JSON.
	Nillable bool
	// Required is true when the member must always be present (a required
	// attribute, or an element with minOccurs > 0 outside any choice).
	Required bool
	// MinItems and MaxItems bound the occurrences of an Array member.
	MinItems, MaxItems int
	// PassMin and PassMax bound the occurrences of a member of a repeating
	// sequence in one pass through it (Unbounded: no limit).
	PassMin, PassMax int
	// Fixed is the fixed value (JSON Schema const), as JSON decoded it.
	Fixed any
	// Type is the member's content.
	Type *Type
	// Pointer is the JSON pointer of the property schema; Schema the schema
	// of one value (the items schema of an array).
	Pointer string
	Schema  *jsonobj.Object
	// Choices lists the xs:choice branches the member sits in, outermost
	// first.
	Choices []ChoiceBranch

	index int  // position among the type's members
	seq   int  // order position; members of one xs:all share it
	all   bool // member of an xs:all: order free
	group int  // repeating sequence (its items are interleaved), or 0
}

// ChoiceBranch places a member in branch Branch of choice Choice (numbered
// per model).
type ChoiceBranch struct{ Choice, Branch int }

// Member returns the member named name, or nil.
func (t *Type) Member(name string) *Member { return t.byName[name] }

// Text returns the text member of a Complex type with simple content, or nil.
func (t *Type) Text() *Member { return t.text }
