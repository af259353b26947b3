// SPDX-License-Identifier: MIT

package xsd

// Element is an element declaration, global or local, or an element reference
// (Ref set). At most one of SimpleType and ComplexType is set; Type is normally
// absent beside them, but the reader tolerates both with a warning as .NET does.
type Element struct {
	Common
	Occurs
	Global            bool
	Name              string
	Ref               QName
	Type              QName
	SimpleType        *SimpleType
	ComplexType       *ComplexType
	Nillable          bool
	Default, Fixed    *string
	Form              string
	Abstract          bool
	Block, Final      string
	SubstitutionGroup QName
	// Constraints are the identity constraints (key, keyref, unique).
	Constraints []*IdentityConstraint
}

// IdentityConstraint is an xs:key, xs:keyref or xs:unique.
type IdentityConstraint struct {
	Common
	Kind     string // "key", "keyref" or "unique"
	Name     string
	Refer    QName
	Selector string
	Fields   []string
}

// Particle is a member of a content model: *Element, *ModelGroup, *GroupRef or *Any.
type Particle interface {
	Position() Pos
	occurs() Occurs
}

func (e *Element) occurs() Occurs    { return e.Occurs }
func (g *ModelGroup) occurs() Occurs { return g.Occurs }
func (g *GroupRef) occurs() Occurs   { return g.Occurs }
func (a *Any) occurs() Occurs        { return a.Occurs }

// Compositor says how a model group combines its particles.
type Compositor string

// The three compositors.
const (
	Sequence Compositor = "sequence"
	Choice   Compositor = "choice"
	All      Compositor = "all"
)

// ModelGroup is an xs:sequence, xs:choice or xs:all.
type ModelGroup struct {
	Common
	Occurs
	Kind      Compositor
	Particles []Particle
}

// GroupRef is a reference to a named model group.
type GroupRef struct {
	Common
	Occurs
	Ref QName
}

// Any is an xs:any wildcard.
type Any struct {
	Common
	Occurs
	Namespace       string
	ProcessContents string
}

// Group is a named model group definition.
type Group struct {
	Common
	Name     string
	Particle *ModelGroup
}

// ComplexType is a complex type definition, named or anonymous. It has either
// a Content (simpleContent or complexContent) or a Particle plus attributes.
type ComplexType struct {
	Common
	Name         string
	Mixed        bool
	Abstract     bool
	Block, Final string
	Content      *Content
	Particle     Particle // *ModelGroup or *GroupRef; nil when empty
	Attributes   []AttributeUse
	AnyAttribute *AnyAttribute
}

// Derivation is extension or restriction.
type Derivation string

// The two derivation methods.
const (
	Extension   Derivation = "extension"
	Restriction Derivation = "restriction"
)

// Content is an xs:simpleContent (Simple) or xs:complexContent with its one
// derivation. The Common of Content is the simpleContent/complexContent element;
// Derived carries the extension/restriction element.
type Content struct {
	Common
	Simple  bool
	Mixed   *bool
	Derived *Derived
}

// Derived is the extension or restriction inside simple or complex content.
// SimpleType and Facets occur only in simpleContent restrictions; Particle
// only in complexContent.
type Derived struct {
	Common
	Kind         Derivation
	Base         QName
	SimpleType   *SimpleType
	Facets       []*Facet
	Particle     Particle
	Attributes   []AttributeUse
	AnyAttribute *AnyAttribute
}

// AttributeUse is a member of an attribute list: *Attribute or *AttributeGroupRef.
type AttributeUse interface {
	Position() Pos
	attributeUse()
}

func (*Attribute) attributeUse()         {}
func (*AttributeGroupRef) attributeUse() {}

// Attribute is an attribute declaration, global or local, or a reference (Ref set).
type Attribute struct {
	Common
	Global         bool
	Name           string
	Ref            QName
	Type           QName
	SimpleType     *SimpleType
	Use            string // "optional", "required", "prohibited" or "" when absent
	Default, Fixed *string
	Form           string
}

// AttributeGroup is a named attribute group definition.
type AttributeGroup struct {
	Common
	Name         string
	Attributes   []AttributeUse
	AnyAttribute *AnyAttribute
}

// AttributeGroupRef is a reference to a named attribute group.
type AttributeGroupRef struct {
	Common
	Ref QName
}

// AnyAttribute is an xs:anyAttribute wildcard. Namespace and ProcessContents
// are as written, empty when absent.
type AnyAttribute struct {
	Common
	Namespace       string
	ProcessContents string
}

// SimpleType is a simple type definition, named or anonymous, with exactly one
// of Restriction, List and Union.
type SimpleType struct {
	Common
	Name        string
	Final       string
	Restriction *SimpleRestriction
	List        *List
	Union       *Union
}

// SimpleRestriction is the restriction of a simple type: a base (named or
// inline) and facets in document order.
type SimpleRestriction struct {
	Common
	Base       QName
	SimpleType *SimpleType
	Facets     []*Facet
}

// Facet is one constraining facet. Kind is the XSD element name, such as
// "maxLength" or "enumeration"; Value is as written.
type Facet struct {
	Common
	Kind  string
	Value string
	Fixed bool
}

// List is an xs:list of a named or inline item type.
type List struct {
	Common
	ItemType   QName
	SimpleType *SimpleType
}

// Union is an xs:union of member types.
type Union struct {
	Common
	MemberTypes []QName
	SimpleTypes []*SimpleType
}
