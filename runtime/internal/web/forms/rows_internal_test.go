// SPDX-License-Identifier: MIT

package forms

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/app"
)

// TestSetChoiceRows posts component-library's group-bound MultipleSelect
// (deletionStrategy soft, checked binding): new choices become rows, an
// unchosen row is kept unchecked, a chosen-again row is checked again.
func TestSetChoiceRows(t *testing.T) {
	dir := os.Getenv("BLANKETT_CORPUS_DIR")
	if dir == "" {
		t.Skip("BLANKETT_CORPUS_DIR not set: corpus apps not available")
	}
	a, err := app.Load(os.DirFS(filepath.Join(dir, "apps", "component-library")), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ls := a.LayoutSet("ComponentLayouts")
	row := func(name string, checked bool) string {
		return `{"Internal":{"isChecked":` + map[bool]string{true: "true", false: "false"}[checked] + `},"Name":{"firstname":"` + name + `"}}`
	}
	tests := []struct {
		name, rows string
		posted     []string
		want       string
	}{
		{"first choices", ``, []string{"", "Kari", "Petter"}, `[` + row("Kari", true) + `,` + row("Petter", true) + `]`},
		{"soft delete", `[` + row("Kari", true) + `,` + row("Petter", true) + `]`, []string{"", "Petter"}, `[` + row("Kari", false) + `,` + row("Petter", true) + `]`},
		{"chosen again", `[` + row("Kari", false) + `]`, []string{"", "Kari"}, `[` + row("Kari", true) + `]`},
		{"duplicate posted", ``, []string{"", "Kari", "Kari"}, `[` + row("Kari", true) + `]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			model := map[string]any{}
			if tt.rows != "" {
				var list []any
				if err := json.Unmarshal([]byte(tt.rows), &list); err != nil {
					t.Fatal(err)
				}
				model["MultiselectGroupExample"] = list
			}
			dt, ok := setChoiceRows(map[string]any{"model": model}, ls, "MultipleSelectPage-Checkboxes2", tt.posted)
			if !ok || dt != "model" {
				t.Fatalf("setChoiceRows = %q %v", dt, ok)
			}
			got, _ := json.Marshal(model["MultiselectGroupExample"])
			if string(got) != tt.want {
				t.Errorf("rows\n got %s\nwant %s", got, tt.want)
			}
		})
	}
	if _, ok := setChoiceRows(map[string]any{"model": map[string]any{}}, ls, "InputPage-Input", []string{"x"}); ok {
		t.Error("a component without a group binding took rows")
	}
}

// TestEditedValue picks the edited one of several inputs bound to one field;
// before, they were joined with commas ("a,a,b,a").
func TestEditedValue(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		stored any
		want   string
		ok     bool
	}{
		{"one input", []string{"a"}, "x", "", false},
		{"checkbox group", []string{"", "a", "b"}, nil, "", false},
		{"third edited", []string{"a", "a", "b", "a"}, "a", "b", true},
		{"first edited", []string{"b", "a"}, "a", "b", true},
		{"none edited", []string{"a", "a"}, "a", "a", true},
		{"number stored", []string{"42", "43"}, json.Number("42"), "43", true},
		{"first fill", []string{"a", ""}, nil, "a", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := editedValue(tt.values, tt.stored)
			if got != tt.want || ok != tt.ok {
				t.Errorf("editedValue = %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
