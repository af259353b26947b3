// SPDX-License-Identifier: MIT

package policy

// Effect is the outcome of a rule or a decision. The zero value is
// NotApplicable, so a forgotten Decision never reads as a Permit.
type Effect uint8

// Effects.
const (
	NotApplicable Effect = iota
	Permit
	Deny
)

// String returns the XACML name of the effect.
func (e Effect) String() string {
	switch e {
	case Permit:
		return "Permit"
	case Deny:
		return "Deny"
	}
	return "NotApplicable"
}

// Policy is a parsed policy.xml. It is read-only after Parse and safe for
// concurrent use.
type Policy struct {
	ID string
	// Combining is the rule-combining algorithm.
	Combining Combining
	// Target restricts the whole policy; empty matches every request.
	Target Target
	Rules  []Rule
	// Obligations are the policy's ObligationExpressions.
	Obligations []Obligation
	// Unbound is true when [ORG] or [APP] placeholders remain because Parse
	// was given no Options for them; such values never match a real request.
	Unbound bool
}

// Rule is one XACML Rule.
type Rule struct {
	ID          string
	Description string
	Effect      Effect
	Target      Target
	Obligations []Obligation
	// Line is where the rule starts in the file.
	Line int
}

// Target is a conjunction of AnyOf blocks; an empty Target matches anything.
type Target []AnyOf

// AnyOf is a disjunction of AllOf blocks.
type AnyOf []AllOf

// AllOf is a conjunction of matches.
type AllOf []Match

// Match compares one attribute of the request with a literal value.
type Match struct {
	// IgnoreCase is true for string-equal-ignore-case, false for string-equal.
	IgnoreCase bool
	Value      string
	Attribute  Attribute
}

// Attribute names a request attribute by category and id.
type Attribute struct {
	Category, ID string
}

// Obligation is an obligation expression with its assignments.
type Obligation struct {
	ID string
	// FulfillOn is the decision the obligation applies to.
	FulfillOn   Effect
	Assignments []Assignment
}

// Assignment is one attribute assignment of an obligation.
type Assignment struct {
	AttributeID, Category, Value string
}
