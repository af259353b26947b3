// SPDX-License-Identifier: MIT

package xsd

import "strings"

// complexType builds a named (global) or anonymous complex type.
func (b *builder) complexType(n *Node, global bool) (*ComplexType, error) {
	t := &ComplexType{}
	plain, rest, err := b.common(n, &t.Common, "name", "mixed", "abstract", "block", "final")
	if err != nil {
		return nil, err
	}
	if t.Name, err = b.ncName(n, plain, global); err != nil {
		return nil, err
	}
	if !global {
		if err := b.forbid(n, plain, "on an anonymous type", "name", "abstract", "block", "final"); err != nil {
			return nil, err
		}
	}
	if t.Mixed, err = b.boolean(n, plain, "mixed"); err != nil {
		return nil, err
	}
	if t.Abstract, err = b.boolean(n, plain, "abstract"); err != nil {
		return nil, err
	}
	t.Block, t.Final = strings.TrimSpace(plain["block"]), strings.TrimSpace(plain["final"])
	if len(rest) > 0 && isXSD(rest[0], "simpleContent", "complexContent") {
		if len(rest) > 1 {
			return nil, b.fail(rest[1], ErrInvalid, "nothing may follow xs:%s", rest[0].Name.Local)
		}
		t.Content, err = b.contentModel(rest[0])
		return t, err
	}
	if len(rest) > 0 && isXSD(rest[0], "group", "all", "choice", "sequence") {
		if t.Particle, err = b.content(rest[0]); err != nil {
			return nil, err
		}
		rest = rest[1:]
	}
	t.Attributes, t.AnyAttribute, err = b.attributeList(n, rest)
	return t, err
}

// contentModel builds xs:simpleContent or xs:complexContent.
func (b *builder) contentModel(n *Node) (*Content, error) {
	c := &Content{Simple: n.Name.Local == "simpleContent"}
	allowed := []string{"mixed"}
	if c.Simple {
		allowed = nil
	}
	plain, rest, err := b.common(n, &c.Common, allowed...)
	if err != nil {
		return nil, err
	}
	if _, ok := plain["mixed"]; ok {
		m, err := b.boolean(n, plain, "mixed")
		if err != nil {
			return nil, err
		}
		c.Mixed = &m
	}
	if len(rest) != 1 || !isXSD(rest[0], "extension", "restriction") {
		return nil, b.fail(n, ErrInvalid, "%s must contain exactly one xs:extension or xs:restriction", construct(n))
	}
	c.Derived, err = b.derived(rest[0], c.Simple)
	return c, err
}

func (b *builder) derived(n *Node, simple bool) (*Derived, error) {
	d := &Derived{Kind: Derivation(n.Name.Local)}
	plain, rest, err := b.common(n, &d.Common, "base")
	if err != nil {
		return nil, err
	}
	if d.Base, err = b.optQName(n, plain, "base"); err != nil {
		return nil, err
	}
	if d.Base.IsZero() {
		return nil, b.fail(n, ErrInvalid, "base is required")
	}
	switch {
	case simple && d.Kind == Restriction:
		if len(rest) > 0 && isXSD(rest[0], "simpleType") {
			if d.SimpleType, err = b.simpleType(rest[0], false); err != nil {
				return nil, err
			}
			rest = rest[1:]
		}
		for len(rest) > 0 && isFacet(rest[0].Name.Local) {
			f, err := b.facet(rest[0])
			if err != nil {
				return nil, err
			}
			d.Facets = append(d.Facets, f)
			rest = rest[1:]
		}
	case !simple:
		if len(rest) > 0 && isXSD(rest[0], "group", "all", "choice", "sequence") {
			if d.Particle, err = b.content(rest[0]); err != nil {
				return nil, err
			}
			rest = rest[1:]
		}
	}
	d.Attributes, d.AnyAttribute, err = b.attributeList(n, rest)
	return d, err
}
