// SPDX-License-Identifier: MIT

package metadata_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/metadata"
)

func TestFromJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, schema string
		want         string // the rendered tree without the root line
		err          error
	}{
		{
			name: "recursive type stops",
			schema: `{"@xsdRootElement":"r","oneOf":[{"$ref":"#/$defs/node"}],"$defs":{"node":{"properties":{
				"name":{"type":"string","@xsdType":"string"},
				"child":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["name"]}}}`,
			want: "name Field string/string [1..1]\nchild Group object [0..*] repeating recursive\n",
		},
		{
			name: "choice members are optional",
			schema: `{"@xsdRootElement":"r","oneOf":[{"properties":{"a":{"type":"integer"}},"required":["a"]},
				{"properties":{"b":{"type":"boolean"}},"required":["b"]}]}`,
			want: "a Field integer [0..1]\nb Field boolean [0..1]\n",
		},
		{
			name: "restriction chain, nearest facet wins",
			schema: `{"@xsdRootElement":"r","properties":{"t":{"$ref":"#/$defs/T20"},"@a":{}},"$defs":{
				"T50":{"type":"string","@xsdType":"string","maxLength":50,"minLength":1},
				"T20":{"allOf":[{"$ref":"#/$defs/T50"},{"maxLength":20}]}}}`,
			want: "t Field string/string [0..1] maxLength=20 minLength=1\n@a Field any [0..1]\n",
		},
		{
			name: "legacy attribute and root property",
			schema: `{"properties":{"Root":{"$ref":"#/definitions/Root"}},"definitions":{"Root":{"properties":{
				"id":{"type":"integer","@xsdType":"XmlAttribute","const":"7"}},"required":["id"]}}}`,
			want: "id Attribute integer [1..1] fixed=\"7\"\n",
		},
		{name: "dangling ref", schema: `{"@xsdRootElement":"r","properties":{"x":{"$ref":"#/$defs/none"}}}`, err: metadata.ErrInvalid},
		{name: "remote ref", schema: `{"@xsdRootElement":"r","properties":{"x":{"$ref":"http://x/y"}}}`, err: metadata.ErrInvalid},
		{name: "not an object", schema: `[1]`, err: metadata.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := metadata.FromJSON([]byte(tt.schema))
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			_, got, _ := strings.Cut(m.String(), "\n")
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestLookupAndXPath(t *testing.T) {
	t.Parallel()
	m, err := metadata.FromJSON([]byte(`{"@xsdRootElement":"Skjema","properties":{"a":{"properties":{
		"value":{"@xsdText":true,"type":"string"},"orid":{"type":"integer","@xsdAttribute":true}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	for path, xpath := range map[string]string{"a": "/Skjema/a", "a.value": "/Skjema/a", "a.orid": "/Skjema/a/@orid"} {
		f := m.Lookup(path)
		if f == nil || f.XPath != xpath {
			t.Errorf("%s: %+v, want XPath %s", path, f, xpath)
		}
	}
}

func TestSharedRefBlowUp(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	sb.WriteString(`{"@xsdRootElement":"r","properties":{"x":{"$ref":"#/$defs/A0"}},"$defs":{`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&sb, `"A%d":{"allOf":[{"$ref":"#/$defs/A%d"},{"$ref":"#/$defs/A%d"}]},`, i, i+1, i+1)
	}
	sb.WriteString(`"A40":{"type":"string"}}}`)
	_, err := metadata.FromJSON([]byte(sb.String()))
	if !errors.Is(err, metadata.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}
