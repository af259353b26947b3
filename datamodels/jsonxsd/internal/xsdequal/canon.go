// SPDX-License-Identifier: MIT

package xsdequal

import (
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/blankett/blankett/datamodels/xsd"
)

// cnode is one node of the canonical tree.
type cnode struct {
	label string
	attrs map[string]string
	kids  []*cnode
}

func newNode(label string) *cnode { return &cnode{label: label, attrs: map[string]string{}} }

func (n *cnode) set(k, v string) *cnode {
	if v != "" {
		n.attrs[k] = v
	}
	return n
}

func (n *cnode) add(k ...*cnode) *cnode {
	for _, x := range k {
		if x != nil {
			n.kids = append(n.kids, x)
		}
	}
	return n
}

func qn(q xsd.QName) string {
	if q.IsZero() {
		return ""
	}
	return "{" + q.Space + "}" + q.Local
}

func common(n *cnode, c *xsd.Common) *cnode {
	n.set("id", c.ID)
	for _, a := range c.Foreign {
		n.set("@"+qn(a.Name), "="+a.Value)
	}
	return n.add(annotation(c.Annotation))
}

func occurs(n *cnode, o xsd.Occurs) {
	if o.Min != 1 {
		n.set("minOccurs", strconv.Itoa(o.Min))
	}
	switch {
	case o.Max == xsd.Unbounded:
		n.set("maxOccurs", "unbounded")
	case o.Max != 1:
		n.set("maxOccurs", strconv.Itoa(o.Max))
	}
}

func ptr(s *string) string {
	if s == nil {
		return ""
	}
	return "=" + *s
}

// schema writes a schema document; all its annotations become one.
func schema(s *xsd.Schema) *cnode {
	n := newNode("schema")
	n.set("targetNamespace", s.TargetNamespace)
	n.set("elementFormDefault", orDefault(s.ElementFormDefault, "unqualified"))
	n.set("attributeFormDefault", orDefault(s.AttributeFormDefault, "unqualified"))
	n.set("blockDefault", s.BlockDefault).set("finalDefault", s.FinalDefault).set("version", s.Version)
	for _, d := range s.Namespaces {
		n.set("xmlns:"+d.Prefix, d.URI)
	}
	common(n, &s.Common)
	ann := newNode("annotation")
	var comps []*cnode
	for _, it := range s.Items {
		switch x := it.(type) {
		case *xsd.Annotation:
			if a := annotation(x); a != nil {
				ann.kids = append(ann.kids, a.kids...)
			}
		case *xsd.Element:
			if n.attrs["root"] == "" {
				n.set("root", x.Name)
			}
			comps = append(comps, element(x))
		case *xsd.Attribute:
			comps = append(comps, attribute(x))
		case *xsd.ComplexType:
			comps = append(comps, complexType(x))
		case *xsd.SimpleType:
			comps = append(comps, simpleType(x))
		case *xsd.Group:
			g := common(newNode("group["+x.Name+"]"), &x.Common)
			comps = append(comps, g.add(topParticle(x.Particle)))
		case *xsd.AttributeGroup:
			g := common(newNode("attributeGroup["+x.Name+"]"), &x.Common)
			comps = append(comps, g.add(attributes(x.Attributes)...).add(anyAttribute(x.AnyAttribute)))
		case *xsd.Include:
			comps = append(comps, newNode("include["+x.SchemaLocation+"]"))
		case *xsd.Import:
			comps = append(comps, newNode("import["+x.Namespace+"]"))
		}
	}
	sort.SliceStable(comps, func(i, j int) bool { return comps[i].label < comps[j].label })
	if len(ann.kids) > 0 {
		n.add(ann)
	}
	return n.add(comps...)
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func element(e *xsd.Element) *cnode {
	label := "element[" + e.Name + "]"
	if e.Name == "" {
		label = "element[ref=" + e.Ref.Local + "]"
	}
	n := newNode(label).set("ref", qn(e.Ref)).set("type", qn(e.Type))
	if !e.Global {
		occurs(n, e.Occurs)
	}
	if e.Nillable {
		n.set("nillable", "true")
	}
	if e.Abstract {
		n.set("abstract", "true")
	}
	n.set("default", ptr(e.Default)).set("fixed", ptr(e.Fixed)).set("form", e.Form)
	n.set("block", e.Block).set("final", e.Final).set("substitutionGroup", qn(e.SubstitutionGroup))
	common(n, &e.Common)
	if e.SimpleType != nil {
		n.add(simpleType(e.SimpleType))
	}
	if e.ComplexType != nil {
		n.add(complexType(e.ComplexType))
	}
	for _, ic := range e.Constraints {
		k := common(newNode(ic.Kind+"["+ic.Name+"]"), &ic.Common)
		k.set("refer", qn(ic.Refer)).set("selector", ic.Selector).set("fields", strings.Join(ic.Fields, "|"))
		n.add(k)
	}
	return n
}

func complexType(t *xsd.ComplexType) *cnode {
	n := newNode("complexType[" + t.Name + "]")
	if t.Mixed {
		n.set("mixed", "true")
	}
	if t.Abstract {
		n.set("abstract", "true")
	}
	n.set("block", t.Block).set("final", t.Final)
	common(n, &t.Common)
	if t.Content != nil {
		kind := "complexContent"
		if t.Content.Simple {
			kind = "simpleContent"
		}
		c := common(newNode(kind), &t.Content.Common)
		if t.Content.Mixed != nil {
			c.set("mixed", strconv.FormatBool(*t.Content.Mixed))
		}
		d := t.Content.Derived
		dn := common(newNode(string(d.Kind)).set("base", qn(d.Base)), &d.Common)
		if d.SimpleType != nil {
			dn.add(simpleType(d.SimpleType))
		}
		dn.add(facets(d.Facets)...)
		dn.add(topParticle(d.Particle)).add(attributes(d.Attributes)...).add(anyAttribute(d.AnyAttribute))
		return n.add(c.add(dn))
	}
	return n.add(topParticle(t.Particle)).add(attributes(t.Attributes)...).add(anyAttribute(t.AnyAttribute))
}

func attributes(uses []xsd.AttributeUse) []*cnode {
	var out []*cnode
	for _, u := range uses {
		switch x := u.(type) {
		case *xsd.Attribute:
			out = append(out, attribute(x))
		case *xsd.AttributeGroupRef:
			out = append(out, common(newNode("attributeGroup[ref="+x.Ref.Local+"]").set("ref", qn(x.Ref)), &x.Common))
		}
	}
	return out
}

func attribute(a *xsd.Attribute) *cnode {
	label := "attribute[" + a.Name + "]"
	if a.Name == "" {
		label = "attribute[ref=" + a.Ref.Local + "]"
	}
	n := newNode(label).set("ref", qn(a.Ref)).set("type", qn(a.Type))
	if a.Use != "optional" {
		n.set("use", a.Use)
	}
	n.set("default", ptr(a.Default)).set("fixed", ptr(a.Fixed)).set("form", a.Form)
	common(n, &a.Common)
	if a.SimpleType != nil {
		n.add(simpleType(a.SimpleType))
	}
	return n
}

func anyAttribute(a *xsd.AnyAttribute) *cnode {
	if a == nil {
		return nil
	}
	n := newNode("anyAttribute")
	n.set("namespace", orDefault(a.Namespace, "##any")).set("processContents", orDefault(a.ProcessContents, "strict"))
	return common(n, &a.Common)
}

func simpleType(t *xsd.SimpleType) *cnode {
	n := common(newNode("simpleType["+t.Name+"]").set("final", t.Final), &t.Common)
	switch {
	case t.Restriction != nil:
		r := common(newNode("restriction").set("base", qn(t.Restriction.Base)), &t.Restriction.Common)
		if t.Restriction.SimpleType != nil {
			r.add(simpleType(t.Restriction.SimpleType))
		}
		n.add(r.add(facets(t.Restriction.Facets)...))
	case t.List != nil:
		l := common(newNode("list").set("itemType", qn(t.List.ItemType)), &t.List.Common)
		if t.List.SimpleType != nil {
			l.add(simpleType(t.List.SimpleType))
		}
		n.add(l)
	case t.Union != nil:
		u := common(newNode("union"), &t.Union.Common)
		var names []string
		for _, m := range t.Union.MemberTypes {
			names = append(names, qn(m))
		}
		u.set("memberTypes", strings.Join(names, " "))
		for _, st := range t.Union.SimpleTypes {
			u.add(simpleType(st))
		}
		n.add(u)
	}
	return n
}

// facets sorts facets by kind (enumerations keep their order) and writes
// numbers canonically.
func facets(fs []*xsd.Facet) []*cnode {
	var out []*cnode
	for _, f := range fs {
		v := f.Value
		if f.Kind != "enumeration" && f.Kind != "pattern" {
			if r, ok := new(big.Rat).SetString(strings.TrimSpace(v)); ok {
				v = r.RatString()
			}
		}
		n := common(newNode(f.Kind).set("value", "="+v), &f.Common)
		if f.Fixed {
			n.set("fixed", "true")
		}
		out = append(out, n)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].label < out[j].label })
	return out
}
