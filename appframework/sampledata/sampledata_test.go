// SPDX-License-Identifier: MIT

package sampledata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/metadata"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

func TestExample(t *testing.T) {
	t.Parallel()
	for _, pattern := range []string{
		`[0-9]{4}`, `\d{11}`, `[A-Z]{2}-\d+`, `(ja|nei)`, `[^@]+@[^@]+\.[a-z]{2,}`,
		`.{3,10}`, `\p{L}+`, `[1-9][0-9]{8}`, `(\+47)?[0-9]{8}`, `[a-zA-Z0-9._%+-]+@[a-z]+\.no`,
	} {
		t.Run(pattern, func(t *testing.T) {
			t.Parallel()
			s, ok := example(pattern)
			if !ok {
				t.Fatalf("no example for %q", pattern)
			}
			if !regexp.MustCompile("^(?:" + pattern + ")$").MatchString(s) {
				t.Fatalf("example %q does not match %q", s, pattern)
			}
		})
	}
	if _, ok := example(`[`); ok {
		t.Error("a broken pattern gave an example")
	}
}

func TestNumber(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		r       map[string]any
		want    float64
		integer bool
		out     float64
	}{
		{"free", nil, 42, true, 42},
		{"minimum", map[string]any{"minimum": int64(100)}, 42, true, 100},
		{"maximum", map[string]any{"maximum": int64(10)}, 42, true, 10},
		{"exclusive", map[string]any{"exclusiveMaximum": int64(10)}, 42, true, 9},
		{"digits", map[string]any{"totalDigits": int64(1)}, 42, true, 2},
		{"range", map[string]any{"minimum": 0.5, "maximum": 0.75}, 1234.5, false, 0.75},
		{"multiple", map[string]any{"multipleOf": int64(5)}, 42, true, 45},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := number(tc.r, tc.want, tc.integer); got != tc.out {
				t.Errorf("number = %v, want %v", got, tc.out)
			}
		})
	}
}

const schema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "@xsdRootElement": "Skjema",
  "type": "object",
  "oneOf": [{"$ref": "#/$defs/Skjema"}],
  "$defs": {
    "Skjema": {
      "type": "object",
      "properties": {
        "Navn": {"type": "string", "maxLength": 5},
        "Epost": {"type": "string"},
        "Postnr": {"type": "string", "pattern": "[0-9]{4}"},
        "Alder": {"type": "integer", "minimum": 18, "maximum": 30},
        "Fodt": {"type": "string", "format": "date"},
        "Farge": {"type": "string", "enum": ["rod", "bla"]},
        "Samtykke": {"type": "boolean"},
        "Barn": {"type": "array", "items": {"$ref": "#/$defs/Barn"}}
      }
    },
    "Barn": {"type": "object", "properties": {"Fornavn": {"type": "string"}}}
  }
}`

func TestBuild(t *testing.T) {
	t.Parallel()
	m, err := metadata.FromJSON([]byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(Build(m, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"Alder":30,"Barn":[{"Fornavn":"Ola"},{"Fornavn":"Ola"}],"Epost":"ola.nordmann@example.no","Farge":"rod","Fodt":"2024-05-17","Navn":"Ola N","Postnr":"0150","Samtykke":true}`
	if string(got) != want {
		t.Errorf("Build =\n %s\nwant\n %s", got, want)
	}
	if len(Build(nil, Options{})) != 0 {
		t.Error("Build(nil) is not empty")
	}
	capped := Build(m, Options{MaxValues: 3})
	if len(capped) != 3 {
		t.Errorf("MaxValues 3 gave %d values", len(capped))
	}
}

// TestCorpus builds data for every model of the corpus apps and checks each
// pattern-restricted value against its pattern.
func TestCorpus(t *testing.T) {
	t.Parallel()
	dir := testcorpus.Path(t, "apps")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	models := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		a, err := app.Load(os.DirFS(filepath.Join(dir, e.Name())), app.Options{})
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		data := ForApp(a, Options{})
		for name, m := range a.Models {
			id := name
			if m.DataType != nil {
				id = m.DataType.ID
			}
			root, _ := data[id].(map[string]any)
			if root == nil {
				t.Errorf("%s: no data for model %s", e.Name(), name)
				continue
			}
			models++
			checkPatterns(t, e.Name()+"/"+name, m.Fields.Fields, root)
		}
	}
	t.Logf("sampledata: %d models", models)
}

func checkPatterns(t *testing.T, where string, fields []*metadata.FieldInfo, obj map[string]any) {
	t.Helper()
	for _, f := range fields {
		v, ok := obj[f.Name]
		if !ok {
			continue
		}
		items := []any{v}
		if f.Repeating {
			items, _ = v.([]any)
		}
		for _, it := range items {
			if sub, ok := it.(map[string]any); ok {
				checkPatterns(t, where, f.Children, sub)
				continue
			}
			p, _ := f.Restrictions["pattern"].(string)
			s, isStr := it.(string)
			if re := compilePattern(p); re != nil && isStr && !re.MatchString(s) {
				if _, ok := example(p); ok {
					t.Errorf("%s %s: %q does not match %q", where, f.Path, s, p)
				}
			}
		}
	}
}
