// SPDX-License-Identifier: MIT

package apps

import (
	"errors"
	"fmt"
	"testing/fstest"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

func modelPath(model, ext string) string { return "App/models/" + model + ext }

// uploadXSD takes an XSD and commits, in one commit, the XSD itself, the JSON Schema
// converted from it (datamodels/xsdjson, with @xsdRootElement) and the model's data
// type in applicationmetadata.json. An XSD that is not XML, does not convert or has
// no root element commits nothing.
func (h *Handler) uploadXSD(c *gin.Context) {
	model := c.Param("model")
	if !segmentOK(c, "data model", model) {
		return
	}
	body, ok := readBody(c, "application/xml", "text/xml")
	if !ok || !xmlValid(c, body) {
		return
	}
	name := model + ".xsd"
	obj, err := xsdjson.ConvertFile(fstest.MapFS{name: {Data: body}}, name, xsd.Options{})
	if err != nil {
		invalid(c, CodeInvalidSchema, "The XSD cannot be converted: "+err.Error()+"; nothing was saved.", nil)
		return
	}
	root, _ := obj.Value("@xsdRootElement").(string)
	if root == "" {
		invalid(c, CodeInvalidSchema, "The XSD has no global element to be the data model's root; nothing was saved.", nil)
		return
	}
	obj.Set("$id", model+".schema.json")
	schema, err := xsdjson.Marshal(obj)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.saveModel(c, model, root, body, schema, "Upload data model "+model)
}

// putSchema saves an edited JSON Schema and the XSD generated from it
// (datamodels/jsonxsd) in one commit.
func (h *Handler) putSchema(c *gin.Context) {
	model := c.Param("model")
	if !segmentOK(c, "data model", model) {
		return
	}
	body, ok := readBody(c, "application/json")
	if !ok || !jsonValid(c, body, CodeInvalidSchema) {
		return
	}
	x, err := jsonxsd.Convert(body, jsonxsd.Options{})
	if err != nil {
		invalid(c, CodeInvalidSchema, "No XSD can be made from the schema: "+err.Error()+"; nothing was saved.", nil)
		return
	}
	v, err := jsonobj.Decode(body)
	if err != nil {
		invalid(c, CodeInvalidSchema, err.Error(), nil)
		return
	}
	doc, _ := v.(*jsonobj.Object)
	root, _ := doc.Value("@xsdRootElement").(string)
	if root == "" {
		invalid(c, CodeInvalidSchema, "The schema lacks @xsdRootElement, the name of the XML root element; nothing was saved.", nil)
		return
	}
	h.saveModel(c, model, root, x, body, "Update data model "+model)
}

// saveModel commits the XSD, the JSON Schema and the data type of a model together.
func (h *Handler) saveModel(c *gin.Context, model, root string, xsdBody, schema []byte, message string) {
	ws, ok := h.begin(c, "")
	if !ok {
		return
	}
	changes := []gitrepo.Change{
		{Path: modelPath(model, ".xsd"), Content: xsdBody},
		{Path: modelPath(model, ".schema.json"), Content: schema},
	}
	meta, err := ws.read(c, metadataPath)
	if err == nil && meta == nil {
		err = fmt.Errorf("%w: %s", gitrepo.ErrNotFound, metadataPath)
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	next, err := withDataType(meta, model, root)
	if err != nil {
		invalid(c, CodeInvalidDocument, metadataPath+": "+err.Error(), nil)
		return
	}
	if next != nil {
		changes = append(changes, gitrepo.Change{Path: metadataPath, Content: next})
	}
	h.commit(c, ws, message, changes)
}

// withDataType adds the data type of a model to applicationmetadata.json, as Altinn
// Studio does on upload: XML content, created with the instance, class named after
// the root element. An existing entry is left as the author set it. It returns nil
// when the metadata stays as it is.
func withDataType(meta []byte, model, root string) ([]byte, error) {
	v, err := jsonobj.Decode(meta)
	if err != nil {
		return nil, err
	}
	doc, ok := v.(*jsonobj.Object)
	if !ok {
		return nil, errors.New("not a JSON object")
	}
	list, ok := doc.Value("dataTypes").([]any)
	if !ok && doc.Has("dataTypes") {
		return nil, errors.New("dataTypes is not an array")
	}
	for _, dt := range list {
		if o, ok := dt.(*jsonobj.Object); ok && o.Value("id") == model {
			return nil, nil
		}
	}
	entry := jsonobj.New().
		Set("id", model).
		Set("allowedContentTypes", []any{"application/xml"}).
		Set("appLogic", jsonobj.New().Set("autoCreate", true).Set("classRef", "Altinn.App.Models."+root)).
		Set("maxCount", jsonobj.Number("1")).
		Set("minCount", jsonobj.Number("1"))
	doc.Set("dataTypes", append(list, entry))
	return jsonobj.Marshal(doc)
}
