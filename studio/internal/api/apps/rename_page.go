// SPDX-License-Identifier: MIT

package apps

import (
	"fmt"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

type renamePageRequest struct {
	Parent string `json:"parent"`
	Set    string `json:"set"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// renamePage renames a page of one layout set, in one commit: its file, its place
// in Settings.json (pages.order, pages.groups[].order, excludeFromPdf,
// pdfLayoutName, receiptLayoutName), Summary2 page targets (in the set, and in
// other sets when they name one of the set's tasks) and navigateToPage actions.
func (h *Handler) renamePage(c *gin.Context) {
	var req renamePageRequest
	if !api.Decode(c, &req) || !segmentOK(c, "layout set", req.Set) {
		return
	}
	ws, ok := h.startRename(c, renameRequest{Parent: req.Parent, From: req.From, To: req.To}, segmentRule)
	if !ok {
		return
	}
	layouts, err := h.jsonFiles(c, ws, "App/ui", isLayoutFile)
	var settings, sets *appFile
	if err == nil {
		settings, err = h.jsonFile(c, ws, layoutSettingsPath(req.Set))
	}
	if err == nil {
		sets, err = h.jsonFile(c, ws, layoutSetsPath)
	}
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	var page *appFile
	for _, f := range layouts {
		switch f.path {
		case layoutPath(req.Set, req.From):
			page = f
		case layoutPath(req.Set, req.To):
			nameTaken(c, "page", req.To)
			return
		}
	}
	if page == nil {
		notFound(c, fmt.Sprintf("No page %q in layout set %q.", req.From, req.Set))
		return
	}
	tasks := setTasks(sets, req.Set)
	dir := layoutSetDir(req.Set) + "/"
	for _, f := range layouts {
		same := strings.HasPrefix(f.path, dir)
		f.changed = walk(f.doc, func(v any) bool { return renamePageRef(v, req.From, req.To, same, tasks) })
	}
	page.oldPath, page.path = page.path, layoutPath(req.Set, req.To)
	files := layouts
	if settings != nil {
		settings.changed = renamePageSettings(settings.doc, req.From, req.To)
		files = append(files, settings)
	}
	h.commitFiles(c, ws, fmt.Sprintf("Rename page %s to %s in %s", req.From, req.To, req.Set), files)
}

// setTasks returns the tasks of a layout set: its tasks in layout-sets.json, or,
// without that file (Altinn v9), the set itself, whose folder is named by its task.
func setTasks(sets *appFile, set string) map[string]bool {
	tasks := map[string]bool{}
	if sets == nil {
		tasks[set] = true
		return tasks
	}
	for _, s := range layoutSets(sets) {
		if s.Value("id") != set {
			continue
		}
		list, _ := s.Value("tasks").([]any)
		for _, t := range list {
			if id, ok := t.(string); ok {
				tasks[id] = true
			}
		}
	}
	return tasks
}

// renamePageRef renames one place that names page from: a Summary2 target
// {type: "page", id, taskId?} and, in the page's own set, a CustomButton's
// navigateToPage action. same says whether the layout is in the page's set; tasks
// are the set's tasks, which a target in another set names by taskId.
func renamePageRef(v any, from, to string, same bool, tasks map[string]bool) bool {
	o, ok := v.(*jsonobj.Object)
	if !ok {
		return false
	}
	changed := false
	if o.Value("type") == "page" && o.Value("id") == from {
		task, _ := o.Value("taskId").(string)
		if same && (task == "" || tasks[task]) || !same && task != "" && tasks[task] {
			o.Set("id", to)
			changed = true
		}
	}
	if same && o.Value("id") == "navigateToPage" {
		md, _ := o.Value("metadata").(*jsonobj.Object)
		changed = renameString(md, "page", from, to) || changed
	}
	return changed
}

// renamePageSettings renames a page in the page settings of a Settings.json.
func renamePageSettings(doc *jsonobj.Object, from, to string) bool {
	pages, _ := doc.Value("pages").(*jsonobj.Object)
	if pages == nil {
		return false
	}
	changed := renameInList(pages, "order", from, to)
	changed = renameInList(pages, "excludeFromPdf", from, to) || changed
	changed = renameString(pages, "pdfLayoutName", from, to) || changed
	changed = renameString(pages, "receiptLayoutName", from, to) || changed
	groups, _ := pages.Value("groups").([]any)
	for _, g := range groups {
		o, _ := g.(*jsonobj.Object)
		changed = renameInList(o, "order", from, to) || changed
	}
	return changed
}
