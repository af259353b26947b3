// SPDX-License-Identifier: MIT

package render

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// a11yProblems parses a rendered fragment and checks the WCAG 2.1 AA rules
// the renderer promises:
//   - ids are unique; label[for], aria-labelledby and aria-describedby
//     point at ids that exist;
//   - every input, select and textarea has a label (label[for], a wrapping
//     label, aria-labelledby or aria-label);
//   - radios and checkboxes sit in a fieldset with a legend;
//   - a field marked aria-invalid is described by a validation message;
//   - a required field's label (or legend) says so in text;
//   - there is exactly one h1, it is the first heading, and no heading
//     level is skipped;
//   - the error summary has a heading and its same-page links point at
//     ids that exist;
//   - buttons and links have text, images have alt.
func a11yProblems(fragment string) []string {
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return []string{"parse: " + err.Error()}
	}
	c := &checker{ids: map[string]*html.Node{}, labelFor: map[string]*html.Node{}}
	for _, n := range nodes {
		c.index(n)
	}
	for _, n := range nodes {
		c.check(n)
	}
	if c.h1 != 1 {
		c.fail("%d h1 elements, want 1", c.h1)
	}
	return c.problems
}

type checker struct {
	ids      map[string]*html.Node
	labelFor map[string]*html.Node
	problems []string
	h1       int
	lastH    int
}

func (c *checker) fail(format string, args ...any) {
	if len(c.problems) < 50 {
		c.problems = append(c.problems, fmt.Sprintf(format, args...))
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

func (c *checker) index(n *html.Node) {
	if n.Type == html.ElementNode {
		if id, ok := attr(n, "id"); ok {
			if _, dup := c.ids[id]; dup {
				c.fail("duplicate id %q", id)
			}
			c.ids[id] = n
		}
		if n.DataAtom == atom.Label {
			if f, ok := attr(n, "for"); ok {
				c.labelFor[f] = n
			}
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.index(ch)
	}
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func ancestor(n *html.Node, a atom.Atom) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return p
		}
	}
	return nil
}

func hasDescendantClass(n *html.Node, class string) bool {
	if n.Type == html.ElementNode && hasClass(n, class) {
		return true
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if hasDescendantClass(ch, class) {
			return true
		}
	}
	return false
}

func (c *checker) refs(n *html.Node, key string) []*html.Node {
	v, ok := attr(n, key)
	if !ok {
		return nil
	}
	var out []*html.Node
	for _, id := range strings.Fields(v) {
		t, ok := c.ids[id]
		if !ok {
			c.fail("<%s id=%q> %s points at missing id %q", n.Data, idOf(n), key, id)
			continue
		}
		out = append(out, t)
	}
	return out
}

func idOf(n *html.Node) string { v, _ := attr(n, "id"); return v }

// legend returns the first legend of a fieldset.
func legend(fs *html.Node) *html.Node {
	for ch := fs.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.DataAtom == atom.Legend {
			return ch
		}
	}
	return nil
}

func (c *checker) check(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	c.refs(n, "aria-labelledby")
	described := c.refs(n, "aria-describedby")
	switch n.DataAtom {
	case atom.Label:
		if f, ok := attr(n, "for"); ok {
			if _, exists := c.ids[f]; !exists {
				c.fail("label for missing id %q", f)
			}
		}
	case atom.Input, atom.Select, atom.Textarea:
		typ, _ := attr(n, "type")
		if typ == "hidden" || typ == "submit" || typ == "button" {
			break
		}
		c.control(n, typ, described)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := int(n.Data[1] - '0')
		if level == 1 {
			c.h1++
		}
		if c.lastH == 0 && level != 1 {
			c.fail("first heading is h%d %q, want h1", level, text(n))
		}
		if c.lastH > 0 && level > c.lastH+1 {
			c.fail("heading h%d %q skips a level after h%d", level, text(n), c.lastH)
		}
		if text(n) == "" {
			c.fail("empty h%d", level)
		}
		c.lastH = level
	case atom.Button:
		if text(n) == "" {
			c.fail("button %q without text", idOf(n))
		}
	case atom.A:
		if text(n) == "" {
			c.fail("link without text")
		}
		if _, ok := attr(n, "href"); !ok {
			c.fail("link %q without href", text(n))
		}
	case atom.Img:
		if _, ok := attr(n, "alt"); !ok {
			c.fail("img without alt")
		}
	case atom.Fieldset:
		if legend(n) == nil {
			c.fail("fieldset %q without legend", idOf(n))
		}
	case atom.Div:
		if hasClass(n, "ds-error-summary") {
			c.errorSummary(n)
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.check(ch)
	}
}

func (c *checker) control(n *html.Node, typ string, described []*html.Node) {
	id := idOf(n)
	label := c.labelFor[id]
	_, labelledBy := attr(n, "aria-labelledby")
	_, ariaLabel := attr(n, "aria-label")
	if label == nil && ancestor(n, atom.Label) == nil && !labelledBy && !ariaLabel {
		c.fail("<%s id=%q> has no label", n.Data, id)
	}
	if label != nil && text(label) == "" {
		c.fail("<%s id=%q> has an empty label", n.Data, id)
	}
	group := typ == "radio" || typ == "checkbox"
	var fs *html.Node
	if group {
		if fs = ancestor(n, atom.Fieldset); fs == nil || legend(fs) == nil {
			c.fail("%s %q is not in a fieldset with a legend", typ, id)
		}
	}
	if v, _ := attr(n, "aria-invalid"); v == "true" {
		msgs := described
		if group && fs != nil {
			msgs = append(msgs, c.refs(fs, "aria-describedby")...)
		}
		ok := false
		for _, d := range msgs {
			if hasClass(d, "ds-validation-message") {
				ok = true
			}
		}
		if !ok {
			c.fail("<%s id=%q> is aria-invalid but not described by a message", n.Data, id)
		}
	}
	if _, req := attr(n, "required"); req {
		where := label
		if group && fs != nil {
			where = legend(fs)
		}
		if where == nil || !hasDescendantClass(where, "ds-tag") {
			c.fail("<%s id=%q> is required but its label does not say so", n.Data, id)
		}
	}
}

func (c *checker) errorSummary(n *html.Node) {
	heading := false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		switch m.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			heading = true
		case atom.A:
			href, _ := attr(m, "href")
			if id, ok := strings.CutPrefix(href, "#"); ok {
				if _, exists := c.ids[id]; !exists {
					c.fail("error summary links to missing id %q", id)
				}
			}
		}
		for ch := m.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	if !heading {
		c.fail("error summary without heading")
	}
}
