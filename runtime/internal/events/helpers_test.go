// SPDX-License-Identifier: MIT

package events_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// clock is a settable store clock, so that tests jump over retry backoffs.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// newStore migrates db with the store's migrations and returns a store on clk.
func newStore(t *testing.T, db *dbx.DB, clk *clock) *store.Store {
	t.Helper()
	if _, err := db.Migrate(context.Background(), dbx.MigrationSet{Name: "runtime", Migrations: store.Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	return store.New(db, store.WithClock(clk.Now))
}

// delivery is one request a receiver got.
type delivery struct {
	header http.Header
	body   []byte
}

// receiver is a webhook endpoint answering status (200 when 0).
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	status int
	got    []delivery
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, delivery{header: req.Header.Clone(), body: b})
		status := r.status
		r.mu.Unlock()
		if status == 0 {
			status = http.StatusOK
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) deliveries() []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]delivery(nil), r.got...)
}

func (r *receiver) setStatus(s int) { r.mu.Lock(); r.status = s; r.mu.Unlock() }

// subscribe creates a subscription of ttd/a at endpoint (validated when asked).
func subscribe(t *testing.T, st *store.Store, endpoint string, validated bool, mod func(*store.Subscription)) store.Subscription {
	t.Helper()
	ctx := context.Background()
	sub := store.Subscription{Org: "ttd", EndPoint: endpoint, SourceFilter: "http://rt/ttd/a", FilterOrg: "ttd", FilterApp: "a", CreatedBy: "ttd-client"}
	if mod != nil {
		mod(&sub)
	}
	sub, err := events.Subscribe(ctx, st, sub)
	if err != nil {
		t.Fatal(err)
	}
	if validated {
		if err := st.SetSubscriptionValidated(ctx, sub.ID); err != nil {
			t.Fatal(err)
		}
		sub.Validated = true
	}
	return sub
}

// publish publishes typ about an instance of org/app in its own transaction.
func publish(t *testing.T, st *store.Store, org, app, typ string) events.Event {
	t.Helper()
	ctx := context.Background()
	var ev events.Event
	err := st.Tx(ctx, func(tx *store.Store) error {
		evs, err := events.NewPublisher("http://rt").PublishAll(ctx, tx, events.Instance{Org: org, App: app, PartyID: 500,
			GUID: "8b9a0f5e-8f0b-4c57-9d1c-3a0f6f3f3c11", AlternativeSubject: "/org/310000001"}, time.Now(), nil, typ)
		if err != nil {
			return err
		}
		ev = evs[0]
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// checkSigned fails t unless d is a signed CloudEvents delivery under secret.
func checkSigned(t *testing.T, d delivery, secret string) {
	t.Helper()
	if ct := d.header.Get("Content-Type"); ct != events.ContentType {
		t.Errorf("Content-Type %q", ct)
	}
	if err := events.Verify(secret, d.header.Get(events.HeaderSignature), d.body, time.Now(), 5*time.Minute); err != nil {
		t.Errorf("signature %q: %v", d.header.Get(events.HeaderSignature), err)
	}
}

func newHandlerServer(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
