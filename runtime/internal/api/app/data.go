// SPDX-License-Identifier: MIT

package app

import (
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// upload reads the content headers of a create or replace request.
func upload(c *gin.Context) instances.Upload {
	up := instances.Upload{ContentType: c.GetHeader("Content-Type"), Length: c.Request.ContentLength, Body: c.Request.Body}
	if _, params, err := mime.ParseMediaType(c.GetHeader("Content-Disposition")); err == nil {
		up.Filename = params["filename"]
	}
	return up
}

func (h *Handler) createDataTyped(c *gin.Context) { h.create(c, c.Param("data")) }

func (h *Handler) createData(c *gin.Context) {
	if c.Query("dataType") == "" {
		badRequest(c, "name the data type with ?dataType=")
		return
	}
	h.create(c, c.Query("dataType"))
}

func (h *Handler) create(c *gin.Context, dataType string) {
	who, snap, ok := h.load(c, process.ActionWrite)
	if !ok {
		return
	}
	dt, err := snap.DataType(dataType)
	if err != nil {
		h.fail(c, err)
		return
	}
	if !h.allow(c, who, snap.Release, snap.PartyID(), snap, process.ActionWrite, dt) || !h.contributor(c, who, dt) {
		return
	}
	el, err := h.svc.CreateData(c.Request.Context(), who, snap, dataType, upload(c))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, el)
}

// element loads the instance and authorises action on one of its elements.
func (h *Handler) element(c *gin.Context, action string) (authz.Caller, *instances.Snapshot, bool) {
	who, snap, ok := h.load(c, action)
	if !ok {
		return who, nil, false
	}
	el, err := snap.Element(storeGUID(c.Param("data")))
	if err != nil {
		h.fail(c, err)
		return who, nil, false
	}
	dt, err := snap.DataType(el.DataType)
	if err != nil {
		h.fail(c, err)
		return who, nil, false
	}
	if !h.allow(c, who, snap.Release, snap.PartyID(), snap, action, dt) {
		return who, nil, false
	}
	return who, snap, action == process.ActionRead || h.contributor(c, who, dt)
}

func (h *Handler) readData(c *gin.Context) {
	_, snap, ok := h.element(c, process.ActionRead)
	if !ok {
		return
	}
	asJSON := httpx.Preferred(c.GetHeader("Accept"), "application/json", "application/xml", "text/xml") == "application/json"
	content, err := h.svc.ReadData(c.Request.Context(), snap, storeGUID(c.Param("data")), asJSON)
	if err != nil {
		h.fail(c, err)
		return
	}
	defer content.Body.Close()
	httpx.SetContentHeaders(c.Writer.Header(), content.ContentType, content.Filename)
	if content.SHA256 != "" {
		etag := `"` + content.SHA256 + `"`
		c.Header("ETag", etag)
		if httpx.NoneMatch(c.GetHeader("If-None-Match"), etag) {
			c.Status(http.StatusNotModified)
			return
		}
	}
	c.Header("Content-Length", strconv.FormatInt(content.Size, 10))
	c.Status(http.StatusOK)
	_, _ = io.Copy(c.Writer, content.Body)
}

func (h *Handler) replaceData(c *gin.Context) {
	who, snap, ok := h.element(c, process.ActionWrite)
	if !ok {
		return
	}
	el, err := h.svc.ReplaceData(c.Request.Context(), who, snap, storeGUID(c.Param("data")), upload(c))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, el)
}

func (h *Handler) deleteData(c *gin.Context) {
	who, snap, ok := h.element(c, process.ActionWrite)
	if !ok {
		return
	}
	if err := h.svc.DeleteData(c.Request.Context(), who, snap, storeGUID(c.Param("data"))); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusOK)
}
