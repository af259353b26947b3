// SPDX-License-Identifier: MIT

package auth_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/webtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// TestSessionReadsInstanceAhead checks that on a route naming an instance
// (:party and :guid) the session middleware hands the handler the instance it
// read with the session: the handler moves the instance on, outside the
// request, and then loads it through the request. On PostgreSQL the load
// returns the instance as the middleware read it; on SQLite, where nothing is
// read ahead, as it is now. A route without those parameters reads nothing
// ahead, and neither do a request without a session and one with a forged
// session cookie. A guid the database cannot compare (a NUL byte) still leaves
// the request signed in.
func TestSessionReadsInstanceAhead(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		var in store.Instance
		taskAfterMove := func(st *store.Store) gin.HandlerFunc {
			return func(c *gin.Context) {
				bg := context.Background()
				cur, err := st.GetInstance(bg, in.PartyID, in.GUID)
				if err == nil {
					cur.CurrentTask = "moved"
					err = st.Tx(bg, func(tx *store.Store) error { return tx.UpdateInstance(bg, &cur) })
				}
				if err == nil {
					cur, _, err = st.LoadInstance(c.Request.Context(), in.PartyID, in.GUID)
				}
				if err != nil {
					c.String(http.StatusInternalServerError, err.Error())
					return
				}
				c.String(http.StatusOK, cur.CurrentTask)
			}
		}
		e := newEnv(t, db, nil, func(r *gin.Engine, h *auth.Handler, st *store.Store) {
			r.GET("/task/:party/:guid", h.Authenticate(), taskAfterMove(st))
			r.GET("/task-of/:owner/:id", h.Authenticate(), taskAfterMove(st))
		})
		c := webtest.Client(t)
		me := callerOf(t, login(t, e, c, perPID, "/whoami"))
		var err error
		in, err = e.store.CreateInstance(context.Background(), store.Instance{GUID: uuid.NewString(), PartyID: me.PartyID,
			Org: "ttd", AppID: "ttd/x", AppVersion: "v1", CurrentTask: "Task_1", CreatedBy: "1", Document: `{}`}, store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		ahead := "Task_1"
		if db.Dialect != dbx.Postgres {
			ahead = "moved"
		}
		forged := e.h.CookieName() + "=" + strings.Repeat("A", 43)
		tests := []struct {
			name, path, guid, want string
			client                 *http.Client
			hdr                    []string
		}{
			{"instance route", "/task/", in.GUID, ahead, c, nil},
			{"other parameter names", "/task-of/", in.GUID, "moved", c, nil},
			{"NUL in the guid", "/task/", "a%00b", "moved", c, nil},
			{"no session", "/task/", in.GUID, "moved", http.DefaultClient, nil},
			{"forged session", "/task/", in.GUID, "moved", http.DefaultClient, []string{"Cookie", forged}},
		}
		for _, tt := range tests {
			cur, _ := e.store.GetInstance(context.Background(), in.PartyID, in.GUID)
			cur.CurrentTask = "Task_1"
			if err := e.store.Tx(context.Background(), func(tx *store.Store) error { return tx.UpdateInstance(context.Background(), &cur) }); err != nil {
				t.Fatal(err)
			}
			u := e.url + tt.path + strconv.FormatInt(in.PartyID, 10) + "/" + tt.guid
			if r := webtest.Do(t, tt.client, http.MethodGet, u, nil, tt.hdr...); r.Status != http.StatusOK || r.Body != tt.want {
				t.Errorf("%s: %d %q, want %q", tt.name, r.Status, r.Body, tt.want)
			}
		}
	})
}
