// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// BenchmarkInstantiateRows is the database work of one instantiation, from 64
// clients: the instance, its form data element and three events in one
// transaction, then the instance and its elements read back. cpu-µs/op is the
// process's CPU time per operation, steadier than ns/op on a shared machine.
func BenchmarkInstantiateRows(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *dbx.DB
	}{{"sqlite", dbtest.SQLite}, {"postgres", dbtest.Postgres}} {
		b.Run(engine.name, func(b *testing.B) {
			db := engine.open(b)
			if _, err := db.Migrate(context.Background(), runtime.New(runtime.Config{}).Migrations(), nil); err != nil {
				b.Fatal(err)
			}
			s := store.New(db)
			b.SetParallelism(32) // 64 clients on 2 cores
			b.ReportAllocs()
			c0 := cpuTime()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := instantiateRows(b.Context(), s); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64((cpuTime()-c0).Microseconds())/float64(b.N), "cpu-µs/op")
		})
	}
}

func instantiateRows(ctx context.Context, s *store.Store) error {
	in := newInstance(500, "ttd", "ttd/app")
	now := time.Now()
	err := s.Tx(ctx, func(tx *store.Store) error {
		got, err := tx.CreateInstance(ctx, in, store.Idempotency{})
		if err != nil {
			return err
		}
		d := uuid.NewString()
		if _, err := tx.CreateDataElement(ctx, store.DataElement{GUID: d, InstanceID: got.ID, InstanceGUID: in.GUID,
			DataType: "model", ContentType: "application/xml", Size: 120, SHA256: "ab", CreatedBy: "1337",
			BlobKey: store.BlobKey("ttd/app", in.GUID, d), Document: `{"id":"` + d + `"}`}); err != nil {
			return err
		}
		for _, typ := range []string{"Created", "process_StartEvent", "process_StartTask"} {
			if _, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: in.GUID, PartyID: 500, EventType: typ,
				Created: now, User: `{"userId":1337}`, ProcessInfo: `{"started":"x"}`}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	row, err := s.GetInstance(ctx, 500, in.GUID)
	if err != nil {
		return err
	}
	_, err = s.ListDataElements(ctx, row.ID)
	return err
}

func cpuTime() time.Duration {
	var r syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
