// SPDX-License-Identifier: MIT

package storage

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// queryResponse is Altinn's QueryResponse<Instance>. Next is the URL of the
// following page, set only when this page is full and more rows may follow.
type queryResponse struct {
	Count     int        `json:"count"`
	Self      string     `json:"self"`
	Next      *string    `json:"next"`
	Instances []document `json:"instances"`
}

// query serves GET /instances: Altinn's instance query for a service owner.
func (a *api) query(c *gin.Context) {
	caller, ok := serviceOwner(c, scopeRead)
	if !ok {
		return
	}
	params := c.Request.URL.Query()
	q, err := parseQuery(params, caller.Org)
	var qe *queryError
	switch {
	case errors.Is(err, errForeignOrg):
		httpx.Abort(c, http.StatusForbidden, CodeForbidden, err.Error())
		return
	case errors.As(err, &qe):
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidQuery, qe.msg)
		return
	}
	ctx := c.Request.Context()
	page, err := a.st.QueryInstances(ctx, q.InstanceQuery)
	if err != nil {
		a.fail(c, "query instances", err)
		return
	}
	resp := queryResponse{Count: len(page.Instances), Self: a.pageURL(c, params, q.ContinuationToken),
		Instances: make([]document, 0, len(page.Instances))}
	if page.ContinuationToken != "" {
		next := a.pageURL(c, params, page.ContinuationToken)
		resp.Next = &next
	}
	var elems map[int64][]store.DataElement
	if q.IncludeData {
		ids := make([]int64, len(page.Instances))
		for i, in := range page.Instances {
			ids[i] = in.ID
		}
		if elems, err = a.st.ListDataElementsOf(ctx, ids); err != nil {
			a.fail(c, "list data elements", err)
			return
		}
	}
	for _, in := range page.Instances {
		var els []store.DataElement
		if q.IncludeData {
			els = nonNil(elems[in.ID])
		}
		v, err := a.instanceView(in, els)
		if err != nil {
			a.fail(c, "render instance", err)
			return
		}
		resp.Instances = append(resp.Instances, v)
	}
	c.JSON(http.StatusOK, resp)
}

// pageURL is the query URL with the continuation token set to token (removed
// when empty).
func (a *api) pageURL(c *gin.Context, params url.Values, token string) string {
	v := url.Values{}
	for k, vs := range params {
		v[k] = vs
	}
	v.Del("continuationToken")
	if token != "" {
		v.Set("continuationToken", token)
	}
	return a.base + c.Request.URL.Path + "?" + v.Encode()
}

// getInstance serves GET /instances/{partyId}/{guid}.
// getInstanceByGUID is GET /instances/{guid}, Altinn's newer form without the
// party: the instance if it is the caller's org's, else 403 as for an unknown
// one.
func (a *api) getInstanceByGUID(c *gin.Context) {
	caller, ok := serviceOwner(c, scopeRead)
	if !ok {
		return
	}
	g, err := uuid.Parse(c.Param("partyId")) // the route's one segment
	if err != nil {
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidInstanceID, "The instance id must be a GUID or {partyId}/{guid}.")
		return
	}
	if in, err := a.st.GetInstanceByGUID(c.Request.Context(), g.String()); a.owned(c, caller, in, err) {
		a.writeInstance(c, in)
	}
}

func (a *api) getInstance(c *gin.Context) {
	_, in, ok := a.ownInstance(c, scopeRead)
	if !ok {
		return
	}
	a.writeInstance(c, in)
}

// writeInstance answers 200 with in and its data elements.
func (a *api) writeInstance(c *gin.Context, in store.Instance) {
	elems, err := a.st.ListDataElements(c.Request.Context(), in.ID)
	if err != nil {
		a.fail(c, "list data elements", err)
		return
	}
	v, err := a.instanceView(in, nonNil(elems))
	if err != nil {
		a.fail(c, "render instance", err)
		return
	}
	c.Header("ETag", instanceETag(in))
	c.JSON(http.StatusOK, v)
}

// nonNil keeps an empty list an empty list, so data renders as [] not absent.
func nonNil(elems []store.DataElement) []store.DataElement {
	if elems == nil {
		return []store.DataElement{}
	}
	return elems
}
