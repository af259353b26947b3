// SPDX-License-Identifier: MIT

package policy

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Limits on input, so a hostile file cannot exhaust memory or the stack.
const (
	maxInput = 8 << 20
	maxDepth = 128
)

// node is one XML element with its position, kept as a small generic tree:
// XACML elements are looked up by local name whatever their prefix, and a
// tree keeps the reader simple.
type node struct {
	Space, Local string
	Attr         []xml.Attr
	Kids         []*node
	Text         string
	Line, Col    int
}

// attr returns the value of the attribute with the local name, whatever its
// prefix.
func (n *node) attr(local string) string {
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// kid returns the first child with the local name.
func (n *node) kid(local string) *node {
	for _, k := range n.Kids {
		if k.Local == local {
			return k
		}
	}
	return nil
}

// readTree parses a whole XML document into a tree. It strips a UTF-8 byte
// order mark, which Visual Studio writes into many Altinn files.
func readTree(r io.Reader) (*node, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, posError(ErrMalformed, 0, 0, "read: %v", err)
	}
	if len(data) > maxInput {
		return nil, posError(ErrMalformed, 0, 0, "file larger than %d bytes", maxInput)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	dec := xml.NewDecoder(bytes.NewReader(data))
	// Altinn files declare utf-8; accept other labels rather than fail on them.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	var root *node
	// Each open element collects its character data in a builder: comments
	// and entities split text into many tokens, and appending each one to a
	// string is quadratic in the length of the text.
	type open struct {
		n    *node
		text strings.Builder
	}
	var stack []*open
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, xmlError(dec, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, posError(ErrMalformed, line, col, "elements nested deeper than %d", maxDepth)
			}
			n := &node{Space: t.Name.Space, Local: t.Name.Local, Attr: t.Attr, Line: line, Col: col}
			if len(stack) == 0 {
				if root != nil {
					return nil, posError(ErrMalformed, line, col, "more than one root element")
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
			// A DTD can declare entities that expand exponentially (billion
			// laughs); no Altinn file has one, so refuse them all.
			return nil, posError(ErrMalformed, line, col, "DOCTYPE and other <!…> declarations are not allowed")
		}
	}
	if root == nil {
		return nil, posError(ErrMalformed, 0, 0, "no root element")
	}
	return root, nil
}

func xmlError(dec *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return posError(ErrMalformed, se.Line, 0, "%s", se.Msg)
	}
	line, col := dec.InputPos()
	return posError(ErrMalformed, line, col, "%v", err)
}
