// SPDX-License-Identifier: MIT

package xsd_test

import (
	"testing"

	"github.com/blankett/blankett/datamodels/xsd"
)

const modelDoc = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:seres="http://seres.no/xsd/forvaltningsdata"
    xmlns="urn:default" targetNamespace="urn:default" elementFormDefault="qualified">
  <xsd:element name="melding" type="Melding" seres:guid="g1"/>
  <xsd:complexType name="Melding">
    <xsd:sequence minOccurs="0" maxOccurs="unbounded">
      <xsd:element name="navn" nillable="true" minOccurs="0">
        <xsd:annotation><xsd:documentation>Navn <i>her</i></xsd:documentation></xsd:annotation>
        <xsd:simpleType>
          <xsd:restriction base="Tekst">
            <xsd:maxLength value=" 50 "/>
            <xsd:enumeration value=" a " seres:elementtype="Datakodeelement"/>
          </xsd:restriction>
        </xsd:simpleType>
      </xsd:element>
      <xsd:choice>
        <xsd:element name="a" type="xsd:int"/>
        <xsd:any namespace="##other" processContents="lax"/>
      </xsd:choice>
    </xsd:sequence>
    <xsd:attribute name="versjon" type="xsd:string" fixed="1" use="required"/>
    <xsd:anyAttribute/>
  </xsd:complexType>
  <xsd:simpleType name="Tekst"><xsd:list itemType="xsd:token"/></xsd:simpleType>
</xsd:schema>`

func TestParseModel(t *testing.T) {
	t.Parallel()
	s, err := xsd.Parse([]byte(modelDoc), "m.xsd", xsd.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := xsd.NewSet(s)
	if err != nil {
		t.Fatal(err)
	}
	el := set.Element(xsd.QName{Space: "urn:default", Local: "melding"})
	ct := set.ComplexType(el.Type)
	seq := ct.Particle.(*xsd.ModelGroup)
	navn := seq.Particles[0].(*xsd.Element)
	choice := seq.Particles[1].(*xsd.ModelGroup)
	restr := navn.SimpleType.Restriction
	attr := ct.Attributes[0].(*xsd.Attribute)
	checks := []struct {
		name      string
		got, want any
	}{
		{"foreign attribute", el.Foreign[0].Name.String() + "=" + el.Foreign[0].Value, "seres:guid=g1"},
		{"type resolved through default namespace", el.Type, xsd.QName{Space: "urn:default", Local: "Melding"}},
		{"sequence occurs", seq.Occurs, xsd.Occurs{Min: 0, Max: xsd.Unbounded, MinRaw: "0", MaxRaw: "unbounded"}},
		{"nillable", navn.Nillable, true},
		{"element occurs", navn.Occurs, xsd.Occurs{Min: 0, Max: 1, MinRaw: "0"}},
		{"annotation markup", xsd.MarkupXML(navn.Annotation.Items[0].Markup), "Navn <i xmlns=\"urn:default\">her</i>"},
		{"restriction base", restr.Base, xsd.QName{Space: "urn:default", Local: "Tekst"}},
		{"facet value trimmed", restr.Facets[0].Value, "50"},
		{"enumeration kept verbatim", restr.Facets[1].Value, " a "},
		{"enumeration foreign", restr.Facets[1].Foreign[0].Value, "Datakodeelement"},
		{"choice", choice.Kind, xsd.Choice},
		{"any", choice.Particles[1].(*xsd.Any).ProcessContents, "lax"},
		{"attribute fixed", *attr.Fixed, "1"},
		{"attribute use", attr.Use, "required"},
		{"anyAttribute", ct.AnyAttribute != nil, true},
		{"list item type", set.SimpleType(restr.Base).List.ItemType, xsd.QName{Space: xsd.NamespaceXSD, Local: "token", Prefix: "xsd"}},
		{"namespaces", len(s.Namespaces), 3},
		{"position", navn.Pos.String(), "m.xsd:7:7"},
	}
	for _, c := range checks {
		got, want := c.got, c.want
		if q, ok := got.(xsd.QName); ok {
			if w := want.(xsd.QName); w.Prefix == "" {
				got = q.Key()
			}
		}
		if got != want {
			t.Errorf("%s: got %#v, want %#v", c.name, got, want)
		}
	}
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	doc := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="e" type="xs:string">
<xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="a+"/></xs:restriction></xs:simpleType></xs:element></xs:schema>`
	s, err := xsd.Parse([]byte(doc), "w.xsd", xsd.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 || s.Warnings[0].Line != 2 {
		t.Fatalf("warnings = %v, want one on line 2", s.Warnings)
	}
}
