// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/xmljson"
)

// TestRepeatingSequence: (i1, i2)* comes back interleaved, and elements that
// do not form whole passes are reported, from XML and from JSON.
func TestRepeatingSequence(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "general/NestedWithArraySequence.xsd")
	ok := `<Root><i1>a</i1><i2>b</i2><i1>c</i1><i2>d</i2><o1>x</o1><o2>y</o2></Root>`
	out := roundTrip(t, m, []byte(ok))
	if !bytes.Contains(out, []byte("<i1>a</i1>\n  <i2>b</i2>\n  <i1>c</i1>")) {
		t.Errorf("not interleaved:\n%s", out)
	}
	res, err := m.ReadXML(strings.NewReader(`<Root><i1>a</i1><i2>b</i2><i1>c</i1><o1>x</o1><o2>y</o2></Root>`), xmljson.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Mismatches) != 1 || res.Mismatches[0].Code != xmljson.CodeSequence || res.Mismatches[0].Pointer != "/i1" {
		t.Errorf("mismatches %v", res.Mismatches)
	}
	v, _ := jsonobj.Decode([]byte(`{"i1":["a","c"],"i2":["b"],"o1":"x","o2":"y"}`))
	if ms := m.Check(v); len(ms) != 1 || ms[0].Code != xmljson.CodeSequence {
		t.Errorf("check %v", ms)
	}
}

// TestCheck: JSON that no XML could carry is reported.
func TestCheck(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	tests := []struct{ json, want string }{
		{`{"versjon":"1.0","rad":[{"altinnRowId":"x","navn":"a"}]}`, ``},
		{`{"versjon":"1.0","altinnRowId":"x"}`, `unknownProperty /altinnRowId`},
		{`{"versjon":"1.0","rad":{"navn":"a"}}`, `shape /rad`},
		{`{"versjon":"1.0","orgnr":{"a":1}}`, `shape /orgnr`},
		{`{"versjon":"1.0","belopMedValuta":"1"}`, `shape /belopMedValuta`},
		{`{"versjon":"1.0","person":"a","foretak":"b"}`, `choice /foretak`},
	}
	for _, tt := range tests {
		v, err := jsonobj.Decode([]byte(tt.json))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, mm := range m.Check(v) {
			got = append(got, mm.Code+" "+mm.Pointer)
		}
		if strings.Join(got, ", ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.json, got, tt.want)
		}
	}
}
