// SPDX-License-Identifier: MIT

package render

import (
	"errors"
	"slices"
	"testing"

	"github.com/blankett/blankett/appframework/expr"
)

func mustPath(t *testing.T, s string) expr.Path {
	t.Helper()
	p, err := expr.ParsePath(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFieldNameRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dataType, path, name string
	}{
		{"", "Skjema.Person[1].Navn", "Skjema.Person[1].Navn"},
		{"", "navn", "navn"},
		{"modell2", "questions[0].Answer", "modell2:questions[0].Answer"},
		{"", "Adresse.Gateadresse_æøå", "Adresse.Gateadresse_æøå"},
		{"ServiceModel-test", "a[10].b[0].c", "ServiceModel-test:a[10].b[0].c"},
		{"", "Innledning-grp-9309.Kontaktinformasjon-grp-9311.MelderFultnavn.value", "Innledning-grp-9309.Kontaktinformasjon-grp-9311.MelderFultnavn.value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := Field{DataType: tc.dataType, Path: mustPath(t, tc.path)}
			name := FieldName(f)
			if name != tc.name {
				t.Fatalf("FieldName = %q, want %q", name, tc.name)
			}
			back, err := ParseFieldName(name)
			if err != nil {
				t.Fatal(err)
			}
			if back.DataType != f.DataType || back.Path.String() != f.Path.String() || !slices.Equal(back.Path, f.Path) {
				t.Fatalf("ParseFieldName(%q) = %+v, want %+v", name, back, f)
			}
		})
	}
}

func TestParseFieldNameErrors(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"", "_action", "_file:x", ":a.b", "dt:", "a..b", "a[-1]", "a[x]", "a[1", "dt x:a"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := ParseFieldName(name); !errors.Is(err, ErrFieldName) {
				t.Errorf("ParseFieldName(%q) error = %v, want ErrFieldName", name, err)
			}
		})
	}
}

func TestActionRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a    Action
		text string
	}{
		{Action{Kind: ActNext}, "next"},
		{Action{Kind: ActBack}, "back"},
		{Action{Kind: ActSave}, "save"},
		{Action{Kind: ActSubmit}, "submit"},
		{Action{Kind: ActPrint}, "print"},
		{Action{Kind: ActPage, Arg: "Skjul felter"}, "page:Skjul felter"},
		{Action{Kind: ActPage, Arg: "a:b"}, "page:a:b"},
		{Action{Kind: ActProcess, Arg: "sign"}, "process:sign"},
		{Action{Kind: ActAddRow, Component: "mainGroup"}, "addRow:mainGroup"},
		{Action{Kind: ActAddRow, Component: "subGroup", Rows: []int{1}}, "addRow:subGroup:1"},
		{Action{Kind: ActDeleteRow, Component: "mainGroup", Rows: []int{0}}, "deleteRow:mainGroup:0"},
		{Action{Kind: ActEditRow, Component: "subGroup", Rows: []int{1, 12}}, "editRow:subGroup:1.12"},
		{Action{Kind: ActSaveRow, Component: "g", Rows: []int{3}}, "saveRow:g:3"},
		{Action{Kind: ActCustom, Component: "btn", Rows: []int{2}}, "custom:btn:2"},
		{Action{Kind: ActInstantiate}, "instantiate"},
		{Action{Kind: ActInstantiate, Component: "start"}, "instantiate:start"},
		{Action{Kind: ActUpload, Component: "fileUpload-changename"}, "upload:fileUpload-changename"},
		{Action{Kind: ActDeleteFile, Component: "up", Arg: "0b1c-22"}, "deleteFile:up::0b1c-22"},
		{Action{Kind: ActDeleteFile, Component: "up", Rows: []int{1}, Arg: "guid"}, "deleteFile:up:1:guid"},
		{Action{Kind: ActLookup, Component: "person"}, "lookup:person"},
		{Action{Kind: ActAddSubform, Component: "subform-mopeder"}, "addSubform:subform-mopeder"},
		{Action{Kind: ActEditSubform, Component: "s", Arg: "guid"}, "editSubform:s::guid"},
		{Action{Kind: ActDeleteSubform, Component: "s", Arg: "guid"}, "deleteSubform:s::guid"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			t.Parallel()
			if got := tc.a.String(); got != tc.text {
				t.Fatalf("String = %q, want %q", got, tc.text)
			}
			back, err := ParseAction(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if back.Kind != tc.a.Kind || back.Component != tc.a.Component || back.Arg != tc.a.Arg || !slices.Equal(back.Rows, tc.a.Rows) {
				t.Fatalf("ParseAction(%q) = %+v, want %+v", tc.text, back, tc.a)
			}
		})
	}
}

func TestParseActionErrors(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "nope", "next:x", "page:", "process:", "addRow", "addRow:", "deleteRow:g", "deleteRow:g:",
		"deleteRow:g:a", "deleteRow:g:-1", "deleteRow:g:01", "deleteRow:g:1..2", "deleteFile:up", "deleteFile:up:1",
		"addRow:g:1:extra", "editSubform:s::", "custom:a b",
		"deleteRow:g:1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17",
	} {
		t.Run(s, func(t *testing.T) {
			t.Parallel()
			if _, err := ParseAction(s); !errors.Is(err, ErrAction) {
				t.Errorf("ParseAction(%q) error = %v, want ErrAction", s, err)
			}
		})
	}
}

func TestTargetRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		t    Target
		text string
	}{
		{Target{Component: "up"}, "up"},
		{Target{Component: "up", Rows: []int{0, 3}}, "up:0.3"},
	} {
		if got := tc.t.String(); got != tc.text {
			t.Errorf("String = %q, want %q", got, tc.text)
		}
		back, err := ParseTarget(tc.text)
		if err != nil || back.Component != tc.t.Component || !slices.Equal(back.Rows, tc.t.Rows) {
			t.Errorf("ParseTarget(%q) = %+v, %v", tc.text, back, err)
		}
	}
	for _, bad := range []string{"", ":1", "up:x", "a b"} {
		if _, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) succeeded", bad)
		}
	}
}
