// SPDX-License-Identifier: MIT

package xsd

import (
	"slices"
	"strconv"
	"strings"
)

// builder turns the node tree of one schema document into the model.
type builder struct {
	file     string
	warnings []*Error
}

// warn records a schema-rule violation that .NET tolerates, so the reader
// accepts the schema but tells the caller.
func (b *builder) warn(n *Node, format string, args ...any) {
	b.warnings = append(b.warnings, errAt(b.pos(n), construct(n), ErrInvalid, format, args...))
}

func (b *builder) pos(n *Node) Pos { return Pos{File: b.file, Line: n.Line, Col: n.Col} }

// construct names a node for messages: its tag as written plus its name or ref.
func construct(n *Node) string {
	s := n.Name.String()
	if n.Name.Prefix == "" {
		s = n.Name.Local
	}
	if v, ok := n.Attr("name"); ok {
		return s + ` "` + v + `"`
	}
	if v, ok := n.Attr("ref"); ok {
		return s + ` ref="` + v + `"`
	}
	return s
}

func (b *builder) fail(n *Node, kind error, format string, args ...any) error {
	return errAt(b.pos(n), construct(n), kind, format, args...)
}

func isXSD(n *Node, locals ...string) bool {
	return n.Kind == ElementNode && n.Name.Space == NamespaceXSD && (len(locals) == 0 || slices.Contains(locals, n.Name.Local))
}

// attrs returns the unqualified attributes of n, which must be among allowed
// (id is always allowed), and the attributes from foreign namespaces.
func (b *builder) attrs(n *Node, allowed ...string) (map[string]string, []Attr, error) {
	plain := make(map[string]string, len(n.Attrs))
	var foreign []Attr
	for _, a := range n.Attrs {
		switch {
		case a.Name.Prefix == "xmlns" || (a.Name.Prefix == "" && a.Name.Local == "xmlns"):
			continue
		case a.Name.Space == NamespaceXSD:
			return nil, nil, b.fail(n, ErrInvalid, "attribute %s is not allowed here", a.Name)
		case a.Name.Space != "":
			foreign = append(foreign, a)
		case a.Name.Local == "id" || slices.Contains(allowed, a.Name.Local):
			plain[a.Name.Local] = a.Value
		default:
			return nil, nil, b.fail(n, ErrUnsupported, "unknown attribute %q", a.Name.Local)
		}
	}
	return plain, foreign, nil
}

// common fills c from n: position, id, foreign attributes and a leading
// xs:annotation. It returns the plain attributes and the remaining XSD
// element children; text and elements from other namespaces are errors.
func (b *builder) common(n *Node, c *Common, allowed ...string) (map[string]string, []*Node, error) {
	plain, foreign, err := b.attrs(n, allowed...)
	if err != nil {
		return nil, nil, err
	}
	c.Pos, c.ID, c.Foreign = b.pos(n), strings.TrimSpace(plain["id"]), foreign
	var rest []*Node
	for _, ch := range n.Children {
		switch {
		case ch.Kind == TextNode:
			return nil, nil, errAt(Pos{File: b.file, Line: ch.Line, Col: ch.Col}, construct(n), ErrInvalid, "text content %q is not allowed here", shorten(ch.Text))
		case ch.Kind != ElementNode:
			continue
		case ch.Name.Space != NamespaceXSD:
			return nil, nil, b.fail(ch, ErrInvalid, "element from namespace %q is not allowed in %s", ch.Name.Space, construct(n))
		case ch.Name.Local == "annotation":
			if len(rest) > 0 || c.Annotation != nil {
				return nil, nil, b.fail(ch, ErrInvalid, "xs:annotation must be the first child and appear once")
			}
			if c.Annotation, err = b.annotation(ch); err != nil {
				return nil, nil, err
			}
		default:
			rest = append(rest, ch)
		}
	}
	return plain, rest, nil
}

func shorten(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// qname resolves a QName-valued attribute against the namespaces in scope at n.
// Unprefixed names take the default namespace, as XSD prescribes.
func (b *builder) qname(n *Node, attr, v string) (QName, error) {
	v = strings.TrimSpace(v)
	prefix, local, ok := strings.Cut(v, ":")
	if !ok {
		prefix, local = "", v
	}
	if local == "" || strings.ContainsAny(local, ": \t\r\n") || (ok && prefix == "") {
		return QName{}, b.fail(n, ErrInvalid, "%s=%q is not a QName", attr, v)
	}
	uri, found := n.Lookup(prefix)
	if !found {
		return QName{}, b.fail(n, ErrInvalid, "%s=%q uses undeclared namespace prefix %q", attr, v, prefix)
	}
	return QName{Space: uri, Local: local, Prefix: prefix}, nil
}

func (b *builder) optQName(n *Node, plain map[string]string, attr string) (QName, error) {
	v, ok := plain[attr]
	if !ok {
		return QName{}, nil
	}
	return b.qname(n, attr, v)
}

func (b *builder) boolean(n *Node, plain map[string]string, attr string) (bool, error) {
	v, ok := plain[attr]
	if !ok {
		return false, nil
	}
	switch strings.TrimSpace(v) {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, b.fail(n, ErrInvalid, "%s=%q is not a boolean", attr, v)
}

func (b *builder) enum(n *Node, plain map[string]string, attr string, values ...string) (string, error) {
	v, ok := plain[attr]
	if !ok {
		return "", nil
	}
	v = strings.TrimSpace(v)
	if !slices.Contains(values, v) {
		return "", b.fail(n, ErrInvalid, "%s=%q is not one of %s", attr, v, strings.Join(values, ", "))
	}
	return v, nil
}

func (b *builder) occurs(n *Node, plain map[string]string) (Occurs, error) {
	o := Occurs{Min: 1, Max: 1, MinRaw: plain["minOccurs"], MaxRaw: plain["maxOccurs"]}
	if s := strings.TrimSpace(o.MinRaw); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 0 {
			return o, b.fail(n, ErrInvalid, "minOccurs=%q is not a non-negative integer", o.MinRaw)
		}
		o.Min = v
	}
	if s := strings.TrimSpace(o.MaxRaw); s == "unbounded" {
		o.Max = Unbounded
	} else if s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 0 {
			return o, b.fail(n, ErrInvalid, "maxOccurs=%q is not a non-negative integer or unbounded", o.MaxRaw)
		}
		o.Max = v
	}
	if o.Max != Unbounded && o.Min > o.Max {
		return o, b.fail(n, ErrInvalid, "minOccurs %d is greater than maxOccurs %d", o.Min, o.Max)
	}
	return o, nil
}

func optString(plain map[string]string, attr string) *string {
	if v, ok := plain[attr]; ok {
		return &v
	}
	return nil
}

// ncName checks a name= attribute; required says whether it must be present.
func (b *builder) ncName(n *Node, plain map[string]string, required bool) (string, error) {
	v, ok := plain["name"]
	v = strings.TrimSpace(v)
	if !ok {
		if required {
			return "", b.fail(n, ErrInvalid, "name attribute is required")
		}
		return "", nil
	}
	if v == "" || strings.ContainsAny(v, ": \t\r\n") {
		return "", b.fail(n, ErrInvalid, "name=%q is not an NCName", v)
	}
	return v, nil
}

func (b *builder) forbid(n *Node, plain map[string]string, why string, attrs ...string) error {
	for _, a := range attrs {
		if _, ok := plain[a]; ok {
			return b.fail(n, ErrInvalid, "attribute %s is not allowed %s", a, why)
		}
	}
	return nil
}
