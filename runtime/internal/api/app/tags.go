// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// maxTagBody bounds a tags request body.
const maxTagBody = 64 << 10

// tagsList is Altinn's TagsList document.
type tagsList struct {
	Tags []string `json:"tags"`
}

func listOf(el *instances.DataElement) tagsList {
	if el.Tags == nil {
		return tagsList{Tags: []string{}}
	}
	return tagsList{Tags: el.Tags}
}

// readTagBody decodes a tags request body into v; false answered the request.
func readTagBody(c *gin.Context, v any) bool {
	b, err := io.ReadAll(io.LimitReader(c.Request.Body, maxTagBody+1))
	if err != nil || len(b) > maxTagBody {
		badRequest(c, "the body is not readable or larger than 64 KiB")
		return false
	}
	if err := json.Unmarshal(b, v); err != nil {
		badRequest(c, "the body is not the JSON this endpoint takes: "+httpx.JSONError(err))
		return false
	}
	return true
}

// getTags is GET data/{id}/tags: the element's tags (read).
func (h *Handler) getTags(c *gin.Context) {
	_, snap, ok := h.element(c, process.ActionRead)
	if !ok {
		return
	}
	el, err := snap.Element(storeGUID(c.Param("data")))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(el))
}

// tagEdit turns an element's tags into new ones.
type tagEdit func(cur []string) []string

// changeTags authorises write on the element, then reads the request (read, which
// answers it when it fails) and stores the tags its edit makes of the element's.
// The body is read only after the decision, so a caller without access learns
// nothing from how it is refused.
func (h *Handler) changeTags(c *gin.Context, status int, read func() (tagEdit, bool)) {
	who, snap, ok := h.element(c, process.ActionWrite)
	if !ok {
		return
	}
	edit, ok := read()
	if !ok {
		return
	}
	cur, err := snap.Element(storeGUID(c.Param("data")))
	if err != nil {
		h.fail(c, err)
		return
	}
	el, err := h.svc.SetTags(c.Request.Context(), who, snap, cur.ID, edit(slices.Clone(cur.Tags)))
	if err != nil {
		h.fail(c, err)
		return
	}
	if status == http.StatusNoContent {
		c.Status(status)
		return
	}
	c.JSON(status, listOf(el))
}

// addTag is POST data/{id}/tags with a JSON string: 201 with the tags after it.
func (h *Handler) addTag(c *gin.Context) {
	h.changeTags(c, http.StatusCreated, func() (tagEdit, bool) {
		var tag string
		return func(cur []string) []string { return append(cur, tag) }, readTagBody(c, &tag)
	})
}

// putTags is PUT data/{id}/tags with {"tags": [...]}: the element's tags become those.
func (h *Handler) putTags(c *gin.Context) {
	h.changeTags(c, http.StatusOK, func() (tagEdit, bool) {
		var in tagsList
		return func([]string) []string { return in.Tags }, readTagBody(c, &in)
	})
}

// deleteTag is DELETE data/{id}/tags/{tag}: 204, also when the tag was not there.
func (h *Handler) deleteTag(c *gin.Context) {
	tag := c.Param("tag")
	h.changeTags(c, http.StatusNoContent, func() (tagEdit, bool) {
		return func(cur []string) []string {
			return slices.DeleteFunc(cur, func(t string) bool { return t == tag })
		}, true
	})
}
