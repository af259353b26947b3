// SPDX-License-Identifier: MIT

package validation_test

import (
	"context"
	"testing"

	"github.com/blankett/blankett/appframework/validation"
)

func TestModelSchemas(t *testing.T) {
	a := loadFixture(t)
	v := validation.New(a)
	tests := []struct {
		name, data, lang, want string
	}{
		{"valid", `{"Navn": "Kari", "Alder": 40}`, "", ""},
		{"wrong type in nb", `{"Navn": "Kari", "Alder": "førti"}`, "nb", "Schema error type Alder Verdien har feil type (forventet number).\n"},
		{"wrong type in en", `{"Navn": "Kari", "Alder": "forty"}`, "en", "Schema error type Alder "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var skipped []error
			issues, err := v.Validate(context.Background(), validation.Input{LayoutSet: a.LayoutSets[0], TaskID: "Task_1",
				Data: map[string]any{"model": data(t, tt.data)}, Elements: okElements, Language: tt.lang,
				Schema: validation.NewModelSchemas(a), OnSkip: func(e error) { skipped = append(skipped, e) }})
			if err != nil {
				t.Fatal(err)
			}
			// Text in the number field Alder makes the Alder rule unevaluable: it is
			// skipped and reported, and the schema issue explains the problem.
			if wantSkip := tt.name != "valid"; (len(skipped) == 1) != wantSkip {
				t.Fatalf("skipped rules %v, want one: %v", skipped, wantSkip)
			}
			got := brief(issues)
			if len(got) < len(tt.want) || got[:len(tt.want)] != tt.want || (tt.want == "") != (got == "") {
				t.Fatalf("issues:\n%s\nwant prefix:\n%s", got, tt.want)
			}
		})
	}
}
