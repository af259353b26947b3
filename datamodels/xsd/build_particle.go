// SPDX-License-Identifier: MIT

package xsd

import "strings"

// particle builds a member of a content model.
func (b *builder) particle(n *Node, inAll bool) (Particle, error) {
	if inAll && n.Name.Local != "element" {
		return nil, b.fail(n, ErrInvalid, "xs:all may contain only elements")
	}
	switch n.Name.Local {
	case "element":
		e, err := b.element(n, false)
		if err != nil {
			return nil, err
		}
		if inAll && e.Max != 0 && e.Max != 1 {
			return nil, b.fail(n, ErrInvalid, "elements in xs:all may occur at most once")
		}
		return e, nil
	case "sequence", "choice":
		return b.modelGroup(n, true)
	case "group":
		return b.groupRef(n)
	case "any":
		return b.anyWildcard(n)
	case "all":
		return nil, b.fail(n, ErrInvalid, "xs:all must be the whole content model of a type or group")
	}
	return nil, b.fail(n, ErrInvalid, "xs:%s is not allowed in a content model", n.Name.Local)
}

// modelGroup builds xs:sequence, xs:choice or xs:all. withOccurs is false for
// the model group directly inside a named xs:group, which may not have occurs.
func (b *builder) modelGroup(n *Node, withOccurs bool) (*ModelGroup, error) {
	g := &ModelGroup{Kind: Compositor(n.Name.Local)}
	allowed := []string{"minOccurs", "maxOccurs"}
	if !withOccurs {
		allowed = nil
	}
	plain, rest, err := b.common(n, &g.Common, allowed...)
	if err != nil {
		return nil, err
	}
	if g.Occurs, err = b.occurs(n, plain); err != nil {
		return nil, err
	}
	if g.Kind == All && (g.Max > 1 || g.Max == Unbounded || g.Min > 1) {
		return nil, b.fail(n, ErrInvalid, "xs:all may occur at most once")
	}
	for _, ch := range rest {
		p, err := b.particle(ch, g.Kind == All)
		if err != nil {
			return nil, err
		}
		g.Particles = append(g.Particles, p)
	}
	return g, nil
}

// content builds the particle of a complex type or derivation: an xs:group
// reference or an xs:all, xs:choice or xs:sequence.
func (b *builder) content(n *Node) (Particle, error) {
	switch n.Name.Local {
	case "group":
		return b.groupRef(n)
	case "all", "choice", "sequence":
		return b.modelGroup(n, true)
	}
	return nil, b.fail(n, ErrInvalid, "xs:%s is not allowed here", n.Name.Local)
}

func (b *builder) groupRef(n *Node) (*GroupRef, error) {
	g := &GroupRef{}
	plain, rest, err := b.common(n, &g.Common, "ref", "minOccurs", "maxOccurs")
	if err != nil {
		return nil, err
	}
	if err := b.noChildren(n, rest); err != nil {
		return nil, err
	}
	if g.Ref, err = b.optQName(n, plain, "ref"); err != nil {
		return nil, err
	}
	if g.Ref.IsZero() {
		return nil, b.fail(n, ErrInvalid, "ref is required on a group reference")
	}
	g.Occurs, err = b.occurs(n, plain)
	return g, err
}

func (b *builder) anyWildcard(n *Node) (*Any, error) {
	a := &Any{}
	plain, rest, err := b.common(n, &a.Common, "namespace", "processContents", "minOccurs", "maxOccurs")
	if err != nil {
		return nil, err
	}
	if err := b.noChildren(n, rest); err != nil {
		return nil, err
	}
	a.Namespace = strings.TrimSpace(plain["namespace"])
	if a.ProcessContents, err = b.enum(n, plain, "processContents", "strict", "lax", "skip"); err != nil {
		return nil, err
	}
	a.Occurs, err = b.occurs(n, plain)
	return a, err
}

// group builds a named model group definition.
func (b *builder) group(n *Node) (*Group, error) {
	g := &Group{}
	plain, rest, err := b.common(n, &g.Common, "name")
	if err != nil {
		return nil, err
	}
	if g.Name, err = b.ncName(n, plain, true); err != nil {
		return nil, err
	}
	if len(rest) != 1 || !isXSD(rest[0], "all", "choice", "sequence") {
		return nil, b.fail(n, ErrInvalid, "a named group must contain exactly one xs:all, xs:choice or xs:sequence")
	}
	g.Particle, err = b.modelGroup(rest[0], false)
	return g, err
}
