// SPDX-License-Identifier: MIT

package policy

import (
	"strconv"
	"strings"
)

func (p *parser) target(n *node) (Target, error) {
	var t Target
	for _, a := range n.Kids {
		if a.Local != "AnyOf" {
			return nil, posError(ErrUnsupported, a.Line, a.Col, "element %s in Target", a.Local)
		}
		var dis AnyOf
		for _, all := range a.Kids {
			if all.Local != "AllOf" {
				return nil, posError(ErrUnsupported, all.Line, all.Col, "element %s in AnyOf", all.Local)
			}
			var conj AllOf
			for _, m := range all.Kids {
				match, err := p.match(m)
				if err != nil {
					return nil, err
				}
				conj = append(conj, match)
			}
			if len(conj) == 0 {
				return nil, posError(ErrMalformed, all.Line, all.Col, "empty AllOf")
			}
			dis = append(dis, conj)
		}
		if len(dis) == 0 {
			return nil, posError(ErrMalformed, a.Line, a.Col, "empty AnyOf")
		}
		t = append(t, dis)
	}
	return t, nil
}

func (p *parser) match(n *node) (Match, error) {
	var m Match
	if n.Local != "Match" {
		return m, posError(ErrUnsupported, n.Line, n.Col, "element %s in AllOf", n.Local)
	}
	switch fn := n.AttrValue("MatchId"); fn {
	case fnStringEqual:
	case fnStringEqualIgnoreCase:
		m.IgnoreCase = true
	default:
		return m, posError(ErrUnsupported, n.Line, n.Col, "match function %q", fn)
	}
	val, des := n.Child("AttributeValue"), n.Child("AttributeDesignator")
	if sel := n.Child("AttributeSelector"); sel != nil {
		return m, posError(ErrUnsupported, sel.Line, sel.Col, "AttributeSelector")
	}
	if val == nil || des == nil || len(n.Kids) != 2 {
		return m, posError(ErrMalformed, n.Line, n.Col, "Match needs one AttributeValue and one AttributeDesignator")
	}
	if dt := val.AttrValue("DataType"); dt != typeString {
		return m, posError(ErrUnsupported, val.Line, val.Col, "AttributeValue of DataType %q; only strings are supported", dt)
	}
	if dt := des.AttrValue("DataType"); dt != "" && dt != typeString {
		return m, posError(ErrUnsupported, des.Line, des.Col, "AttributeDesignator of DataType %q; only strings are supported", dt)
	}
	if des.AttrValue("Issuer") != "" {
		return m, posError(ErrUnsupported, des.Line, des.Col, "AttributeDesignator with an Issuer")
	}
	m.Attribute = Attribute{Category: des.AttrValue("Category"), ID: des.AttrValue("AttributeId")}
	// A designator that must be present makes a missing attribute
	// Indeterminate, which the deny-biased algorithms turn into a denial; the
	// evaluator only knows match or no match, so it could permit instead.
	switch mbp := des.AttrValue("MustBePresent"); strings.TrimSpace(mbp) {
	case "", "false", "0":
	case "true", "1":
		return m, posError(ErrUnsupported, des.Line, des.Col, "MustBePresent=%q on attribute %s; only optional attributes are supported", mbp, m.Attribute.ID)
	default:
		return m, posError(ErrMalformed, des.Line, des.Col, "MustBePresent=%q on attribute %s is not a boolean", mbp, m.Attribute.ID)
	}
	if _, ok := attributes[m.Attribute]; !ok {
		return m, posError(ErrUnknownAttribute, des.Line, des.Col, "attribute %s in category %s", m.Attribute.ID, m.Attribute.Category)
	}
	m.Value = p.bind(strings.TrimSpace(val.Text))
	return m, nil
}

func (p *parser) obligations(n *node) ([]Obligation, error) {
	var out []Obligation
	for _, k := range n.Kids {
		if k.Local != "ObligationExpression" {
			return nil, posError(ErrUnsupported, k.Line, k.Col, "element %s in ObligationExpressions", k.Local)
		}
		ob := Obligation{ID: k.AttrValue("ObligationId")}
		switch k.AttrValue("FulfillOn") {
		case "Permit":
			ob.FulfillOn = Permit
		case "Deny":
			ob.FulfillOn = Deny
		default:
			return nil, posError(ErrMalformed, k.Line, k.Col, "obligation %s has FulfillOn %q", ob.ID, k.AttrValue("FulfillOn"))
		}
		for _, a := range k.Kids {
			as, err := p.assignment(ob, a)
			if err != nil {
				return nil, err
			}
			ob.Assignments = append(ob.Assignments, as)
		}
		out = append(out, ob)
	}
	return out, nil
}

// assignment reads one AttributeAssignmentExpression. Its category says what
// the obligation demands; one Blankett cannot fulfil on a Permit is an error,
// because XACML requires the enforcement point to deny then.
func (p *parser) assignment(ob Obligation, n *node) (Assignment, error) {
	if n.Local != "AttributeAssignmentExpression" {
		return Assignment{}, posError(ErrUnsupported, n.Line, n.Col, "element %s in obligation %s", n.Local, ob.ID)
	}
	a := Assignment{AttributeID: n.AttrValue("AttributeId"), Category: n.AttrValue("Category")}
	v := n.Child("AttributeValue")
	if v == nil || len(n.Kids) != 1 {
		return a, posError(ErrUnsupported, n.Line, n.Col, "obligation %s: assignment must be one AttributeValue", ob.ID)
	}
	a.Value = strings.TrimSpace(v.Text)
	switch a.Category {
	case CategoryMinAuthLevel, CategoryMinAuthLevelOrg:
		if dt := v.AttrValue("DataType"); dt != typeInteger {
			return a, posError(ErrMalformed, v.Line, v.Col, "obligation %s: %s needs an integer, has DataType %q", ob.ID, a.Category, dt)
		}
		if _, err := strconv.Atoi(a.Value); err != nil {
			return a, posError(ErrMalformed, v.Line, v.Col, "obligation %s: %q is not an integer", ob.ID, a.Value)
		}
	default:
		if ob.FulfillOn == Permit {
			return a, posError(ErrUnsupported, n.Line, n.Col, "obligation %s with category %q cannot be fulfilled", ob.ID, a.Category)
		}
	}
	return a, nil
}
