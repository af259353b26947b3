// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// TestIncompatible checks that Altinn's incompatible fixtures are rejected
// with the construct and the JSON pointer in the message.
func TestIncompatible(t *testing.T) {
	tests := []struct {
		file string
		want []string // substrings of the message
	}{
		{"InvalidReferenceSchema.json", []string{"#/properties/property1", `$ref "#/$defs/nonExistingreference"`, "does not resolve"}},
		{"OneOfAndPropertiesSchema.json", []string{"jsonxsd: #: properties beside oneOf/allOf"}},
		{"SchemaWithEmptyObjects.json", []string{"#/properties/emptyObjectField", `"type": "object"`, "without properties", "and 3 more"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			in, err := os.ReadFile(testcorpus.Path(t, "jsonschema", "Incompatible", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			_, err = jsonxsd.Convert(in, jsonxsd.Options{})
			if !errors.Is(err, jsonxsd.ErrIncompatible) {
				t.Fatalf("err = %v, want ErrIncompatible", err)
			}
			var e *jsonxsd.Error
			if !errors.As(err, &e) || e.Pointer == "" || e.Construct == "" {
				t.Errorf("err = %#v, want an *Error with pointer and construct", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestInvalidXSD checks that the known-invalid corpus XSD stops the round
// trip at reading, naming the place and the unresolved type.
func TestInvalidXSD(t *testing.T) {
	dir := testcorpus.Path(t, "xsd", "general")
	_, err := xsdjson.ConvertFile(os.DirFS(dir), "SimpleInvalidNonSeresSchema.xsd", xsd.Options{})
	if !errors.Is(err, xsd.ErrInvalid) || !strings.Contains(err.Error(), `SimpleInvalidNonSeresSchema.xsd:6:3: type="MessageV1"`) {
		t.Fatalf("err = %v, want xsd.ErrInvalid at 6:3 naming MessageV1", err)
	}
}

// TestErrors covers the other ways a schema can fail to convert.
func TestErrors(t *testing.T) {
	tests := []struct {
		name, schema string
		err          error
		want         string
	}{
		{"not JSON", `{`, jsonxsd.ErrInvalid, "jsonxsd: #:"},
		{"not an object", `[1]`, jsonxsd.ErrInvalid, "not a JSON object"},
		{"remote ref", `{"properties":{"a":{"$ref":"https://example.com/x.json"}}}`, jsonxsd.ErrIncompatible, "#/properties/a"},
		{"ref beside defs", `{"@xsdRootElement":"r","properties":{"a":{"$ref":"#/$defs/x/properties/y"}},"$defs":{"x":{"properties":{"y":{"type":"string"}}}}}`,
			jsonxsd.ErrIncompatible, "#/properties/a"},
		{"property name", `{"@xsdRootElement":"r","properties":{"two words":{"type":"string"}}}`, jsonxsd.ErrUnsupported, `"two words" is not an XML name`},
		{"def name", `{"$defs":{"1x":{"type":"string"}}}`, jsonxsd.ErrUnsupported, "#/$defs/1x"},
		{"multipleOf", `{"@xsdRootElement":"r","properties":{"a":{"type":"number","multipleOf":0.5}}}`, jsonxsd.ErrUnsupported, "#/properties/a/multipleOf"},
		{"array without items", `{"@xsdRootElement":"r","properties":{"a":{"type":"array"}}}`, jsonxsd.ErrUnsupported, "#/properties/a"},
		{"array def", `{"@xsdRootElement":"r","properties":{"a":{"$ref":"#/$defs/L"}},"$defs":{"L":{"type":"array","items":{"properties":{"x":{"type":"string"}}}}}}`,
			jsonxsd.ErrUnsupported, "#/$defs/L"},
		{"occurs", `{"@xsdRootElement":"r","properties":{"a":{"type":"array","items":{"type":"string"},"minItems":3,"maxItems":2}},"required":["a"]}`,
			jsonxsd.ErrInvalid, "exceed the maximum"},
		{"namespace prefix", `{"@xsdNamespaces":{"1a":"urn:x"}}`, jsonxsd.ErrInvalid, "#/@xsdNamespaces/1a"},
		{"foreign prefix", `{"@xsdRootElement":"r","properties":{"a":{"type":"string","@xsdUnhandledAttributes":{"seres:guid":"g"}}}}`,
			jsonxsd.ErrInvalid, `prefix "seres" is not declared`},
		{"complex attribute", `{"@xsdRootElement":"r","properties":{"a":{"@xsdAttribute":true,"properties":{"b":{"type":"string"}}}}}`,
			jsonxsd.ErrUnsupported, "an attribute must have a simple type"},
		{"two bases", `{"@xsdRootElement":"r","properties":{"a":{"allOf":[{"properties":{"b":{"type":"string"}}},{"$ref":"#/$defs/T"}]}},"$defs":{"T":{"properties":{"c":{"type":"string"}}}}}`,
			jsonxsd.ErrUnsupported, "#/properties/a/allOf/1"},
		{"restriction attributes", `{"@xsdRootElement":"r","properties":{"a":{"type":"string","maxLength":2,"@xsdUnhandledRestrictionAttributes":"x"}}}`,
			jsonxsd.ErrInvalid, "#/properties/a/@xsdUnhandledRestrictionAttributes"},
		{"named type without inline type", `{"@xsdRootElement":"r","properties":{"a":{"type":"string","@xsdNamedType":"string"}}}`,
			jsonxsd.ErrInvalid, "#/properties/a/@xsdNamedType"},
		{"named type not built-in", `{"@xsdRootElement":"r","properties":{"a":{"type":"string","maxLength":2,"@xsdNamedType":"str"}}}`,
			jsonxsd.ErrInvalid, `"str" is not a built-in type`},
		{"named type dangling", `{"@xsdRootElement":"r","properties":{"a":{"type":"string","maxLength":2,"@xsdNamedType":"#/$defs/S"}}}`,
			jsonxsd.ErrIncompatible, `"#/$defs/S" does not point to a definition`},
		{"empty allOf in a content model", `{"oneOf":[{"$ref":"#/$defs/t1"}],"$defs":{"t1":{"allOf":[]}}}`,
			jsonxsd.ErrInvalid, "allOf must not be empty"},
		{"named type complex", `{"@xsdRootElement":"r","properties":{"a":{"type":"string","maxLength":2,"@xsdNamedType":"#/$defs/T"},"b":{"$ref":"#/$defs/T"}},"$defs":{"T":{"properties":{"c":{"type":"string"}}}}}`,
			jsonxsd.ErrInvalid, `"#/$defs/T" is not a simple type`},
		// A def other references make a group, element or attribute is no type.
		{"base is a group", `{"$defs":{"A":{"allOf":[{"$ref":"#/$defs/g1"},{"$ref":"#/$defs/g1","@xsdType":"#ref"}]},"g1":{}}}`,
			jsonxsd.ErrUnsupported, `#/$defs/A/allOf/0/$ref: $ref: reference to group "g1" where a type is expected`},
		{"element type is a group", `{"@xsdRootElement":"r","properties":{"a":{"$ref":"#/$defs/G"}},"$defs":{"T":{"allOf":[{"$ref":"#/$defs/G","@xsdType":"#ref"}]},"G":{"properties":{"x":{"type":"string"}}}}}`,
			jsonxsd.ErrUnsupported, `#/properties/a/$ref: $ref: reference to group "G" where a type is expected`},
		{"attribute type is an element", `{"@xsdRootElement":"r","properties":{"a":{"$ref":"#/$defs/E","@xsdType":"#ref"},"b":{"$ref":"#/$defs/E","@xsdAttribute":true}},"$defs":{"E":{"type":"string"}}}`,
			jsonxsd.ErrUnsupported, `reference to element "E" where a type is expected`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := jsonxsd.Convert([]byte(tc.schema), jsonxsd.Options{})
			if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %v containing %q", err, tc.err, tc.want)
			}
		})
	}
}
