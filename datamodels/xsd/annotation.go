// SPDX-License-Identifier: MIT

package xsd

// Annotation is an xs:annotation with its documentation and appinfo children.
type Annotation struct {
	Common
	Items []*AnnotationItem
}

// AnnotationItem is one xs:documentation (AppInfo false) or xs:appinfo.
// Markup is its content: elements, text and comments as written, except that
// whitespace-only text between elements is dropped.
type AnnotationItem struct {
	Common
	AppInfo bool
	Source  string
	Lang    string
	Markup  []*Node
}

// NodeKind says what a Node is.
type NodeKind uint8

// The node kinds the reader keeps.
const (
	ElementNode NodeKind = iota + 1
	TextNode
	CommentNode
	ProcInstNode
)

// Node is a node of XML markup as read. Elements have Name, Attrs (xmlns
// declarations included, in document order) and Children; text, comment and
// processing-instruction nodes have Text (and Name.Local is the PI target).
type Node struct {
	Kind      NodeKind
	Name      QName
	Attrs     []Attr
	Children  []*Node
	Text      string
	Line, Col int

	scope *scope
}

// Attr returns the value of the unqualified attribute local, if present.
func (n *Node) Attr(local string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Space == "" && a.Name.Prefix == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// Lookup resolves a namespace prefix in the scope of the node; "" is the
// default namespace.
func (n *Node) Lookup(prefix string) (string, bool) {
	return n.scope.lookup(prefix)
}

// Elements returns the element children of the node.
func (n *Node) Elements() []*Node {
	var out []*Node
	for _, c := range n.Children {
		if c.Kind == ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// scope is one level of namespace declarations; levels without declarations
// share their parent's scope, so memory grows with declarations, not depth.
type scope struct {
	parent *scope
	decls  []NamespaceDecl
}

func (s *scope) lookup(prefix string) (string, bool) {
	switch prefix {
	case "xml":
		return NamespaceXML, true
	case "xmlns":
		return "http://www.w3.org/2000/xmlns/", true
	}
	for ; s != nil; s = s.parent {
		for i := len(s.decls) - 1; i >= 0; i-- {
			if s.decls[i].Prefix == prefix {
				return s.decls[i].URI, true
			}
		}
	}
	if prefix == "" {
		return "", true
	}
	return "", false
}
