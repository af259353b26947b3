// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/xmljson"
)

const (
	head = `<skjema xmlns="urn:blankett:test" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" versjon="1.0">`
	tail = `</skjema>`
)

func compact(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestShapes reads XML and checks the JSON, then writes it back and checks
// the round trip.
func TestShapes(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	tests := []struct{ name, xml, json string }{
		{"empty", ``, `{"versjon":"1.0"}`},
		{"string keeps leading zeros and spaces", `<orgnr> 007 </orgnr>`, `{"versjon":"1.0","orgnr":" 007 "}`},
		{"int and decimal are numbers with their digits", `<antall>+0042</antall><belop>0012.50</belop>`, `{"versjon":"1.0","antall":42,"belop":12.50}`},
		{"decimal without integer part", `<belop>-.5</belop>`, `{"versjon":"1.0","belop":-0.5}`},
		{"boolean 1 and 0", `<ja>1</ja>`, `{"versjon":"1.0","ja":true}`},
		{"bad number stays a string", `<antall>12a</antall>`, `{"versjon":"1.0","antall":"12a"}`},
		{"nil", `<dato xsi:nil="true"/>`, `{"versjon":"1.0","dato":null}`},
		{"list", `<tall> 1  2 3 </tall>`, `{"versjon":"1.0","tall":[1,2,3]}`},
		{"simple content value and attribute", `<belopMedValuta valuta="NOK">10.00</belopMedValuta>`, `{"versjon":"1.0","belopMedValuta":{"value":10.00,"valuta":"NOK"}}`},
		{"one repeated element is an array", `<rad><navn>a</navn></rad>`, `{"versjon":"1.0","rad":[{"navn":"a"}]}`},
		{"altinnRowId kept", `<rad altinnRowId="0d3b0f2c-4c70-4a5e-9d7c-3a6a1e2b9f10"><navn>a</navn></rad><rad><navn>b</navn><verdi>1</verdi></rad>`,
			`{"versjon":"1.0","rad":[{"altinnRowId":"0d3b0f2c-4c70-4a5e-9d7c-3a6a1e2b9f10","navn":"a"},{"navn":"b","verdi":1}]}`},
		{"repeated simple element", `<merknad>x</merknad><merknad/>`, `{"versjon":"1.0","merknad":["x",""]}`},
		{"choice", `<foretak>AS</foretak>`, `{"versjon":"1.0","foretak":"AS"}`},
		{"attribute", `<orgnr>1</orgnr>`, `{"versjon":"1.0","orgnr":"1"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := []byte(head + tt.xml + tail)
			res, err := m.ReadXML(bytes.NewReader(in), xmljson.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Mismatches) > 0 {
				t.Fatalf("mismatches: %v", res.Mismatches)
			}
			if got := compact(t, res.Value); got != tt.json {
				t.Errorf("json\n got %s\nwant %s", got, tt.json)
			}
			if strings.Contains(tt.name, "bad number") || strings.Contains(tt.xml, "+00") || strings.Contains(tt.xml, "0012") ||
				strings.Contains(tt.xml, ">1<") && strings.Contains(tt.name, "boolean") || strings.Contains(tt.name, "list") || strings.Contains(tt.xml, "-.5") {
				return // lexical forms JSON cannot keep; see TestNumberSpelling
			}
			roundTrip(t, m, in)
		})
	}
}

// TestWriteJSON writes JSON with maps (as jsonschema.UnmarshalJSON decodes
// it) and checks order, namespaces, nil and the fixed attribute.
func TestWriteJSON(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	tests := []struct{ name, json, xml string }{
		{"order from the schema, fixed attribute filled in",
			`{"ja":false,"orgnr":"01","rad":[{"verdi":1e2,"navn":"x"}]}`,
			`<orgnr>01</orgnr><ja>false</ja><rad><navn>x</navn><verdi>100</verdi></rad>`},
		{"nil and null", `{"dato":null,"orgnr":null}`, `<dato xsi:nil="true"/>`},
		{"simple content", `{"belopMedValuta":{"valuta":"EUR","value":1.5}}`, `<belopMedValuta valuta="EUR">1.5</belopMedValuta>`},
		{"escaping", `{"orgnr":"a<b&c\r\n"}`, `<orgnr>a&lt;b&amp;c&#xD;
</orgnr>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var v any
			d := json.NewDecoder(strings.NewReader(tt.json))
			d.UseNumber()
			if err := d.Decode(&v); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := m.WriteXML(&out, v, xmljson.WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			want := `<?xml version="1.0" encoding="utf-8"?><skjema xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:blankett:test" xmlns:t="urn:blankett:test" versjon="1.0">` + tt.xml + tail
			if out.String() != want {
				t.Errorf("\n got %s\nwant %s", out.String(), want)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	tests := []struct{ name, json, want string }{
		{"unknown property", `{"nope":1}`, `#/nope: property "nope" is not in the schema`},
		{"object for a string", `{"orgnr":{}}`, `#/orgnr: want a string, got an object`},
		{"scalar for an array", `{"rad":{"navn":"x"}}`, `#/rad: want an array`},
		{"bad item", `{"rad":[{"navn":"x"},{"navn":[]}]}`, `#/rad/1/navn: want a string, got an array`},
		{"root not an object", `"x"`, `want an object for <skjema>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := jsonobj.Decode([]byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			err = m.WriteXML(&bytes.Buffer{}, v, xmljson.WriteOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
