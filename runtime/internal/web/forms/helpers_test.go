// SPDX-License-Identifier: MIT

package forms_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime"
)

// Seeded dev IdP users (internal/devidp/seed.json).
const (
	olaPID = "15888010030"
	perPID = "31929010062"
)

// newServer starts the runtime role as platform.Run does (SQLite, fs blobs, dev
// mode) on a real listener serving the fixture app, and returns its base URL.
func newServer(t *testing.T) string {
	t.Helper()
	return newServerApps(t, filepath.Join("testdata", "skjema"))
}

// newServerApps is newServer serving the app folders given.
func newServerApps(t *testing.T, apps ...string) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := dbx.Open(ctx, "sqlite:"+filepath.Join(dir, "runtime.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	blobs, err := fsblob.New(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := runtime.DefaultConfig()
	cfg.Apps = apps
	role := runtime.New(cfg)
	if _, err := db.Migrate(ctx, role.Migrations(), nil); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	ts := httptest.NewUnstartedServer(nil)
	base := "http://" + ts.Listener.Addr().String()
	e := httpx.NewEngine(log, httpx.NewMetrics())
	if err := role.Start(ctx, platform.Deps{DB: db, Blob: blobs, PublicURL: base, Dev: true, Version: "test", Log: log}, e); err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = httpx.Public(e)
	ts.Start()
	t.Cleanup(ts.Close)
	return base
}

// client is a client with a cookie jar that follows redirects.
func client(t *testing.T) *http.Client {
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

func do(t *testing.T, c *http.Client, method, u string, form url.Values) response {
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
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, body: string(b), url: resp.Request.URL, header: resp.Header}
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// login runs the dev IdP's browser flow starting at u (which redirects to /login)
// and returns the page it lands on.
func login(t *testing.T, c *http.Client, u, pid string) response {
	t.Helper()
	page := do(t, c, http.MethodGet, u, nil)
	if page.status != http.StatusOK || !strings.Contains(page.body, "Testinnlogging") {
		t.Fatalf("login page: %d at %s\n%.500s", page.status, page.url, page.body)
	}
	form := url.Values{"user": {pid}, "acr": {"idporten-loa-substantial"}}
	for _, m := range hiddenInput.FindAllStringSubmatch(page.body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	return do(t, c, http.MethodPost, page.url.String(), form)
}
