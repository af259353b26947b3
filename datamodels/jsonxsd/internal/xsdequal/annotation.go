// SPDX-License-Identifier: MIT

package xsdequal

import (
	"strings"

	"github.com/blankett/blankett/datamodels/xsd"
)

func annotation(a *xsd.Annotation) *cnode {
	if a == nil || (len(a.Items) == 0 && a.ID == "" && len(a.Foreign) == 0) {
		return nil // an empty annotation says nothing
	}
	n := newNode("annotation").set("id", a.ID)
	for _, f := range a.Foreign {
		n.set("@"+qn(f.Name), "="+f.Value)
	}
	for _, it := range a.Items {
		kind := "documentation"
		if it.AppInfo {
			kind = "appinfo"
		}
		k := newNode(kind).set("source", it.Source).set("xml:lang", it.Lang)
		for _, f := range it.Foreign {
			k.set("@"+qn(f.Name), "="+f.Value)
		}
		n.add(k.add(markup(it.Markup)...))
	}
	return n
}

// markup writes annotation content; xmlns attributes only bind prefixes, so
// they are left out, and names compare by namespace URI.
func markup(nodes []*xsd.Node) []*cnode {
	var out []*cnode
	for _, m := range nodes {
		switch m.Kind {
		case xsd.TextNode:
			if strings.TrimSpace(m.Text) == "" {
				continue
			}
			out = append(out, newNode("text").set("text", "="+m.Text))
		case xsd.CommentNode:
			out = append(out, newNode("comment").set("text", "="+m.Text))
		case xsd.ProcInstNode:
			out = append(out, newNode("pi["+m.Name.Local+"]").set("text", "="+m.Text))
		case xsd.ElementNode:
			n := newNode("<" + qn(m.Name) + ">")
			for _, a := range m.Attrs {
				if a.Name.Prefix == "xmlns" || (a.Name.Prefix == "" && a.Name.Local == "xmlns") {
					continue
				}
				n.set(qn(a.Name), "="+a.Value)
			}
			out = append(out, n.add(markup(m.Children)...))
		}
	}
	return out
}
