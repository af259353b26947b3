// SPDX-License-Identifier: MIT

package validation

import (
	"context"
	"os"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// TestGroupChoiceRequired checks a required MultipleSelect bound to a group
// (component-library): it is filled by a row whose checked field is not false.
func TestGroupChoiceRequired(t *testing.T) {
	a, err := app.Load(os.DirFS(testcorpus.Path(t, "apps", "component-library")), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	row := func(name string, checked any) map[string]any {
		return map[string]any{"Name": map[string]any{"firstname": name}, "Internal": map[string]any{"isChecked": checked}}
	}
	tests := []struct {
		name string
		rows []any
		want bool // required issue on the component
	}{
		{"no rows", nil, true},
		{"soft-deleted row", []any{row("Kari", false)}, true},
		{"empty value", []any{row("", true)}, true},
		{"checked row", []any{row("Kari", false), row("Petter", true)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := map[string]any{}
			if tt.rows != nil {
				data["MultiselectGroupExample"] = tt.rows
			}
			ls := a.LayoutSet("ComponentLayouts")
			issues, err := New(a).Validate(context.Background(), Input{LayoutSet: ls, Data: map[string]any{"model": data}})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, is := range issues {
				if is.ComponentID == "MultipleSelectPage-Checkboxes2" && is.Code == CodeRequired {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("required issue %v, want %v: %+v", got, tt.want, issues)
			}
		})
	}
}
