// SPDX-License-Identifier: MIT

package platform_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/platform"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
)

// workerRole runs one background worker that, once stopped, still uses the
// database, and counts its loops on the role's own metric.
type workerRole struct {
	echoRole
	dbAfterStop chan error
}

func (r *workerRole) Start(ctx context.Context, d platform.Deps, e *gin.Engine) error {
	loops := prometheus.NewCounter(prometheus.CounterOpts{Name: "blankett_test_worker_loops_total", Help: "test"})
	if err := d.Metrics.Register(loops); err != nil {
		return err
	}
	d.Go(func(ctx context.Context) {
		loops.Inc()
		<-ctx.Done()
		time.Sleep(50 * time.Millisecond) // a worker finishing its last step
		r.dbAfterStop <- d.DB.Ping(context.Background())
	})
	return nil
}

func TestRunWaitsForWorkersBeforeClosingTheDatabase(t *testing.T) {
	role := &workerRole{dbAfterStop: make(chan error, 1)}
	r := start(t, baseIn(t.TempDir()), role)
	if code, body := get(t, r.admin+"/metrics"); code != 200 || !strings.Contains(body, "blankett_test_worker_loops_total 1") {
		t.Fatalf("/metrics lacks the role's own metric: %d", code)
	}
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-role.dbAfterStop:
		if err != nil {
			t.Fatalf("the database was closed under a worker that had not returned: %v", err)
		}
	default:
		t.Fatal("Run returned before its worker did")
	}
}
