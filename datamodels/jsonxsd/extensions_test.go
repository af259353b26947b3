// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/blankett/blankett/datamodels/jsonxsd/internal/xsdequal"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// TestExtensionKeywords round-trips the constructs that only our own
// keywords (@xsdUnhandledRestrictionAttributes, @xsdNamedType) carry.
func TestExtensionKeywords(t *testing.T) {
	const head = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:seres="http://seres.no/xsd/forvaltningsdata" elementFormDefault="qualified">
<xs:element name="r"><xs:complexType><xs:sequence>
`
	tests := []struct {
		name, body, defs string
		want             string // a fragment of the JSON Schema
	}{
		{"restriction attributes, built-in base", `<xs:element name="a" type="S"/>`,
			`<xs:simpleType name="S"><xs:restriction base="xs:string" seres:beskrivelse="b"><xs:maxLength value="9"/></xs:restriction></xs:simpleType>`,
			`"@xsdUnhandledRestrictionAttributes":{"seres:beskrivelse":"b"}`},
		{"restriction attributes, user base", `<xs:element name="a" type="S"/>`,
			`<xs:simpleType name="B"><xs:restriction base="xs:int"/></xs:simpleType>
<xs:simpleType name="S"><xs:restriction base="B" seres:beskrivelse="b"><xs:maxInclusive value="9"/></xs:restriction></xs:simpleType>`,
			`"@xsdUnhandledRestrictionAttributes":{"seres:beskrivelse":"b"}`},
		{"restriction attributes, inline in a repeating element",
			`<xs:element name="a" maxOccurs="3"><xs:simpleType><xs:restriction base="xs:string" seres:x="1"><xs:pattern value="[a-z]+"/></xs:restriction></xs:simpleType></xs:element>`,
			"", `"@xsdUnhandledRestrictionAttributes":{"seres:x":"1"}`},
		{"restriction attributes, list item type", `<xs:element name="a" type="L"/>`,
			`<xs:simpleType name="L"><xs:list><xs:simpleType><xs:restriction base="xs:int" seres:x="1"/></xs:simpleType></xs:list></xs:simpleType>`,
			`"@xsdUnhandledRestrictionAttributes":{"seres:x":"1"}`},
		{"named built-in type beside an inline restriction",
			`<xs:element name="a" type="xs:string"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value=".+@.+"/></xs:restriction></xs:simpleType></xs:element>`,
			"", `"@xsdNamedType":"string"`},
		{"named user type beside an inline restriction",
			`<xs:element name="a" type="S" minOccurs="0" maxOccurs="unbounded"><xs:simpleType><xs:restriction base="S"><xs:maxLength value="3"/></xs:restriction></xs:simpleType></xs:element>`,
			`<xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType>`, `"@xsdNamedType":"#/$defs/S"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := head + tc.body + "\n</xs:sequence></xs:complexType></xs:element>\n" + tc.defs + "\n</xs:schema>"
			want, err := xsd.Load(fstest.MapFS{"m.xsd": {Data: []byte(src)}}, "m.xsd", xsd.Options{})
			if err != nil {
				t.Fatal(err)
			}
			js, err := xsdjson.Convert(want)
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(js)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.want) {
				t.Errorf("JSON Schema lacks %s:\n%s", tc.want, b)
			}
			out, err := jsonxsd.ConvertObject(js, jsonxsd.Options{})
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := xsd.Parse(out, "out.xsd", xsd.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := xsd.NewSet(parsed)
			if err != nil {
				t.Fatal(err)
			}
			if d := xsdequal.Diff(want, got); d != "" {
				t.Errorf("round trip differs: %s\n%s", d, out)
			}
		})
	}
}
