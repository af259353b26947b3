// SPDX-License-Identifier: MIT

package storage_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestInstanceEvents: GET …/events answers the instance's audit trail in
// written order, narrowed by eventTypes and from/to, to the owning org only.
func TestInstanceEvents(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		at := time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC)
		for i, typ := range []string{"Created", "Saved", "Saved", "ConfirmedComplete"} {
			_, err := e.store.AppendEvent(context.Background(), store.InstanceEvent{ID: "ev-" + strconv.Itoa(i), InstanceGUID: in.GUID,
				PartyID: 500, EventType: typ, Created: at.Add(time.Duration(i) * time.Minute), User: `{"orgId":"ttd"}`,
				ProcessInfo: `{"currentTask":{"elementId":"Task_1"}}`})
			if err != nil {
				t.Fatal(err)
			}
		}
		path := "/storage/api/v1/instances/500/" + in.GUID + "/events"
		for _, tt := range []struct {
			query string
			want  []string
		}{
			{"", []string{"ev-0", "ev-1", "ev-2", "ev-3"}},
			{"?eventTypes=Saved", []string{"ev-1", "ev-2"}},
			{"?eventTypes=Created,ConfirmedComplete", []string{"ev-0", "ev-3"}},
			{"?eventTypes=Created&eventTypes=Saved", []string{"ev-0", "ev-1", "ev-2"}},
			{"?from=2025-05-01T10:01:00Z&to=2025-05-01T10:03:00Z", []string{"ev-1", "ev-2"}},
		} {
			r := e.do(http.MethodGet, path+tt.query, e.owner("ttd"))
			var body struct {
				InstanceEvents []struct {
					ID, InstanceID, InstanceOwnerPartyID string
					User                                 json.RawMessage
				} `json:"instanceEvents"`
			}
			r.JSON(t, &body)
			var got []string
			for _, ev := range body.InstanceEvents {
				got = append(got, ev.ID)
				if ev.InstanceID != "500/"+in.GUID || ev.InstanceOwnerPartyID != "500" || string(ev.User) != `{"orgId":"ttd"}` {
					t.Errorf("%q: event %+v", tt.query, ev)
				}
			}
			if r.Status != http.StatusOK || !slices.Equal(got, tt.want) {
				t.Errorf("%q: %d %v, want %v", tt.query, r.Status, got, tt.want)
			}
		}
		for _, tt := range []struct {
			name, target, token string
			want                int
		}{
			{"another org", path, e.owner("skd"), http.StatusForbidden},
			{"no read scope", path, e.owner("ttd", "altinn:serviceowner/instances.write"), http.StatusForbidden},
			{"no token", path, "", http.StatusUnauthorized},
			{"a bad from", path + "?from=yesterday", e.owner("ttd"), http.StatusBadRequest},
		} {
			if r := e.do(http.MethodGet, tt.target, tt.token); r.Status != tt.want {
				t.Errorf("%s: %d, want %d: %s", tt.name, r.Status, tt.want, r.Body)
			}
		}
	})
}

// TestDownloadHead: HEAD on a data element answers GET's headers and no body.
func TestDownloadHead(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		d := e.data(in, "attachment", "a.txt", "text/plain", []byte("twelve bytes"))
		path := "/storage/api/v1/instances/500/" + in.GUID + "/data/" + d.GUID
		r := e.do(http.MethodHead, path, e.owner("ttd"))
		if r.Status != http.StatusOK || len(r.Body) != 0 || r.Header.Get("Content-Length") != "12" || r.Header.Get("ETag") != `"`+d.SHA256+`"` {
			t.Fatalf("HEAD: %d, %d bytes, headers %v", r.Status, len(r.Body), r.Header)
		}
	})
}

// TestGetInstanceByGUID: GET /instances/{guid} answers as GET
// /instances/{party}/{guid} does, for the owning org only.
func TestGetInstanceByGUID(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		long := e.do(http.MethodGet, "/storage/api/v1/instances/500/"+in.GUID, e.owner("ttd"))
		short := e.do(http.MethodGet, "/storage/api/v1/instances/"+in.GUID, e.owner("ttd"))
		if short.Status != http.StatusOK || string(short.Body) != string(long.Body) || short.Header.Get("ETag") != long.Header.Get("ETag") {
			t.Fatalf("by GUID: %d %s\nwant %d %s", short.Status, short.Body, long.Status, long.Body)
		}
		for _, tt := range []struct {
			name, path, token string
			want              int
		}{
			{"another org", "/storage/api/v1/instances/" + in.GUID, e.owner("skd"), http.StatusForbidden},
			{"unknown", "/storage/api/v1/instances/00000000-0000-4000-8000-000000000000", e.owner("ttd"), http.StatusForbidden},
			{"not a GUID", "/storage/api/v1/instances/abc", e.owner("ttd"), http.StatusBadRequest},
			{"no token", "/storage/api/v1/instances/" + in.GUID, "", http.StatusUnauthorized},
		} {
			if r := e.do(http.MethodGet, tt.path, tt.token); r.Status != tt.want {
				t.Errorf("%s: %d, want %d", tt.name, r.Status, tt.want)
			}
		}
	})
}
