// SPDX-License-Identifier: MIT

package storage

import (
	"net/http"
	"strconv"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// serviceOwner admits a service owner holding scope (see auth.ServiceOwner).
func serviceOwner(c *gin.Context, scope string) (auth.Caller, bool) {
	return auth.ServiceOwner(c, scope)
}

// instanceRef is the {partyId}/{guid} of a request path.
type instanceRef struct {
	PartyID int64
	GUID    string
}

// parseRef decodes the path's instance id, answering 400 when it is malformed.
func parseRef(c *gin.Context) (instanceRef, bool) {
	party, err := strconv.ParseInt(c.Param("partyId"), 10, 64)
	g, gerr := uuid.Parse(c.Param("guid"))
	if err != nil || party <= 0 || gerr != nil {
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidInstanceID, "The instance id must be {partyId}/{guid}.")
		return instanceRef{}, false
	}
	return instanceRef{PartyID: party, GUID: g.String()}, true
}

// ownInstance authenticates a service owner with scope, decodes the instance
// id and loads the instance if it belongs to the caller's org. It answers the
// request and reports false otherwise.
func (a *api) ownInstance(c *gin.Context, scope string) (auth.Caller, store.Instance, bool) {
	caller, ok := serviceOwner(c, scope)
	if !ok {
		return caller, store.Instance{}, false
	}
	ref, ok := parseRef(c)
	if !ok {
		return caller, store.Instance{}, false
	}
	in, err := a.st.GetInstance(c.Request.Context(), ref.PartyID, ref.GUID)
	return caller, in, a.owned(c, caller, in, err)
}

// owned reports whether a read of an instance (in, err) found one of the
// caller's org; else it answers the request: 403 for an unknown instance and
// for another org's alike, as Altinn's storage answers both.
func (a *api) owned(c *gin.Context, caller auth.Caller, in store.Instance, err error) bool {
	switch {
	case isNotFound(err), err == nil && in.Org != caller.Org:
		forbidden(c)
	case err != nil:
		a.fail(c, "get instance", err)
	default:
		return true
	}
	return false
}

// The scopes this API checks, named here so handlers read as Altinn's docs.
const (
	scopeRead  = authz.ScopeServiceOwnerInstancesRead
	scopeWrite = authz.ScopeServiceOwnerInstancesWrite
)
