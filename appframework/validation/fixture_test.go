// SPDX-License-Identifier: MIT

package validation_test

import (
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/appframework/app"
)

// fixture is a small v8 app: one layout set "form" on Task_1 bound to "model", with
// required fields, a hidden field, a repeating group, expression validations and an
// attachment type.
var fixture = fstest.MapFS{
	"App/config/applicationmetadata.json": {Data: []byte(`{"id": "ttd/test", "org": "ttd",
	  "dataTypes": [
	    {"id": "model", "allowedContentTypes": ["application/xml"], "appLogic": {"classRef": "Model"}, "taskId": "Task_1", "maxCount": 1, "minCount": 1},
	    {"id": "vedlegg", "description": {"nb": "Vedlegg"}, "allowedContentTypes": ["application/pdf"], "taskId": "Task_1", "maxSize": 1, "minCount": 1, "maxCount": 2}
	  ]}`)},
	"App/ui/layout-sets.json":   {Data: []byte(`{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"]}]}`)},
	"App/ui/form/Settings.json": {Data: []byte(`{"pages": {"order": ["side1"]}}`)},
	"App/ui/form/layouts/side1.json": {Data: []byte(`{"data": {"layout": [
	  {"id": "navn", "type": "Input", "required": true, "dataModelBindings": {"simpleBinding": "Navn"}, "textResourceBindings": {"title": "navn.tittel"}},
	  {"id": "alder", "type": "Input", "required": true, "hidden": ["equals", ["dataModel", "SkjulAlder"], true], "dataModelBindings": {"simpleBinding": "Alder"}, "textResourceBindings": {"title": "Alder"}},
	  {"id": "epost", "type": "Input", "required": ["equals", ["dataModel", "TrengerEpost"], true], "dataModelBindings": {"simpleBinding": "Epost"}, "textResourceBindings": {"title": "E-post", "requiredValidation": "epost.mangler"}},
	  {"id": "rader", "type": "RepeatingGroup", "dataModelBindings": {"group": "Rader"}, "children": ["radnavn"]},
	  {"id": "radnavn", "type": "Input", "required": true, "dataModelBindings": {"simpleBinding": "Rader.Navn"}, "textResourceBindings": {"title": "Radnavn"}}
	]}}`)},
	"App/models/model.schema.json": {Data: []byte(`{"$schema": "https://json-schema.org/draft/2020-12/schema", "@xsdRootElement": "model", "type": "object",
	  "properties": {"Navn": {"type": "string"}, "Alder": {"type": "number"}, "SkjulAlder": {"type": "boolean"}, "Epost": {"type": "string"},
	    "TrengerEpost": {"type": "boolean"}, "Rader": {"type": "array", "items": {"type": "object", "properties": {"Navn": {"type": "string"}}}},
	    "Sporsmal": {"type": "array", "items": {"type": "object", "properties": {"Svar": {"type": "string"}}}},
	    "SkjulGruppe": {"type": "boolean"}, "Skjult": {"type": "array", "items": {"type": "object", "properties": {"Navn": {"type": "string"}}}},
	    "Tall": {"type": "string"}, "Dobbel": {"type": "number"}, "Tekst": {"type": "string"}}}`)},
	"App/options/skala.json": {Data: []byte(`[{"value": "1", "label": "En"}, {"value": "2", "label": "To"}]`)},
	"App/models/model.validation.json": {Data: []byte(`{"validations": {
	  "Alder": [{"condition": ["lessThan", ["dataModel", ["argv", 0]], 18], "message": "for.ung", "severity": "warning"}],
	  "Rader.Navn": [{"condition": ["equals", ["dataModel", "Rader.Navn"], "x"], "message": "Ikke x"}, "ikkeTom"]
	}, "definitions": {"ikkeTom": {"condition": ["equals", ["dataModel", ["argv", 0]], "tom"], "message": "Ordet tom er reservert", "severity": "info"}}}`)},
	"App/models/model.calculation.json": {Data: []byte(`{"calculations": {
	  "Rader.Lengde": ["stringLength", ["dataModel", "Rader.Navn"]],
	  "Sammendrag.Antall": {"expression": ["if", ["equals", ["dataModel", "Navn"], null], 0, "else", 1]}
	}}`)},
	"App/config/texts/resource.nb.json": {Data: []byte(`{"language": "nb", "resources": [
	  {"id": "navn.tittel", "value": "Navn"}, {"id": "for.ung", "value": "Du er for ung"}, {"id": "epost.mangler", "value": "Vi trenger e-posten din"}]}`)},
	"App/config/texts/resource.en.json": {Data: []byte(`{"language": "en", "resources": [
	  {"id": "navn.tittel", "value": "Name"}, {"id": "for.ung", "value": "You are too young"}]}`)},
}

func loadFixture(t *testing.T) *app.App {
	t.Helper()
	a, err := app.Load(fixture, app.Options{})
	if err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	return a
}

// data decodes a JSON form data model.
func data(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}
