// SPDX-License-Identifier: MIT

package app

import (
	"net/http"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// instantiationInstance is Altinn's InstansiationInstance, the body of POST
// instances/create.
type instantiationInstance struct {
	InstanceOwner    *instances.InstanceOwner `json:"instanceOwner"`
	DueBefore        *time.Time               `json:"dueBefore"`
	VisibleAfter     *time.Time               `json:"visibleAfter"`
	Prefill          map[string]string        `json:"prefill"`
	SourceInstanceID string                   `json:"sourceInstanceId"`
}

// createSimplified is POST instances/create: a JSON instantiation with prefill
// written into the first task's form data.
func (h *Handler) createSimplified(c *gin.Context) {
	who := caller(c)
	rel, ok := h.current(c)
	if !ok {
		return
	}
	if c.ContentType() != "application/json" {
		httpx.Abort(c, http.StatusUnsupportedMediaType, instances.CodeUnsupportedType, "the body must be application/json")
		return
	}
	var body instantiationInstance
	if !readJSON(c, &body, maxTemplate, "the InstansiationInstance", func(err error) {
		badRequest(c, "the body is not a valid InstansiationInstance: "+err.Error())
	}) {
		return
	}
	if body.SourceInstanceID != "" {
		badRequest(c, "copying an instance (sourceInstanceId) is not supported")
		return
	}
	if body.InstanceOwner == nil {
		badRequest(c, "the body needs instanceOwner")
		return
	}
	party, err := h.svc.ResolveOwner(c.Request.Context(), *body.InstanceOwner)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.startInstance(c, who, rel, instances.InstantiateRequest{PartyID: party, Prefill: body.Prefill,
		DueBefore: body.DueBefore, VisibleAfter: body.VisibleAfter})
}
