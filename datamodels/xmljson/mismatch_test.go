// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/blankett/blankett/datamodels/xmljson"
)

// TestMismatches checks that XML not fitting the schema is converted as far
// as it goes and each misfit reported with its code and place.
func TestMismatches(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	tests := []struct{ name, xml, want string }{
		{"unknown element", `<nope>1</nope><orgnr>1</orgnr>`, `unknownElement /nope {urn:blankett:test}nope`},
		{"unknown attribute", `<rad x="1"><navn>a</navn></rad>`, `unknownAttribute /rad/0 x`},
		{"order", `<antall>1</antall><orgnr>1</orgnr>`, `elementOrder /orgnr {urn:blankett:test}orgnr`},
		{"repeated", `<orgnr>1</orgnr><orgnr>2</orgnr>`, `notRepeatable /orgnr {urn:blankett:test}orgnr`},
		{"namespace", `<orgnr xmlns="">1</orgnr>`, `namespace /orgnr orgnr`},
		{"text in element-only content", `<rad>x<navn>a</navn></rad>`, `textNotAllowed /rad/0 `},
		{"choice", `<person>a</person><foretak>b</foretak>`, `choice /foretak foretak`},
		{"not nillable", `<orgnr xsi:nil="true"/>`, `notNillable /orgnr {urn:blankett:test}orgnr`},
		{"nil with content", `<dato xsi:nil="true">2020-01-01</dato>`, `nilNotEmpty /dato dato`},
		{"children in a simple element", `<orgnr><x/></orgnr>`, `elementsNotAllowed /orgnr {urn:blankett:test}x`},
		{"altinnRowId only on rows", `<orgnr altinnRowId="x">1</orgnr>`, `unknownAttribute /orgnr altinnRowId`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := m.ReadXML(bytes.NewReader([]byte(head+tt.xml+tail)), xmljson.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Mismatches) != 1 {
				t.Fatalf("mismatches %v, want one", res.Mismatches)
			}
			mm := res.Mismatches[0]
			if got := fmt.Sprintf("%s %s %s", mm.Code, mm.Pointer, mm.Name); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if mm.Line != 1 {
				t.Errorf("line %d, want 1", mm.Line)
			}
		})
	}
}
