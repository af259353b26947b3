// SPDX-License-Identifier: MIT

package xmltree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits bound what Parse accepts.
type Limits struct {
	MaxBytes int
	MaxDepth int
}

// Error is a parse failure with its position (0 when unknown). Callers wrap it in
// their own sentinel errors.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Node is one XML element with its position.
type Node struct {
	Space, Local string
	Attr         []xml.Attr
	Kids         []*Node
	Text         string
	Line, Col    int
}

// AttrValue returns the value of the attribute with the local name, whatever its
// prefix ("" when absent).
func (n *Node) AttrValue(local string) string {
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Child returns the first child with the local name, or nil.
func (n *Node) Child(local string) *Node {
	for _, k := range n.Kids {
		if k.Local == local {
			return k
		}
	}
	return nil
}

// Children returns the children with the local name.
func (n *Node) Children(local string) []*Node {
	var out []*Node
	for _, k := range n.Kids {
		if k.Local == local {
			out = append(out, k)
		}
	}
	return out
}

// ChildText returns the trimmed character data of the first child with the local
// name, or "".
func (n *Node) ChildText(local string) string {
	if k := n.Child(local); k != nil {
		return strings.TrimSpace(k.Text)
	}
	return ""
}

// Parse reads a whole document into a tree. Every failure is an *Error.
func Parse(r io.Reader, lim Limits) (*Node, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(lim.MaxBytes)+1))
	if err != nil {
		return nil, &Error{Msg: "read: " + err.Error()}
	}
	if len(data) > lim.MaxBytes {
		return nil, &Error{Msg: fmt.Sprintf("file larger than %d bytes", lim.MaxBytes)}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // Visual Studio writes one into many Altinn files
	dec := xml.NewDecoder(bytes.NewReader(data))
	// Altinn files declare utf-8; accept other labels rather than fail on them.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	// Each open element collects its character data in a builder: comments and
	// entities split text into many tokens, and appending each to a string is
	// quadratic in the length of the text.
	type open struct {
		n    *Node
		text strings.Builder
	}
	var root *Node
	var stack []*open
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &Error{Line: se.Line, Msg: se.Msg}
			}
			l, c := dec.InputPos()
			return nil, &Error{Line: l, Col: c, Msg: err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= lim.MaxDepth {
				return nil, &Error{Line: line, Col: col, Msg: fmt.Sprintf("elements nested deeper than %d", lim.MaxDepth)}
			}
			n := &Node{Space: t.Name.Space, Local: t.Name.Local, Attr: t.Attr, Line: line, Col: col}
			if len(stack) == 0 {
				if root != nil {
					return nil, &Error{Line: line, Col: col, Msg: "more than one root element"}
				}
				root = n
			} else {
				p := stack[len(stack)-1].n
				p.Kids = append(p.Kids, n)
			}
			stack = append(stack, &open{n: n})
		case xml.EndElement:
			top := stack[len(stack)-1]
			top.n.Text = top.text.String()
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.Directive:
			// A DTD can declare entities that expand exponentially (billion laughs);
			// no Altinn file has one, so refuse them all.
			return nil, &Error{Line: line, Col: col, Msg: "DOCTYPE and other <!…> declarations are not allowed"}
		}
	}
	if root == nil {
		return nil, &Error{Msg: "no root element"}
	}
	return root, nil
}

// PosError wraps a sentinel with a line and column in the file (0 means unknown),
// in the form both the policy and the process readers report.
func PosError(kind error, line, col int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	switch {
	case line > 0 && col > 0:
		return fmt.Errorf("%w: line %d:%d: %s", kind, line, col, msg)
	case line > 0:
		return fmt.Errorf("%w: line %d: %s", kind, line, msg)
	}
	return fmt.Errorf("%w: %s", kind, msg)
}
