// SPDX-License-Identifier: MIT

package storage

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// instanceEvent is Altinn's InstanceEvent as the storage API answers it.
type instanceEvent struct {
	ID                   string          `json:"id"`
	InstanceID           string          `json:"instanceId"`
	DataID               string          `json:"dataId,omitempty"`
	Created              time.Time       `json:"created"`
	EventType            string          `json:"eventType"`
	InstanceOwnerPartyID string          `json:"instanceOwnerPartyId"`
	User                 json.RawMessage `json:"user"`
	ProcessInfo          json.RawMessage `json:"processInfo,omitempty"`
}

// events serves GET /instances/{party}/{guid}/events: the instance's audit
// trail in the order it was written, narrowed by eventTypes (repeated or
// comma-separated) and from (inclusive) and to (exclusive), as Altinn's
// storage answers it.
func (a *api) events(c *gin.Context) {
	_, in, ok := a.ownInstance(c, scopeRead)
	if !ok {
		return
	}
	var f store.EventFilter
	for _, v := range c.QueryArray("eventTypes") {
		for t := range strings.SplitSeq(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				f.Types = append(f.Types, t)
			}
		}
	}
	for name, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		s := c.Query(name)
		if s == "" {
			continue
		}
		t, err := store.ParseTime(s)
		if err != nil {
			httpx.Abort(c, http.StatusBadRequest, CodeInvalidQuery, name+" must be a date or an ISO 8601 time.")
			return
		}
		*dst = t
	}
	rows, err := a.st.ListEvents(c.Request.Context(), in.GUID, f)
	if err != nil {
		a.fail(c, "list events", err)
		return
	}
	party := strconv.FormatInt(in.PartyID, 10)
	out := make([]instanceEvent, 0, len(rows))
	for _, e := range rows {
		out = append(out, instanceEvent{ID: e.ID, InstanceID: party + "/" + in.GUID, DataID: e.DataID, Created: e.Created.UTC(),
			EventType: e.EventType, InstanceOwnerPartyID: party, User: rawOr(e.User, "{}"), ProcessInfo: rawOr(e.ProcessInfo, "")})
	}
	c.JSON(http.StatusOK, gin.H{"instanceEvents": out})
}

// rawOr is s as raw JSON, or def ("" leaves the member out) when s is empty
// or not JSON.
func rawOr(s, def string) json.RawMessage {
	if s == "" || !json.Valid([]byte(s)) {
		if def == "" {
			return nil
		}
		return json.RawMessage(def)
	}
	return json.RawMessage(s)
}
