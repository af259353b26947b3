// SPDX-License-Identifier: MIT

package app

import (
	"errors"
	"net/http"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// patchMultiple is Altinn's DataPatchRequestMultiple.
type patchMultiple struct {
	Patches           []instances.ElementPatch `json:"patches"`
	IgnoredValidators []string                 `json:"ignoredValidators"`
}

// patchSingle is Altinn's DataPatchRequest (the obsolete single-element form).
type patchSingle struct {
	Patch             instances.Patch `json:"patch"`
	IgnoredValidators []string        `json:"ignoredValidators"`
}

// patchMultipleResponse is Altinn's DataPatchResponseMultiple.
type patchMultipleResponse struct {
	Instance         *instances.Instance              `json:"instance"`
	NewDataModels    []instances.DataModelPair        `json:"newDataModels"`
	ValidationIssues []instances.ValidationSourcePair `json:"validationIssues"`
}

// patchSingleResponse is Altinn's DataPatchResponse: issues keyed by source.
type patchSingleResponse struct {
	ValidationIssues map[string][]validation.Issue `json:"validationIssues"`
	NewDataModel     any                           `json:"newDataModel"`
	Instance         *instances.Instance           `json:"instance"`
}

// decodePatch reads a JSON body into v: 415 for another content type, 413 past
// maxPatch, 422 for a malformed patch, 400 for JSON that does not read.
func decodePatch(c *gin.Context, v any) bool {
	if c.ContentType() != "application/json" && c.ContentType() != "application/json-patch+json" {
		httpx.Abort(c, http.StatusUnsupportedMediaType, instances.CodeUnsupportedType, "a patch request is application/json")
		return false
	}
	return readJSON(c, v, maxPatch, "the patch request", func(err error) {
		if errors.Is(err, instances.ErrPatchInvalid) {
			httpx.Abort(c, http.StatusUnprocessableEntity, instances.CodePatchInvalid, err.Error())
		} else {
			badRequest(c, "the body is not a valid patch request: "+httpx.JSONError(err))
		}
	})
}

// patchData is PATCH {instance}/data: JSON Patches to several form data elements
// at once. Policy action write on the instance and each element's data type.
func (h *Handler) patchData(c *gin.Context) {
	who, snap, ok := h.load(c, process.ActionWrite)
	if !ok {
		return
	}
	var body patchMultiple
	if !decodePatch(c, &body) {
		return
	}
	for i, p := range body.Patches {
		body.Patches[i].DataElementID = storeGUID(p.DataElementID)
		if !h.allowElement(c, who, snap, body.Patches[i].DataElementID) {
			return
		}
	}
	res, err := h.svc.PatchData(c.Request.Context(), who, snap, body.Patches, body.IgnoredValidators, c.Query("language"))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, patchMultipleResponse{Instance: res.Instance, NewDataModels: res.NewDataModels,
		ValidationIssues: res.ValidationIssues})
}

// patchElement is PATCH {instance}/data/{dataGuid}, the single-element form.
func (h *Handler) patchElement(c *gin.Context) {
	who, snap, ok := h.element(c, process.ActionWrite)
	if !ok {
		return
	}
	var body patchSingle
	if !decodePatch(c, &body) {
		return
	}
	ep := []instances.ElementPatch{{DataElementID: storeGUID(c.Param("data")), Patch: body.Patch}}
	res, err := h.svc.PatchData(c.Request.Context(), who, snap, ep, body.IgnoredValidators, c.Query("language"))
	if err != nil {
		h.fail(c, err)
		return
	}
	out := patchSingleResponse{Instance: res.Instance, ValidationIssues: map[string][]validation.Issue{}}
	for _, p := range res.ValidationIssues {
		out.ValidationIssues[p.Source] = p.Issues
	}
	if len(res.NewDataModels) == 1 {
		out.NewDataModel = res.NewDataModels[0].Data
	}
	c.JSON(http.StatusOK, out)
}

// allowElement authorises write on one element's data type (its
// actionRequiredToWrite) and its allowedContributors.
func (h *Handler) allowElement(c *gin.Context, who authz.Caller, snap *instances.Snapshot, dataGUID string) bool {
	el, err := snap.Element(dataGUID)
	if err != nil {
		h.fail(c, err)
		return false
	}
	dt, err := snap.DataType(el.DataType)
	if err != nil {
		h.fail(c, err)
		return false
	}
	return h.allow(c, who, snap.Release, snap.PartyID(), snap, process.ActionWrite, dt) && h.contributor(c, who, dt)
}
