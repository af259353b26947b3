// SPDX-License-Identifier: MIT

package roletest

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/platform"
	"github.com/gin-gonic/gin"
)

// Server is a started role.
type Server struct {
	// Engine is the role's engine, for its route list.
	Engine *gin.Engine
	// Handler is the engine behind the public middleware, as the listener serves it.
	Handler http.Handler
	// URL is the public URL the role was started with and listens at.
	URL string
	// DB is the role's migrated database.
	DB *dbx.DB
}

// Start migrates a fresh SQLite database (<name>.db) in a temporary directory, opens
// the fs blob store beside it, starts role in dev mode with that directory as its
// data directory, and serves it until the test ends.
func Start(t testing.TB, role platform.Role) *Server {
	t.Helper()
	return StartWith(t, role, Options{})
}

// Options tune StartWith; the zero value is Start's.
type Options struct {
	// Workers runs the role's background workers (platform.Deps.Go) until the test
	// ends, as platform.Run does; without it a role starts none.
	Workers bool
	// DB is the database to migrate and serve on (a test running on every engine
	// opens it); nil is a new SQLite file in a temporary folder.
	DB *dbx.DB
}

// StartWith is Start with o.
func StartWith(t testing.TB, role platform.Role, o Options) *Server {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db := o.DB
	if db == nil {
		var err error
		if db, err = dbx.Open(ctx, "sqlite:"+filepath.Join(dir, role.Name()+".db")); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
	}
	blobs, err := fsblob.New(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx, role.Migrations(), nil); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	ts := httptest.NewUnstartedServer(nil)
	publicURL := "http://" + ts.Listener.Addr().String()
	e := httpx.NewEngine(log, httpx.NewMetrics())
	deps := platform.Deps{DB: db, Blob: blobs, PublicURL: publicURL, DataDir: dir, Dev: true, Version: "test", Log: log}
	if o.Workers {
		wctx, stop := context.WithCancel(context.Background())
		var workers sync.WaitGroup
		deps.Go = func(fn func(context.Context)) { workers.Go(func() { fn(wctx) }) }
		t.Cleanup(func() { stop(); workers.Wait() })
	}
	if err := role.Start(ctx, deps, e); err != nil {
		t.Fatal(err)
	}
	s := &Server{Engine: e, Handler: httpx.Public(e), URL: publicURL, DB: db}
	ts.Config.Handler = s.Handler
	ts.Start()
	t.Cleanup(ts.Close)
	return s
}
