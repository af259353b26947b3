// SPDX-License-Identifier: MIT

package xsd

import "strings"

// element builds a global element declaration or a local element declaration
// or reference.
func (b *builder) element(n *Node, global bool) (*Element, error) {
	e := &Element{Global: global}
	plain, rest, err := b.common(n, &e.Common, "name", "ref", "type", "minOccurs", "maxOccurs", "nillable",
		"default", "fixed", "form", "abstract", "block", "final", "substitutionGroup")
	if err != nil {
		return nil, err
	}
	if global {
		err = b.forbid(n, plain, "on a global element", "ref", "minOccurs", "maxOccurs", "form")
	} else {
		err = b.forbid(n, plain, "on a local element", "abstract", "final", "substitutionGroup")
	}
	if err != nil {
		return nil, err
	}
	if e.Name, err = b.ncName(n, plain, global); err != nil {
		return nil, err
	}
	if e.Ref, err = b.optQName(n, plain, "ref"); err != nil {
		return nil, err
	}
	if e.Name == "" && e.Ref.IsZero() {
		return nil, b.fail(n, ErrInvalid, "a local element needs name or ref")
	}
	if e.Name != "" && !e.Ref.IsZero() {
		return nil, b.fail(n, ErrInvalid, "name and ref cannot both be present")
	}
	if e.Type, err = b.optQName(n, plain, "type"); err != nil {
		return nil, err
	}
	if e.SubstitutionGroup, err = b.optQName(n, plain, "substitutionGroup"); err != nil {
		return nil, err
	}
	if e.Occurs, err = b.occurs(n, plain); err != nil {
		return nil, err
	}
	if e.Nillable, err = b.boolean(n, plain, "nillable"); err != nil {
		return nil, err
	}
	if e.Abstract, err = b.boolean(n, plain, "abstract"); err != nil {
		return nil, err
	}
	if e.Form, err = b.enum(n, plain, "form", "qualified", "unqualified"); err != nil {
		return nil, err
	}
	e.Default, e.Fixed = optString(plain, "default"), optString(plain, "fixed")
	if e.Default != nil && e.Fixed != nil {
		return nil, b.fail(n, ErrInvalid, "default and fixed cannot both be present")
	}
	e.Block, e.Final = strings.TrimSpace(plain["block"]), strings.TrimSpace(plain["final"])
	if !e.Ref.IsZero() {
		if err := b.forbid(n, plain, "beside ref", "type", "nillable", "default", "fixed", "form", "block"); err != nil {
			return nil, err
		}
	}
	for _, ch := range rest {
		switch ch.Name.Local {
		case "simpleType", "complexType":
			if !e.Ref.IsZero() || e.SimpleType != nil || e.ComplexType != nil || len(e.Constraints) > 0 {
				return nil, b.fail(ch, ErrInvalid, "%s cannot have an inline type here", construct(n))
			}
			if !e.Type.IsZero() {
				// .NET (and so Altinn) only warns about this, and real schemas have it.
				b.warn(ch, "%s has both type=%q and an inline xs:%s", construct(n), e.Type.String(), ch.Name.Local)
			}
			if ch.Name.Local == "simpleType" {
				e.SimpleType, err = b.simpleType(ch, false)
			} else {
				e.ComplexType, err = b.complexType(ch, false)
			}
		case "key", "keyref", "unique":
			var ic *IdentityConstraint
			if ic, err = b.identity(ch); err == nil {
				e.Constraints = append(e.Constraints, ic)
			}
		default:
			err = b.fail(ch, ErrInvalid, "xs:%s is not allowed in xs:element", ch.Name.Local)
		}
		if err != nil {
			return nil, err
		}
	}
	return e, nil
}

// identity builds xs:key, xs:keyref or xs:unique.
func (b *builder) identity(n *Node) (*IdentityConstraint, error) {
	ic := &IdentityConstraint{Kind: n.Name.Local}
	plain, rest, err := b.common(n, &ic.Common, "name", "refer")
	if err != nil {
		return nil, err
	}
	if ic.Name, err = b.ncName(n, plain, true); err != nil {
		return nil, err
	}
	if ic.Kind == "keyref" {
		if ic.Refer, err = b.optQName(n, plain, "refer"); err != nil {
			return nil, err
		}
		if ic.Refer.IsZero() {
			return nil, b.fail(n, ErrInvalid, "refer is required on xs:keyref")
		}
	} else if err := b.forbid(n, plain, "here", "refer"); err != nil {
		return nil, err
	}
	for i, ch := range rest {
		var c Common
		p, more, err := b.common(ch, &c, "xpath")
		if err != nil {
			return nil, err
		}
		if err := b.noChildren(ch, more); err != nil {
			return nil, err
		}
		switch {
		case ch.Name.Local == "selector" && i == 0:
			ic.Selector = p["xpath"]
		case ch.Name.Local == "field" && i > 0:
			ic.Fields = append(ic.Fields, p["xpath"])
		default:
			return nil, b.fail(ch, ErrInvalid, "xs:%s is out of place in %s", ch.Name.Local, construct(n))
		}
	}
	if len(ic.Fields) == 0 {
		return nil, b.fail(n, ErrInvalid, "an identity constraint needs xs:selector and at least one xs:field")
	}
	return ic, nil
}
