// SPDX-License-Identifier: MIT

package apps

import (
	"fmt"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/gin-gonic/gin"
)

func optionsPath(id string) string { return "App/options/" + id + ".json" }

// renameOptionList renames an option list, in one commit: App/options/<id>.json
// (its bytes unchanged), every optionsId that names it and ["optionLabel", id, …]
// expressions in the layouts. A list served by code (no file) is not found.
func (h *Handler) renameOptionList(c *gin.Context) {
	req, ws, ok := h.beginRenameAs(c, segmentRule)
	if !ok {
		return
	}
	old, err := ws.read(c, optionsPath(req.From))
	var taken []byte
	if err == nil {
		taken, err = ws.read(c, optionsPath(req.To))
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	if old == nil {
		notFound(c, fmt.Sprintf("No option list %q (no %s).", req.From, optionsPath(req.From)))
		return
	}
	if taken != nil {
		nameTaken(c, "option list", req.To)
		return
	}
	layouts, err := h.jsonFiles(c, ws, "App/ui", isLayoutFile)
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	for _, f := range layouts {
		f.changed = walk(f.doc, func(v any) bool { return renameOptionsRef(v, req.From, req.To) })
	}
	files := append(layouts, &appFile{path: optionsPath(req.To), raw: old, oldPath: optionsPath(req.From)})
	h.commitFiles(c, ws, fmt.Sprintf("Rename option list %s to %s", req.From, req.To), files)
}

// renameOptionsRef renames one place that names option list from.
func renameOptionsRef(v any, from, to string) bool {
	switch x := v.(type) {
	case *jsonobj.Object:
		return renameString(x, "optionsId", from, to)
	case []any:
		if len(x) >= 2 && x[0] == "optionLabel" && x[1] == from {
			x[1] = to
			return true
		}
	}
	return false
}
