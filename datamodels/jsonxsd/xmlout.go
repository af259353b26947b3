// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"strings"
)

// node is an element of the XSD being written. Names are written as given
// (prefix included). inline holds ready-made markup for documentation and
// appinfo content, written without added whitespace so text stays as it was.
type node struct {
	name     string
	attrs    []attr
	children []*node
	inline   string
}

type attr struct{ name, value string }

func (n *node) set(name, value string) *node {
	for i := range n.attrs {
		if n.attrs[i].name == name {
			n.attrs[i].value = value
			return n
		}
	}
	n.attrs = append(n.attrs, attr{name, value})
	return n
}

func (n *node) get(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

func (n *node) add(c ...*node) *node {
	for _, x := range c {
		if x != nil {
			n.children = append(n.children, x)
		}
	}
	return n
}

// write renders the document with two-space indentation.
func write(root *node) []byte {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	writeNode(&sb, root, 0)
	return []byte(sb.String())
}

func writeNode(sb *strings.Builder, n *node, depth int) {
	indent := strings.Repeat("  ", depth)
	sb.WriteString(indent + "<" + n.name)
	for _, a := range n.attrs {
		sb.WriteString(" " + a.name + `="` + escapeAttr(a.value) + `"`)
	}
	switch {
	case n.inline != "":
		sb.WriteString(">" + n.inline + "</" + n.name + ">\n")
	case len(n.children) == 0:
		sb.WriteString(" />\n")
	default:
		sb.WriteString(">\n")
		for _, c := range n.children {
			writeNode(sb, c, depth+1)
		}
		sb.WriteString(indent + "</" + n.name + ">\n")
	}
}

var (
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
		"\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
)

func escapeAttr(s string) string { return attrEscaper.Replace(validXML(s)) }
func escapeText(s string) string { return textEscaper.Replace(validXML(s)) }

// validXML replaces characters XML 1.0 cannot hold, so the output is always
// well-formed even for odd input.
func validXML(s string) string {
	ok := true
	for _, r := range s {
		if !isXMLChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isXMLChar(r) {
			return r
		}
		return '\uFFFD'
	}, s)
}

func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
