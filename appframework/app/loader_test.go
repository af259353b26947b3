// SPDX-License-Identifier: MIT

package app_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/appframework/app"
)

const metadataJSON = `{"id": "ttd/t", "org": "ttd", "title": {"nb": "T"},
	"dataTypes": [{"id": "model", "appLogic": {"classRef": "M"}, "taskId": "Task_1"}]}`

// miniApp is a one-page app with layout sets; files override or add files.
func miniApp(page string, files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"App/config/applicationmetadata.json": {Data: []byte(metadataJSON)},
		"App/ui/layout-sets.json":             {Data: []byte(`{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"]}]}`)},
		"App/ui/form/Settings.json":           {Data: []byte(`{"pages": {"order": ["P"]}}`)},
		"App/ui/form/layouts/P.json":          {Data: []byte(page)},
	}
	for k, v := range files {
		if v == "" {
			delete(fsys, k)
			continue
		}
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func layout(components string) string { return `{"data": {"layout": [` + components + `]}}` }

func TestLoadTolerance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		page  string
		files map[string]string
	}{
		{"bom", "\ufeff" + layout(`{"id": "a1", "type": "Input"}`), nil},
		{"line comment", layout(`// first
			{"id": "a1", "type": "Input"} // after
			`), nil},
		{"block comment", layout(`/* x */ {"id": "a1", /* "type": "Nope", */ "type": "Input"}`), nil},
		{"trailing commas", `{"data": {"layout": [{"id": "a1", "type": "Input",},],},}`, nil},
		{"comment markers in strings", layout(`{"id": "a1", "type": "Input", "textResourceBindings": {"title": "http://x/*y*/,]"}}`), nil},
		{"unknown keys", `{"$schema": "s", "data": {"layout": [{"id": "a1", "type": "Input", "futureKey": 1}], "futureData": true}, "other": 1}`, nil},
		{"bom and comments in metadata", layout(`{"id": "a1", "type": "Input"}`), map[string]string{
			"App/config/applicationmetadata.json": "\ufeff// c\n" + strings.Replace(metadataJSON, `"Task_1"}]`, `"Task_1",},],`, 1)}},
		{"no App folder", layout(`{"id": "a1", "type": "Input"}`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := miniApp(tt.page, tt.files)
			if tt.name == "no App folder" {
				moved := fstest.MapFS{}
				for k, v := range fsys {
					moved[strings.TrimPrefix(k, "App/")] = v
				}
				fsys = moved
			}
			a, err := app.Load(fsys, app.Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := a.LayoutSet("form").Component("a1")
			if c == nil || c.Type != "Input" {
				t.Fatalf("component a1: %+v", c)
			}
			if tt.name == "comment markers in strings" && c.TextResourceBindings["title"].String() != `"http://x/*y*/,]"` {
				t.Errorf("string changed: %s", c.TextResourceBindings["title"])
			}
			if tt.name == "unknown keys" && string(c.Extra["futureKey"]) != "1" {
				t.Errorf("extra %v", c.Extra)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		page     string
		files    map[string]string
		sentinel error
		want     string // substring of the error, which names file and pointer
	}{
		{"child cycle", layout(`{"id": "g1", "type": "Group", "children": ["g2"]}, {"id": "g2", "type": "Group", "children": ["g1"]}`),
			nil, app.ErrCycle, "App/ui/form/layouts/P.json#/data/layout/0: app: cycle of children: g1 → g2 → g1"},
		{"self child", layout(`{"id": "g1", "type": "Group", "children": ["g1"]}`),
			nil, app.ErrCycle, "#/data/layout/0: app: cycle of children: g1 → g1"},
		{"cycle through grid and tabs", layout(`{"id": "grid", "type": "Grid", "rows": [{"cells": [{"component": "tabs"}]}]},
			{"id": "tabs", "type": "Tabs", "tabs": [{"id": "t", "children": ["grid"]}]}`),
			nil, app.ErrCycle, "grid → tabs → grid"},
		{"duplicate id", layout(`{"id": "a1", "type": "Input"}, {"id": "a1", "type": "TextArea"}`),
			nil, app.ErrInvalid, `P.json#/data/layout/1/id: app: invalid app file: duplicate component id "a1"`},
		{"duplicate id across pages", layout(`{"id": "a1", "type": "Input"}`), map[string]string{
			"App/ui/form/layouts/Q.json": layout(`{"id": "a1", "type": "Input"}`)},
			app.ErrInvalid, `Q.json#/data/layout/0/id: app: invalid app file: duplicate component id "a1" (first at App/ui/form/layouts/P.json#/data/layout/0)`},
		{"syntax error", "{\n  \"data\": {\"layout\": [\n    {\"id\": \"a1\" \"type\": \"Input\"}]}}",
			nil, app.ErrSyntax, "App/ui/form/layouts/P.json:3:17: app: malformed JSON"},
		{"bad hidden", layout(`{"id": "a1", "type": "Input", "hidden": ["nope", 1]}`),
			nil, app.ErrInvalid, `P.json#/data/layout/0/hidden: app: invalid app file: expr: $[0]: Function "nope" not implemented`},
		{"bad page hidden", `{"data": {"hidden": ["equals", 1], "layout": []}}`, nil, app.ErrInvalid, "P.json#/data/hidden"},
		{"no id", layout(`{"type": "Input"}`), nil, app.ErrInvalid, "P.json#/data/layout/0/id: app: invalid app file: component has no id"},
		{"repeating group without binding", layout(`{"id": "rg", "type": "RepeatingGroup", "children": []}`),
			nil, app.ErrInvalid, "#/data/layout/0/dataModelBindings: app: invalid app file: repeating group \"rg\" has no group binding"},
		{"layout not a list", `{"data": {"layout": {}}}`, nil, app.ErrInvalid, "P.json#/data/layout"},
		{"metadata type error", layout(``), map[string]string{"App/config/applicationmetadata.json": `{"id": 5, "dataTypes": []}`},
			app.ErrInvalid, "applicationmetadata.json#/id"},
		{"no metadata", layout(``), map[string]string{"App/config/applicationmetadata.json": ""}, app.ErrNotApp, "applicationmetadata.json"},
		{"bad validation", layout(``), map[string]string{"App/models/model.validation.json": `{"validations": {"a.b": [{"condition": ["x"]}]}}`},
			app.ErrInvalid, "model.validation.json#/validations/a.b/0/condition"},
		{"unknown validation ref", layout(``), map[string]string{"App/models/model.validation.json": `{"validations": {"a": ["nope"]}}`},
			app.ErrInvalid, `#/validations/a/0: app: invalid app file: no validation definition "nope"`},
		{"bad model", layout(``), map[string]string{"App/models/model.schema.json": `{"properties": {"a": {"$ref": "#/$defs/none"}}}`},
			app.ErrModel, "model.schema.json"},
		{"layout set without folder", layout(``), map[string]string{"App/ui/layout-sets.json": `{"sets": [{"id": "form"}, {"id": "gone"}]}`},
			app.ErrInvalid, `layout-sets.json#/sets/1/id: app: invalid app file: layout set "gone" has no folder App/ui/gone`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := app.Load(miniApp(tt.page, tt.files), app.Options{})
			if err == nil {
				t.Fatalf("no error; issues %v", a.Issues)
			}
			if !errors.Is(err, tt.sentinel) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %v containing %q", err, tt.sentinel, tt.want)
			}
			var e *app.Error
			if !errors.As(err, &e) || e.File == "" {
				t.Errorf("not an *app.Error with a file: %#v", err)
			}
		})
	}
}

func TestLoadIssues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, page, want string
	}{
		{"missing child", layout(`{"id": "g1", "type": "Group", "children": ["gone"]}`),
			`warning bad-child App/ui/form/layouts/P.json#/data/layout/0/children/0: component "g1" has child "gone", which does not exist; ignored`},
		{"child claimed twice", layout(`{"id": "g1", "type": "Group", "children": ["a1"]}, {"id": "g2", "type": "Group", "children": ["a1"]}, {"id": "a1", "type": "Input"}`),
			`warning bad-child App/ui/form/layouts/P.json#/data/layout/1/children/0: component "g2" has child "a1", which "g1" already has; the first claim wins`},
		{"unknown type", layout(`{"id": "w1", "type": "Wobble", "size": 3}`),
			`warning unknown-type App/ui/form/layouts/P.json#/data/layout/0/type: unknown component type "Wobble"; kept with all its properties`},
		{"frontend-only expression", layout(`{"id": "t1", "type": "Text", "value": ["externalApi", "a", "b"]}`),
			`warning invalid-expression App/ui/form/layouts/P.json#/data/layout/0/value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := app.Load(miniApp(tt.page, nil), app.Options{})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, is := range a.Issues {
				found = found || strings.HasPrefix(is.String(), tt.want)
			}
			if !found {
				t.Errorf("issues %v\nwant one starting %q", a.Issues, tt.want)
			}
		})
	}
	a, err := app.Load(miniApp(layout(`{"id": "w1", "type": "Wobble", "size": 3, "children": ["a1"]}, {"id": "a1", "type": "Input"}`), nil), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := a.LayoutSet("form").Component("w1")
	if w.Known || w.Props != nil || string(w.Extra["size"]) != "3" || len(w.Children) != 1 {
		t.Errorf("unknown type not kept whole: %+v", w)
	}
}

func TestLoadLimits(t *testing.T) {
	t.Parallel()
	fsys := miniApp(layout(`{"id": "a1", "type": "Input", "textResourceBindings": {"title": "`+strings.Repeat("x", 2000)+`"}}`), nil)
	_, err := app.Load(fsys, app.Options{MaxFileBytes: 1000})
	if !errors.Is(err, app.ErrTooLarge) {
		t.Errorf("max bytes: %v", err)
	}
	_, err = app.Load(fsys, app.Options{MaxFiles: 2})
	if !errors.Is(err, app.ErrTooLarge) {
		t.Errorf("max files: %v", err)
	}
}
