// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"testing"
	"testing/fstest"
)

// FuzzRelax checks that relax keeps strict JSON as it is, never changes the
// length, and never panics.
func FuzzRelax(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2,], // c` + "\n" + `}`, `"/*"`, `/* x`, `[1,/**/]`, `{"a":"\"//"}`, "\ufeff{}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out := relax(data)
		if len(out) != len(data) && len(out) != len(data)-3 {
			t.Fatalf("length %d → %d", len(data), len(out))
		}
		if json.Valid(data) && string(out) != string(data) {
			t.Fatalf("strict JSON changed: %q → %q", data, out)
		}
	})
}

// FuzzLoadPage loads a one-page app whose page is the fuzz input: Load must
// return an app or an error, never panic or hang, whatever the page holds.
func FuzzLoadPage(f *testing.F) {
	for _, s := range []string{
		`{"data": {"layout": [{"id": "g1", "type": "Group", "children": ["g1"]}]}}`,
		`{"data": {"layout": [{"id": "r1", "type": "Group", "maxCount": 3, "dataModelBindings": {"group": "L"}, "children": ["0:a1"]}, {"id": "a1", "type": "Input"}]}}`,
		`{"data": {"layout": [{"id": "l1", "type": "Group", "maxCount": 9, "edit": {"mode": "likert"}, "children": ["l2"], "dataModelBindings": {"group": "Q"}}, {"id": "l2", "type": "Likert", "dataModelBindings": {"simpleBinding": "Q.A"}}]}}`,
		`{"data": {"layout": [{"id": "g", "type": "Grid", "rows": [{"cells": [null, {"component": "t"}]}]}, {"id": "t", "type": "Tabs", "tabs": [{"children": ["g"]}]}]}}`,
		`{"data": {"hidden": ["not", true], "layout": [{"id": "c", "type": "Cards", "cards": [{"media": "c"}]}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		fsys := fstest.MapFS{
			"App/config/applicationmetadata.json": {Data: []byte(`{"id": "a/b", "dataTypes": [{"id": "m", "appLogic": {"classRef": "M"}}]}`)},
			"App/ui/layouts/P.json":               {Data: page},
		}
		a, err := Load(fsys, Options{})
		if err == nil {
			_ = a.Describe()
			for _, s := range a.LayoutSets {
				if _, err := s.Layout().Expand(nil); err != nil {
					t.Fatalf("expand: %v", err)
				}
			}
		}
	})
}
