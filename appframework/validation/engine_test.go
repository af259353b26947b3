// SPDX-License-Identifier: MIT

package validation_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/validation"
)

var okElements = []validation.DataElement{
	{ID: "d1", DataType: "model", ContentType: "application/xml", Size: 100},
	{ID: "d2", DataType: "vedlegg", ContentType: "application/pdf", Filename: "a.pdf", Size: 1000},
}

// brief renders issues as "source code field: description" lines for comparison.
func brief(issues []validation.Issue) string {
	var b strings.Builder
	for _, i := range issues {
		fmt.Fprintf(&b, "%s %s %s %s %s\n", i.Source, i.Severity, i.Code, i.Field+i.DataElementID, i.Description)
	}
	return b.String()
}

func TestValidate(t *testing.T) {
	a := loadFixture(t)
	v := validation.New(a)
	set := a.LayoutSets[0]
	tests := []struct {
		name     string
		data     string
		elements []validation.DataElement
		lang     string
		want     string
	}{
		{"valid", `{"Navn": "Kari", "Alder": 40, "Rader": [{"Navn": "a"}]}`, okElements, "", ""},
		{"required empty and blank", `{"Navn": "  ", "Alder": 40}`, okElements, "",
			"Required error required Navn Du må fylle ut navn.\n"},
		{"required missing in english", `{"Alder": 40}`, okElements, "en",
			"Required error required Navn You must fill in name.\n"},
		{"hidden required field is not required", `{"Navn": "Kari", "SkjulAlder": true}`, okElements, "", ""},
		{"expression on hidden field dropped", `{"Navn": "Kari", "SkjulAlder": true, "Alder": 15}`, okElements, "", ""},
		{"expression warning with text key", `{"Navn": "Kari", "Alder": 15}`, okElements, "",
			"Expression warning expression Alder Du er for ung\n"},
		{"expression warning in english", `{"Navn": "Kari", "Alder": 15}`, okElements, "en",
			"Expression warning expression Alder You are too young\n"},
		{"conditional required with custom message", `{"Navn": "Kari", "Alder": 40, "TrengerEpost": true}`, okElements, "",
			"Required error required Epost Vi trenger e-posten din\n"},
		{"rows: required and expression per row, definition ref", `{"Navn": "Kari", "Alder": 40, "Rader": [{"Navn": ""}, {"Navn": "x"}, {"Navn": "tom"}]}`, okElements, "",
			"Required error required Rader[0].Navn Du må fylle ut radnavn.\n" +
				"Expression error expression Rader[1].Navn Ikke x\n" +
				"Expression info expression Rader[2].Navn Ordet tom er reservert\n"},
		{"attachment missing", `{"Navn": "Kari", "Alder": 40}`, okElements[:1], "",
			"DataType error TooFewDataElementsOfType  Du må laste opp minst 1 vedlegg av typen Vedlegg.\n"},
		{"attachment wrong type and too large", `{"Navn": "Kari", "Alder": 40}`, append(okElements[:1:1],
			validation.DataElement{ID: "d3", DataType: "vedlegg", ContentType: "text/plain; charset=utf-8", Filename: "b.txt", Size: 2 << 20}), "",
			"DataType error ContentTypeNotAllowed d3 Filtypen text/plain; charset=utf-8 er ikke tillatt for Vedlegg.\n" +
				"DataType error DataElementTooLarge d3 Filen b.txt er større enn grensen på 1 MB.\n"},
		{"too many attachments", `{"Navn": "Kari", "Alder": 40}`, append(okElements[:2:2], okElements[1], okElements[1]), "",
			"DataType error TooManyDataElementsOfType  Du kan laste opp høyst 2 vedlegg av typen Vedlegg.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues, err := v.Validate(context.Background(), validation.Input{LayoutSet: set, TaskID: "Task_1",
				Data: map[string]any{"model": data(t, tt.data)}, Elements: tt.elements, Language: tt.lang})
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(issues); got != tt.want {
				t.Fatalf("issues:\n%s\nwant:\n%s", got, tt.want)
			}
			if validation.Blocking(issues) != strings.Contains(tt.want, " error ") {
				t.Fatalf("Blocking = %v", validation.Blocking(issues))
			}
		})
	}
}

// schemaStub reports one fixed issue; it stands in for datamodels/validate, which has
// its own tests, to check that schema issues are merged and filtered like the others.
type schemaStub struct{ field string }

func (s schemaStub) ValidateData(_ context.Context, dt string, _ any, _ string) ([]validation.Issue, error) {
	return []validation.Issue{{Severity: validation.Error, Field: s.field, Code: "maxLength", Description: "for lang"}}, nil
}

func TestSchemaIssuesMergedAndFiltered(t *testing.T) {
	a := loadFixture(t)
	v := validation.New(a)
	for _, tt := range []struct {
		field, data, want string
	}{
		{"Navn", `{"Navn": "Kari", "Alder": 40}`, "Schema error maxLength Navn for lang\n"},
		{"Alder", `{"Navn": "Kari", "Alder": 40, "SkjulAlder": true}`, ""},
	} {
		issues, err := v.Validate(context.Background(), validation.Input{LayoutSet: a.LayoutSets[0], TaskID: "Task_1",
			Data: map[string]any{"model": data(t, tt.data)}, Elements: okElements, Schema: schemaStub{tt.field}})
		if err != nil {
			t.Fatal(err)
		}
		if got := brief(issues); got != tt.want {
			t.Errorf("field %s: got\n%s\nwant\n%s", tt.field, got, tt.want)
		}
	}
}

func TestRemoveHiddenData(t *testing.T) {
	a := loadFixture(t)
	v := validation.New(a)
	m := data(t, `{"Navn": "Kari", "Alder": 15, "SkjulAlder": true, "Rader": [{"Navn": "a"}]}`)
	cleared, err := v.RemoveHiddenData(validation.Input{LayoutSet: a.LayoutSets[0], TaskID: "Task_1", Data: map[string]any{"model": m}})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(cleared) != "[model|Alder]" {
		t.Fatalf("cleared %v, want [model|Alder]", cleared)
	}
	if _, ok := m["Alder"]; ok || m["Navn"] != "Kari" || m["SkjulAlder"] != true {
		t.Fatalf("data after removal: %v", m)
	}
	m2 := data(t, `{"Navn": "Kari", "Alder": 15}`)
	cleared, _ = v.RemoveHiddenData(validation.Input{LayoutSet: a.LayoutSets[0], Data: map[string]any{"model": m2}})
	if len(cleared) != 0 || m2["Alder"] != float64(15) {
		t.Fatalf("visible data removed: %v %v", cleared, m2)
	}
}
