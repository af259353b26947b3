// SPDX-License-Identifier: MIT

package apps

import (
	"fmt"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/gin-gonic/gin"
)

// renameLayoutSet renames a layout set, in one commit: its folder App/ui/<set>/ with
// every file in it, its id in layout-sets.json, Summary2 layoutSet targets and
// Subform layoutSet references. Without layout-sets.json (Altinn v9) the set is
// its folder.
func (h *Handler) renameLayoutSet(c *gin.Context) {
	req, ws, ok := h.beginRenameAs(c, segmentRule)
	if !ok {
		return
	}
	sets, err := h.jsonFile(c, ws, layoutSetsPath)
	var layouts []*appFile
	if err == nil {
		layouts, err = h.jsonFiles(c, ws, "App/ui", isLayoutFile)
	}
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	var set *jsonobj.Object
	for _, s := range layoutSets(sets) {
		switch s.Value("id") {
		case req.From:
			set = s
		case req.To:
			nameTaken(c, "layout set", req.To)
			return
		}
	}
	found := set != nil
	if sets == nil {
		settings, err := ws.read(c, layoutSettingsPath(req.From))
		if err != nil {
			h.fail(c, err)
			return
		}
		found = settings != nil
	}
	if !found {
		notFound(c, fmt.Sprintf("No layout set %q.", req.From))
		return
	}
	if !h.uiNameFree(c, ws, req.To) {
		return
	}
	for _, f := range layouts {
		f.changed = walk(f.doc, func(v any) bool { return renameLayoutSetRef(v, req.From, req.To) })
	}
	files, err := h.moveDir(c, ws, layoutSetDir(req.From), layoutSetDir(req.To), layouts)
	if err != nil {
		h.fail(c, err)
		return
	}
	if set != nil {
		set.Set("id", req.To)
		sets.changed = true
		files = append(files, sets)
	}
	h.commitFiles(c, ws, fmt.Sprintf("Rename layout set %s to %s", req.From, req.To), files)
}

// renameLayoutSetRef renames a Summary2 target {type: "layoutSet", id} or a
// Subform's layoutSet.
func renameLayoutSetRef(v any, from, to string) bool {
	o, ok := v.(*jsonobj.Object)
	if !ok {
		return false
	}
	changed := false
	if o.Value("type") == "layoutSet" {
		changed = renameString(o, "id", from, to)
	}
	if o.Value("type") == "Subform" {
		changed = renameString(o, "layoutSet", from, to) || changed
	}
	return changed
}
