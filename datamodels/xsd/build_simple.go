// SPDX-License-Identifier: MIT

package xsd

import (
	"slices"
	"strings"
)

// facetNames are the constraining facets of XSD 1.0.
func isFacet(local string) bool {
	return slices.Contains([]string{"minExclusive", "minInclusive", "maxExclusive", "maxInclusive", "totalDigits",
		"fractionDigits", "length", "minLength", "maxLength", "enumeration", "whiteSpace", "pattern"}, local)
}

// simpleType builds a named (global) or anonymous simple type.
func (b *builder) simpleType(n *Node, global bool) (*SimpleType, error) {
	t := &SimpleType{}
	plain, rest, err := b.common(n, &t.Common, "name", "final")
	if err != nil {
		return nil, err
	}
	if t.Name, err = b.ncName(n, plain, global); err != nil {
		return nil, err
	}
	if !global {
		if err := b.forbid(n, plain, "on an anonymous type", "name", "final"); err != nil {
			return nil, err
		}
	}
	t.Final = strings.TrimSpace(plain["final"])
	if len(rest) != 1 {
		return nil, b.fail(n, ErrInvalid, "a simple type must contain exactly one xs:restriction, xs:list or xs:union")
	}
	ch := rest[0]
	switch ch.Name.Local {
	case "restriction":
		t.Restriction, err = b.simpleRestriction(ch)
	case "list":
		t.List, err = b.list(ch)
	case "union":
		t.Union, err = b.union(ch)
	default:
		err = b.fail(ch, ErrInvalid, "xs:%s is not allowed in xs:simpleType", ch.Name.Local)
	}
	return t, err
}

func (b *builder) simpleRestriction(n *Node) (*SimpleRestriction, error) {
	r := &SimpleRestriction{}
	plain, rest, err := b.common(n, &r.Common, "base")
	if err != nil {
		return nil, err
	}
	if r.Base, err = b.optQName(n, plain, "base"); err != nil {
		return nil, err
	}
	if len(rest) > 0 && isXSD(rest[0], "simpleType") {
		if !r.Base.IsZero() {
			return nil, b.fail(rest[0], ErrInvalid, "base and an inline xs:simpleType cannot both be present")
		}
		if r.SimpleType, err = b.simpleType(rest[0], false); err != nil {
			return nil, err
		}
		rest = rest[1:]
	}
	if r.Base.IsZero() && r.SimpleType == nil {
		return nil, b.fail(n, ErrInvalid, "a restriction needs base or an inline xs:simpleType")
	}
	for _, ch := range rest {
		if !isFacet(ch.Name.Local) {
			return nil, b.fail(ch, ErrUnsupported, "xs:%s is not a facet this reader supports", ch.Name.Local)
		}
		f, err := b.facet(ch)
		if err != nil {
			return nil, err
		}
		r.Facets = append(r.Facets, f)
	}
	return r, nil
}

func (b *builder) facet(n *Node) (*Facet, error) {
	f := &Facet{Kind: n.Name.Local}
	plain, rest, err := b.common(n, &f.Common, "value", "fixed")
	if err != nil {
		return nil, err
	}
	if err := b.noChildren(n, rest); err != nil {
		return nil, err
	}
	v, ok := plain["value"]
	if !ok {
		return nil, b.fail(n, ErrInvalid, "value is required on a facet")
	}
	f.Value = v
	if f.Kind != "enumeration" && f.Kind != "pattern" {
		f.Value = strings.TrimSpace(v)
	}
	f.Fixed, err = b.boolean(n, plain, "fixed")
	return f, err
}

func (b *builder) list(n *Node) (*List, error) {
	l := &List{}
	plain, rest, err := b.common(n, &l.Common, "itemType")
	if err != nil {
		return nil, err
	}
	if l.ItemType, err = b.optQName(n, plain, "itemType"); err != nil {
		return nil, err
	}
	if len(rest) == 1 && isXSD(rest[0], "simpleType") && l.ItemType.IsZero() {
		l.SimpleType, err = b.simpleType(rest[0], false)
		return l, err
	}
	if len(rest) > 0 || l.ItemType.IsZero() {
		return nil, b.fail(n, ErrInvalid, "a list needs either itemType or one inline xs:simpleType")
	}
	return l, nil
}

func (b *builder) union(n *Node) (*Union, error) {
	u := &Union{}
	plain, rest, err := b.common(n, &u.Common, "memberTypes")
	if err != nil {
		return nil, err
	}
	for _, f := range strings.Fields(plain["memberTypes"]) {
		q, err := b.qname(n, "memberTypes", f)
		if err != nil {
			return nil, err
		}
		u.MemberTypes = append(u.MemberTypes, q)
	}
	for _, ch := range rest {
		if !isXSD(ch, "simpleType") {
			return nil, b.fail(ch, ErrInvalid, "xs:union may contain only xs:simpleType")
		}
		st, err := b.simpleType(ch, false)
		if err != nil {
			return nil, err
		}
		u.SimpleTypes = append(u.SimpleTypes, st)
	}
	if len(u.MemberTypes)+len(u.SimpleTypes) == 0 {
		return nil, b.fail(n, ErrInvalid, "a union needs member types")
	}
	return u, nil
}
