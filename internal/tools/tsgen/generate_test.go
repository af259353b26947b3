// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

var update = flag.Bool("update", false, "rewrite testdata/out.ts")

// TestGolden generates testdata/in.yaml, which uses every construct the generator
// maps, and compares with testdata/out.ts (go test -update rewrites it).
func TestGolden(t *testing.T) {
	got, err := generateFile(context.Background(), "testdata/in.yaml")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "out.ts")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("generated:\n%s\nwant (testdata/out.ts; go test -update rewrites it):\n%s", got, want)
	}
}

func TestTypes(t *testing.T) {
	str := &openapi3.Types{"string"}
	tests := []struct {
		name   string
		schema *openapi3.SchemaRef
		want   string
	}{
		{"ref", &openapi3.SchemaRef{Ref: "#/components/schemas/Org"}, "Org"},
		{"string", openapi3.NewStringSchema().NewRef(), "string"},
		{"integer", openapi3.NewIntegerSchema().NewRef(), "number"},
		{"nullable 3.0", openapi3.NewStringSchema().WithNullable().NewRef(), "string | null"},
		{"type list 3.1", &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string", "null"}}}, "string | null"},
		{"enum", openapi3.NewStringSchema().WithEnum("a", "b").NewRef(), `"a" | "b"`},
		{"array of union", openapi3.NewArraySchema().WithItems(&openapi3.Schema{Type: &openapi3.Types{"integer", "null"}}).NewRef(), "(number | null)[]"},
		{"map", openapi3.NewObjectSchema().WithAdditionalProperties(&openapi3.Schema{Type: str}).NewRef(), "Record<string, string>"},
		{"open object", openapi3.NewObjectSchema().NewRef(), "Record<string, unknown>"},
		{"empty schema", &openapi3.SchemaRef{Value: &openapi3.Schema{}}, "unknown"},
		{"nil", nil, "unknown"},
		{"allOf", &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{
			{Ref: "#/components/schemas/A"}, {Ref: "#/components/schemas/B"}}}}, "A & B"},
		{"anyOf", &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: openapi3.SchemaRefs{
			{Ref: "#/components/schemas/A"}, openapi3.NewBoolSchema().NewRef()}}}, "A | boolean"},
		{"required without property", &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"hash"}}},
			"{\n  hash: unknown;\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tsType(tt.schema, ""); got != tt.want {
				t.Errorf("tsType = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNoSchemas(t *testing.T) {
	_, err := Generate(&openapi3.T{OpenAPI: "3.1.0"}, "x.yaml")
	if !errors.Is(err, errNoSchemas) {
		t.Fatalf("err = %v, want errNoSchemas", err)
	}
}

func TestBadSchemaName(t *testing.T) {
	doc := &openapi3.T{Components: &openapi3.Components{Schemas: openapi3.Schemas{
		"not-an-ident": openapi3.NewStringSchema().NewRef()}}}
	if _, err := Generate(doc, "x.yaml"); err == nil {
		t.Fatal("a schema name with '-' was accepted")
	}
}

// TestCommittedTypesUpToDate fails when designer-ui/src/api/types.ts is not what
// the generator writes from studio/api/openapi.yaml now.
func TestCommittedTypesUpToDate(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	wd, _ := os.Getwd()
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	got, err := generateFile(context.Background(), "studio/api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("designer-ui/src/api/types.ts")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, have) {
		t.Fatal("designer-ui/src/api/types.ts is stale: run `make ui-types` " +
			"(go run ./internal/tools/tsgen -in studio/api/openapi.yaml -out designer-ui/src/api/types.ts)")
	}
}

func TestGroup(t *testing.T) {
	tests := map[string]string{
		"string":                "string",
		"string | null":         "(string | null)",
		"(number | null)[]":     "(number | null)[]",
		"A & B":                 "(A & B)",
		"{\n  a: x | y;\n}":     "{\n  a: x | y;\n}",
		"Record<string, a | b>": "Record<string, a | b>",
	}
	for in, want := range tests {
		if got := group(in); got != want {
			t.Errorf("group(%q) = %q, want %q", in, got, want)
		}
	}
}
