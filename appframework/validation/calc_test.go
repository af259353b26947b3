// SPDX-License-Identifier: MIT

package validation_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/blankett/blankett/appframework/validation"
)

func TestCalculate(t *testing.T) {
	a := loadFixture(t)
	v := validation.New(a)
	m := data(t, `{"Navn": "Kari", "Rader": [{"Navn": "abc"}, {"Navn": "de", "Lengde": 2}]}`)
	changed, err := v.Calculate(validation.Input{LayoutSet: a.LayoutSets[0], Data: map[string]any{"model": m}})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(changed); got != "[model|Rader[0].Lengde model|Sammendrag.Antall]" {
		t.Fatalf("changed %s", got)
	}
	b, _ := json.Marshal(m)
	want := `{"Navn":"Kari","Rader":[{"Lengde":3,"Navn":"abc"},{"Lengde":2,"Navn":"de"}],"Sammendrag":{"Antall":1}}`
	if string(b) != want {
		t.Fatalf("data %s\nwant %s", b, want)
	}
	again, _ := v.Calculate(validation.Input{LayoutSet: a.LayoutSets[0], Data: map[string]any{"model": m}})
	if len(again) != 0 {
		t.Fatalf("second run changed %v; calculations must be stable", again)
	}
}
