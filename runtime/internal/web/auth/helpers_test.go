// SPDX-License-Identifier: MIT

package auth_test

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
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

// newEnv starts a server; opt adjusts the options (PublicURL, Store and Log are set).
func newEnv(t *testing.T, db *dbx.DB, opt func(*auth.Options)) *env {
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
	srv.Config.Handler = httpx.Public(e)
	srv.Start()
	t.Cleanup(srv.Close)
	return &env{url: base, store: st, h: h, clock: clock}
}

// browser is an HTTP client with a cookie jar that follows redirects.
func browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 20 * time.Second}
}

type response struct {
	status int
	body   string
	url    *url.URL
	header http.Header
}

func do(t *testing.T, c *http.Client, method, u string, form url.Values, header ...string) response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, body: string(b), url: resp.Request.URL, header: resp.Header}
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// login runs the browser flow: /login → dev IdP page → pick the user → callback.
// It returns the final response (the returnTo page).
func login(t *testing.T, e *env, c *http.Client, pid, returnTo string) response {
	t.Helper()
	page := do(t, c, http.MethodGet, e.url+"/login?"+url.Values{"returnTo": {returnTo}}.Encode(), nil)
	if page.status != http.StatusOK || !strings.Contains(page.body, "Testinnlogging") {
		t.Fatalf("login page: %d at %s\n%.500s", page.status, page.url, page.body)
	}
	form := url.Values{"user": {pid}, "acr": {"idporten-loa-substantial"}}
	for _, m := range hiddenInput.FindAllStringSubmatch(page.body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	return do(t, c, http.MethodPost, page.url.String(), form)
}

// callerOf decodes /whoami.
func callerOf(t *testing.T, r response) auth.Caller {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("whoami: %d %s", r.status, r.body)
	}
	var c auth.Caller
	if err := json.Unmarshal([]byte(r.body), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// problemCode returns the code of a problem+json body.
func problemCode(t *testing.T, r response) string {
	t.Helper()
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") &&
		!strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content type %q for %d %s", ct, r.status, r.body)
	}
	var p struct{ Code, Error string }
	_ = json.Unmarshal([]byte(r.body), &p)
	if p.Code == "" {
		return p.Error
	}
	return p.Code
}
