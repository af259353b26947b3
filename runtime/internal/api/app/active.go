// SPDX-License-Identifier: MIT

package app

import (
	"net/http"
	"strconv"

	"github.com/blankett/blankett/appframework/process"
	"github.com/gin-gonic/gin"
)

// active is GET instances/{partyId}/active: the party's active instances of the
// app. The caller must be allowed to read the party's instances.
func (h *Handler) active(c *gin.Context) {
	who := caller(c)
	rel, ok := h.current(c)
	if !ok {
		return
	}
	party, err := strconv.ParseInt(c.Param("party"), 10, 64)
	if err != nil || party <= 0 {
		badRequest(c, "the instance owner party id must be a positive number")
		return
	}
	if !h.allow(c, who, rel, party, nil, process.ActionRead, nil) {
		return
	}
	list, err := h.svc.ActiveInstances(c.Request.Context(), rel.Org, rel.Name, party)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, list)
}
