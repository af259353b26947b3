// SPDX-License-Identifier: MIT

package apps_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

const page2 = `{"data":{"layout":[
  {"id":"alder","type":"Input","textResourceBindings":{"title":"navn.ledetekst"},"dataModelBindings":{"simpleBinding":"navn"},
   "hidden":["equals",["component","navn"],"x"]},
  {"id":"oppsummering","type":"Summary","componentRef":"navn"}
]}}`

const xsdBody = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:element name="Melding">
    <xs:complexType><xs:sequence><xs:element name="tall" type="xs:int" minOccurs="0"/></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>`

// TestSaves sends every typed save, good and bad, in order. A good save must move
// the working branch by exactly one commit; a refused one must leave it where it was.
func TestSaves(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		const app = "/orgs/ttd/apps/app1"
		schema := f.file(t, "main", "App/models/model.schema.json")
		steps := []struct {
			name, user, method, path string
			body                     any
			hdr                      []string // header pairs; "parent" stands for the current head
			status                   int
			want                     string // problem code or body fragment
			check                    func(t *testing.T, head string)
		}{
			{"no parent", "devel", "PUT", app + "/layouts/form/side2", page2, nil, 428, "parent_required", nil},
			{"stale parent", "devel", "PUT", app + "/layouts/form/side2", page2, []string{"If-Match", `"` + zeros + `"`}, 409, "stale_parent", nil},
			{"reader may not edit", "reader", "PUT", app + "/layouts/form/side2", page2, []string{"parent"}, 403, "forbidden", nil},
			{"layout syntax error", "devel", "PUT", app + "/layouts/form/side2", "{\"data\":\n  {\"layout\": [}", []string{"parent"}, 400, "line 2, column 15", nil},
			{"layout not a page", "devel", "PUT", app + "/layouts/form/side2", `{"data":{}}`, []string{"parent"}, 400, "invalid_layout", nil},
			{"component without id", "devel", "PUT", app + "/layouts/form/side2", `{"data":{"layout":[{"type":"Input"}]}}`, []string{"parent"}, 400, "missing-id", nil},
			{"duplicate id", "devel", "PUT", app + "/layouts/form/side2", `{"data":{"layout":[{"id":"a","type":"Paragraph"},{"id":"a","type":"Paragraph"}]}}`, []string{"parent"}, 400, "duplicate-id", nil},
			{"bad page name", "devel", "PUT", app + "/layouts/form/..x", page2, []string{"parent"}, 400, "invalid_input", nil},
			{"unknown layout set", "devel", "PUT", app + "/layouts/nope/side2", page2, []string{"parent"}, 404, "not_found", nil},
			{"new page", "devel", "PUT", app + "/layouts/form/side2", page2, []string{"parent"}, 200, `"branch":"users/devel"`, func(t *testing.T, head string) {
				if got := f.file(t, head, "App/ui/form/Settings.json"); !contains(got, `"side1",`) || !contains(got, `"side2"`) {
					t.Errorf("page order not updated in the same commit: %s", got)
				}
			}},
			{"same again is a no-op", "devel", "PUT", app + "/layouts/form/side2", page2, []string{"parent"}, 200, `"unchanged":true`, nil},
			{"texts", "devel", "PATCH", app + "/texts/nb", map[string]any{"set": map[string]string{"ny": "Ny tekst", "send-inn": "Send"}}, []string{"parent"}, 200, `"commit"`, func(t *testing.T, head string) {
				got := f.file(t, head, "App/config/texts/resource.nb.json")
				if !contains(got, `"value": "Send"`) || !contains(got, `"id": "ny"`) {
					t.Errorf("texts: %s", got)
				}
			}},
			{"new language", "devel", "PATCH", app + "/texts/en", map[string]any{"set": map[string]string{"appName": "App"}}, []string{"parent"}, 200, `"commit"`, func(t *testing.T, head string) {
				if got := f.file(t, head, "App/config/texts/resource.en.json"); !contains(got, `"language": "en"`) {
					t.Errorf("new language: %s", got)
				}
			}},
			{"bad language", "devel", "PATCH", app + "/texts/EN!", map[string]any{"set": map[string]string{}}, []string{"parent"}, 400, "invalid_input", nil},
			{"option list", "devel", "PUT", app + "/options/land", `[{"value":"no","label":"Norge"}]`, []string{"parent"}, 200, `"commit"`, nil},
			{"option list not a list", "devel", "PUT", app + "/options/land", `{"value":"no"}`, []string{"parent"}, 400, "invalid_document", nil},
			{"process not XML", "devel", "PUT", app + "/process", "<bpmn:definitions>", []string{"parent", "Content-Type", "application/xml"}, 400, "invalid_xml", nil},
			{"policy as JSON", "devel", "PUT", app + "/policy", "{}", []string{"parent"}, 415, "unsupported_media_type", nil},
			{"policy", "devel", "PUT", app + "/policy", "<Policy/>", []string{"parent", "Content-Type", "application/xml"}, 200, `"errors"`, nil},
			{"metadata not object", "devel", "PUT", app + "/metadata", `[]`, []string{"parent"}, 400, "invalid_document", nil},
			{"XSD not XML", "devel", "POST", app + "/datamodels/melding/xsd", "this is not xml", []string{"parent", "Content-Type", "application/xml"}, 400, "invalid_xml", nil},
			// Once a fatal stack overflow that took the whole studio down.
			{"schema with an empty allOf", "devel", "PUT", app + "/datamodels/melding/schema",
				`{"@xsdRootElement":"r","oneOf":[{"$ref":"#/$defs/t1"}],"$defs":{"t1":{"allOf":[]}}}`, []string{"parent"}, 400, "allOf must not be empty", nil},
			{"XSD without element", "devel", "POST", app + "/datamodels/melding/xsd", `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`, []string{"parent", "Content-Type", "application/xml"}, 400, "invalid_datamodel", nil},
			{"XSD", "devel", "POST", app + "/datamodels/melding/xsd", xsdBody, []string{"parent", "Content-Type", "application/xml"}, 200, `"commit"`, func(t *testing.T, head string) {
				if got := f.file(t, head, "App/models/melding.schema.json"); !contains(got, `"@xsdRootElement": "Melding"`) {
					t.Errorf("schema: %s", got)
				}
				if got := f.file(t, head, "App/config/applicationmetadata.json"); !contains(got, `"classRef": "Altinn.App.Models.Melding"`) {
					t.Errorf("data type not added: %s", got)
				}
				if f.file(t, head, "App/models/melding.xsd") != xsdBody {
					t.Error("XSD not stored as sent")
				}
			}},
			{"schema without root", "devel", "PUT", app + "/datamodels/model/schema", `{"type":"object"}`, []string{"parent"}, 400, "invalid_datamodel", nil},
			{"schema", "devel", "PUT", app + "/datamodels/model/schema", schema, []string{"parent"}, 200, `"commit"`, func(t *testing.T, head string) {
				if got := f.file(t, head, "App/models/model.xsd"); !contains(got, `name="Skjema"`) {
					t.Errorf("XSD not regenerated: %s", got)
				}
			}},
			{"delete page", "devel", "DELETE", app + "/layouts/form/side2", nil, []string{"parent"}, 200, `"commit"`, func(t *testing.T, head string) {
				if got := f.file(t, head, "App/ui/form/Settings.json"); contains(got, "side2") || f.file(t, head, "App/ui/form/layouts/side2.json") != "" {
					t.Errorf("page not deleted: %s", got)
				}
			}},
			{"delete missing page", "devel", "DELETE", app + "/layouts/form/side2", nil, []string{"parent"}, 404, "not_found", nil},
		}
		for _, s := range steps {
			before := f.parent(t, s.user)
			var hdr []string
			for i := 0; i < len(s.hdr); i++ {
				if s.hdr[i] == "parent" {
					hdr = append(hdr, ifMatch(before)...)
					continue
				}
				hdr = append(hdr, s.hdr[i], s.hdr[i+1])
				i++
			}
			r := f.do(t, s.user, s.method, s.path, s.body, hdr...)
			if r.status != s.status || (r.code() != s.want && !contains(string(r.body), s.want)) {
				t.Fatalf("%s: %d %s, want %d %s", s.name, r.status, r.body, s.status, s.want)
			}
			after := f.parent(t, s.user)
			if r.status != 200 {
				if after != before {
					t.Fatalf("%s: refused, but the branch moved", s.name)
				}
				continue
			}
			var res struct {
				Commit, Parent string
				Unchanged      bool
			}
			_ = json.Unmarshal(r.body, &res)
			if res.Commit != after || res.Parent != before || r.header.Get("ETag") != `"`+after+`"` {
				t.Fatalf("%s: answered %s, branch at %s", s.name, r.body, after)
			}
			if !res.Unchanged {
				if ci := f.commitParents(t, after); len(ci) != 1 || ci[0] != before {
					t.Fatalf("%s: not one commit on the parent: parents %v", s.name, ci)
				}
			}
			if s.check != nil {
				s.check(t, after)
			}
		}
		if f.head(t, "ttd", "app1", "main") == f.parent(t, "devel") {
			t.Fatal("saves landed on main")
		}
	})
}

const zeros = "0000000000000000000000000000000000000000"

// TestStaleParentReportsHead: a save on an old parent gets the current head.
func TestStaleParentReportsHead(t *testing.T) {
	f := newFixture(t, dbtest.SQLite(t))
	old := f.parent(t, "devel")
	r := f.do(t, "devel", "PATCH", "/orgs/ttd/apps/app1/texts/nb", map[string]any{"parent": old, "set": map[string]string{"a": "1"}})
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	r = f.do(t, "devel", "PATCH", "/orgs/ttd/apps/app1/texts/nb", map[string]any{"parent": old, "set": map[string]string{"a": "2"}})
	if r.status != 409 || r.code() != "stale_parent" || r.json(t)["current"] != f.parent(t, "devel") {
		t.Fatalf("%d %s", r.status, r.body)
	}
}

// TestXSDCorpus uploads a real XSD from the corpus, when it is there.
func TestXSDCorpus(t *testing.T) {
	dir := os.Getenv("BLANKETT_CORPUS_DIR")
	if dir == "" {
		t.Skip("BLANKETT_CORPUS_DIR is not set")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "xsd", "seres", "*.xsd"))
	if len(matches) == 0 {
		t.Skip("no XSD in the corpus")
	}
	b, err := os.ReadFile(matches[0])
	must(t, err)
	f := newFixture(t, dbtest.SQLite(t))
	r := f.do(t, "devel", "POST", "/orgs/ttd/apps/app1/datamodels/corpus/xsd", b, append(ifMatch(f.parent(t, "devel")), "Content-Type", "application/xml")...)
	if r.status != 200 || !contains(f.file(t, "users/devel", "App/models/corpus.schema.json"), "@xsdRootElement") {
		t.Fatalf("%s: %d %s", matches[0], r.status, r.body)
	}
}
