// SPDX-License-Identifier: MIT

package releases

import (
	"encoding/json"
	"net/http"

	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/release"
	"github.com/gin-gonic/gin"
)

type createBody struct {
	Version string `json:"version"`
	Ref     string `json:"ref"`
}

type releaseJSON struct {
	release.Release
	Lint json.RawMessage `json:"lint,omitempty"`
}

func (h *Handler) list(c *gin.Context) {
	if _, ok := h.allowed(c, account.Read); !ok {
		return
	}
	rels, err := h.svc.Store().List(c.Request.Context(), c.Param("org"), c.Param("app"))
	if err != nil {
		h.fail(c, err)
		return
	}
	if rels == nil {
		rels = []release.Release{}
	}
	c.JSON(http.StatusOK, gin.H{"releases": rels})
}

func (h *Handler) get(c *gin.Context) {
	if _, ok := h.allowed(c, account.Read); !ok {
		return
	}
	rel, err := h.svc.Store().Get(c.Request.Context(), c.Param("org"), c.Param("app"), c.Param("version"))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, releaseJSON{Release: rel, Lint: json.RawMessage(rel.LintReport)})
}

func (h *Handler) create(c *gin.Context) {
	p, ok := h.allowed(c, account.Release)
	if !ok {
		return
	}
	var b createBody
	if !api.Decode(c, &b) {
		return
	}
	rel, err := h.svc.Create(c.Request.Context(), c.Param("org"), c.Param("app"), release.CreateInput{Version: b.Version, Ref: b.Ref, By: p.Username})
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Location", Base+"/orgs/"+rel.Org+"/apps/"+rel.App+"/releases/"+rel.Version)
	c.JSON(http.StatusCreated, releaseJSON{Release: rel, Lint: json.RawMessage(rel.LintReport)})
}
