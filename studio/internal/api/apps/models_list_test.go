// SPDX-License-Identifier: MIT

package apps_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// corpusXSD is a real Altinn data model (root Skjema) from the shared corpus.
const corpusXSD = "/work/shared/corpus/xsd/real/dat-bilpleie-soknad.xsd"

type modelsAnswer struct {
	Commit string
	Models []struct {
		ID, DataType, Root, Error string
		HasXsd                    bool
		Fields                    []struct {
			Path, Type, Title   string
			Required, Repeating bool
		}
	}
}

// commitFiles writes files on top of main as the owner would push them, bypassing
// the API's checks, and returns the new head.
func (f *fixture) commitFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	ctx := context.Background()
	r, err := f.repos.Open(ctx, "ttd", "app1")
	must(t, err)
	var ch []gitrepo.Change
	for p, s := range files {
		ch = append(ch, gitrepo.Change{Path: p, Content: []byte(s), Delete: s == "-"})
	}
	head, err := r.Commit(ctx, "main", f.head(t, "ttd", "app1", "main"), gitrepo.Author{Name: "owner", Email: "o@example.test"}, "push", ch)
	must(t, err)
	return head
}

// TestListDataModels lists the template's model, a real XSD uploaded over it, a
// broken schema and a schema without a data type.
func TestListDataModels(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		f := newFixture(t, db)
		const models = "/orgs/ttd/apps/app1/datamodels"
		xsd, err := os.ReadFile(corpusXSD)
		if err != nil {
			t.Skip("corpus XSD missing:", err)
		}
		type field struct {
			path, typ           string
			required, repeating bool
		}
		steps := []struct {
			name, user string
			setup      func(t *testing.T) string // returns ?ref= ("" for the default)
			status     int
			id         string // the model checked
			dataType   string
			root       string
			hasXSD     bool
			err        string
			fields     []field // must be among the fields
			count      int     // number of fields, -1 not checked
		}{
			{name: "template", user: "devel", status: 200, id: "model", dataType: "model", root: "Skjema", hasXSD: true,
				fields: []field{{"navn", "string", false, false}}, count: 1},
			{name: "reader may read", user: "reader", status: 200, id: "model", dataType: "model", root: "Skjema", hasXSD: true, count: 1},
			{name: "outsider sees no app", user: "outsider", status: 404},
			{name: "corpus XSD uploaded as model", user: "devel", setup: func(t *testing.T) string {
				r := f.do(t, "devel", "POST", "/orgs/ttd/apps/app1/datamodels/model/xsd", xsd, append(ifMatch(f.parent(t, "devel")), "Content-Type", "application/xml")...)
				if r.status != 200 {
					t.Fatalf("upload: %d %s", r.status, r.body)
				}
				return ""
			}, status: 200, id: "model", dataType: "model", root: "Skjema", hasXSD: true, count: -1, fields: []field{
				{"Avsender", "object", false, false},
				{"Avsender.Navn", "string", false, false},
				{"Innhold.ErIStatensVegvesen", "boolean", false, false},
				{"Innhold.AntallHMSKort", "integer", false, false},
			}},
			{name: "broken schema", user: "devel", setup: func(t *testing.T) string {
				f.commitFiles(t, map[string]string{"App/models/brukket.schema.json": `{"type": "object", `})
				return "main"
			}, status: 200, id: "brukket", root: "brukket", err: "App/models/brukket.schema.json: ", count: 0},
			{name: "schema by title, no data type", user: "devel", setup: func(t *testing.T) string {
				f.commitFiles(t, map[string]string{"App/models/annet.schema.json": `{"title":"Annet","type":"object","properties":{"Annet":{"type":"object","properties":{"dato":{"type":"string","format":"date","title":"Dato"},"rader":{"type":"array","items":{"type":"string"}}},"required":["dato"]}}}`})
				return "main"
			}, status: 200, id: "annet", root: "Annet", count: 2, fields: []field{{"dato", "date", true, false}, {"rader", "string", false, true}}},
		}
		for _, s := range steps {
			ref := ""
			if s.setup != nil {
				ref = s.setup(t)
			}
			path := models
			if ref != "" {
				path += "?ref=" + ref
			}
			r := f.do(t, s.user, "GET", path, nil)
			if r.status != s.status {
				t.Fatalf("%s: %d %s", s.name, r.status, r.body)
			}
			if s.status != 200 {
				continue
			}
			var a modelsAnswer
			must(t, json.Unmarshal(r.body, &a))
			if r.header.Get("ETag") != `"`+a.Commit+`"` || len(a.Commit) != 40 {
				t.Errorf("%s: ETag %q, commit %q", s.name, r.header.Get("ETag"), a.Commit)
			}
			found := false
			for _, m := range a.Models {
				if m.ID != s.id {
					continue
				}
				found = true
				if m.DataType != s.dataType || m.Root != s.root || m.HasXsd != s.hasXSD || (s.err == "") != (m.Error == "") || !contains(m.Error, s.err) {
					t.Errorf("%s: model %+v", s.name, m)
				}
				if s.count >= 0 && len(m.Fields) != s.count {
					t.Errorf("%s: %d fields: %+v", s.name, len(m.Fields), m.Fields)
				}
				for _, want := range s.fields {
					ok := false
					for _, got := range m.Fields {
						ok = ok || got.Path == want.path && got.Type == want.typ && got.Required == want.required && got.Repeating == want.repeating
					}
					if !ok {
						t.Errorf("%s: no field %+v in %+v", s.name, want, m.Fields)
					}
				}
			}
			if !found {
				t.Errorf("%s: no model %q in %s", s.name, s.id, r.body)
			}
		}
	})
}
