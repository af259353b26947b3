// SPDX-License-Identifier: MIT

package apps

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// Paths of the app's configuration files.
const (
	metadataPath = "App/config/applicationmetadata.json"
	processPath  = "App/config/process/process.bpmn"
	policyPath   = "App/config/authorization/policy.xml"
)

// putOptions writes the code list App/options/<id>.json: a JSON array of options.
func (h *Handler) putOptions(c *gin.Context) {
	id := c.Param("id")
	if !segmentOK(c, "option list", id) {
		return
	}
	body, ok := readBody(c, "application/json")
	if !ok || !jsonValid(c, body, CodeInvalidDocument) {
		return
	}
	var opts []struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(body, &opts); err != nil {
		invalid(c, CodeInvalidDocument, "An option list is an array of objects with value and label.", nil)
		return
	}
	h.saveFile(c, "App/options/"+id+".json", body, "Update option list "+id)
}

// putProcess writes process.bpmn after checking that it is well-formed XML; lint
// reports what the process engine would refuse.
func (h *Handler) putProcess(c *gin.Context) {
	body, ok := readBody(c, "application/xml", "text/xml")
	if !ok || !xmlValid(c, body) {
		return
	}
	h.saveFile(c, processPath, body, "Update process")
}

// putPolicy writes policy.xml after checking that it is well-formed XML.
func (h *Handler) putPolicy(c *gin.Context) {
	body, ok := readBody(c, "application/xml", "text/xml")
	if !ok || !xmlValid(c, body) {
		return
	}
	h.saveFile(c, policyPath, body, "Update policy")
}

// putMetadata writes applicationmetadata.json, which must be a JSON object.
func (h *Handler) putMetadata(c *gin.Context) {
	body, ok := readBody(c, "application/json")
	if !ok || !jsonValid(c, body, CodeInvalidDocument) {
		return
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		invalid(c, CodeInvalidDocument, "applicationmetadata.json is a JSON object.", nil)
		return
	}
	h.saveFile(c, metadataPath, body, "Update application metadata")
}

// saveFile commits one file on the caller's working branch; the parent comes from
// If-Match.
func (h *Handler) saveFile(c *gin.Context, p string, body []byte, message string) {
	ws, ok := h.begin(c, "")
	if !ok {
		return
	}
	h.commit(c, ws, message, []gitrepo.Change{{Path: p, Content: body}})
}

// xmlValid answers 400 invalid_xml with the line of the first error unless body is
// one well-formed XML document.
func xmlValid(c *gin.Context, body []byte) bool {
	if err := wellFormed(body); err != nil {
		ext := map[string]any{}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			ext["line"] = se.Line
		}
		problem(c, http.StatusBadRequest, CodeInvalidXML, "Not well-formed XML: "+err.Error()+"; nothing was saved.", ext)
		return false
	}
	return true
}

// wellFormed reads every token of an XML document and requires one root element.
// A leading UTF-8 byte-order mark is allowed (XML 1.0 §4.3.3); Altinn's XSDs often
// have one.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	roots, depth := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok.(xml.CharData))) > 0 {
				return errors.New("text outside the root element")
			}
		}
	}
	if roots != 1 {
		return fmt.Errorf("want one root element, found %d", roots)
	}
	return nil
}
