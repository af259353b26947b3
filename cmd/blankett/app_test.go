// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
)

// runCLI runs the root command in-process and returns its output and error.
func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCommand()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), err
}

func copyFile(t *testing.T, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestConvertXSD(t *testing.T) {
	dir := t.TempDir()
	xsd := copyFile(t, testcorpus.Path(t, "xsd", "real", "dat-bilpleie-soknad.xsd"), dir)
	bad := filepath.Join(dir, "broken.xsd")
	if err := os.WriteFile(bad, []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="nope"/></xs:schema>`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantFile string
		wantErr  string
		usage    bool
	}{
		{"beside", []string{"app", "convert-xsd", xsd}, filepath.Join(dir, "dat-bilpleie-soknad.schema.json"), "", false},
		{"output flag", []string{"app", "convert-xsd", xsd, "-o", filepath.Join(dir, "m.json")}, filepath.Join(dir, "m.json"), "", false},
		{"undeclared type", []string{"app", "convert-xsd", bad}, "", "broken.xsd:1", false},
		{"missing file", []string{"app", "convert-xsd", filepath.Join(dir, "none.xsd")}, "", "no such file", true},
		{"no argument", []string{"app", "convert-xsd"}, "", "accepts 1 arg", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				var ue usageError
				if errors.As(err, &ue) != tt.usage {
					t.Fatalf("usage error = %v, want %v", !tt.usage, tt.usage)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, "wrote "+tt.wantFile) {
				t.Fatalf("output %q", out)
			}
			b, err := os.ReadFile(tt.wantFile)
			if err != nil {
				t.Fatal(err)
			}
			var schema map[string]any
			if err := json.Unmarshal(b, &schema); err != nil || schema["$schema"] == nil || schema["@xsdRootElement"] == nil && schema["oneOf"] == nil {
				t.Fatalf("not an Altinn JSON Schema (%v): %.200s", err, b)
			}
		})
	}
}

func TestJSONSchemaToXSD(t *testing.T) {
	dir := t.TempDir()
	xsd := copyFile(t, testcorpus.Path(t, "xsd", "real", "dat-bilpleie-soknad.xsd"), dir)
	if _, err := runCLI(t, "app", "convert-xsd", xsd, "-o", filepath.Join(dir, "m.schema.json")); err != nil {
		t.Fatal(err)
	}
	incompatible := filepath.Join(dir, "bad.schema.json")
	if err := os.WriteFile(incompatible, []byte(`{"type": "object", "properties": {"a": {"$ref": "#/$defs/missing"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(dir, "nojson.schema.json")
	if err := os.WriteFile(notJSON, []byte(`<xml/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, wantFile, wantErr string
	}{
		{"round trip", filepath.Join(dir, "m.schema.json"), filepath.Join(dir, "m.xsd"), ""},
		{"dangling ref", incompatible, "", "/properties/a"},
		{"not JSON", notJSON, "", "jsonxsd"},
		{"missing", filepath.Join(dir, "none.json"), "", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, "app", "xsd", tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !strings.Contains(out, "wrote "+tt.wantFile) {
				t.Fatalf("out %q, err %v", out, err)
			}
			b, err := os.ReadFile(tt.wantFile)
			if err != nil || !strings.Contains(string(b), "<xs:schema") && !strings.Contains(string(b), "<xsd:schema") {
				t.Fatalf("not an XSD (%v): %.200s", err, b)
			}
		})
	}
}

func TestValidateData(t *testing.T) {
	dir := t.TempDir()
	model := testcorpus.Path(t, "xsd", "seres", "SeresBasicSchema.xsd")
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jsonModel := filepath.Join(dir, "m.schema.json")
	if _, err := runCLI(t, "app", "convert-xsd", model, "-o", jsonModel); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    []string
		wantErr string
		usage   bool
	}{
		{"valid corpus XML", []string{"--model", model, testcorpus.Path(t, "xml", "Seres", "SeresBasic.xml")}, []string{"valid"}, "", false},
		{"valid JSON against JSON Schema", []string{"--model", jsonModel, write("ok.json", `{"e1": "Yo"}`)}, []string{"valid"}, "", false},
		{"repeated and unknown elements", []string{"--model", model, write("bad.xml", "<melding><e1>a</e1><e1>b</e1><zz/></melding>")},
			[]string{"e1: ", "[notRepeatable]", "zz: ", "[unknownElement]"}, "data is invalid: 2 issues", false},
		{"wrong type in nb", []string{"--lang", "nb", "--model", model, write("bad.json", `{"e1": 5}`)},
			[]string{"e1: Verdien har feil type", "[type]"}, "data is invalid: 1 issue", false},
		{"json output", []string{"--format", "json", "--model", model, write("bad2.json", `{"e1": 5}`)},
			[]string{`"code": "type"`, `"path": "e1"`}, "data is invalid", false},
		{"truncated XML", []string{"--model", model, write("trunc.xml", "<melding><e1>")}, nil, "document ends inside an element", false},
		{"missing model flag", []string{write("x.xml", "<melding/>")}, nil, "--model is required", true},
		{"unknown extension", []string{"--model", model, write("x.txt", "")}, nil, "want a .xml or .json file", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, append([]string{"app", "validate-data"}, tt.args...)...)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q; output:\n%s", err, tt.wantErr, out)
			}
			var ue usageError
			if errors.As(err, &ue) != tt.usage {
				t.Fatalf("usage error = %v, want %v", !tt.usage, tt.usage)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}
