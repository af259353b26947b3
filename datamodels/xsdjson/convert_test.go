// SPDX-License-Identifier: MIT

package xsdjson_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

var update = flag.Bool("update", false, "rewrite testdata/convert/*.schema.json from the converter")

// TestConvertTestdata converts our own fixtures and compares them with their
// goldens; run with -update to rewrite the goldens after a reviewed change.
func TestConvertTestdata(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"include-main.xsd", "groups.xsd"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := xsdjson.ConvertFile(os.DirFS("testdata/convert"), name, xsd.Options{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := xsdjson.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata/convert", strings.TrimSuffix(name, ".xsd")+".schema.json")
			if *update {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(b, want) {
				diffs := jsonDiff("", decodeJSON(t, b), decodeJSON(t, want))
				t.Errorf("%s differs from %s:\n\t%s", name, golden, strings.Join(diffs, "\n\t"))
			}
		})
	}
}

func TestConvertErrors(t *testing.T) {
	t.Parallel()
	const head = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
`
	tests := []struct {
		name, body string
		want       error
		msg        string
	}{
		{"union", `<xs:simpleType name="U"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>`, xsdjson.ErrUnsupported, `main.xsd:2:25: xs:union "U": unions`},
		{"any in choice", `<xs:complexType name="T"><xs:choice><xs:any/></xs:choice></xs:complexType>`, xsdjson.ErrUnsupported, "main.xsd:2:37: xs:any"},
		{"import", `<xs:import namespace="urn:x"/>`, xsdjson.ErrUnsupported, "main.xsd:2:1: xs:import: imports are not supported"},
		{"key", `<xs:element name="R"><xs:complexType/><xs:key name="k"><xs:selector xpath="a"/><xs:field xpath="@id"/></xs:key></xs:element>`, xsdjson.ErrUnsupported, `xs:key "k": identity constraints`},
		{"mixed", `<xs:complexType name="T" mixed="true"/>`, xsdjson.ErrUnsupported, "mixed content"},
		{"duplicate property", `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:int"/><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType>`, xsdjson.ErrInvalid, `two properties named "a"`},
		{"type and foreign inline type", `<xs:element name="e" type="xs:int"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element>`, xsdjson.ErrUnsupported, "does not restrict it"},
		{"bad range", `<xs:simpleType name="S"><xs:restriction base="xs:int"><xs:maxInclusive value="ten"/></xs:restriction></xs:simpleType>`, xsdjson.ErrUnsupported, `main.xsd:2:55: xs:maxInclusive: value "ten" is not a decimal number`},
		{"same name twice", `<xs:element name="R" type="xs:int"/><xs:element name="X" type="xs:int"/><xs:complexType name="X"/>`, xsdjson.ErrUnsupported, `two global components named "X"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"main.xsd": {Data: []byte(head + tt.body + "\n</xs:schema>")}}
			_, err := xsdjson.ConvertFile(fsys, "main.xsd", xsd.Options{})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, tt.want, tt.msg)
			}
		})
	}
}
