// SPDX-License-Identifier: MIT

package xsd

import "strings"

// attributeList builds the trailing attribute uses and anyAttribute of a
// complex type, derivation or attribute group.
func (b *builder) attributeList(parent *Node, rest []*Node) ([]AttributeUse, *AnyAttribute, error) {
	var (
		uses []AttributeUse
		wild *AnyAttribute
	)
	for _, ch := range rest {
		if wild != nil {
			return nil, nil, b.fail(ch, ErrInvalid, "nothing may follow xs:anyAttribute")
		}
		switch ch.Name.Local {
		case "attribute":
			a, err := b.attribute(ch, false)
			if err != nil {
				return nil, nil, err
			}
			uses = append(uses, a)
		case "attributeGroup":
			r := &AttributeGroupRef{}
			plain, more, err := b.common(ch, &r.Common, "ref")
			if err != nil {
				return nil, nil, err
			}
			if err := b.noChildren(ch, more); err != nil {
				return nil, nil, err
			}
			if r.Ref, err = b.optQName(ch, plain, "ref"); err != nil {
				return nil, nil, err
			}
			if r.Ref.IsZero() {
				return nil, nil, b.fail(ch, ErrInvalid, "ref is required on an attribute group reference")
			}
			uses = append(uses, r)
		case "anyAttribute":
			wild = &AnyAttribute{}
			plain, more, err := b.common(ch, &wild.Common, "namespace", "processContents")
			if err != nil {
				return nil, nil, err
			}
			if err := b.noChildren(ch, more); err != nil {
				return nil, nil, err
			}
			wild.Namespace = strings.TrimSpace(plain["namespace"])
			if wild.ProcessContents, err = b.enum(ch, plain, "processContents", "strict", "lax", "skip"); err != nil {
				return nil, nil, err
			}
		default:
			return nil, nil, b.fail(ch, ErrInvalid, "xs:%s is not allowed or out of place in %s", ch.Name.Local, construct(parent))
		}
	}
	return uses, wild, nil
}

// attribute builds a global or local attribute declaration or reference.
func (b *builder) attribute(n *Node, global bool) (*Attribute, error) {
	a := &Attribute{Global: global}
	plain, rest, err := b.common(n, &a.Common, "name", "ref", "type", "use", "default", "fixed", "form")
	if err != nil {
		return nil, err
	}
	if global {
		if err := b.forbid(n, plain, "on a global attribute", "ref", "use", "form"); err != nil {
			return nil, err
		}
	}
	if a.Name, err = b.ncName(n, plain, global); err != nil {
		return nil, err
	}
	if a.Ref, err = b.optQName(n, plain, "ref"); err != nil {
		return nil, err
	}
	if (a.Name == "") == a.Ref.IsZero() {
		return nil, b.fail(n, ErrInvalid, "an attribute needs exactly one of name and ref")
	}
	if a.Type, err = b.optQName(n, plain, "type"); err != nil {
		return nil, err
	}
	if a.Use, err = b.enum(n, plain, "use", "optional", "required", "prohibited"); err != nil {
		return nil, err
	}
	if a.Form, err = b.enum(n, plain, "form", "qualified", "unqualified"); err != nil {
		return nil, err
	}
	a.Default, a.Fixed = optString(plain, "default"), optString(plain, "fixed")
	if a.Default != nil && a.Fixed != nil {
		return nil, b.fail(n, ErrInvalid, "default and fixed cannot both be present")
	}
	if a.Default != nil && a.Use != "" && a.Use != "optional" {
		return nil, b.fail(n, ErrInvalid, "an attribute with a default must be optional")
	}
	if !a.Ref.IsZero() {
		if err := b.forbid(n, plain, "beside ref", "type", "form"); err != nil {
			return nil, err
		}
	}
	switch {
	case len(rest) == 0:
	case len(rest) == 1 && isXSD(rest[0], "simpleType") && a.Type.IsZero() && a.Ref.IsZero():
		a.SimpleType, err = b.simpleType(rest[0], false)
	default:
		err = b.fail(rest[0], ErrInvalid, "%s may contain only one inline xs:simpleType, and only without type or ref", construct(n))
	}
	return a, err
}

// attributeGroup builds a named attribute group definition.
func (b *builder) attributeGroup(n *Node) (*AttributeGroup, error) {
	g := &AttributeGroup{}
	plain, rest, err := b.common(n, &g.Common, "name")
	if err != nil {
		return nil, err
	}
	if g.Name, err = b.ncName(n, plain, true); err != nil {
		return nil, err
	}
	g.Attributes, g.AnyAttribute, err = b.attributeList(n, rest)
	return g, err
}
