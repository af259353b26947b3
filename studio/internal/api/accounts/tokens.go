// SPDX-License-Identifier: MIT

package accounts

import (
	"net/http"
	"strconv"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

// maxTokenDays bounds a token's lifetime when one is asked for (about ten years).
const maxTokenDays = 3660

type createTokenRequest struct {
	Name          string `json:"name"`
	ExpiresInDays int    `json:"expiresInDays"`
}

type createdTokenJSON struct {
	tokenJSON
	Token string `json:"token"`
}

// listTokens lists the caller's live tokens; secrets are never shown again.
func (h *Handler) listTokens(c *gin.Context) {
	ts, err := h.svc.Tokens(c.Request.Context(), principal(c))
	if err != nil {
		api.Fail(c, err)
		return
	}
	out := struct {
		Tokens []tokenJSON `json:"tokens"`
	}{Tokens: make([]tokenJSON, len(ts))}
	for i, t := range ts {
		out.Tokens[i] = tokenOf(t)
	}
	c.JSON(http.StatusOK, out)
}

// createToken makes a token and shows its secret, once.
func (h *Handler) createToken(c *gin.Context) {
	var req createTokenRequest
	if !api.Decode(c, &req) {
		return
	}
	if req.ExpiresInDays < 0 || req.ExpiresInDays > maxTokenDays {
		httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput, "expiresInDays: 0 (never) to 3660.")
		return
	}
	secret, t, err := h.svc.CreateToken(c.Request.Context(), principal(c), req.Name,
		time.Duration(req.ExpiresInDays)*24*time.Hour)
	if err != nil {
		api.Fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, createdTokenJSON{tokenJSON: tokenOf(t), Token: secret})
}

// revokeToken revokes one of the caller's tokens.
func (h *Handler) revokeToken(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, "No such token.")
		return
	}
	if err := h.svc.RevokeToken(c.Request.Context(), principal(c), id); err != nil {
		api.Fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
