// SPDX-License-Identifier: MIT

package apps

import (
	"net/http"
	"path"
	"regexp"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

// segmentRule is the rule of a name that is also a file or folder name (a page, a
// layout set, an option list).
var segmentRule = nameRule{valid: validSegment, hint: "1–100 letters, digits, '.', '_' or '-', not starting with '.'", path: true}

// taskIDRE is a BPMN id (an XML NCName) that is also safe as a folder name and in
// a policy attribute value.
var taskIDRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]{0,99}$`)

var taskRule = nameRule{valid: taskIDRE.MatchString, hint: "a letter or '_', then letters, digits, '.', '_' or '-' (at most 100)", path: true}

// pathSafe reports whether an existing name can be looked up as a file or folder
// name without leaving its folder.
func pathSafe(s string) bool {
	return s != "." && s != ".." && !strings.ContainsAny(s, "/\\")
}

// jsonFile decodes one JSON file of the parent; nil when it does not exist.
func (h *Handler) jsonFile(c *gin.Context, ws *workspace, p string) (*appFile, error) {
	b, err := ws.read(c, p)
	if err != nil || b == nil {
		return nil, err
	}
	return decodeAppFile(p, b)
}

// moveDir moves every file below from to the same place below to. A file already
// in files (decoded for edits) is moved there; the others are added as they are.
func (h *Handler) moveDir(c *gin.Context, ws *workspace, from, to string, files []*appFile) ([]*appFile, error) {
	ents, err := ws.repo.List(c.Request.Context(), ws.parent, from, true)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	byPath := map[string]*appFile{}
	for _, f := range files {
		byPath[f.path] = f
	}
	for _, e := range ents {
		if e.Dir {
			continue
		}
		dest := to + strings.TrimPrefix(e.Path, from)
		if f := byPath[e.Path]; f != nil {
			f.oldPath, f.path = f.path, dest
			continue
		}
		b, err := ws.repo.ReadFile(c.Request.Context(), ws.parent, e.Path)
		if err != nil {
			return nil, err
		}
		files = append(files, &appFile{path: dest, raw: b, oldPath: e.Path})
	}
	return files, nil
}

// uiNameFree reports whether App/ui has no file or folder named name. When it
// has one (409 name_taken) or App/ui cannot be listed, it has answered.
func (h *Handler) uiNameFree(c *gin.Context, ws *workspace, name string) bool {
	ents, err := ws.repo.List(c.Request.Context(), ws.parent, "App/ui", false)
	if err != nil && !isNotFound(err) {
		h.fail(c, err)
		return false
	}
	for _, e := range ents {
		if path.Base(e.Path) == name {
			nameTaken(c, "file or folder in App/ui", name)
			return false
		}
	}
	return true
}

// layoutSets returns the sets of layout-sets.json (nil without the file).
func layoutSets(f *appFile) []*jsonobj.Object {
	if f == nil {
		return nil
	}
	list, _ := f.doc.Value("sets").([]any)
	var out []*jsonobj.Object
	for _, v := range list {
		if o, ok := v.(*jsonobj.Object); ok {
			out = append(out, o)
		}
	}
	return out
}

// renameString sets key of o to to when it is from.
func renameString(o *jsonobj.Object, key, from, to string) bool {
	if o != nil && o.Value(key) == from {
		o.Set(key, to)
		return true
	}
	return false
}

// renameInList replaces from by to in the string array at key of o.
func renameInList(o *jsonobj.Object, key, from, to string) bool {
	if o == nil {
		return false
	}
	list, _ := o.Value(key).([]any)
	changed := false
	for i, v := range list {
		if v == from {
			list[i], changed = to, true
		}
	}
	return changed
}

// renameKeyValues renames from to to in every value of one of keys in any object
// below v.
func renameKeyValues(v any, from, to string, keys ...string) bool {
	return walk(v, func(x any) bool {
		o, ok := x.(*jsonobj.Object)
		if !ok {
			return false
		}
		changed := false
		for _, k := range keys {
			changed = renameString(o, k, from, to) || changed
		}
		return changed
	})
}

// notFound answers 404 not_found with detail.
func notFound(c *gin.Context, detail string) {
	httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, detail)
}
