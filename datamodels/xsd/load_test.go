// SPDX-License-Identifier: MIT

package xsd_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/datamodels/xsd"
)

const head = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" `

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	deep := head + `>` + strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300) + `</xs:schema>`
	laughs := `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:string" fixed="&lol3;"/></xs:schema>`
	tests := []struct {
		name, doc string
		opts      xsd.Options
		want      error
		msg       string // fragment of the message, including file:line
	}{
		{"malformed", head + `><xs:element name="a">`, xsd.Options{}, xsd.ErrMalformed, "main.xsd:"},
		{"mismatched end", head + `><xs:element name="a"></xs:attribute></xs:schema>`, xsd.Options{}, xsd.ErrMalformed, "main.xsd:2:"},
		{"billion laughs", laughs, xsd.Options{}, xsd.ErrDTD, "main.xsd:2:1: <!DOCTYPE>"},
		{"deep nesting", deep, xsd.Options{}, xsd.ErrLimit, "nested deeper than 256"},
		{"too large", head + `/>`, xsd.Options{MaxBytes: 10}, xsd.ErrLimit, "larger than 10 bytes"},
		{"too many nodes", head + `><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:schema>`, xsd.Options{MaxNodes: 2}, xsd.ErrLimit, "more than 2 XML nodes"},
		{"undeclared element prefix", head + `><foo:bar/></xs:schema>`, xsd.Options{}, xsd.ErrMalformed, `prefix "foo" is not declared`},
		{"undeclared QName prefix", head + `><xs:element name="a" type="foo:T"/></xs:schema>`, xsd.Options{}, xsd.ErrInvalid, `main.xsd:2:57: xs:element "a": type="foo:T" uses undeclared namespace prefix "foo"`},
		{"unknown type", head + `><xs:element name="a" type="T"/></xs:schema>`, xsd.Options{}, xsd.ErrInvalid, `type "T" (in no namespace) is not declared`},
		{"unknown builtin", head + `><xs:element name="a" type="xs:strin"/></xs:schema>`, xsd.Options{}, xsd.ErrInvalid, `type "strin" in namespace`},
		{"unknown group", head + `><xs:complexType name="T"><xs:group ref="G"/></xs:complexType></xs:schema>`, xsd.Options{}, xsd.ErrInvalid, `group "G" (in no namespace) is not declared`},
		{"redefine", head + `><xs:redefine schemaLocation="x.xsd"/></xs:schema>`, xsd.Options{}, xsd.ErrUnsupported, "xs:redefine is not supported"},
		{"xsd 1.1 assert", head + `><xs:complexType name="T"><xs:assert test="1"/></xs:complexType></xs:schema>`, xsd.Options{}, xsd.ErrInvalid, "xs:assert"},
		{"unknown attribute", head + `><xs:element name="a" colour="red"/></xs:schema>`, xsd.Options{}, xsd.ErrUnsupported, `unknown attribute "colour"`},
		{"text in schema", head + `>hello</xs:schema>`, xsd.Options{}, xsd.ErrInvalid, `text content "hello"`},
		{"not a schema", `<schema/>`, xsd.Options{}, xsd.ErrInvalid, "not xs:schema"},
		{"missing include", head + `><xs:include schemaLocation="gone.xsd"/></xs:schema>`, xsd.Options{}, xsd.ErrNotFound, `main.xsd:2:57: xs:include schemaLocation="gone.xsd": cannot read "gone.xsd"`},
		{"missing import", head + `><xs:import namespace="urn:x" schemaLocation="x.xsd"/></xs:schema>`, xsd.Options{}, xsd.ErrNotFound, `cannot read "x.xsd"`},
		{"remote import", head + `><xs:import namespace="urn:x" schemaLocation="http://example.com/x.xsd"/></xs:schema>`, xsd.Options{}, xsd.ErrNotFound, "remote schemas are not fetched"},
		{"escaping include", head + `><xs:include schemaLocation="../../etc/x.xsd"/></xs:schema>`, xsd.Options{}, xsd.ErrNotFound, "outside the schema folder"},
		{"bad occurs", head + `><xs:complexType name="T"><xs:sequence><xs:element name="a" minOccurs="2" maxOccurs="1"/></xs:sequence></xs:complexType></xs:schema>`, xsd.Options{}, xsd.ErrInvalid, "minOccurs 2 is greater than maxOccurs 1"},
		{"duplicate type", head + `><xs:simpleType name="T"><xs:restriction base="xs:string"/></xs:simpleType><xs:complexType name="T"/></xs:schema>`, xsd.Options{}, xsd.ErrInvalid, `"T" is declared more than once`},
		{"unsupported encoding", `<?xml version="1.0" encoding="EBCDIC-XX"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`, xsd.Options{}, xsd.ErrUnsupported, "EBCDIC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"main.xsd": {Data: []byte(tt.doc)}}
			_, err := xsd.Load(fsys, "main.xsd", tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %q, want it to contain %q", err, tt.msg)
			}
		})
	}
}

func TestLoadIncludeImport(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"models/main.xsd": {Data: []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns="urn:main" xmlns:o="urn:other" targetNamespace="urn:main">
  <xs:include schemaLocation="parts/types.xsd"/>
  <xs:include schemaLocation="chameleon.xsd"/>
  <xs:import namespace="urn:other" schemaLocation="other.xsd"/>
  <xs:element name="Root" type="Local"/>
  <xs:complexType name="Local"><xs:sequence>
    <xs:element name="a" type="Included"/>
    <xs:element name="b" type="o:Other"/>
    <xs:element name="c" type="Cham"/>
  </xs:sequence></xs:complexType>
</xs:schema>`)},
		"models/parts/types.xsd": {Data: []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:main">
  <xs:include schemaLocation="../main.xsd"/>
  <xs:simpleType name="Included"><xs:restriction base="xs:string"/></xs:simpleType>
</xs:schema>`)},
		"models/chameleon.xsd": {Data: []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="Cham"><xs:restriction base="ChamBase"/></xs:simpleType>
  <xs:simpleType name="ChamBase"><xs:restriction base="xs:int"/></xs:simpleType>
</xs:schema>`)},
		"models/other.xsd": {Data: []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:other">
  <xs:complexType name="Other"/>
</xs:schema>`)},
	}
	set, err := xsd.Load(fsys, "models/main.xsd", xsd.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(set.Schemas); got != 4 {
		t.Fatalf("loaded %d schemas, want 4", got)
	}
	for _, q := range []xsd.QName{{Space: "urn:main", Local: "Included"}, {Space: "urn:main", Local: "Cham"}, {Space: "urn:main", Local: "ChamBase"}} {
		if set.SimpleType(q) == nil {
			t.Errorf("simple type %v not found", q)
		}
	}
	if set.ComplexType(xsd.QName{Space: "urn:other", Local: "Other"}) == nil {
		t.Errorf("imported type not found")
	}
	root := set.Element(xsd.QName{Space: "urn:main", Local: "Root"})
	if root == nil || root.Type != (xsd.QName{Space: "urn:main", Local: "Local"}) {
		t.Fatalf("root = %+v, want type {urn:main}Local resolved through the default namespace", root)
	}
}

func TestLoadMaxFiles(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"a.xsd": {Data: []byte(head + `><xs:include schemaLocation="b.xsd"/></xs:schema>`)},
		"b.xsd": {Data: []byte(head + `><xs:include schemaLocation="c.xsd"/></xs:schema>`)},
		"c.xsd": {Data: []byte(head + `/>`)},
	}
	if _, err := xsd.Load(fsys, "a.xsd", xsd.Options{MaxFiles: 2}); !errors.Is(err, xsd.ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
	if _, err := xsd.Load(fsys, "a.xsd", xsd.Options{}); err != nil {
		t.Fatal(err)
	}
}
