// SPDX-License-Identifier: MIT

package xsd

import "strings"

// schema builds the model of one document from its root node.
func (b *builder) schema(root *Node) (*Schema, error) {
	if !isXSD(root, "schema") {
		return nil, b.fail(root, ErrInvalid, "root element is %s, not xs:schema in namespace %s", root.Name, NamespaceXSD)
	}
	plain, foreign, err := b.attrs(root, "attributeFormDefault", "elementFormDefault", "blockDefault",
		"finalDefault", "targetNamespace", "version")
	if err != nil {
		return nil, err
	}
	s := &Schema{File: b.file, Version: plain["version"]}
	s.Pos, s.ID, s.Foreign = b.pos(root), plain["id"], foreign
	s.TargetNamespace, s.HasTargetNamespace = plain["targetNamespace"], plain["targetNamespace"] != ""
	if s.ElementFormDefault, err = b.enum(root, plain, "elementFormDefault", "qualified", "unqualified"); err != nil {
		return nil, err
	}
	if s.AttributeFormDefault, err = b.enum(root, plain, "attributeFormDefault", "qualified", "unqualified"); err != nil {
		return nil, err
	}
	s.BlockDefault = strings.TrimSpace(plain["blockDefault"])
	s.FinalDefault = strings.TrimSpace(plain["finalDefault"])
	if root.scope != nil {
		s.Namespaces = append(s.Namespaces, root.scope.decls...)
	}
	for _, ch := range root.Children {
		switch {
		case ch.Kind == TextNode:
			return nil, errAt(Pos{File: b.file, Line: ch.Line, Col: ch.Col}, construct(root), ErrInvalid, "text content %q is not allowed here", shorten(ch.Text))
		case ch.Kind != ElementNode:
			continue
		case ch.Name.Space != NamespaceXSD:
			return nil, b.fail(ch, ErrInvalid, "element from namespace %q is not allowed at the top of a schema", ch.Name.Space)
		}
		item, err := b.topLevel(ch)
		if err != nil {
			return nil, err
		}
		s.Items = append(s.Items, item)
	}
	return s, nil
}

func (b *builder) topLevel(n *Node) (Item, error) {
	switch n.Name.Local {
	case "annotation":
		return b.annotation(n)
	case "include":
		inc := &Include{}
		plain, rest, err := b.common(n, &inc.Common, "schemaLocation")
		if err != nil {
			return nil, err
		}
		if err := b.noChildren(n, rest); err != nil {
			return nil, err
		}
		inc.SchemaLocation = strings.TrimSpace(plain["schemaLocation"])
		if inc.SchemaLocation == "" {
			return nil, b.fail(n, ErrInvalid, "schemaLocation is required")
		}
		return inc, nil
	case "import":
		imp := &Import{}
		plain, rest, err := b.common(n, &imp.Common, "namespace", "schemaLocation")
		if err != nil {
			return nil, err
		}
		if err := b.noChildren(n, rest); err != nil {
			return nil, err
		}
		imp.Namespace, imp.SchemaLocation = plain["namespace"], strings.TrimSpace(plain["schemaLocation"])
		return imp, nil
	case "element":
		return b.element(n, true)
	case "attribute":
		return b.attribute(n, true)
	case "complexType":
		return b.complexType(n, true)
	case "simpleType":
		return b.simpleType(n, true)
	case "group":
		return b.group(n)
	case "attributeGroup":
		return b.attributeGroup(n)
	case "redefine", "override":
		return nil, b.fail(n, ErrUnsupported, "xs:%s is not supported; merge the redefined components into the schema", n.Name.Local)
	case "notation":
		return nil, b.fail(n, ErrUnsupported, "xs:notation is not supported")
	}
	return nil, b.fail(n, ErrUnsupported, "xs:%s is not allowed or not supported at the top of a schema", n.Name.Local)
}

func (b *builder) noChildren(n *Node, rest []*Node) error {
	if len(rest) > 0 {
		return b.fail(rest[0], ErrInvalid, "%s may contain only an annotation", construct(n))
	}
	return nil
}
