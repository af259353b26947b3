// SPDX-License-Identifier: MIT

package app

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/process"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// caller turns the authenticated identity into the policy's caller.
func caller(c *gin.Context) authz.Caller {
	a := auth.CallerFrom(c.Request.Context())
	switch {
	case a.Kind == auth.Person && a.ViaSession:
		return authz.FromSession(a.UserID, a.PartyID, a.AuthLevel)
	case a.Kind == auth.Person:
		return authz.Caller{Kind: authz.User, UserID: a.UserID, PartyID: a.PartyID, AuthLevel: a.AuthLevel,
			Scopes: a.Scopes, ClientID: a.ClientID}
	case a.Kind == auth.Machine:
		out := authz.Caller{PartyID: a.PartyID, AuthLevel: a.AuthLevel, Org: a.Org, OrgNumber: a.OrgNumber,
			Scopes: a.Scopes, ClientID: a.ClientID}
		switch {
		case a.Org != "":
			out.Kind = authz.ServiceOwner
		case a.OrgNumber != "":
			out.Kind = authz.Org
		}
		return out
	}
	return authz.Caller{}
}

// signedIn answers 401 to a request without a caller (no session, no token).
func signedIn(c *gin.Context) {
	if caller(c).Kind == authz.None {
		deny(c, authz.Decision{Category: authz.Unauthenticated, Reason: "log in to do this"})
	}
}

// apiScopes is the app's apiScopes, nil (the defaults) when it has none or
// they do not read (lint reports that at deploy).
func apiScopes(rel *apphost.Release) *authz.APIScopes {
	sc, err := authz.ParseAPIScopes(rel.App.Metadata.APIScopes, rel.Name)
	if err != nil {
		return nil
	}
	return &sc
}

// allow decides action on the instance (or, with snap nil, on party's instances of
// rel) and answers the request when denied.
func (h *Handler) allow(c *gin.Context, who authz.Caller, rel *apphost.Release, party int64, snap *instances.Snapshot, action string, dt *app.DataType) bool {
	t := authz.Target{Org: rel.Org, App: rel.Name, InstanceOwnerPartyID: party, Action: action, DataType: dt,
		APIScopes: apiScopes(rel)}
	if snap != nil {
		t.InstanceID, t.Task, t.EndEvent = snap.Instance.ID, snap.CurrentTask(), snap.EndEvent()
	}
	d, err := h.az.Authorize(c.Request.Context(), who, t, rel.Policy)
	if err != nil && !errors.Is(err, authz.ErrScope) {
		h.log.Warn("authorisation failed", "target", t.InstanceID, "err", err)
	}
	if !d.Allowed {
		deny(c, d)
		return false
	}
	return true
}

// load reads the instance of the path and authorises action on it. An instance
// that does not exist is 404 only to a caller who may act for its party; others get
// the same 403 as for an instance they may not see.
func (h *Handler) load(c *gin.Context, action string) (authz.Caller, *instances.Snapshot, bool) {
	who := caller(c)
	party, err := strconv.ParseInt(c.Param("party"), 10, 64)
	if err != nil || party <= 0 {
		badRequest(c, "the instance owner party id must be a positive number")
		return who, nil, false
	}
	ref := instances.Ref{Org: c.Param("org"), App: c.Param("app"), PartyID: party, GUID: storeGUID(c.Param("guid"))}
	snap, err := h.svc.Get(c.Request.Context(), ref)
	if err != nil {
		if rel, rerr := h.svc.Release(ref.Org, ref.App); rerr == nil && errors.Is(err, instances.ErrNotFound) {
			if !h.allow(c, who, rel, party, nil, process.ActionRead, nil) {
				return who, nil, false
			}
		}
		h.fail(c, err)
		return who, nil, false
	}
	if !h.allow(c, who, snap.Release, party, snap, action, nil) {
		return who, nil, false
	}
	return who, snap, true
}

// storeGUID is v in the store's form of a GUID, lower case as uuid.UUID.String
// writes it: Altinn's routes take a GUID in any case, and so does the storage API.
// Anything that is not a GUID is returned as it is, to be found nowhere as before.
func storeGUID(v string) string {
	if g, err := uuid.Parse(v); err == nil {
		return g.String()
	}
	return v
}

// contributor applies the data type's allowedContributors to a write.
func (h *Handler) contributor(c *gin.Context, who authz.Caller, dt *app.DataType) bool {
	if instances.ContributorAllowed(dt, who) {
		return true
	}
	httpx.Abort(c, http.StatusForbidden, instances.CodeContributorRejected,
		"data type "+dt.ID+" only accepts content from "+strings.Join(dt.AllowedContributors, ", "))
	return false
}
