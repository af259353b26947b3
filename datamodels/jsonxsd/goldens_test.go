// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/blankett/blankett/datamodels/jsonxsd/internal/xsdequal"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
)

// TestAltinnGoldens converts the JSON Schemas Altinn ships with an XSD
// beside them (its Json2XmlTestData pairs and the rest of the mirrors) and
// compares the result structurally with that XSD.
func TestAltinnGoldens(t *testing.T) {
	tests := []struct {
		json, xsd string
		diff      string // expected first difference, "" for none
		err       error
	}{
		{json: "AltinnAnnotation.json", xsd: "general/AltinnAnnotation.xsd"},
		// Altinn pairs this one with SimpleSequence.xsd: the JSON type wins
		// over a disagreeing @xsdType.
		{json: "General/SimpleSequence_with_nonCompatible_XsdTypeAndType.json", xsd: "general/SimpleSequence.xsd"},
		// The SERES root may be written with allOf or anyOf instead of oneOf.
		{json: "Seres/SeresBasicSchema_allOf.json", xsd: "seres/SeresBasicSchema.xsd"},
		{json: "Seres/SeresBasicSchema_anyOf.json", xsd: "seres/SeresBasicSchema.xsd"},
		// Altinn's goldens lose what its XSD → JSON drops (README).
		{json: "General/ComplexSchema.json", xsd: "general/ComplexSchema.xsd",
			diff: `/schema/complexType[address_norwegian]/complexContent/restriction/sequence/element[country]: fixed: want "=Norway", got (absent)`},
		{json: "General/NestedWithArrayChoice.json", xsd: "general/NestedWithArrayChoice.xsd",
			diff: "/schema/element[Root]/complexType[]/choice/choice: want choice, got element[i1]"},
		{json: "General/NestedWithOptionalChoice.json", xsd: "general/NestedWithOptionalChoice.xsd",
			diff: "/schema/element[Root]/complexType[]/choice/choice: want choice, got element[i1]"},
		// allOf with two base types: multiple inheritance has no XSD form.
		{json: "General/ComplexContentExtension_negative.json", err: jsonxsd.ErrUnsupported},
	}
	listed := map[string]bool{}
	for _, tc := range tests {
		listed[tc.json] = true
	}
	for _, pair := range [][2]string{{"General", "general"}, {"Seres", "seres"}} {
		files, _ := filepath.Glob(filepath.Join(testcorpus.Path(t, "jsonschema", pair[0]), "*.json"))
		for _, f := range files {
			base := strings.TrimSuffix(filepath.Base(f), ".json")
			if listed[pair[0]+"/"+filepath.Base(f)] {
				continue
			}
			tests = append(tests, struct {
				json, xsd, diff string
				err             error
			}{json: pair[0] + "/" + filepath.Base(f), xsd: pair[1] + "/" + base + ".xsd"})
		}
	}
	for _, tc := range tests {
		t.Run(tc.json, func(t *testing.T) {
			xsdPath := ""
			if tc.xsd != "" {
				xsdPath = testcorpus.Path(t, "xsd", filepath.FromSlash(tc.xsd))
			}
			in, err := os.ReadFile(testcorpus.Path(t, "jsonschema", filepath.FromSlash(tc.json)))
			if err != nil {
				t.Fatal(err)
			}
			out, err := jsonxsd.Convert(in, jsonxsd.Options{})
			if tc.err != nil || err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("Convert: err = %v, want %v", err, tc.err)
				}
				return
			}
			if _, err := os.Stat(xsdPath); err != nil {
				// No XSD to compare with: the output must still be a schema.
				parsed, err := xsd.Parse(out, "out.xsd", xsd.Options{})
				if err == nil {
					_, err = xsd.NewSet(parsed)
				}
				if err != nil {
					t.Errorf("output is not a usable XSD: %v\n%s", err, out)
				}
				return
			}
			want, err := xsd.Load(os.DirFS(filepath.Dir(xsdPath)), filepath.Base(xsdPath), xsd.Options{})
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := xsd.Parse(out, "out.xsd", xsd.Options{})
			if err != nil {
				t.Fatalf("read output: %v", err)
			}
			got, err := xsd.NewSet(parsed)
			if err != nil {
				t.Fatalf("check output: %v", err)
			}
			if d := xsdequal.Diff(want, got); d != tc.diff {
				t.Errorf("first difference:\n got: %s\nwant: %s", d, tc.diff)
			}
		})
	}
}
