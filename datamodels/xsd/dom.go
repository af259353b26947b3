// SPDX-License-Identifier: MIT

package xsd

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// readDocument parses data into a node tree, resolving every element and
// attribute prefix against the namespace declarations in scope. It refuses
// DTDs and enforces the depth and node limits of opts.
func readDocument(data []byte, file string, opts Options) (*Node, error) {
	if int64(len(data)) > opts.MaxBytes {
		return nil, errAt(Pos{File: file}, "", ErrLimit, "file is larger than %d bytes", opts.MaxBytes)
	}
	data, err := toUTF8(data)
	if err != nil {
		return nil, errAt(Pos{File: file}, "", ErrMalformed, "%v", err)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charsetReader

	var (
		root  *Node
		stack []*Node
		nodes int
	)
	for {
		line, col := d.InputPos()
		pos := Pos{File: file, Line: line, Col: col}
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, syntaxError(file, pos, err)
		}
		nodes++
		if nodes > opts.MaxNodes {
			return nil, errAt(pos, "", ErrLimit, "more than %d XML nodes", opts.MaxNodes)
		}
		var parent *Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= opts.MaxDepth {
				return nil, errAt(pos, "<"+rawName(t.Name)+">", ErrLimit, "elements nested deeper than %d", opts.MaxDepth)
			}
			if parent == nil && root != nil {
				return nil, errAt(pos, "<"+rawName(t.Name)+">", ErrMalformed, "more than one root element")
			}
			n, err := newElement(t, parent, pos)
			if err != nil {
				return nil, err
			}
			if parent == nil {
				root = n
			} else {
				parent.Children = append(parent.Children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if parent == nil || rawName(t.Name) != rawName(xml.Name{Space: parent.Name.Prefix, Local: parent.Name.Local}) {
				return nil, errAt(pos, "</"+rawName(t.Name)+">", ErrMalformed, "end tag does not match the open element")
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if strings.TrimSpace(string(t)) == "" {
				continue
			}
			if parent == nil {
				return nil, errAt(pos, "", ErrMalformed, "text outside the root element")
			}
			if k := len(parent.Children); k > 0 && parent.Children[k-1].Kind == TextNode {
				parent.Children[k-1].Text += string(t)
				continue
			}
			parent.Children = append(parent.Children, &Node{Kind: TextNode, Text: string(t), Line: pos.Line, Col: pos.Col})
		case xml.Comment:
			if parent != nil {
				parent.Children = append(parent.Children, &Node{Kind: CommentNode, Text: string(t), Line: pos.Line, Col: pos.Col})
			}
		case xml.ProcInst:
			if parent != nil && t.Target != "xml" {
				parent.Children = append(parent.Children, &Node{Kind: ProcInstNode, Name: QName{Local: t.Target}, Text: string(t.Inst), Line: pos.Line, Col: pos.Col})
			}
		case xml.Directive:
			return nil, errAt(pos, "<!"+firstWord(string(t))+">", ErrDTD, "the reader refuses DTDs, so entity declarations cannot expand")
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, errAt(Pos{File: file, Line: top.Line, Col: top.Col}, "<"+top.Name.String()+">", ErrMalformed, "element is never closed")
	}
	if root == nil {
		return nil, errAt(Pos{File: file}, "", ErrMalformed, "no root element")
	}
	return root, nil
}

func newElement(t xml.StartElement, parent *Node, pos Pos) (*Node, error) {
	n := &Node{Kind: ElementNode, Line: pos.Line, Col: pos.Col}
	if parent != nil {
		n.scope = parent.scope
	}
	var decls []NamespaceDecl
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			if a.Value == "" {
				return nil, errAt(pos, "xmlns:"+a.Name.Local, ErrMalformed, "a namespace prefix cannot be undeclared in XML 1.0")
			}
			decls = append(decls, NamespaceDecl{Prefix: a.Name.Local, URI: a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			decls = append(decls, NamespaceDecl{URI: a.Value})
		}
	}
	if len(decls) > 0 {
		n.scope = &scope{parent: n.scope, decls: decls}
	}
	construct := "<" + rawName(t.Name) + ">"
	uri, ok := n.scope.lookup(t.Name.Space)
	if !ok {
		return nil, errAt(pos, construct, ErrMalformed, "namespace prefix %q is not declared", t.Name.Space)
	}
	n.Name = QName{Space: uri, Local: t.Name.Local, Prefix: t.Name.Space}
	seen := make(map[QName]bool, len(t.Attr))
	for _, a := range t.Attr {
		q := QName{Local: a.Name.Local, Prefix: a.Name.Space}
		isDecl := a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns")
		if a.Name.Space != "" && !isDecl {
			if q.Space, ok = n.scope.lookup(a.Name.Space); !ok {
				return nil, errAt(pos, construct, ErrMalformed, "namespace prefix %q of attribute %s is not declared", a.Name.Space, rawName(a.Name))
			}
		}
		key := q.Key()
		if isDecl {
			key = QName{Space: "xmlns", Local: a.Name.Local}
		}
		if seen[key] {
			return nil, errAt(pos, construct, ErrMalformed, "attribute %s appears twice", rawName(a.Name))
		}
		seen[key] = true
		n.Attrs = append(n.Attrs, Attr{Name: q, Value: a.Value})
	}
	return n, nil
}

func syntaxError(file string, pos Pos, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return errAt(Pos{File: file, Line: se.Line}, "", ErrMalformed, "%s", se.Msg)
	}
	if errors.Is(err, ErrUnsupported) {
		return errAt(pos, "", ErrUnsupported, "%v", err)
	}
	return errAt(pos, "", ErrMalformed, "%v", err)
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t\r\n["); i >= 0 {
		return s[:i]
	}
	return s
}
