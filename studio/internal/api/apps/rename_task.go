// SPDX-License-Identifier: MIT

package apps

import (
	"encoding/xml"
	"fmt"
	"path"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/gin-gonic/gin"
)

// renameTask renames a process task, in one commit:
//   - process.bpmn: the task's id, sequenceFlow sourceRef/targetRef, BPMNDI
//     bpmnElement and pdfConfig autoPdfTaskIds, edited in place;
//   - layout-sets.json: sets[].tasks and uiSettings.taskNavigation;
//   - every Settings.json: pages.taskNavigation; the layouts: Summary2 taskId;
//   - applicationmetadata.json: dataTypes[].taskId and eFormidling.sendAfterTaskId;
//   - policy.xml: urn:altinn:task rule targets;
//   - without layout-sets.json (Altinn v9), the UI folder named by the task.
func (h *Handler) renameTask(c *gin.Context) {
	req, ws, ok := h.beginRenameAs(c, taskRule)
	if !ok {
		return
	}
	bpmn, err := ws.read(c, processPath)
	if err != nil {
		h.fail(c, err)
		return
	}
	if bpmn == nil {
		notFound(c, "The app has no "+processPath+".")
		return
	}
	def, err := process.ParseBytes(bpmn)
	if err != nil {
		xmlRenameFailed(c, processPath, err)
		return
	}
	if def.Task(req.From) == nil {
		notFound(c, fmt.Sprintf("No task %q in the process.", req.From))
		return
	}
	ids, err := xmlIDs(bpmn)
	if err != nil {
		h.fail(c, err)
		return
	}
	if ids[req.To] {
		nameTaken(c, "process element", req.To)
		return
	}
	nextBPMN, err := renameTaskBPMN(bpmn, req.From, req.To)
	if err != nil {
		h.fail(c, err)
		return
	}
	files, ok := h.renameTaskFiles(c, ws, req)
	if !ok {
		return
	}
	files = append(files, &appFile{path: processPath, raw: nextBPMN, changed: true})
	h.commitFiles(c, ws, fmt.Sprintf("Rename task %s to %s", req.From, req.To), files)
}

// renameTaskFiles renames the task in the app's JSON files and policy, and moves
// its v9 UI folder.
func (h *Handler) renameTaskFiles(c *gin.Context, ws *workspace, req renameRequest) ([]*appFile, bool) {
	sets, err := h.jsonFile(c, ws, layoutSetsPath)
	var meta *appFile
	var ui []*appFile
	if err == nil {
		meta, err = h.jsonFile(c, ws, metadataPath)
	}
	if err == nil {
		ui, err = h.jsonFiles(c, ws, "App/ui", func(p string) bool {
			return isLayoutFile(p) || p != layoutSetsPath && path.Base(p) == "Settings.json"
		})
	}
	if err != nil {
		h.renameFailed(c, err)
		return nil, false
	}
	files := ui
	for _, f := range ui {
		f.changed = renameKeyValues(f.doc, req.From, req.To, "taskId")
	}
	if sets != nil {
		for _, s := range layoutSets(sets) {
			sets.changed = renameInList(s, "tasks", req.From, req.To) || sets.changed
		}
		if u, ok := sets.doc.Value("uiSettings").(*jsonobj.Object); ok {
			sets.changed = renameKeyValues(u, req.From, req.To, "taskId") || sets.changed
		}
		files = append(files, sets)
	} else {
		if !h.uiNameFree(c, ws, req.To) {
			return nil, false
		}
		if files, err = h.moveDir(c, ws, layoutSetDir(req.From), layoutSetDir(req.To), files); err != nil {
			h.fail(c, err)
			return nil, false
		}
	}
	if meta != nil {
		meta.changed = renameTaskMetadata(meta.doc, req.From, req.To)
		files = append(files, meta)
	}
	policy, err := ws.read(c, policyPath)
	if err == nil && policy != nil {
		var next []byte
		if next, err = renameTaskPolicy(policy, req.From, req.To); err == nil {
			files = append(files, &appFile{path: policyPath, raw: next, changed: string(next) != string(policy)})
		} else {
			xmlRenameFailed(c, policyPath, err)
			return nil, false
		}
	}
	if err != nil {
		h.fail(c, err)
		return nil, false
	}
	return files, true
}

// renameTaskMetadata renames dataTypes[].taskId and eFormidling.sendAfterTaskId.
func renameTaskMetadata(doc *jsonobj.Object, from, to string) bool {
	changed := false
	list, _ := doc.Value("dataTypes").([]any)
	for _, d := range list {
		o, _ := d.(*jsonobj.Object)
		changed = renameString(o, "taskId", from, to) || changed
	}
	ef, _ := doc.Value("eFormidling").(*jsonobj.Object)
	return renameString(ef, "sendAfterTaskId", from, to) || changed
}

// renameTaskBPMN renames task from in a process definition, byte for byte
// elsewhere, and checks that the result still parses with the task renamed.
func renameTaskBPMN(data []byte, from, to string) ([]byte, error) {
	var edits []xmlEdit
	err := walkXML(data, func(t xmlTok) {
		switch t.tok.(type) {
		case xml.StartElement:
			edits = append(edits, attrEdits(t, from, to, "id", "sourceRef", "targetRef", "bpmnElement")...)
		case xml.CharData:
			if len(t.path) > 0 && t.path[len(t.path)-1] == "taskId" {
				if e, ok := textEdit(t, from, to); ok {
					edits = append(edits, e)
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	next := applyXMLEdits(data, edits)
	def, err := process.ParseBytes(next)
	if err != nil {
		return nil, fmt.Errorf("apps: renamed process does not parse: %w", err)
	}
	if def.Task(to) == nil || def.Element(from) != nil {
		return nil, fmt.Errorf("apps: renamed process lacks task %s", to)
	}
	return next, nil
}

// renameTaskPolicy renames the value of every urn:altinn:task match in a policy.
func renameTaskPolicy(data []byte, from, to string) ([]byte, error) {
	var edits []xmlEdit
	var value *xmlEdit
	isTask := false
	err := walkXML(data, func(t xmlTok) {
		local := ""
		if len(t.path) > 0 {
			local = t.path[len(t.path)-1]
		}
		switch x := t.tok.(type) {
		case xml.StartElement:
			if local == "Match" {
				value, isTask = nil, false
			}
			if local == "AttributeDesignator" {
				for _, a := range x.Attr {
					if a.Name.Local == "AttributeId" && a.Value == "urn:altinn:task" {
						isTask = true
					}
				}
			}
		case xml.CharData:
			if local == "AttributeValue" {
				if e, ok := textEdit(t, from, to); ok {
					value = &e
				}
			}
		case xml.EndElement:
			if local == "Match" && isTask && value != nil {
				edits = append(edits, *value)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return applyXMLEdits(data, edits), nil
}
