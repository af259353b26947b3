// SPDX-License-Identifier: MIT

package releases

import (
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/release"
	"github.com/gin-gonic/gin"
)

type deployBody struct {
	Version string `json:"version"`
}

// knownEnv answers 404 for an environment that is not configured, before any
// right is asked, since Deploy(env) of an unknown env is nobody's right.
func (h *Handler) knownEnv(c *gin.Context) bool {
	for _, e := range h.svc.Environments() {
		if e == c.Param("env") {
			return true
		}
	}
	httpx.Abort(c, http.StatusNotFound, api.CodeNotFound, "No environment "+c.Param("env")+".")
	return false
}

func (h *Handler) deploy(c *gin.Context) {
	if !h.knownEnv(c) {
		return
	}
	p, ok := h.allowed(c, account.Deploy(c.Param("env")))
	if !ok {
		return
	}
	var b deployBody
	if !api.Decode(c, &b) {
		return
	}
	d, err := h.svc.Deploy(c.Request.Context(), c.Param("org"), c.Param("app"), c.Param("env"), b.Version, p.Username)
	h.logDeploy(c, d, err)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, d)
}

func (h *Handler) undeploy(c *gin.Context) {
	if !h.knownEnv(c) {
		return
	}
	p, ok := h.allowed(c, account.Deploy(c.Param("env")))
	if !ok {
		return
	}
	d, err := h.svc.Undeploy(c.Request.Context(), c.Param("org"), c.Param("app"), c.Param("env"), c.Param("version"), p.Username)
	h.logDeploy(c, d, err)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, d)
}

// logDeploy logs every recorded attempt, so operators see deploys beside the
// runtime's own "release deployed" lines.
func (h *Handler) logDeploy(c *gin.Context, d release.Deploy, err error) {
	if d.ID == 0 {
		return
	}
	h.log.InfoContext(c.Request.Context(), "studio "+d.Action, "app", d.Org+"/"+d.App, "environment", d.Env,
		"version", d.Version, "by", d.DeployedBy, "status", d.Status, "error", errString(err))
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func (h *Handler) status(c *gin.Context) {
	if _, ok := h.allowed(c, account.Read); !ok {
		return
	}
	st, err := h.svc.Status(c.Request.Context(), c.Param("org"), c.Param("app"))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"environments": st})
}

func (h *Handler) deploys(c *gin.Context) {
	if _, ok := h.allowed(c, account.Read); !ok {
		return
	}
	ds, err := h.svc.Store().Deploys(c.Request.Context(), c.Param("org"), c.Param("app"), 100)
	if err != nil {
		h.fail(c, err)
		return
	}
	if ds == nil {
		ds = []release.Deploy{}
	}
	c.JSON(http.StatusOK, gin.H{"deploys": ds})
}
