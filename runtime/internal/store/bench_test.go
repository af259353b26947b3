// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/loadtest"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// benchEngines are the databases the benchmarks run on; PostgreSQL only
// where the test environment names one.
var benchEngines = []struct {
	name string
	open func(testing.TB) *dbx.DB
}{{"sqlite", dbtest.SQLite}, {"postgres", func(tb testing.TB) *dbx.DB { return dbtest.Postgres(tb) }}}

// BenchmarkInstantiateRows is the database work of one instantiation, from 64
// clients: the instance, its form data element and three events in one
// transaction, then the instance and its elements read back.
func BenchmarkInstantiateRows(b *testing.B) {
	benchWrites(b, true, func(_ *testing.B, s *store.Store) func(context.Context) error {
		return func(ctx context.Context) error { return instantiateRows(ctx, s) }
	})
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
			BlobKey: store.BlobKey("ttd/app", in.GUID, d, time.Now()), Document: `{"id":"` + d + `"}`}); err != nil {
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

// cpuTime is the process's CPU time so far (0 where it cannot be read).
func cpuTime() time.Duration {
	d, _ := loadtest.ProcessCPU()
	return d
}

// readBenchStore returns a migrated Store on engine with one instance of two
// data elements and a live session, the rows a form page reads on every
// request; its clock stands still, so GetSession never writes.
func readBenchStore(b *testing.B, open func(testing.TB) *dbx.DB) (*store.Store, store.Instance, string) {
	b.Helper()
	ctx := context.Background()
	db := open(b)
	if _, err := db.Migrate(ctx, runtime.New(runtime.Config{}).Migrations(), nil); err != nil {
		b.Fatal(err)
	}
	now := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
	s := store.New(db, store.WithClock(func() time.Time { return now }))
	in, err := s.CreateInstance(ctx, newInstance(500, "ttd", "ttd/app"), store.Idempotency{})
	if err != nil {
		b.Fatal(err)
	}
	for _, typ := range []string{"model", "attachment"} {
		if _, err := s.CreateDataElement(ctx, newElement(in, typ)); err != nil {
			b.Fatal(err)
		}
	}
	token, _ := newPersonSession(b, s, "ola")
	return s, in, token
}

// newPersonSession makes a person (party and user) called name with a live
// session, and returns the session's token and the person's party.
func newPersonSession(tb testing.TB, s *store.Store, name string) (string, store.Party) {
	tb.Helper()
	ctx := context.Background()
	p, err := s.CreateParty(ctx, store.Party{Type: store.PartyPerson, Name: name})
	if err != nil {
		tb.Fatal(err)
	}
	u, err := s.CreateUser(ctx, store.User{Username: name, PartyID: p.ID})
	if err != nil {
		tb.Fatal(err)
	}
	token, _, err := s.CreateSession(ctx, store.NewSession{UserID: u.ID, PartyID: p.ID, AuthLevel: 3, Idle: time.Hour, Absolute: 2 * time.Hour})
	if err != nil {
		tb.Fatal(err)
	}
	return token, p
}

// benchRead runs read once per iteration on each engine's readBenchStore.
func benchRead(b *testing.B, read func(ctx context.Context, s *store.Store, in store.Instance, token string) error) {
	for _, engine := range benchEngines {
		b.Run(engine.name, func(b *testing.B) {
			s, in, token := readBenchStore(b, engine.open)
			ctx := b.Context()
			b.ReportAllocs()
			for b.Loop() {
				if err := read(ctx, s, in, token); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGetInstance(b *testing.B) {
	benchRead(b, func(ctx context.Context, s *store.Store, in store.Instance, _ string) error {
		_, err := s.GetInstance(ctx, in.PartyID, in.GUID)
		return err
	})
}

func BenchmarkListDataElements(b *testing.B) {
	benchRead(b, func(ctx context.Context, s *store.Store, in store.Instance, _ string) error {
		_, err := s.ListDataElements(ctx, in.ID)
		return err
	})
}

func BenchmarkListDataElementsOf(b *testing.B) {
	benchRead(b, func(ctx context.Context, s *store.Store, in store.Instance, _ string) error {
		_, err := s.ListDataElementsOf(ctx, []int64{in.ID, in.ID + 1, in.ID + 2})
		return err
	})
}

func BenchmarkGetSession(b *testing.B) {
	benchRead(b, func(ctx context.Context, s *store.Store, _ store.Instance, token string) error {
		_, err := s.GetSession(ctx, token)
		return err
	})
}

// BenchmarkWriteEvents is what an instantiation records beside itself, in its own
// transaction: three audit events, two cloud events and their outbox message.
func BenchmarkWriteEvents(b *testing.B) {
	benchWrites(b, false, func(_ *testing.B, s *store.Store) func(context.Context) error {
		return func(ctx context.Context) error {
			guid, now := uuid.NewString(), time.Now()
			w := store.EventWrite{Topic: "event"}
			for _, typ := range []string{"Created", "process_StartEvent", "process_StartTask"} {
				w.Audit = append(w.Audit, store.InstanceEvent{InstanceGUID: guid, PartyID: 500, EventType: typ,
					User: `{"userId":1337}`, ProcessInfo: `{"started":"x"}`})
			}
			for _, typ := range []string{"app.instance.created", "app.instance.process.movedTo.Task_1"} {
				w.Cloud = append(w.Cloud, store.CloudEvent{EventID: uuid.NewString(), Type: typ, Source: "https://x/" + guid,
					Subject: "/party/500", Org: "ttd", App: "app", InstanceGUID: guid, PartyID: 500, Time: now, Document: `{"type":"` + typ + `"}`})
			}
			return s.Tx(ctx, func(tx *store.Store) error { return tx.WriteEvents(ctx, w) })
		}
	})
}

// BenchmarkSaveRows is the database write of one form data save (PUT): the
// instance row updated, the element's content replaced and a Saved event, in
// one transaction.
func BenchmarkSaveRows(b *testing.B) {
	benchWrites(b, false, func(b *testing.B, s *store.Store) func(context.Context) error {
		in, err := s.CreateInstance(b.Context(), newInstance(500, "ttd", "ttd/app"), store.Idempotency{})
		if err != nil {
			b.Fatal(err)
		}
		el, err := s.CreateDataElement(b.Context(), newElement(in, "model"))
		if err != nil {
			b.Fatal(err)
		}
		return func(ctx context.Context) error {
			return s.Tx(ctx, func(tx *store.Store) error {
				in.LastChangedBy, in.Document = "1337", `{"id":"`+in.GUID+`","lastChanged":"now"}`
				if err := tx.UpdateInstance(ctx, &in); err != nil {
					return err
				}
				el.BlobKey, el.Size = store.BlobKey("ttd/app", in.GUID, el.GUID, time.Now())+"."+uuid.NewString()[:8], el.Size+1
				if err := tx.ReplaceDataElement(ctx, &el); err != nil {
					return err
				}
				_, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: in.GUID, PartyID: 500, EventType: "Saved", DataID: el.GUID})
				return err
			})
		}
	})
}

// benchWrites runs the operation setup returns b.N times on a migrated Store of
// each engine (from 64 clients on 2 cores when parallel) and reports allocations
// and cpu-µs/op, the process's CPU time per operation, steadier than ns/op on a
// shared machine.
func benchWrites(b *testing.B, parallel bool, setup func(b *testing.B, s *store.Store) func(ctx context.Context) error) {
	for _, engine := range benchEngines {
		b.Run(engine.name, func(b *testing.B) {
			db := engine.open(b)
			if _, err := db.Migrate(context.Background(), runtime.New(runtime.Config{}).Migrations(), nil); err != nil {
				b.Fatal(err)
			}
			op := setup(b, store.New(db))
			b.ReportAllocs()
			c0 := cpuTime()
			if parallel {
				b.SetParallelism(32)
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if err := op(b.Context()); err != nil {
							b.Error(err)
							return
						}
					}
				})
			} else {
				for b.Loop() {
					if err := op(b.Context()); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64((cpuTime()-c0).Microseconds())/float64(b.N), "cpu-µs/op")
		})
	}
}
