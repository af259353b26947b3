// SPDX-License-Identifier: MIT

package xsdequal

import (
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/xsd"
)

func load(t *testing.T, body string) *xsd.Set {
	t.Helper()
	doc := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:x="urn:x">` + body + `</xs:schema>`
	s, err := xsd.Parse([]byte(doc), "t.xsd", xsd.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := xsd.NewSet(s)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       string // substring of the difference; "" for equal
	}{
		{"identical", `<xs:element name="r" type="xs:string"/>`, `<xs:element name="r" type="xs:string"/>`, ""},
		{"prefix", `<xs:element name="r" type="xs:string"/>`,
			`<xs:element name="r" type="q:string" xmlns:q="http://www.w3.org/2001/XMLSchema"/>`, ""},
		{"type", `<xs:element name="r" type="xs:string"/>`, `<xs:element name="r" type="xs:int"/>`, "/schema/element[r]: type"},
		{"default occurs", `<xs:group name="g"><xs:sequence><xs:element name="a" minOccurs="1" maxOccurs="1"/></xs:sequence></xs:group>`,
			`<xs:group name="g"><xs:sequence><xs:element name="a"/></xs:sequence></xs:group>`, ""},
		{"occurs", `<xs:group name="g"><xs:sequence><xs:element name="a" minOccurs="0"/></xs:sequence></xs:group>`,
			`<xs:group name="g"><xs:sequence><xs:element name="a"/></xs:sequence></xs:group>`, "element[a]: minOccurs"},
		{"pointless sequence", `<xs:complexType name="t"><xs:sequence><xs:choice><xs:element name="a"/><xs:element name="b"/></xs:choice></xs:sequence></xs:complexType>`,
			`<xs:complexType name="t"><xs:choice><xs:element name="a"/><xs:element name="b"/></xs:choice></xs:complexType>`, ""},
		{"nested sequence", `<xs:complexType name="t"><xs:sequence><xs:sequence><xs:element name="a"/></xs:sequence><xs:element name="b"/></xs:sequence></xs:complexType>`,
			`<xs:complexType name="t"><xs:sequence><xs:element name="a"/><xs:element name="b"/></xs:sequence></xs:complexType>`, ""},
		{"optional nested sequence", `<xs:complexType name="t"><xs:sequence><xs:sequence minOccurs="0"><xs:element name="a"/></xs:sequence><xs:element name="b"/></xs:sequence></xs:complexType>`,
			`<xs:complexType name="t"><xs:sequence><xs:element name="a"/><xs:element name="b"/></xs:sequence></xs:complexType>`, "complexType[t]/sequence"},
		{"empty content", `<xs:complexType name="t"><xs:sequence/></xs:complexType>`, `<xs:complexType name="t"/>`, ""},
		{"component order", `<xs:element name="r" type="t"/><xs:simpleType name="a"><xs:restriction base="xs:string"/></xs:simpleType><xs:complexType name="t"/>`,
			`<xs:element name="r" type="t"/><xs:complexType name="t"/><xs:simpleType name="a"><xs:restriction base="xs:string"/></xs:simpleType>`, ""},
		{"root", `<xs:element name="r"/><xs:element name="s"/>`, `<xs:element name="s"/><xs:element name="r"/>`, "/schema: root"},
		{"facet order", `<xs:simpleType name="a"><xs:restriction base="xs:int"><xs:minInclusive value="1"/><xs:maxInclusive value="10.0"/></xs:restriction></xs:simpleType>`,
			`<xs:simpleType name="a"><xs:restriction base="xs:int"><xs:maxInclusive value="10"/><xs:minInclusive value="01"/></xs:restriction></xs:simpleType>`, ""},
		{"enumeration order", `<xs:simpleType name="a"><xs:restriction base="xs:string"><xs:enumeration value="x"/><xs:enumeration value="y"/></xs:restriction></xs:simpleType>`,
			`<xs:simpleType name="a"><xs:restriction base="xs:string"><xs:enumeration value="y"/><xs:enumeration value="x"/></xs:restriction></xs:simpleType>`, "enumeration: value"},
		{"use optional", `<xs:attribute name="a" type="xs:string"/><xs:attributeGroup name="g"><xs:attribute name="b" use="optional"/></xs:attributeGroup>`,
			`<xs:attribute name="a" type="xs:string"/><xs:attributeGroup name="g"><xs:attribute name="b"/></xs:attributeGroup>`, ""},
		{"foreign", `<xs:element name="r" x:guid="1"/>`, `<xs:element name="r" x:guid="2"/>`, "@{urn:x}guid"},
		{"empty annotation", `<xs:element name="r"><xs:annotation/></xs:element>`, `<xs:element name="r"/>`, ""},
		{"documentation", `<xs:element name="r"><xs:annotation><xs:documentation>A</xs:documentation></xs:annotation></xs:element>`,
			`<xs:element name="r"><xs:annotation><xs:documentation>B</xs:documentation></xs:annotation></xs:element>`, "documentation/text"},
		{"markup namespaces", `<xs:element name="r"><xs:annotation><xs:appinfo><x:a/></xs:appinfo></xs:annotation></xs:element>`,
			`<xs:element name="r"><xs:annotation><xs:appinfo><y:a xmlns:y="urn:x"/></xs:appinfo></xs:annotation></xs:element>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Diff(load(t, tc.a), load(t, tc.b))
			switch {
			case tc.want == "" && d != "":
				t.Errorf("want equal, got %s", d)
			case tc.want != "" && !strings.Contains(d, tc.want):
				t.Errorf("difference %q, want one containing %q", d, tc.want)
			}
		})
	}
}
