// SPDX-License-Identifier: MIT

package xsd

import "fmt"

// Namespace URIs the reader knows by heart.
const (
	NamespaceXSD = "http://www.w3.org/2001/XMLSchema"
	NamespaceXSI = "http://www.w3.org/2001/XMLSchema-instance"
	NamespaceXML = "http://www.w3.org/XML/1998/namespace"
)

// Pos is a place in a schema file; Line and Col count from 1.
type Pos struct {
	File      string
	Line, Col int
}

// String formats the position as file:line:col.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// QName is a resolved qualified name. Space is the namespace URI; Prefix is the
// prefix as written, kept so that messages and round trips can show it.
type QName struct {
	Space, Local, Prefix string
}

// IsZero reports whether the name is absent.
func (q QName) IsZero() bool { return q.Local == "" }

// Key returns the name without its prefix, for lookups.
func (q QName) Key() QName { return QName{Space: q.Space, Local: q.Local} }

// String formats the name as written, or as {space}local when it had no prefix
// but a namespace.
func (q QName) String() string {
	switch {
	case q.Prefix != "":
		return q.Prefix + ":" + q.Local
	case q.Space != "":
		return "{" + q.Space + "}" + q.Local
	}
	return q.Local
}

// IsBuiltin reports whether the name is in the XML Schema namespace.
func (q QName) IsBuiltin() bool { return q.Space == NamespaceXSD }

// NamespaceDecl is one xmlns declaration; Prefix is empty for the default namespace.
type NamespaceDecl struct {
	Prefix, URI string
}

// Attr is an attribute as written. Foreign (non-XSD) attributes on schema
// components, such as seres:guid, are kept as Attrs.
type Attr struct {
	Name  QName
	Value string
}

// Common holds what every schema component may carry besides its own content.
type Common struct {
	Pos
	ID         string
	Annotation *Annotation
	// Foreign are attributes from other namespaces, in document order.
	Foreign []Attr
}

// Occurs holds minOccurs and maxOccurs. Max is Unbounded for "unbounded".
// MinRaw and MaxRaw are the attribute values as written, empty when absent.
type Occurs struct {
	Min, Max       int
	MinRaw, MaxRaw string
}

// Unbounded is the Occurs.Max of maxOccurs="unbounded".
const Unbounded = -1

// Repeats reports whether the particle may occur more than once.
func (o Occurs) Repeats() bool { return o.Max == Unbounded || o.Max > 1 }

// Schema is one schema document.
type Schema struct {
	Common
	File                 string
	TargetNamespace      string
	HasTargetNamespace   bool
	ElementFormDefault   string
	AttributeFormDefault string
	BlockDefault         string
	FinalDefault         string
	Version              string
	// Namespaces are the xmlns declarations on the schema element, in order.
	Namespaces []NamespaceDecl
	// Items are the top-level children in document order: *Annotation,
	// *Include, *Import, *Element, *Attribute, *ComplexType, *SimpleType,
	// *Group and *AttributeGroup.
	Items []Item
	// Warnings are rule violations the reader tolerated, as .NET does.
	Warnings []*Error
}

// Item is a top-level child of a schema.
type Item interface {
	Position() Pos
}

// Position returns where the component starts.
func (c *Common) Position() Pos { return c.Pos }

// Include is an xs:include; Schema is the included document once loaded.
type Include struct {
	Common
	SchemaLocation string
	Schema         *Schema
}

// Import is an xs:import; Schema is the imported document once loaded, nil when
// it had no schemaLocation.
type Import struct {
	Common
	Namespace      string
	SchemaLocation string
	Schema         *Schema
}
