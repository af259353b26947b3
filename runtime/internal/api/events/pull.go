// SPDX-License-Identifier: MIT

package events

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// Page sizes of the pull API.
const (
	DefaultSize = 50
	MaxSize     = 1000
)

// HeaderNext names the header holding the URL of the next page.
const HeaderNext = "Next"

// pull is GET /app/{org}/{app}: the app's events after the cursor, oldest first,
// as a JSON array of CloudEvents. As Altinn, the cursor is the id of the last
// event the caller has (after=), or a time to start at (from=); one is required.
// The Next header holds the URL of the following page: the same query with after=
// the last event returned (or unchanged when none was), so a client polls it.
func (a *api) pull(c *gin.Context) {
	caller, ok := serviceOwner(c)
	if !ok {
		return
	}
	org, app := c.Param("org"), c.Param("app")
	if org != caller.Org {
		httpx.Abort(c, http.StatusForbidden, CodeForbidden, "You may only read your own organisation's events.")
		return
	}
	q, problem := parsePull(c.Request.URL.Query())
	if problem != "" {
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidQuery, problem)
		return
	}
	q.Org, q.App = org, app
	rows, err := a.st.ListCloudEvents(c.Request.Context(), q)
	switch {
	case errors.Is(err, store.ErrInvalid):
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidQuery, "after must be the id of an event of this app.")
		return
	case err != nil:
		a.fail(c, "pull events", err)
		return
	}
	out := make([]json.RawMessage, 0, len(rows))
	for _, r := range rows {
		out = append(out, json.RawMessage(r.Document))
	}
	next := c.Request.URL.Query()
	if len(rows) > 0 {
		next.Set("after", rows[len(rows)-1].EventID)
	}
	c.Header(HeaderNext, a.base+c.Request.URL.Path+"?"+next.Encode())
	c.JSON(http.StatusOK, out)
}

// parsePull reads the pull query; a non-empty string says what is wrong.
func parsePull(v url.Values) (store.CloudEventQuery, string) {
	q := store.CloudEventQuery{After: v.Get("after"), Limit: DefaultSize}
	if s := v.Get("from"); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return q, "from must be an RFC 3339 time with a time zone, e.g. 2024-06-01T00:00:00Z."
		}
		q.From = t
	}
	if q.After == "" && q.From.IsZero() {
		return q, "Give after (the id of the last event you have) or from (a time)."
	}
	if s := v.Get("party"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return q, "party must be a party id."
		}
		q.PartyID = n
	}
	if s := v.Get("size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxSize {
			return q, "size must be 1 to " + strconv.Itoa(MaxSize) + "."
		}
		q.Limit = n
	}
	every := false
	for _, t := range v["type"] {
		if events.CheckTypeFilter(t) != nil {
			return q, typeFilterRule("type")
		}
		switch p, wild := events.TypePrefix(t); {
		case !wild:
			q.Types = append(q.Types, t)
		case p == "":
			every = true
		default:
			q.TypePrefixes = append(q.TypePrefixes, p)
		}
	}
	if every { // type=* passes every event, whatever else is asked for
		q.Types, q.TypePrefixes = nil, nil
	}
	return q, ""
}
