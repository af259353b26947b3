// SPDX-License-Identifier: MIT

package render

import (
	"slices"
	"testing"
)

// FuzzParseAction checks that every action ParseAction accepts survives a
// round trip through String.
func FuzzParseAction(f *testing.F) {
	for _, s := range []string{"next", "page:a:b", "addRow:g:1", "deleteRow:g:1.2", "deleteFile:up::guid", "instantiate", "custom:b:0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAction(s)
		if err != nil {
			return
		}
		b, err := ParseAction(a.String())
		if err != nil {
			t.Fatalf("%q → %q does not parse: %v", s, a.String(), err)
		}
		if a.Kind != b.Kind || a.Component != b.Component || a.Arg != b.Arg || !slices.Equal(a.Rows, b.Rows) {
			t.Fatalf("%q: %+v != %+v", s, a, b)
		}
	})
}

// FuzzParseFieldName checks that every name ParseFieldName accepts
// survives a round trip through FieldName.
func FuzzParseFieldName(f *testing.F) {
	for _, s := range []string{"a.b[1].c", "dt:x", "Skjema.Person[10].Navn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fl, err := ParseFieldName(s)
		if err != nil {
			return
		}
		back, err := ParseFieldName(FieldName(fl))
		if err != nil || back.DataType != fl.DataType || !slices.Equal(back.Path, fl.Path) {
			t.Fatalf("%q → %q → %+v, %v", s, FieldName(fl), back, err)
		}
	})
}
