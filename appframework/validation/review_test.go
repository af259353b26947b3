// SPDX-License-Identifier: MIT

package validation_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/validation"
)

// withFiles returns the fixture app with some files replaced or added.
func withFiles(t *testing.T, files map[string]string) *app.App {
	t.Helper()
	fsys := maps.Clone(fixture)
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	a, err := app.Load(fsys, app.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return a
}

const extraLayout = `{"data": {"layout": [
  {"id": "navn", "type": "Input", "dataModelBindings": {"simpleBinding": "Navn"}},
  {"id": "skala", "type": "Likert", "required": true, "optionsId": "skala",
   "dataModelBindings": {"questions": "Sporsmal", "answer": "Sporsmal.Svar"}, "textResourceBindings": {"title": "Spørsmål"}},
  {"id": "gruppe", "type": "RepeatingGroup", "hidden": ["equals", ["dataModel", "SkjulGruppe"], true],
   "dataModelBindings": {"group": "Skjult"}, "children": ["skjultnavn"]},
  {"id": "skjultnavn", "type": "Input", "dataModelBindings": {"simpleBinding": "Skjult.Navn"}}
]}}`

// A required Likert needs an answer in every question row (it was never checked).
func TestRequiredLikert(t *testing.T) {
	a := withFiles(t, map[string]string{"App/ui/form/layouts/side1.json": extraLayout})
	issues, err := validation.New(a).Validate(context.Background(), validation.Input{LayoutSet: a.LayoutSets[0], TaskID: "Task_1",
		Data: map[string]any{"model": data(t, `{"Sporsmal": [{"Svar": "1"}, {}, {"Svar": " "}]}`)}, Elements: okElements})
	if err != nil {
		t.Fatal(err)
	}
	want := "Required error required Sporsmal[1].Svar Du må fylle ut spørsmål.\n" +
		"Required error required Sporsmal[2].Svar Du må fylle ut spørsmål.\n"
	if got := brief(issues); got != want {
		t.Fatalf("issues:\n%s\nwant:\n%s", got, want)
	}
}

// Clearing a hidden group and the hidden fields inside it reports the same list every
// time (map order used to decide whether the inner field was listed).
func TestRemoveHiddenDataDeterministic(t *testing.T) {
	a := withFiles(t, map[string]string{"App/ui/form/layouts/side1.json": extraLayout})
	v := validation.New(a)
	want := "[model|Skjult model|Skjult[0].Navn model|Skjult[1].Navn]"
	for i := range 30 {
		m := data(t, `{"Navn": "Kari", "SkjulGruppe": true, "Skjult": [{"Navn": "a"}, {"Navn": "b"}]}`)
		cleared, err := v.RemoveHiddenData(validation.Input{LayoutSet: a.LayoutSets[0], Data: map[string]any{"model": m}})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(cleared); got != want {
			t.Fatalf("run %d: cleared %s, want %s", i, got, want)
		}
		if _, ok := m["Skjult"]; ok || m["Navn"] != "Kari" {
			t.Fatalf("run %d: data %v", i, m)
		}
	}
}

// A calculation that cannot use the data is skipped and reported, not fatal; a value
// whose type changes counts as changed.
func TestCalculateSkipsAndDetectsTypeChange(t *testing.T) {
	a := withFiles(t, map[string]string{"App/models/model.calculation.json": `{"calculations": {
	  "Dobbel": ["multiply", ["dataModel", "Tall"], 2],
	  "Tekst": ["concat", "", 1]
	}}`})
	v := validation.New(a)
	var skipped []error
	m := data(t, `{"Tall": "mange", "Tekst": 1}`)
	changed, err := v.Calculate(validation.Input{LayoutSet: a.LayoutSets[0], Data: map[string]any{"model": m},
		OnSkip: func(e error) { skipped = append(skipped, e) }})
	if err != nil {
		t.Fatalf("Calculate failed on bad data: %v", err)
	}
	if len(skipped) != 1 || !strings.Contains(skipped[0].Error(), "Dobbel") {
		t.Fatalf("skipped %v, want the Dobbel calculation", skipped)
	}
	if fmt.Sprint(changed) != "[model|Tekst]" || m["Tekst"] != "1" {
		t.Fatalf("changed %v, data %v; the number 1 became the string \"1\"", changed, m)
	}
}
