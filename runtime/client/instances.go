// SPDX-License-Identifier: MIT

package client

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Query is the instance query of GET /storage/api/v1/instances. Org or AppID
// is required for a service owner.
type Query struct {
	Org   string
	AppID string
	// PartyIDs limits the result to these instance owners.
	PartyIDs []int64
	// IsComplete filters on process.isComplete when set.
	IsComplete *bool
	// CurrentTask filters on process.currentTask.
	CurrentTask string
	// ExcludeConfirmedBy leaves out instances this stakeholder (usually the
	// caller's org) has confirmed with Complete.
	ExcludeConfirmedBy string
	// LastChanged and Created are date expressions such as "gt:2024-01-01";
	// give two for a range.
	LastChanged []string
	Created     []string
	// Status filters, when set.
	IsArchived, IsSoftDeleted, IsHardDeleted *bool
	// Size is the page size (server default 100).
	Size int
	// Order is "asc:lastChanged" or "desc:lastChanged" (the server's default).
	Order string
	// ExcludeData asks for instances without their data elements.
	ExcludeData bool
	// Extra are further query parameters, sent as given.
	Extra url.Values
}

// Values encodes q as query parameters.
func (q Query) Values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	setBool := func(k string, b *bool) {
		if b != nil {
			v.Set(k, strconv.FormatBool(*b))
		}
	}
	set("org", q.Org)
	set("appId", q.AppID)
	if len(q.PartyIDs) > 0 {
		ids := make([]string, len(q.PartyIDs))
		for i, id := range q.PartyIDs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		v.Set("instanceOwner.partyIds", strings.Join(ids, ","))
	}
	setBool("process.isComplete", q.IsComplete)
	set("process.currentTask", q.CurrentTask)
	set("excludeConfirmedBy", q.ExcludeConfirmedBy)
	v["lastChanged"] = q.LastChanged
	v["created"] = q.Created
	setBool("status.isArchived", q.IsArchived)
	setBool("status.isSoftDeleted", q.IsSoftDeleted)
	setBool("status.isHardDeleted", q.IsHardDeleted)
	if q.Size > 0 {
		v.Set("size", strconv.Itoa(q.Size))
	}
	set("order", q.Order)
	if q.ExcludeData {
		v.Set("includeDataElements", "false")
	}
	for k, vs := range q.Extra {
		v[k] = vs
	}
	for k, vs := range v {
		if len(vs) == 0 {
			delete(v, k)
		}
	}
	return v
}

// Page is one page of a query: Altinn's QueryResponse<Instance>.
type Page struct {
	Count     int        `json:"count"`
	Self      string     `json:"self"`
	Next      string     `json:"next"`
	Instances []Instance `json:"instances"`
}

// QueryInstances fetches the first page of q.
func (c *Client) QueryInstances(ctx context.Context, q Query) (*Page, error) {
	return c.page(ctx, PathInstances+"?"+q.Values().Encode())
}

// NextPage fetches the page after p; it returns nil, nil after the last page.
func (c *Client) NextPage(ctx context.Context, p *Page) (*Page, error) {
	if p == nil || p.Next == "" {
		return nil, nil
	}
	return c.page(ctx, p.Next)
}

func (c *Client) page(ctx context.Context, ref string) (*Page, error) {
	var p Page
	if err := c.getJSON(ctx, ref, &p); err != nil {
		return nil, fmt.Errorf("query instances: %w", err)
	}
	return &p, nil
}

// Pages yields the pages of q, following next; it stops after the first error.
func (c *Client) Pages(ctx context.Context, q Query) iter.Seq2[*Page, error] {
	return func(yield func(*Page, error) bool) {
		p, err := c.QueryInstances(ctx, q)
		for {
			if err != nil {
				yield(nil, err)
				return
			}
			if p == nil || !yield(p, nil) {
				return
			}
			p, err = c.NextPage(ctx, p)
		}
	}
}

// Instances yields every instance matching q, page by page; it stops after
// the first error.
func (c *Client) Instances(ctx context.Context, q Query) iter.Seq2[Instance, error] {
	return func(yield func(Instance, error) bool) {
		for p, err := range c.Pages(ctx, q) {
			if err != nil {
				yield(Instance{}, err)
				return
			}
			for _, in := range p.Instances {
				if !yield(in, nil) {
					return
				}
			}
		}
	}
}

// Instance fetches one instance with its data elements.
func (c *Client) Instance(ctx context.Context, partyID, guid string) (Instance, error) {
	var in Instance
	if err := c.getJSON(ctx, instancePath(partyID, guid), &in); err != nil {
		return Instance{}, fmt.Errorf("get instance %s/%s: %w", partyID, guid, err)
	}
	return in, nil
}

// Complete confirms that the service owner has received the instance, so
// queries with ExcludeConfirmedBy set to its org no longer return it.
// Confirming again is harmless. It is not retried: call it again on failure.
// While the instance's PDF receipt is being made the runtime refuses with an
// *APIError of Code CodePDFPending: fetch the instance again later, download the
// receipt, then confirm.
func (c *Client) Complete(ctx context.Context, partyID, guid string) (Instance, error) {
	res, err := c.send(ctx, http.MethodPost, instancePath(partyID, guid)+"/complete",
		http.Header{"Accept": {"application/json"}})
	if err != nil {
		return Instance{}, fmt.Errorf("complete instance %s/%s: %w", partyID, guid, err)
	}
	defer res.Body.Close()
	var in Instance
	if err := decodeBody(res, &in); err != nil {
		return Instance{}, err
	}
	return in, nil
}

// CompleteUnchanged is Complete for the instance only as in shows it: the
// runtime answers 412 with an *APIError of Code CodeInstanceChanged when the
// instance has changed since in was read (an element was added, such as a PDF
// receipt that finished meanwhile), and records nothing. Read it again, save what
// is new, then confirm again.
func (c *Client) CompleteUnchanged(ctx context.Context, in Instance) (Instance, error) {
	res, err := c.send(ctx, http.MethodPost, instancePath(in.PartyID(), in.GUID())+"/complete",
		http.Header{"Accept": {"application/json"}, "If-Match": {in.ETag()}})
	if err != nil {
		return Instance{}, fmt.Errorf("complete instance %s: %w", in.ID, err)
	}
	defer res.Body.Close()
	var out Instance
	if err := decodeBody(res, &out); err != nil {
		return Instance{}, err
	}
	return out, nil
}

// ETag is the instance's entity tag as the runtime makes it: its lastChanged
// (RFC 3339, UTC, up to nanoseconds), quoted.
func (in Instance) ETag() string {
	return `"` + in.LastChanged.UTC().Format(time.RFC3339Nano) + `"`
}

func instancePath(partyID, guid string) string {
	return PathInstances + "/" + url.PathEscape(partyID) + "/" + url.PathEscape(guid)
}
