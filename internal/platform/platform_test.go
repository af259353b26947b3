// SPDX-License-Identifier: MIT

package platform_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/platform"
	"github.com/gin-gonic/gin"
)

// echoRole is a minimal role: one table, one route that reads it.
type echoRole struct{ started bool }

func (r *echoRole) Name() string { return "echo" }
func (r *echoRole) Migrations() dbx.MigrationSet {
	return dbx.MigrationSet{Name: "echo", Migrations: []dbx.Migration{platform.InstallationMigration("echo_installation")}}
}
func (r *echoRole) Start(ctx context.Context, d platform.Deps, e *gin.Engine) error {
	in, err := platform.EnsureInstallation(ctx, d.DB, "echo_installation", d.Version)
	if err != nil {
		return err
	}
	r.started = true
	e.GET("/echo", func(c *gin.Context) { c.String(200, in.ID) })
	// A Stat of a missing blob, which the store's metrics count.
	e.GET("/blob", func(c *gin.Context) {
		_, err := d.Blob.Stat(c, "echo/none")
		c.String(200, fmt.Sprint(errors.Is(err, blob.ErrNotFound)))
	})
	return nil
}

type running struct {
	public, admin string
	stop          func() error
}

func start(t *testing.T, base config.Base, roles ...platform.Role) running {
	t.Helper()
	if err := base.Resolve(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan [2]string, 1)
	done := make(chan error, 1)
	go func() {
		done <- platform.Run(ctx, base, platform.Options{Version: "test", Logs: io.Discard, Effective: &base, Roles: roles,
			Ready: func(p, a string) { ready <- [2]string{p, a} }})
	}()
	select {
	case a := <-ready:
		// stop may be called by the test and again at cleanup: Run ends once.
		r := running{public: "http://" + a[0], admin: "http://" + a[1], stop: sync.OnceValue(func() error { cancel(); return <-done })}
		t.Cleanup(func() { _ = r.stop() })
		return r
	case err := <-done:
		cancel()
		t.Fatalf("Run ended before ready: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("not ready after 30s")
	}
	return running{}
}

func baseIn(dir string) config.Base {
	return config.Base{Addr: "127.0.0.1:0", AdminAddr: "127.0.0.1:0", DataDir: dir, Migrate: true,
		Blob: config.BlobConfig{Backend: "fs"}, LogLevel: "info", LogFormat: "json", ShutdownTimeout: 5 * time.Second, GCPercent: 200}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRunServesAndStops(t *testing.T) {
	dir := t.TempDir()
	role := &echoRole{}
	r := start(t, baseIn(dir), role)
	if code, body := get(t, r.public+"/echo"); code != 200 || len(body) != 36 {
		t.Fatalf("/echo = %d %q", code, body)
	}
	if code, body := get(t, r.public+"/missing"); code != 404 || !strings.Contains(body, `"code":"not_found"`) {
		t.Fatalf("/missing = %d %s", code, body)
	}
	if code, body := get(t, r.admin+"/readyz"); code != 200 || !strings.Contains(body, `"database":"ok"`) || !strings.Contains(body, `"blob":"ok"`) {
		t.Fatalf("/readyz = %d %s", code, body)
	}
	if code, body := get(t, r.public+"/blob"); code != 200 || body != "true" {
		t.Fatalf("/blob = %d %q", code, body)
	}
	code, body := get(t, r.admin+"/metrics")
	if code != 200 {
		t.Fatalf("/metrics = %d", code)
	}
	// The storage's own metrics: the blob store's operations, the database
	// pool, and SQLite's writer.
	for _, want := range []string{`blankett_blob_operation_duration_seconds_count{backend="fs",op="stat",result="not_found"} 1`,
		`go_sql_open_connections{db_name="blankett"}`, "blankett_db_write_queue_seconds_count", "blankett_db_write_batch_transactions_count"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if err := r.stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	for _, p := range []string{"blankett.db", "blobs"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("default data dir lacks %s: %v", p, err)
		}
	}
}

func TestReadyzReportsBrokenBlobStore(t *testing.T) {
	dir := t.TempDir()
	r := start(t, baseIn(dir), &echoRole{})
	if err := os.RemoveAll(filepath.Join(dir, "blobs")); err != nil {
		t.Fatal(err)
	}
	code, body := get(t, r.admin+"/readyz")
	if code != 503 || !strings.Contains(body, `"field":"blob"`) {
		t.Fatalf("/readyz after removing the blob dir = %d %s", code, body)
	}
	var p struct {
		Errors []struct{ Field, Detail string }
	}
	_ = json.Unmarshal([]byte(body), &p)
	if len(p.Errors) != 1 || p.Errors[0].Detail == "" {
		t.Fatalf("want one clear reason, got %+v", p.Errors)
	}
}

func TestReadyzReportsUnreachableDatabase(t *testing.T) {
	db := dbtest.Postgres(t) // skips without PostgreSQL
	var name string
	if err := db.Gorm.Raw("SELECT current_database()").Scan(&name).Error; err != nil {
		t.Fatal(err)
	}
	dsn := os.Getenv(dbtest.EnvPostgres)
	base := baseIn(t.TempDir())
	base.Database = strings.Replace(dsn, "/postgres?", "/"+name+"?", 1)
	r := start(t, base, &echoRole{})
	if code, _ := get(t, r.admin+"/readyz"); code != 200 {
		t.Fatalf("/readyz before = %d", code)
	}
	if err := db.Gorm.Exec("SELECT 1").Error; err != nil {
		t.Fatal(err)
	}
	admin, err := dbx.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	_ = db.Close()
	if err := admin.Gorm.Exec("DROP DATABASE " + name + " WITH (FORCE)").Error; err != nil {
		t.Fatal(err)
	}
	code, body := get(t, r.admin+"/readyz")
	if code != 503 || !strings.Contains(body, `"field":"database"`) || !strings.Contains(body, "unreachable") {
		t.Fatalf("/readyz after dropping the database = %d %s", code, body)
	}
}

func TestRefusesOutdatedSchemaWithoutMigrate(t *testing.T) {
	base := baseIn(t.TempDir())
	base.Migrate = false
	if err := base.Resolve(); err != nil {
		t.Fatal(err)
	}
	err := platform.Run(context.Background(), base, platform.Options{Logs: io.Discard, Effective: &base, Roles: []platform.Role{&echoRole{}}})
	if err == nil || !strings.Contains(err.Error(), "pending migrations") {
		t.Fatalf("Run = %v; want a pending-migrations error", err)
	}
	var out strings.Builder
	if err := platform.Migrate(context.Background(), base, []platform.Role{&echoRole{}}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "echo: applied 1") {
		t.Fatalf("Migrate output %q", out.String())
	}
	start(t, base, &echoRole{}) // now it starts
}

func TestEnsureInstallationIsStable(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		set := (&echoRole{}).Migrations()
		if _, err := db.Migrate(ctx, set, nil); err != nil {
			t.Fatal(err)
		}
		a, err := platform.EnsureInstallation(ctx, db, "echo_installation", "v1")
		if err != nil {
			t.Fatal(err)
		}
		b, err := platform.EnsureInstallation(ctx, db, "echo_installation", "v2")
		if err != nil || a.ID != b.ID || b.Version != "v1" {
			t.Fatalf("second call = %+v, %v; want the first row %+v", b, err, a)
		}
		if err := dbx.CheckDrift(db.Gorm.Table("echo_installation"), &platform.Installation{}); err != nil {
			t.Fatalf("installation model drifted from its migration: %v", err)
		}
	})
}
