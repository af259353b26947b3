// SPDX-License-Identifier: MIT

package apps

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/metadata"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// modelJSON is one data model as listDataModels shows it (schema DataModel).
type modelJSON struct {
	ID       string      `json:"id"`
	DataType string      `json:"dataType,omitempty"`
	Root     string      `json:"root"`
	HasXSD   bool        `json:"hasXsd"`
	Error    string      `json:"error,omitempty"`
	Fields   []fieldJSON `json:"fields"`
}

// fieldJSON is one field of a model (schema ModelField).
type fieldJSON struct {
	Path      string `json:"path"`
	Type      string `json:"type"`
	Required  bool   `json:"required"`
	Repeating bool   `json:"repeating"`
	Title     string `json:"title,omitempty"`
}

// listDataModels answers every App/models/<id>.schema.json at ?ref= with its field
// tree flattened to the binding paths layouts use. A schema that does not parse
// is listed with its error, so one broken model never hides the others.
func (h *Handler) listDataModels(c *gin.Context) {
	repo, commit, ok := h.openRead(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	ents, err := repo.List(ctx, commit, "App/models", false)
	if err != nil && !errors.Is(err, gitrepo.ErrNotFound) {
		h.fail(c, err)
		return
	}
	files := map[string]bool{}
	for _, e := range ents {
		files[path.Base(e.Path)] = !e.Dir
	}
	types := formDataTypes(ctx, repo, commit)
	models := []modelJSON{}
	for name, file := range files {
		id, ok := strings.CutSuffix(name, ".schema.json")
		if !ok || !file || id == "" {
			continue
		}
		m := modelJSON{ID: id, Root: id, HasXSD: files[id+".xsd"], Fields: []fieldJSON{}}
		b, err := repo.ReadFile(ctx, commit, modelPath(id, ".schema.json"))
		if err != nil {
			h.fail(c, err)
			return
		}
		m.describe(b)
		m.DataType = dataTypeOf(types, id, m.Root)
		models = append(models, m)
	}
	slices.SortFunc(models, func(a, b modelJSON) int { return strings.Compare(a.ID, b.ID) })
	c.JSON(http.StatusOK, gin.H{"commit": commit, "models": models})
}

// describe fills the root, the fields or the error from the schema's bytes.
func (m *modelJSON) describe(b []byte) {
	v, err := jsonobj.Decode(app.Relax(b))
	doc, isObj := v.(*jsonobj.Object)
	if err == nil && !isObj {
		err = errors.New("the schema is not a JSON object")
	}
	if err != nil {
		m.Error = modelPath(m.ID, ".schema.json") + ": " + err.Error()
		return
	}
	for _, k := range []string{"@xsdRootElement", "title"} {
		if s, _ := doc.Value(k).(string); s != "" {
			m.Root = s
			break
		}
	}
	tree, err := metadata.New(doc)
	if err != nil {
		m.Error = modelPath(m.ID, ".schema.json") + ": " + err.Error()
		return
	}
	if tree.Root != "" {
		m.Root = tree.Root
	}
	tree.Walk(func(f *metadata.FieldInfo) {
		m.Fields = append(m.Fields, fieldJSON{Path: f.Path, Type: fieldType(f), Required: f.MinOccurs > 0,
			Repeating: f.Repeating, Title: titleAt(doc, f.Pointer)})
	})
}

// fieldType maps metadata's JSON type to the ModelField enum; dates are told
// apart because the designer offers a date picker for them.
func fieldType(f *metadata.FieldInfo) string {
	switch {
	case f.Type == "string" && f.Format == "date":
		return "date"
	case f.Type == "string", f.Type == "integer", f.Type == "number", f.Type == "boolean", f.Type == "object", f.Type == "array":
		return f.Type
	}
	return "string" // untyped (xs:anyType) values are posted and stored as text
}

// titleAt is the title of the schema at the JSON pointer ptr ("#/…"), following
// one local $ref (the SERES style puts titles on the referenced type).
func titleAt(doc *jsonobj.Object, ptr string) string {
	for range 2 {
		o := pointer(doc, ptr)
		if o == nil {
			return ""
		}
		if t, _ := o.Value("title").(string); t != "" {
			return t
		}
		if o.Has("items") {
			if it, ok := o.Value("items").(*jsonobj.Object); ok {
				o = it
				if t, _ := o.Value("title").(string); t != "" {
					return t
				}
			}
		}
		ref, _ := o.Value("$ref").(string)
		if !strings.HasPrefix(ref, "#") {
			return ""
		}
		ptr = ref
	}
	return ""
}

// pointer resolves a "#/a/b" JSON pointer to an object, or nil.
func pointer(doc *jsonobj.Object, ptr string) *jsonobj.Object {
	p, ok := strings.CutPrefix(ptr, "#")
	if !ok {
		return nil
	}
	var cur any = doc
	for _, tok := range strings.Split(p, "/")[1:] {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		o, ok := cur.(*jsonobj.Object)
		if !ok {
			return nil
		}
		cur = o.Value(tok)
	}
	o, _ := cur.(*jsonobj.Object)
	return o
}

// formDataType is a data type of applicationmetadata.json with appLogic.
type formDataType struct{ id, classRef string }

// formDataTypes reads the form data types at commit; a missing or broken
// applicationmetadata.json gives none (lint reports it).
func formDataTypes(ctx context.Context, repo *gitrepo.Repo, commit string) []formDataType {
	b, err := repo.ReadFile(ctx, commit, metadataPath)
	var m app.Metadata
	if err != nil || json.Unmarshal(app.Relax(b), &m) != nil {
		return nil
	}
	var out []formDataType
	for _, dt := range m.DataTypes {
		if dt != nil && dt.ID != "" && dt.AppLogic != nil {
			out = append(out, formDataType{id: dt.ID, classRef: dt.AppLogic.ClassRef})
		}
	}
	return out
}

// dataTypeOf picks the data type whose classRef names the model: the class is
// the root element ("Altinn.App.Models.Skjema", as uploadXSD writes it) or the
// model ("Altinn.App.Models.Model", "Altinn.App.Models.model.Skjema"). Several
// can match (SERES roots are often all "Skjema"); the one with the model's id
// wins. A data type with the model's id and no matching classRef is the last
// resort, as app.Load pairs them by id.
func dataTypeOf(types []formDataType, model, root string) string {
	var match []string
	for _, t := range types {
		segs := strings.Split(t.classRef, ".")
		last := segs[len(segs)-1]
		named := last == root || strings.EqualFold(last, model) ||
			len(segs) > 1 && segs[len(segs)-2] == model
		if named {
			match = append(match, t.id)
		}
	}
	if len(match) == 1 {
		return match[0]
	}
	for _, t := range types {
		if t.id == model {
			return t.id
		}
	}
	if len(match) > 0 {
		return match[0]
	}
	return ""
}

// openRead authorises reading the app of the route and resolves ?ref= as
// readFile does: a branch or commit, by default the caller's working branch, or
// main before the first save. It sets the ETag to the commit read.
func (h *Handler) openRead(c *gin.Context) (*gitrepo.Repo, string, bool) {
	repo, ok := h.open(c, account.Read)
	if !ok {
		return nil, "", false
	}
	commit, err := readCommit(c, repo)
	if err != nil {
		h.fail(c, err)
		return nil, "", false
	}
	c.Header("ETag", `"`+commit+`"`)
	return repo, commit, true
}

// readCommit resolves ?ref=, defaulting to the caller's working branch or main.
func readCommit(c *gin.Context, repo *gitrepo.Repo) (string, error) {
	ctx := c.Request.Context()
	ref := c.Query("ref")
	if ref == "" {
		ref = gitrepo.MainBranch
		if b, err := gitrepo.UserBranch(principal(c).Username); err == nil {
			if _, err := repo.Head(ctx, b); err == nil {
				ref = b
			}
		}
	}
	return repo.Resolve(ctx, ref)
}
