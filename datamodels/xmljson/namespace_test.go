// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/xmljson"
)

// bareHead is head written without namespaces: no default xmlns, so the
// root and its unprefixed children are in no namespace.
const bareHead = `<skjema xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" versjon="1.0">`

// TestReadWithoutNamespace: a document written without namespaces reads, for
// a model with a target namespace, to the same value as the namespaced one,
// as Altinn's ModelDeserializer reads it on its retry; what WriteXML makes
// of the value carries the model's namespace again.
func TestReadWithoutNamespace(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	tests := []struct{ name, xml, json string }{
		{"empty", ``, `{"versjon":"1.0"}`},
		{"fields, nil, repeating rows",
			`<orgnr>01</orgnr><ja>true</ja><dato xsi:nil="true"/><belopMedValuta valuta="NOK">10.5</belopMedValuta>` +
				`<rad><navn>a</navn></rad><rad><navn>b</navn><verdi>2</verdi></rad><merknad>x</merknad>`,
			`{"versjon":"1.0","orgnr":"01","ja":true,"dato":null,"belopMedValuta":{"value":10.5,"valuta":"NOK"},"rad":[{"navn":"a"},{"navn":"b","verdi":2}],"merknad":["x"]}`},
		{"a child qualified with the model's namespace",
			`<orgnr xmlns="urn:blankett:test">01</orgnr><rad xmlns="urn:blankett:test"><navn>a</navn></rad>`,
			`{"versjon":"1.0","orgnr":"01","rad":[{"navn":"a"}]}`},
		{"a prefix bound to the model's namespace",
			`<t:orgnr xmlns:t="urn:blankett:test">01</t:orgnr>`,
			`{"versjon":"1.0","orgnr":"01"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			bare := read(t, m, bareHead+tt.xml+tail)
			if len(bare.Mismatches) > 0 {
				t.Errorf("mismatches: %v", bare.Mismatches)
			}
			if got := compact(t, bare.Value); got != tt.json {
				t.Errorf("json\n got %s\nwant %s", got, tt.json)
			}
			full := read(t, m, head+tt.xml+tail)
			if got, want := compact(t, bare.Value), compact(t, full.Value); got != want {
				t.Errorf("namespaced document reads differently\n got %s\nwant %s", got, want)
			}
			var fromBare, fromFull bytes.Buffer
			if err := m.WriteXML(&fromBare, bare.Value, xmljson.WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := m.WriteXML(&fromFull, full.Value, xmljson.WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			if fromBare.String() != fromFull.String() || !strings.Contains(fromBare.String(), `xmlns="urn:blankett:test"`) {
				t.Errorf("written\n got %s\nwant %s", fromBare.String(), fromFull.String())
			}
		})
	}
}

// TestReadWithoutNamespaceMismatches: in a document without namespaces an
// element qualified with another namespace is reported as it is in the
// namespaced document.
func TestReadWithoutNamespaceMismatches(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	tests := []struct{ name, xml, want string }{
		{"known name in another namespace", `<orgnr xmlns="urn:other">1</orgnr>`,
			`namespace /orgnr {urn:other}orgnr (want urn:blankett:test)`},
		{"unknown name in another namespace", `<o:nope xmlns:o="urn:other">1</o:nope><orgnr>1</orgnr>`,
			`unknownElement /nope {urn:other}nope`},
		{"row child in another namespace", `<rad><navn xmlns="urn:other">a</navn></rad>`,
			`namespace /rad/0/navn {urn:other}navn (want urn:blankett:test)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			bare := read(t, m, bareHead+tt.xml+tail)
			var got []string
			for _, mm := range bare.Mismatches {
				s := fmt.Sprintf("%s %s %s", mm.Code, mm.Pointer, mm.Name)
				if mm.Want != "" {
					s += " (want " + mm.Want + ")"
				}
				got = append(got, s)
			}
			if strings.Join(got, "; ") != tt.want {
				t.Errorf("mismatches\n got %q\nwant %q", got, tt.want)
			}
			full := read(t, m, head+tt.xml+tail)
			if fmt.Sprint(bare.Mismatches) != fmt.Sprint(full.Mismatches) {
				t.Errorf("namespaced document differs\n got %v\nwant %v", bare.Mismatches, full.Mismatches)
			}
		})
	}
}

// TestReadRootNamespace: the leniency is for a document without namespaces
// only; a root in another namespace or with another name is still refused,
// and a model without a target namespace reads as before.
func TestReadRootNamespace(t *testing.T) {
	t.Parallel()
	shapes := modelFor(t, "testdata:shapes.xsd")
	plain := modelFor(t, "testdata:xsall-example.xsd")
	tests := []struct {
		name string
		m    *xmljson.Model
		xml  string
		err  error  // nil: reads
		want string // the error's text, or the value and mismatches
	}{
		{"root in another namespace", shapes, `<skjema xmlns="urn:other" versjon="1.0"/>`, xmljson.ErrRoot,
			`<skjema> in namespace "urn:other", want <skjema> in namespace "urn:blankett:test"`},
		{"prefixed root in another namespace", shapes, `<o:skjema xmlns:o="urn:other" versjon="1.0"/>`, xmljson.ErrRoot,
			`<skjema> in namespace "urn:other", want <skjema> in namespace "urn:blankett:test"`},
		{"another root name without namespace", shapes, `<melding><orgnr>1</orgnr></melding>`, xmljson.ErrRoot,
			`<melding> in namespace "", want <skjema> in namespace "urn:blankett:test"`},
		{"no target namespace: plain document", plain, `<root><count>1</count><classRef><name>a</name></classRef></root>`, nil,
			`{"classRef":{"name":"a"},"count":1} []`},
		{"no target namespace: root in a namespace", plain, `<root xmlns="urn:other"/>`, xmljson.ErrRoot,
			`<root> in namespace "urn:other", want <root> in namespace ""`},
		{"no target namespace: child in a namespace", plain, `<root><count xmlns="urn:other">1</count></root>`, nil,
			`{"count":1} [xmljson: line 1: /count: namespace "{urn:other}count" (want no namespace)]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := tt.m.ReadXML(strings.NewReader(tt.xml), xmljson.ReadOptions{})
			if tt.err != nil {
				if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("err = %v, want %v containing %q", err, tt.err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := compact(t, res.Value) + " " + fmt.Sprint(res.Mismatches); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func read(t *testing.T, m *xmljson.Model, doc string) *xmljson.Result {
	t.Helper()
	res, err := m.ReadXML(strings.NewReader(doc), xmljson.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
