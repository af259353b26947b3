// SPDX-License-Identifier: MIT

package apps

import (
	"encoding/xml"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/gin-gonic/gin"
)

// bpmnDataTypeElements are the process elements whose text is a data type id.
var bpmnDataTypeElements = []string{"dataType", "signatureDataType", "signeeStatesDataTypeId", "signingPdfDataType",
	"paymentDataType", "paymentReceiptPdfDataType", "subformDataTypeId", "connectedDataTypeId"}

// renameDataType renames a data type, in one commit: its id in
// applicationmetadata.json (and eFormidling.dataTypes), sets[].dataType in
// layout-sets.json, defaultDataType in Settings.json, in the layouts
// {dataType, field} bindings, option sources, AttachmentList dataTypeIds and
// ["dataModel", path, dataType], "dataModel.<id>" text variables, and the data
// types a process task names (signing, payment, subform PDF, gateway); its model
// files App/models/<id>.{schema.json,xsd,cs,metadata.json} move with it, since the
// app finds a data type's model by that name.
func (h *Handler) renameDataType(c *gin.Context) {
	req, ws, ok := h.beginRename(c)
	if !ok {
		return
	}
	meta, err := h.jsonFile(c, ws, metadataPath)
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	var dt *jsonobj.Object
	if meta != nil {
		list, _ := meta.doc.Value("dataTypes").([]any)
		for _, d := range list {
			o, _ := d.(*jsonobj.Object)
			switch {
			case o == nil:
			case o.Value("id") == req.To:
				nameTaken(c, "data type", req.To)
				return
			case o.Value("id") == req.From:
				dt = o
			}
		}
	}
	if dt == nil {
		notFound(c, fmt.Sprintf("No data type %q in %s.", req.From, metadataPath))
		return
	}
	dt.Set("id", req.To)
	meta.changed = true
	if ef, ok := meta.doc.Value("eFormidling").(*jsonobj.Object); ok {
		renameInList(ef, "dataTypes", req.From, req.To)
	}
	files, err := h.jsonFiles(c, ws, "App", func(p string) bool {
		return p == layoutSetsPath || isLayoutFile(p) || strings.HasPrefix(p, "App/ui/") && path.Base(p) == "Settings.json" ||
			strings.HasPrefix(p, "App/config/texts/resource.") && path.Ext(p) == ".json"
	})
	if err != nil {
		h.renameFailed(c, err)
		return
	}
	if !renameUploads(c, files, req.From, req.To) {
		return
	}
	for _, f := range files {
		f.changed = renameDataTypeIn(f, req.From, req.To) || f.changed
	}
	files = append(files, meta)
	models, taken, err := h.modelFiles(c, ws, req.From, req.To)
	if err != nil {
		h.fail(c, err)
		return
	}
	if taken {
		nameTaken(c, "data model", req.To)
		return
	}
	files = append(files, models...)
	if bpmn, err := ws.read(c, processPath); err != nil {
		h.fail(c, err)
		return
	} else if bpmn != nil {
		next, err := renameDataTypeBPMN(bpmn, req.From, req.To)
		if err != nil {
			xmlRenameFailed(c, processPath, err)
			return
		}
		files = append(files, &appFile{path: processPath, raw: next, changed: string(next) != string(bpmn)})
	}
	h.commitFiles(c, ws, fmt.Sprintf("Rename data type %s to %s", req.From, req.To), files)
}

// renameDataTypeIn renames the data type in one JSON file of App/ui or the texts.
func renameDataTypeIn(f *appFile, from, to string) bool {
	switch {
	case f.path == layoutSetsPath:
		changed := false
		for _, s := range layoutSets(f) {
			changed = renameString(s, "dataType", from, to) || changed
		}
		return changed
	case path.Base(f.path) == "Settings.json":
		return renameString(f.doc, "defaultDataType", from, to)
	case isLayoutFile(f.path):
		return walk(f.doc, func(v any) bool { return renameDataTypeRef(v, from, to) })
	}
	// resource.<lang>.json: variables [{key, dataSource: "dataModel.<id>"}].
	return renameKeyValues(f.doc, "dataModel."+from, "dataModel."+to, "dataSource")
}

// renameDataTypeRef renames one place in a layout that names data type from.
func renameDataTypeRef(v any, from, to string) bool {
	switch x := v.(type) {
	case *jsonobj.Object:
		changed := renameString(x, "dataType", from, to)
		return renameInList(x, "dataTypeIds", from, to) || changed
	case []any:
		if len(x) >= 3 && x[0] == "dataModel" && x[2] == from {
			x[2] = to
			return true
		}
	}
	return false
}

// renameDataTypeBPMN renames the data type in the elements of
// bpmnDataTypeElements, byte for byte elsewhere, and checks the result parses.
func renameDataTypeBPMN(data []byte, from, to string) ([]byte, error) {
	var edits []xmlEdit
	err := walkXML(data, func(t xmlTok) {
		if _, ok := t.tok.(xml.CharData); ok && len(t.path) > 0 && slices.Contains(bpmnDataTypeElements, t.path[len(t.path)-1]) {
			if e, ok := textEdit(t, from, to); ok {
				edits = append(edits, e)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	if len(edits) == 0 {
		return data, nil
	}
	next := applyXMLEdits(data, edits)
	if _, err := process.ParseBytes(next); err != nil {
		return nil, err
	}
	return next, nil
}

// modelExts are the files of one data model in App/models, by extension.
var modelExts = []string{".schema.json", ".xsd", ".cs", ".metadata.json"}

// modelFiles returns the model files of data type from, moved to the name to, and
// whether to has model files already.
func (h *Handler) modelFiles(c *gin.Context, ws *workspace, from, to string) ([]*appFile, bool, error) {
	var out []*appFile
	for _, ext := range modelExts {
		if b, err := ws.read(c, modelPath(to, ext)); err != nil || b != nil {
			return nil, b != nil, err
		}
		b, err := ws.read(c, modelPath(from, ext))
		if err != nil {
			return nil, false, err
		}
		if b != nil {
			out = append(out, &appFile{path: modelPath(to, ext), raw: b, oldPath: modelPath(from, ext)})
		}
	}
	return out, false, nil
}

// renameUploads renames the FileUpload and FileUploadWithTag components whose id is
// the data type (Altinn ties an upload to its data type by that id) with every
// reference to them. It answers 409 and reports false when a component already has
// the new id.
func renameUploads(c *gin.Context, files []*appFile, from, to string) bool {
	upload, taken := false, false
	for _, f := range files {
		if !isLayoutFile(f.path) {
			continue
		}
		data, _ := f.doc.Value("data").(*jsonobj.Object)
		if data == nil {
			continue
		}
		items, _ := data.Value("layout").([]any)
		for _, it := range items {
			o, _ := it.(*jsonobj.Object)
			if o == nil {
				continue
			}
			typ, _ := o.Value("type").(string)
			upload = upload || o.Value("id") == from && (typ == "FileUpload" || typ == "FileUploadWithTag")
			taken = taken || o.Value("id") == to
		}
	}
	if !upload {
		return true
	}
	if taken {
		nameTaken(c, "component", to)
		return false
	}
	for _, f := range files {
		if isLayoutFile(f.path) {
			f.changed = walk(f.doc, func(v any) bool { return renameComponentRef(v, from, to) }) || f.changed
		}
	}
	return true
}
