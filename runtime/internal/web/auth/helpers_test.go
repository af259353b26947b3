// SPDX-License-Identifier: MIT

package auth_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/testenv/webtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// env is a runtime-like server on a real listener with the auth routes and a protected
// /whoami route that echoes the Caller.
type env struct {
	url   string
	store *store.Store
	h     *auth.Handler
	clock *atomic.Int64 // unix nanoseconds of the store's clock
}

func (e *env) advance(d time.Duration) { e.clock.Add(int64(d)) }

// newEnv starts a server; opt adjusts the options (PublicURL, Store and Log are set),
// and each of routes may add routes before it starts.
func newEnv(t *testing.T, db *dbx.DB, opt func(*auth.Options), routes ...func(*gin.Engine, *auth.Handler, *store.Store)) *env {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "runtime", Migrations: store.Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	clock := &atomic.Int64{}
	clock.Store(time.Now().UnixNano())
	st := store.New(db, store.WithClock(func() time.Time { return time.Unix(0, clock.Load()) }))
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	key, err := authn.GenerateSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	o := auth.Options{Store: st, Log: log, PublicURL: base, Dev: true, SigningKey: key,
		Idle: 30 * time.Minute, Absolute: 8 * time.Hour}
	if opt != nil {
		opt(&o)
	}
	h, err := auth.New(o)
	if err != nil {
		t.Fatal(err)
	}
	e := httpx.NewEngine(log, httpx.NewMetrics())
	h.Mount(e)
	e.GET("/whoami", h.Authenticate(), h.RequireCaller(), func(c *gin.Context) {
		c.JSON(http.StatusOK, auth.CallerFrom(c.Request.Context()))
	})
	for _, r := range routes {
		r(e, h, st)
	}
	srv.Config.Handler = httpx.Public(e)
	srv.Start()
	t.Cleanup(srv.Close)
	return &env{url: base, store: st, h: h, clock: clock}
}

// response is one answer as a browser without script gets it.
type response = webtest.Page

// login runs the browser flow: /login → dev IdP page → pick the user → callback.
// It returns the final response (the returnTo page).
func login(t *testing.T, e *env, c *http.Client, pid, returnTo string) response {
	t.Helper()
	return webtest.DevLogin(t, c, e.url+"/login?"+url.Values{"returnTo": {returnTo}}.Encode(), pid)
}

// callerOf decodes /whoami.
func callerOf(t *testing.T, r response) auth.Caller {
	t.Helper()
	if r.Status != http.StatusOK {
		t.Fatalf("whoami: %d %s", r.Status, r.Body)
	}
	var c auth.Caller
	if err := json.Unmarshal([]byte(r.Body), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// problemCode returns the code of a problem+json body.
func problemCode(t *testing.T, r response) string {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") &&
		!strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content type %q for %d %s", ct, r.Status, r.Body)
	}
	var p struct{ Code, Error string }
	_ = json.Unmarshal([]byte(r.Body), &p)
	if p.Code == "" {
		return p.Error
	}
	return p.Code
}
