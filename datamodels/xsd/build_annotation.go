// SPDX-License-Identifier: MIT

package xsd

// annotation builds an xs:annotation. Its documentation and appinfo content is
// kept as markup nodes.
func (b *builder) annotation(n *Node) (*Annotation, error) {
	a := &Annotation{}
	plain, foreign, err := b.attrs(n)
	if err != nil {
		return nil, err
	}
	a.Pos, a.ID, a.Foreign = b.pos(n), plain["id"], foreign
	for _, ch := range n.Children {
		switch {
		case ch.Kind == TextNode:
			return nil, errAt(Pos{File: b.file, Line: ch.Line, Col: ch.Col}, construct(n), ErrInvalid, "text content %q is not allowed here", shorten(ch.Text))
		case ch.Kind != ElementNode:
			continue
		case !isXSD(ch, "documentation", "appinfo"):
			return nil, b.fail(ch, ErrInvalid, "xs:annotation may contain only xs:documentation and xs:appinfo")
		}
		item := &AnnotationItem{AppInfo: ch.Name.Local == "appinfo", Markup: ch.Children}
		item.Pos = b.pos(ch)
		for _, at := range ch.Attrs {
			switch {
			case at.Name.Prefix == "xmlns" || (at.Name.Prefix == "" && at.Name.Local == "xmlns"):
			case at.Name.Space == "" && at.Name.Local == "source":
				item.Source = at.Value
			case at.Name.Space == NamespaceXML && at.Name.Local == "lang" && !item.AppInfo:
				item.Lang = at.Value
			case at.Name.Space == "" || at.Name.Space == NamespaceXSD:
				return nil, b.fail(ch, ErrUnsupported, "unknown attribute %q", at.Name.String())
			default:
				item.Foreign = append(item.Foreign, at)
			}
		}
		a.Items = append(a.Items, item)
	}
	return a, nil
}
