// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/blankett/blankett/datamodels/xsd"
)

// TestAttributeDefaults: XSD allows an attribute's default only when it is
// optional and has no fixed value, so a required or constant attribute loses
// its default and the schema still reads.
func TestAttributeDefaults(t *testing.T) {
	tests := []struct {
		name, prop, required string
		want, not            string
	}{
		{"optional keeps its default", `{"default":"x","@xsdAttribute":true}`, `[]`, `default="x"`, `use="required"`},
		{"required drops it", `{"default":"x","@xsdAttribute":true}`, `["a"]`, `use="required"`, `default=`},
		{"fixed wins over it", `{"default":"x","const":"y","@xsdAttribute":true}`, `[]`, `fixed="y"`, `default=`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `{"properties":{"a":` + tt.prop + `},"required":` + tt.required + `}`
			out, err := jsonxsd.Convert([]byte(doc), jsonxsd.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tt.want) || strings.Contains(string(out), tt.not) {
				t.Errorf("want %s and no %s:\n%s", tt.want, tt.not, out)
			}
			if _, err := xsd.Load(fstest.MapFS{"m.xsd": {Data: out}}, "m.xsd", xsd.Options{}); err != nil {
				t.Errorf("the XSD does not read: %v\n%s", err, out)
			}
		})
	}
}
