// SPDX-License-Identifier: MIT

package apps

import (
	"fmt"
	"net/http"
	"path"
	"regexp"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

type renameRequest struct {
	Parent string `json:"parent"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// idRE is a component id or text key the API creates by rename: the characters
// Altinn's designer allows.
var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$`)

// appFile is one file of the app, written back only when changed or moved: a
// decoded JSON file (doc), or any file as bytes (raw; an edited XML file).
type appFile struct {
	path    string
	doc     *jsonobj.Object
	raw     []byte
	changed bool
	// oldPath, when set, is where the file was: the commit deletes it there.
	oldPath string
}

// renameComponent renames a component id in every layout of every layout set, with
// every reference to it: ["component", id] in expressions, Summary componentRef, a
// Summary2 target, and group children ("id" and "<n>:id"), all in one commit.
func (h *Handler) renameComponent(c *gin.Context) {
	req, ws, ok := h.beginRename(c)
	if !ok {
		return
	}
	layouts, err := h.jsonFiles(c, ws, "App/ui", isLayoutFile)
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	ids := map[string]bool{}
	for _, f := range layouts {
		for _, id := range componentIDs(f.doc) {
			ids[id] = true
		}
	}
	if !ids[req.From] {
		httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("No component %q in any layout.", req.From))
		return
	}
	if ids[req.To] {
		nameTaken(c, "component", req.To)
		return
	}
	for _, f := range layouts {
		f.changed = walk(f.doc, func(v any) bool { return renameComponentRef(v, req.From, req.To) })
	}
	h.commitFiles(c, ws, fmt.Sprintf("Rename component %s to %s", req.From, req.To), layouts)
}

// renameText renames a text key in every resource.<lang>.json and every reference in
// the layouts (textResourceBindings values and ["text", key] expressions), in one
// commit.
func (h *Handler) renameText(c *gin.Context) {
	req, ws, ok := h.beginRename(c)
	if !ok {
		return
	}
	texts, err := h.jsonFiles(c, ws, "App/config/texts", func(p string) bool {
		b := path.Base(p)
		return strings.HasPrefix(b, "resource.") && strings.HasSuffix(b, ".json")
	})
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	layouts, err := h.jsonFiles(c, ws, "App/ui", isLayoutFile)
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	found := false
	for _, f := range texts {
		list, _ := f.doc.Value("resources").([]any)
		for _, r := range list {
			o, _ := r.(*jsonobj.Object)
			if o == nil {
				continue
			}
			switch o.Value("id") {
			case req.To:
				nameTaken(c, "text key", req.To)
				return
			case req.From:
				o.Set("id", req.To)
				f.changed, found = true, true
			}
		}
	}
	for _, f := range layouts {
		f.changed = walk(f.doc, func(v any) bool { return renameTextRef(v, req.From, req.To) })
		found = found || f.changed
	}
	if !found {
		httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("No text key %q in the texts or layouts.", req.From))
		return
	}
	h.commitFiles(c, ws, fmt.Sprintf("Rename text key %s to %s", req.From, req.To), append(texts, layouts...))
}

// nameRule is what the new name of one kind of rename must look like.
type nameRule struct {
	valid func(string) bool
	hint  string
	// path is set when the name is a file or folder name, so from must not
	// climb out of its folder either.
	path bool
}

var idRule = nameRule{valid: idRE.MatchString, hint: "letters, digits, '.', '_' or '-'"}

// beginRename decodes and checks a rename whose new name follows idRule, then
// begins the save.
func (h *Handler) beginRename(c *gin.Context) (renameRequest, *workspace, bool) {
	return h.beginRenameAs(c, idRule)
}

// beginRenameAs is beginRename with the rule of the new name.
func (h *Handler) beginRenameAs(c *gin.Context, rule nameRule) (renameRequest, *workspace, bool) {
	var req renameRequest
	if !api.Decode(c, &req) {
		return req, nil, false
	}
	ws, ok := h.startRename(c, req, rule)
	return req, ws, ok
}

// startRename checks a decoded rename, then begins the save.
func (h *Handler) startRename(c *gin.Context, req renameRequest, rule nameRule) (*workspace, bool) {
	if !rule.valid(req.To) || req.From == "" || req.From == req.To || rule.path && !pathSafe(req.From) {
		invalid(c, api.CodeInvalidInput, "Give from and a different to: "+rule.hint+".",
			[]httpx.FieldError{{Field: "to", Code: "pattern"}})
		return nil, false
	}
	return h.begin(c, req.Parent)
}

func nameTaken(c *gin.Context, what, name string) {
	problem(c, http.StatusConflict, CodeNameTaken, fmt.Sprintf("A %s named %q exists already; nothing was changed.", what, name),
		map[string]any{"name": name})
}

// renameFailed answers a file that does not decode as 400 naming the file, other
// errors as usual.
func (h *Handler) renameFailed(c *gin.Context, err error) {
	if fe, ok := err.(*fileError); ok {
		invalid(c, CodeInvalidDocument, fe.Error()+"; fix the file before renaming, nothing was changed.", nil)
		return
	}
	h.fail(c, err)
}

// xmlRenameFailed answers an XML file that does not parse or cannot be edited
// as 400 naming the file.
func xmlRenameFailed(c *gin.Context, file string, err error) {
	invalid(c, CodeInvalidXML, file+": "+err.Error()+"; fix the file before renaming, nothing was changed.", nil)
}

// fileError is an app file that does not parse; its text names the file.
type fileError struct {
	path string
	err  error
}

func (e *fileError) Error() string { return e.path + ": " + e.err.Error() }

func isLayoutFile(p string) bool {
	return path.Ext(p) == ".json" && path.Base(path.Dir(p)) == "layouts"
}

// jsonFiles decodes every file below dir at the parent that match keeps.
func (h *Handler) jsonFiles(c *gin.Context, ws *workspace, dir string, keep func(string) bool) ([]*appFile, error) {
	ctx := c.Request.Context()
	ents, err := ws.repo.List(ctx, ws.parent, dir, true)
	if err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []*appFile
	for _, e := range ents {
		if e.Dir || !keep(e.Path) {
			continue
		}
		b, err := ws.repo.ReadFile(ctx, ws.parent, e.Path)
		if err != nil {
			return nil, err
		}
		f, err := decodeAppFile(e.Path, b)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// decodeAppFile decodes a JSON object file; the error is a *fileError.
func decodeAppFile(p string, b []byte) (*appFile, error) {
	v, err := jsonobj.Decode(b)
	if err != nil {
		return nil, &fileError{p, err}
	}
	doc, ok := v.(*jsonobj.Object)
	if !ok {
		return nil, &fileError{p, fmt.Errorf("not a JSON object")}
	}
	return &appFile{path: p, doc: doc, raw: b}, nil
}

// commitFiles commits the changed and moved files.
func (h *Handler) commitFiles(c *gin.Context, ws *workspace, message string, files []*appFile) {
	var changes []gitrepo.Change
	for _, f := range files {
		if f.oldPath != "" {
			changes = append(changes, gitrepo.Change{Path: f.oldPath, Delete: true})
		}
		if !f.changed && f.oldPath == "" {
			continue
		}
		b := f.raw
		if f.changed && f.doc != nil {
			var err error
			if b, err = jsonobj.Marshal(f.doc); err != nil {
				h.fail(c, err)
				return
			}
		}
		changes = append(changes, gitrepo.Change{Path: f.path, Content: b})
	}
	h.commit(c, ws, message, changes)
}

// componentIDs lists the ids of a page's components.
func componentIDs(doc *jsonobj.Object) []string {
	data, _ := doc.Value("data").(*jsonobj.Object)
	if data == nil {
		return nil
	}
	items, _ := data.Value("layout").([]any)
	var ids []string
	for _, it := range items {
		if o, ok := it.(*jsonobj.Object); ok {
			if id, ok := o.Value("id").(string); ok {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// walk calls fix on every object and array below v, depth first, and reports whether
// any call changed something.
func walk(v any, fix func(any) bool) bool {
	changed := fix(v)
	switch x := v.(type) {
	case *jsonobj.Object:
		for _, k := range x.Keys() {
			changed = walk(x.Value(k), fix) || changed
		}
	case []any:
		for _, e := range x {
			changed = walk(e, fix) || changed
		}
	}
	return changed
}

// renameComponentRef renames one place that names component from.
func renameComponentRef(v any, from, to string) bool {
	changed := false
	switch x := v.(type) {
	case *jsonobj.Object:
		// A component ({id, type}) or a Summary2 target ({type: "component", id}).
		if x.Value("id") == from && x.Has("type") && x.Value("type") != "page" && x.Value("type") != "layoutSet" {
			x.Set("id", to)
			changed = true
		}
		if x.Value("componentRef") == from {
			x.Set("componentRef", to)
			changed = true
		}
		if kids, ok := x.Value("children").([]any); ok {
			for i, k := range kids {
				s, _ := k.(string)
				if s == from {
					kids[i], changed = to, true
				} else if n, id, ok := strings.Cut(s, ":"); ok && id == from && n != "" && strings.Trim(n, "0123456789") == "" {
					kids[i], changed = n+":"+to, true
				}
			}
		}
	case []any:
		if len(x) >= 2 && x[0] == "component" && x[1] == from {
			x[1], changed = to, true
		}
	}
	return changed
}

// renameTextRef renames one place that names text key from.
func renameTextRef(v any, from, to string) bool {
	changed := false
	switch x := v.(type) {
	case *jsonobj.Object:
		if b, ok := x.Value("textResourceBindings").(*jsonobj.Object); ok {
			for _, k := range b.Keys() {
				if b.Value(k) == from {
					b.Set(k, to)
					changed = true
				}
			}
		}
	case []any:
		if len(x) >= 2 && x[0] == "text" && x[1] == from {
			x[1], changed = to, true
		}
	}
	return changed
}
