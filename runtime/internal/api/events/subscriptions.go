// SPDX-License-Identifier: MIT

package events

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// SubscriptionRequest is the body of POST /subscriptions (Altinn's names).
type SubscriptionRequest struct {
	EndPoint      string `json:"endPoint"`
	SourceFilter  string `json:"sourceFilter"`
	TypeFilter    string `json:"typeFilter,omitempty"`
	SubjectFilter string `json:"subjectFilter,omitempty"`
}

// Subscription is a subscription as the API shows it. Secret is set only in the
// answer to its creation.
type Subscription struct {
	ID            int64     `json:"id"`
	EndPoint      string    `json:"endPoint"`
	SourceFilter  string    `json:"sourceFilter"`
	TypeFilter    string    `json:"typeFilter,omitempty"`
	SubjectFilter string    `json:"subjectFilter,omitempty"`
	Consumer      string    `json:"consumer"`
	CreatedBy     string    `json:"createdBy"`
	Created       time.Time `json:"created"`
	Validated     bool      `json:"validated"`
	Secret        string    `json:"secret,omitempty"`
}

func view(s store.Subscription) Subscription {
	return Subscription{ID: s.ID, EndPoint: s.EndPoint, SourceFilter: s.SourceFilter, TypeFilter: s.TypeFilter,
		SubjectFilter: s.SubjectFilter, Consumer: "/org/" + s.Org, CreatedBy: s.CreatedBy, Created: s.Created, Validated: s.Validated}
}

// create is POST /subscriptions: it records the subscription, queues the
// validation handshake and answers 201 with the secret, shown only here.
func (a *api) create(c *gin.Context) {
	caller, ok := serviceOwner(c)
	if !ok {
		return
	}
	var req SubscriptionRequest
	dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, 64<<10))
	if err := dec.Decode(&req); err != nil {
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidBody, "The body must be a JSON subscription request.")
		return
	}
	sub, errs := a.check(req)
	if len(errs) == 0 && sub.FilterOrg != caller.Org {
		httpx.Abort(c, http.StatusForbidden, CodeForbidden, "You may only subscribe to your own organisation's apps.")
		return
	}
	if len(errs) > 0 {
		p := httpx.NewProblem(http.StatusBadRequest, CodeInvalidSubscription, "The subscription request is not valid.")
		p.Errors = errs
		httpx.AbortProblem(c, p)
		return
	}
	sub.Org, sub.CreatedBy = caller.Org, caller.ClientID
	sub, err := events.Subscribe(c.Request.Context(), a.st, sub)
	if err != nil {
		a.fail(c, "create subscription", err)
		return
	}
	a.nudge()
	out := view(sub)
	out.Secret = sub.Secret
	c.Header("Location", a.base+BasePath+"/subscriptions/"+strconv.FormatInt(sub.ID, 10))
	c.JSON(http.StatusCreated, out)
}

// list is GET /subscriptions: the caller's org's subscriptions.
func (a *api) list(c *gin.Context) {
	caller, ok := serviceOwner(c)
	if !ok {
		return
	}
	subs, err := a.st.ListSubscriptions(c.Request.Context(), caller.Org)
	if err != nil {
		a.fail(c, "list subscriptions", err)
		return
	}
	out := make([]Subscription, 0, len(subs))
	for _, s := range subs {
		out = append(out, view(s))
	}
	c.JSON(http.StatusOK, out)
}

// get is GET /subscriptions/{id}.
func (a *api) get(c *gin.Context) {
	if sub, ok := a.own(c); ok {
		c.JSON(http.StatusOK, view(sub))
	}
}

// remove is DELETE /subscriptions/{id}: nothing more is delivered to it,
// deliveries already queued included. Another org's subscription, a disabled one
// or none is not found, as in own.
func (a *api) remove(c *gin.Context) {
	org, id, ok := ownerAndID(c)
	if !ok {
		return
	}
	err := a.st.DisableSubscription(c.Request.Context(), org, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		notFound(c)
	case err != nil:
		a.fail(c, "delete subscription", err)
	default:
		c.Status(http.StatusNoContent)
	}
}

// own authenticates a service owner and loads the path's subscription if it is
// the caller's org's; otherwise it answers and reports false.
func (a *api) own(c *gin.Context) (store.Subscription, bool) {
	org, id, ok := ownerAndID(c)
	if !ok {
		return store.Subscription{}, false
	}
	sub, err := a.st.OwnSubscription(c.Request.Context(), org, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		notFound(c)
	case err != nil:
		a.fail(c, "get subscription", err)
	default:
		return sub, true
	}
	return store.Subscription{}, false
}

// ownerAndID authenticates a service owner and returns its org and the path's
// subscription id; otherwise (an id that is no id is not found) it answers and
// reports false.
func ownerAndID(c *gin.Context) (string, int64, bool) {
	caller, ok := serviceOwner(c)
	if !ok {
		return "", 0, false
	}
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		notFound(c)
		return "", 0, false
	}
	return caller.Org, id, true
}
