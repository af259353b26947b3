// SPDX-License-Identifier: MIT

package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
	"gorm.io/gorm"
)

// BaselineTable is the one table of the baseline; Close drops it.
const BaselineTable = "loadtest_baseline"

// BaselinePath is the route of the baseline handler (POST); GET
// BaselinePath/{id} is the read baseline's.
const BaselinePath = "/baseline"

// baselineRow is a row of BaselineTable: about what an instance row holds.
type baselineRow struct {
	ID      string    `gorm:"primaryKey;size:36"`
	Payload string    `gorm:"type:text"`
	Created time.Time `gorm:"not null"`
}

// Baseline is a bare gin server on 127.0.0.1 whose one handler inserts one row:
// the cheapest request that writes to the database, so the platform's figures
// can be read as a multiple of it on the same machine and database. A second
// handler reads one row by key, the cheapest request that reads: the floor
// for a read-only request such as a form page.
type Baseline struct {
	// URL is the handler's address, http://127.0.0.1:PORT/baseline.
	URL string
	db  *dbx.DB
	srv *http.Server
	ln  net.Listener
}

// StartBaseline creates BaselineTable in db (anew) and serves the handler.
func StartBaseline(ctx context.Context, db *dbx.DB) (*Baseline, error) {
	m := db.Gorm.WithContext(ctx).Table(BaselineTable).Migrator()
	if err := m.DropTable(BaselineTable); err != nil {
		return nil, fmt.Errorf("loadtest: drop %s: %w", BaselineTable, err)
	}
	if err := db.Gorm.WithContext(ctx).Table(BaselineTable).Migrator().CreateTable(&baselineRow{}); err != nil {
		return nil, fmt.Errorf("loadtest: create %s: %w", BaselineTable, err)
	}
	e := gin.New()
	e.POST(BaselinePath, func(c *gin.Context) {
		row := baselineRow{ID: uuid.NewString(), Payload: `{"status":"created"}`, Created: time.Now().UTC()}
		if err := db.Gorm.WithContext(c.Request.Context()).Table(BaselineTable).Create(&row).Error; err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusCreated, gin.H{"id": row.ID})
	})
	e.GET(BaselinePath+"/:id", func(c *gin.Context) {
		var row baselineRow
		err := db.Gorm.WithContext(c.Request.Context()).Table(BaselineTable).Where("id = ?", c.Param("id")).Take(&row).Error
		if err != nil {
			status := http.StatusInternalServerError
			if errors.Is(err, gorm.ErrRecordNotFound) {
				status = http.StatusNotFound
			}
			c.JSON(status, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, row)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("loadtest: listen: %w", err)
	}
	b := &Baseline{URL: "http://" + ln.Addr().String() + BaselinePath, db: db, ln: ln,
		srv: &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}}
	go func() { _ = b.srv.Serve(ln) }()
	return b, nil
}

// Close stops the server and drops the table.
func (b *Baseline) Close(ctx context.Context) error {
	err := b.srv.Shutdown(ctx)
	if derr := b.db.Gorm.WithContext(ctx).Migrator().DropTable(BaselineTable); derr != nil {
		err = errors.Join(err, fmt.Errorf("loadtest: drop %s: %w", BaselineTable, derr))
	}
	return err
}

// Op returns the operation that POSTs to the baseline once with hc.
func (b *Baseline) Op(hc *http.Client) Op {
	return func(ctx context.Context, _ int) error {
		return Expect(ctx, hc, http.MethodPost, b.URL, nil, http.StatusCreated, nil)
	}
}

// ReadOp inserts n rows through the baseline handler and returns the operation
// that GETs one of them with hc: client i reads row i mod n.
func (b *Baseline) ReadOp(ctx context.Context, hc *http.Client, n int) (Op, error) {
	ids := make([]string, 0, n)
	for range n {
		body, err := Do(ctx, hc, http.MethodPost, b.URL, nil, http.StatusCreated, nil)
		if err != nil {
			return nil, err
		}
		var row struct{ ID string }
		if err := json.Unmarshal(body, &row); err != nil || row.ID == "" {
			return nil, fmt.Errorf("loadtest: baseline answered %q: %v", body, err)
		}
		ids = append(ids, row.ID)
	}
	return func(ctx context.Context, client int) error {
		return Expect(ctx, hc, http.MethodGet, b.URL+"/"+ids[client%len(ids)], nil, http.StatusOK, nil)
	}, nil
}
