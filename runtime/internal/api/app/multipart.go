// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// instantiateMultipart is POST instances with multipart/form-data: an optional
// first part "instance" (the JSON template), then one part per data element named
// by its data type. The template is read first so the owner is known and
// authorised before any data part is read; the data parts then stream one by one
// to the blob store through the service, which creates everything or nothing.
func (h *Handler) instantiateMultipart(c *gin.Context) {
	who := caller(c)
	rel, ok := h.current(c)
	if !ok {
		return
	}
	mr, err := c.Request.MultipartReader()
	if err != nil {
		multipartError(c, "the body is not multipart/form-data with a boundary")
		return
	}
	parts := &multipartParts{r: mr}
	var tpl instanceTemplate
	first, err := mr.NextPart()
	switch {
	case errors.Is(err, io.EOF):
	case err != nil:
		multipartError(c, "the multipart body does not read: "+err.Error())
		return
	case first.FormName() == "instance":
		raw, err := io.ReadAll(io.LimitReader(first, maxTemplate+1))
		if err != nil || len(raw) > maxTemplate {
			multipartError(c, "the instance part does not read or is larger than 1 MiB")
			return
		}
		if err := json.Unmarshal(raw, &tpl); err != nil {
			multipartError(c, "the instance part is not a valid JSON instance template")
			return
		}
	default:
		parts.pending = first
	}
	party, ok := owner(c, who, tpl)
	if !ok {
		return
	}
	h.startInstance(c, who, rel, instances.InstantiateRequest{PartyID: party, Parts: parts})
}

func multipartError(c *gin.Context, detail string) {
	httpx.Abort(c, 400, instances.CodeMultipartInvalid, detail)
}

// multipartParts adapts a multipart reader to instances.Parts. The optional
// notification part is skipped; a second instance part is an error.
type multipartParts struct {
	r       *multipart.Reader
	pending *multipart.Part
}

// Next implements instances.Parts.
func (m *multipartParts) Next() (*instances.Part, error) {
	for {
		p := m.pending
		m.pending = nil
		if p == nil {
			var err error
			if p, err = m.r.NextPart(); err != nil {
				return nil, err
			}
		}
		switch p.FormName() {
		case "notification":
			if _, err := io.Copy(io.Discard, p); err != nil {
				return nil, err
			}
			continue
		case "instance":
			return nil, fmt.Errorf("the instance part must come first, and only once")
		case "":
			return nil, fmt.Errorf("a part has no name; name each data part by its data type")
		}
		return &instances.Part{Name: p.FormName(), Upload: instances.Upload{ContentType: p.Header.Get("Content-Type"),
			Filename: p.FileName(), Length: -1, Body: p}}, nil
	}
}
