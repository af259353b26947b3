// SPDX-License-Identifier: MIT

package xsd

import "strings"

// MarkupXML serialises annotation markup the way .NET's XmlNode.InnerXml does:
// no whitespace between elements, empty elements as "<x />", and a namespace
// declaration added wherever a prefix would otherwise be unbound. Altinn keeps
// annotations in $comment in this form, so matching it keeps goldens equal.
func MarkupXML(nodes []*Node) string {
	var sb strings.Builder
	w := markupWriter{sb: &sb}
	for _, n := range nodes {
		w.node(n, nil)
	}
	return sb.String()
}

type markupWriter struct{ sb *strings.Builder }

func (w markupWriter) node(n *Node, sc *scope) {
	switch n.Kind {
	case TextNode:
		w.sb.WriteString(escapeText(n.Text))
	case CommentNode:
		w.sb.WriteString("<!--" + n.Text + "-->")
	case ProcInstNode:
		w.sb.WriteString("<?" + n.Name.Local + " " + n.Text + "?>")
	case ElementNode:
		w.element(n, sc)
	}
}

func (w markupWriter) element(n *Node, sc *scope) {
	name := n.Name.Local
	if n.Name.Prefix != "" {
		name = n.Name.Prefix + ":" + name
	}
	w.sb.WriteString("<" + name)
	var decls []NamespaceDecl
	for _, a := range n.Attrs {
		switch {
		case a.Name.Prefix == "xmlns":
			decls = append(decls, NamespaceDecl{Prefix: a.Name.Local, URI: a.Value})
		case a.Name.Prefix == "" && a.Name.Local == "xmlns":
			decls = append(decls, NamespaceDecl{URI: a.Value})
		}
		w.sb.WriteString(" " + a.Name.String() + `="` + escapeAttr(a.Value) + `"`)
	}
	inner := &scope{parent: sc, decls: decls}
	need := func(prefix, uri string) {
		if prefix == "xml" {
			return
		}
		if got, ok := inner.lookup(prefix); ok && got == uri {
			return
		}
		inner.decls = append(inner.decls, NamespaceDecl{Prefix: prefix, URI: uri})
		if prefix == "" {
			w.sb.WriteString(` xmlns="` + escapeAttr(uri) + `"`)
		} else {
			w.sb.WriteString(" xmlns:" + prefix + `="` + escapeAttr(uri) + `"`)
		}
	}
	need(n.Name.Prefix, n.Name.Space)
	for _, a := range n.Attrs {
		if a.Name.Prefix != "" && a.Name.Prefix != "xmlns" {
			need(a.Name.Prefix, a.Name.Space)
		}
	}
	if len(n.Children) == 0 {
		w.sb.WriteString(" />")
		return
	}
	w.sb.WriteString(">")
	for _, c := range n.Children {
		w.node(c, inner)
	}
	w.sb.WriteString("</" + name + ">")
}

func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
		"\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;").Replace(s)
}
