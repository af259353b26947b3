// SPDX-License-Identifier: MIT

package apps

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// layoutSetsPath is the app's list of layout sets.
const layoutSetsPath = "App/ui/layout-sets.json"

func layoutSetDir(set string) string       { return "App/ui/" + set }
func layoutPath(set, page string) string   { return layoutSetDir(set) + "/layouts/" + page + ".json" }
func layoutSettingsPath(set string) string { return layoutSetDir(set) + "/Settings.json" }
func pageMessage(verb, set, page string) string {
	return fmt.Sprintf("%s page %s in %s", verb, page, set)
}

// putLayout creates or replaces a page. The body is the page file itself, written as
// sent, after it parsed as JSON and every component passed the component model. A
// new page is appended to the page order in Settings.json in the same commit.
func (h *Handler) putLayout(c *gin.Context) {
	set, page := c.Param("set"), c.Param("page")
	if !segmentOK(c, "layout set", set) || !segmentOK(c, "page", page) {
		return
	}
	body, ok := readBody(c, "application/json")
	if !ok || !layoutValid(c, body) {
		return
	}
	ws, ok := h.begin(c, "")
	if !ok {
		return
	}
	settings, err := ws.read(c, layoutSettingsPath(set))
	if err != nil {
		h.fail(c, err)
		return
	}
	if settings == nil {
		httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("No layout set %q (no %s).", set, layoutSettingsPath(set)))
		return
	}
	old, err := ws.read(c, layoutPath(set, page))
	if err != nil {
		h.fail(c, err)
		return
	}
	changes := []gitrepo.Change{{Path: layoutPath(set, page), Content: body}}
	verb := "Update"
	if old == nil {
		verb = "Add"
		next, err := editOrder(settings, func(order []string) []string {
			if slices.Contains(order, page) {
				return order
			}
			return append(order, page)
		})
		if err != nil {
			invalid(c, CodeInvalidDocument, "Settings.json cannot take the new page: "+err.Error(), nil)
			return
		}
		if next != nil {
			changes = append(changes, gitrepo.Change{Path: layoutSettingsPath(set), Content: next})
		}
	}
	h.commit(c, ws, pageMessage(verb, set, page), changes)
}

// deleteLayout deletes a page and takes it out of the page order, in one commit.
func (h *Handler) deleteLayout(c *gin.Context) {
	set, page := c.Param("set"), c.Param("page")
	if !segmentOK(c, "layout set", set) || !segmentOK(c, "page", page) {
		return
	}
	ws, ok := h.begin(c, "")
	if !ok {
		return
	}
	old, err := ws.read(c, layoutPath(set, page))
	if err == nil && old == nil {
		err = fmt.Errorf("%w: page %s in layout set %s", gitrepo.ErrNotFound, page, set)
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	changes := []gitrepo.Change{{Path: layoutPath(set, page), Delete: true}}
	if settings, err := ws.read(c, layoutSettingsPath(set)); err == nil && settings != nil {
		next, err := editOrder(settings, func(order []string) []string {
			return slices.DeleteFunc(order, func(p string) bool { return p == page })
		})
		if err == nil && next != nil {
			changes = append(changes, gitrepo.Change{Path: layoutSettingsPath(set), Content: next})
		}
	}
	h.commit(c, ws, pageMessage("Delete", set, page), changes)
}

// putLayoutSettings replaces a layout set's Settings.json (page order and the like).
func (h *Handler) putLayoutSettings(c *gin.Context) {
	set := c.Param("set")
	if !segmentOK(c, "layout set", set) {
		return
	}
	body, ok := readBody(c, "application/json")
	if !ok || !jsonValid(c, body, CodeInvalidDocument) {
		return
	}
	if _, err := orderOf(body); err != nil {
		invalid(c, CodeInvalidDocument, "Settings.json: "+err.Error(), nil)
		return
	}
	ws, ok := h.begin(c, "")
	if !ok {
		return
	}
	h.commit(c, ws, "Update page settings of "+set, []gitrepo.Change{{Path: layoutSettingsPath(set), Content: body}})
}

// layoutValid checks a page file: JSON (a syntax error answers with its line and
// column), data.layout an array, every component accepted by the component model
// and no id twice on the page.
func layoutValid(c *gin.Context, body []byte) bool {
	if !jsonValid(c, body, CodeInvalidLayout) {
		return false
	}
	var page struct {
		Data *struct {
			Layout []json.RawMessage `json:"layout"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &page); err != nil || page.Data == nil || page.Data.Layout == nil {
		invalid(c, CodeInvalidLayout, "A page is an object with data.layout, an array of components.", nil)
		return false
	}
	comps, issues := component.ParseLayout(page.Data.Layout)
	var errs []httpx.FieldError
	for _, is := range issues {
		if is.Severity == component.Error {
			errs = append(errs, httpx.FieldError{Field: "/data/layout" + is.Pointer, Code: is.Code, Detail: is.Message})
		}
	}
	seen := map[string]bool{}
	for i, comp := range comps {
		if comp == nil || comp.ID == "" {
			continue
		}
		if seen[comp.ID] {
			errs = append(errs, httpx.FieldError{Field: fmt.Sprintf("/data/layout/%d/id", i), Code: "duplicate-id",
				Detail: fmt.Sprintf("component id %q is used twice on the page", comp.ID)})
		}
		seen[comp.ID] = true
	}
	if len(errs) > 0 {
		invalid(c, CodeInvalidLayout, "The page has components the runtime cannot use; nothing was saved.", errs)
		return false
	}
	return true
}

// jsonValid answers 400 with the line and column of a JSON syntax error.
func jsonValid(c *gin.Context, body []byte, code string) bool {
	var v any
	err := json.Unmarshal(body, &v)
	if err == nil {
		return true
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(body, se.Offset)
		problem(c, http.StatusBadRequest, code, fmt.Sprintf("Not JSON: line %d, column %d: %s; nothing was saved.", line, col, se.Error()),
			map[string]any{"line": line, "column": col})
		return false
	}
	problem(c, http.StatusBadRequest, code, "Not JSON: "+err.Error()+"; nothing was saved.", nil)
	return false
}

// lineCol turns a byte offset into a 1-based line and column (in bytes).
func lineCol(b []byte, off int64) (int, int) {
	off = min(max(off, 1), int64(len(b)))
	before := b[:off-1]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// orderOf returns pages.order of a Settings.json.
func orderOf(settings []byte) ([]string, error) {
	var s struct {
		Pages *struct {
			Order []string `json:"order"`
		} `json:"pages"`
	}
	if err := json.Unmarshal(settings, &s); err != nil {
		return nil, errors.New("pages.order must be an array of page names")
	}
	if s.Pages == nil {
		return nil, nil
	}
	return s.Pages.Order, nil
}

// editOrder rewrites pages.order of a Settings.json, keeping its other keys and
// their order. It returns nil when the order stays as it is.
func editOrder(settings []byte, edit func([]string) []string) ([]byte, error) {
	order, err := orderOf(settings)
	if err != nil {
		return nil, err
	}
	next := edit(slices.Clone(order))
	if slices.Equal(order, next) {
		return nil, nil
	}
	v, err := jsonobj.Decode(settings)
	if err != nil {
		return nil, err
	}
	doc, ok := v.(*jsonobj.Object)
	if !ok {
		return nil, errors.New("not a JSON object")
	}
	pages, _ := doc.Value("pages").(*jsonobj.Object)
	if pages == nil {
		pages = jsonobj.New()
		doc.Set("pages", pages)
	}
	list := make([]any, len(next))
	for i, p := range next {
		list[i] = p
	}
	pages.Set("order", list)
	return jsonobj.Marshal(doc)
}
