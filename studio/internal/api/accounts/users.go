// SPDX-License-Identifier: MIT

package accounts

import (
	"net/http"

	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

type createUserRequest struct {
	Username          string `json:"username"`
	FullName          string `json:"fullName"`
	Email             string `json:"email"`
	Password          string `json:"password"`
	InstallationAdmin bool   `json:"installationAdmin"`
}

// createUser creates a local user; installation admins only.
func (h *Handler) createUser(c *gin.Context) {
	var req createUserRequest
	if !api.Decode(c, &req) {
		return
	}
	p, err := h.svc.CreateUser(c.Request.Context(), principal(c), account.NewUser{Username: req.Username,
		FullName: req.FullName, Email: req.Email, Password: req.Password, InstallationAdmin: req.InstallationAdmin})
	if err != nil {
		api.Fail(c, err)
		return
	}
	prof, err := h.svc.Profile(c.Request.Context(), p)
	if err != nil {
		api.Fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, userJSON{Username: prof.Username, FullName: prof.FullName, Email: prof.Email,
		InstallationAdmin: prof.InstallationAdmin})
}
