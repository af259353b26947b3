// SPDX-License-Identifier: MIT

package app

import (
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// instantiationInstance is Altinn's InstansiationInstance, the body of POST
// instances/create.
type instantiationInstance struct {
	InstanceOwner *struct {
		PartyID text `json:"partyId"`
		// Numbers that may start with 0 stay strings: as a JSON number
		// they would have lost it.
		PersonNumber       string `json:"personNumber"`
		OrganisationNumber string `json:"organisationNumber"`
		Username           string `json:"username"`
	} `json:"instanceOwner"`
	DueBefore        when            `json:"dueBefore"`
	VisibleAfter     when            `json:"visibleAfter"`
	Prefill          map[string]text `json:"prefill"`
	SourceInstanceID string          `json:"sourceInstanceId"`
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
		badRequest(c, "the body is not a valid InstansiationInstance: "+httpx.JSONError(err))
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
	o := body.InstanceOwner
	party, err := h.svc.ResolveOwner(c.Request.Context(), instances.InstanceOwner{PartyID: string(o.PartyID),
		PersonNumber: o.PersonNumber, OrganisationNumber: o.OrganisationNumber, Username: o.Username})
	if err != nil {
		h.fail(c, err)
		return
	}
	h.startInstance(c, who, rel, instances.InstantiateRequest{PartyID: party, Prefill: texts(body.Prefill),
		DueBefore: body.DueBefore.t, VisibleAfter: body.VisibleAfter.t})
}
