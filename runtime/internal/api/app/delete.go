// SPDX-License-Identifier: MIT

package app

import (
	"net/http"
	"strconv"

	"github.com/blankett/blankett/appframework/process"
	"github.com/gin-gonic/gin"
)

// deleteInstance is DELETE {instance}?hard=: soft delete by default, hard with
// hard=true. Policy action delete.
func (h *Handler) deleteInstance(c *gin.Context) {
	hard := false
	if v := c.Query("hard"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			badRequest(c, "hard must be true or false")
			return
		}
		hard = b
	}
	who, snap, ok := h.load(c, process.ActionDelete)
	if !ok {
		return
	}
	inst, err := h.svc.DeleteInstance(c.Request.Context(), who, snap, hard)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, inst)
}
