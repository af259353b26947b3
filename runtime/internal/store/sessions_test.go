// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// fakeClock is a settable clock for store.WithClock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *fakeClock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// sessionReaders are the two ways a request reads its session; each must give
// the same sessions. GetSessionWith names an instance that does not exist.
var sessionReaders = []struct {
	name string
	get  func(ctx context.Context, s *store.Store, token string) (store.Session, error)
}{
	{"GetSession", func(ctx context.Context, s *store.Store, token string) (store.Session, error) {
		return s.GetSession(ctx, token)
	}},
	{"GetSessionWith", func(ctx context.Context, s *store.Store, token string) (store.Session, error) {
		_, sess, err := s.GetSessionWith(ctx, token, 1, "no-such-instance")
		return sess, err
	}},
}

func TestSessions(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		for _, r := range sessionReaders {
			t.Run(r.name, func(t *testing.T) { sessionLifecycle(t, db, r.name, r.get) })
		}
	})
}

func sessionLifecycle(t *testing.T, db *dbx.DB, user string, get func(context.Context, *store.Store, string) (store.Session, error)) {
	clock := &fakeClock{t: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
	s := newStore(t, db, store.WithClock(clock.Now))
	ctx := context.Background()
	p, _ := s.CreateParty(ctx, store.Party{Type: store.PartyPerson, Name: "Ola"})
	u, err := s.CreateUser(ctx, store.User{Username: user, PartyID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	spec := store.NewSession{UserID: u.ID, PartyID: p.ID, AuthLevel: 3, Idle: 30 * time.Minute, Absolute: 2 * time.Hour}
	token, sess, err := s.CreateSession(ctx, spec)
	if err != nil {
		t.Fatal(err)
	}
	if token == "" || sess.ID == token || len(sess.ID) != 64 {
		t.Fatalf("token %q stored as %q: must be hashed", token, sess.ID)
	}
	steps := []struct {
		name    string
		advance time.Duration
		alive   bool
	}{
		{"fresh", 0, true},
		{"within idle", 25 * time.Minute, true},
		{"idle slid", 25 * time.Minute, true}, // 50 min after login, 25 after last use
		{"still sliding", 29 * time.Minute, true},
		{"still sliding", 29 * time.Minute, true}, // 1h48 after login
		{"absolute expiry", 15 * time.Minute, false},
	}
	for _, st := range steps {
		clock.Advance(st.advance)
		got, err := get(ctx, s, token)
		if st.alive && (err != nil || got.UserID != u.ID || got.UserPartyID != u.PartyID || got.AuthLevel != 3) {
			t.Fatalf("%s: %+v, %v", st.name, got, err)
		}
		if !st.alive && !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("%s: %v, want ErrNotFound", st.name, err)
		}
	}

	token, _, _ = s.CreateSession(ctx, spec)
	if err := s.SelectParty(ctx, token, 777); err != nil {
		t.Fatal(err)
	}
	if got, _ := get(ctx, s, token); got.PartyID != 777 {
		t.Fatalf("selected party %d", got.PartyID)
	}
	clock.Advance(31 * time.Minute)
	if _, err := get(ctx, s, token); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("idle expiry: %v", err)
	}
	if _, err := get(ctx, s, "bogus"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown token: %v", err)
	}

	live, _, _ := s.CreateSession(ctx, spec)
	_, _, _ = s.CreateSession(ctx, store.NewSession{UserID: u.ID, Idle: time.Minute, Absolute: time.Hour})
	clock.Advance(2 * time.Minute)
	if n, err := s.DeleteExpiredSessions(ctx); err != nil || n != 1 {
		t.Fatalf("DeleteExpiredSessions = %d, %v", n, err)
	}
	if err := s.DeleteSession(ctx, live); err != nil {
		t.Fatal(err)
	}
	if _, err := get(ctx, s, live); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after logout: %v", err)
	}
	if _, _, err := s.CreateSession(ctx, store.NewSession{UserID: u.ID}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("zero timeouts: %v", err)
	}
}

// TestGetSessionWith checks the instance GetSessionWith reads ahead: on
// PostgreSQL the request's first LoadInstance of that instance returns it
// without reading again (so a change made since does not show), once, and not
// after the request's first transaction, nor for another instance or party; on
// SQLite, and for a session that is not live, nothing is read ahead.
func TestGetSessionWith(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clock := &fakeClock{t: time.Now()}
		s := newStore(t, db, store.WithClock(clock.Now))
		ctx := context.Background()
		p, _ := s.CreateParty(ctx, store.Party{Type: store.PartyPerson, Name: "Kari"})
		u, err := s.CreateUser(ctx, store.User{Username: "kari", PartyID: p.ID})
		if err != nil {
			t.Fatal(err)
		}
		token, _, err := s.CreateSession(ctx, store.NewSession{UserID: u.ID, PartyID: p.ID, AuthLevel: 2, Idle: time.Hour, Absolute: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		in, err := s.CreateInstance(ctx, store.Instance{GUID: uuid.NewString(), PartyID: p.ID, Org: "ttd", AppID: "ttd/preload",
			AppVersion: "v1", CurrentTask: "Task_0", CreatedBy: "1", Document: `{}`}, store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{"a", "b"} {
			g := uuid.NewString()
			if _, err := s.CreateDataElement(ctx, store.DataElement{GUID: g, InstanceID: in.ID, InstanceGUID: in.GUID, DataType: typ,
				ContentType: "application/xml", BlobKey: store.BlobKey(in.AppID, in.GUID, g, time.Now()), CreatedBy: "1", Document: `{}`}); err != nil {
				t.Fatal(err)
			}
		}
		// moveTo changes the instance outside any request's context.
		n := 0
		moveTo := func() string {
			n++
			cur, err := s.GetInstance(ctx, in.PartyID, in.GUID)
			if err != nil {
				t.Fatal(err)
			}
			cur.CurrentTask = fmt.Sprintf("Task_%d", n)
			if err := s.Tx(ctx, func(tx *store.Store) error { return tx.UpdateInstance(ctx, &cur) }); err != nil {
				t.Fatal(err)
			}
			return cur.CurrentTask
		}
		task := func(rctx context.Context, party int64) string {
			t.Helper()
			got, els, err := s.LoadInstance(rctx, party, in.GUID)
			if err != nil {
				return err.Error()
			}
			if len(els) != 2 {
				t.Fatalf("%d elements, want 2", len(els))
			}
			return got.CurrentTask
		}
		pg := db.Dialect == dbx.Postgres

		rctx, sess, err := s.GetSessionWith(ctx, token, in.PartyID, in.GUID)
		if err != nil || sess.UserID != u.ID || sess.UserPartyID != p.ID || sess.AuthLevel != 2 {
			t.Fatalf("GetSessionWith = %+v, %v", sess, err)
		}
		before, now := "Task_0", moveTo()
		if got, want := task(rctx, in.PartyID), map[bool]string{true: before, false: now}[pg]; got != want {
			t.Errorf("first load: %s, want %s", got, want)
		}
		if got := task(rctx, in.PartyID); got != now {
			t.Errorf("second load: %s, want %s (read again)", got, now)
		}

		rctx, _, _ = s.GetSessionWith(ctx, token, in.PartyID, in.GUID)
		if err := s.Tx(rctx, func(*store.Store) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if now := moveTo(); task(rctx, in.PartyID) != now {
			t.Errorf("load after the request's transaction: not %s", now)
		}

		rctx, _, _ = s.GetSessionWith(ctx, token, in.PartyID, in.GUID)
		if got := task(rctx, in.PartyID+1); !strings.Contains(got, "not found") {
			t.Errorf("another party's load: %s, want not found", got)
		}
		if _, _, err := s.LoadInstance(rctx, in.PartyID, uuid.NewString()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another instance's load: %v, want ErrNotFound", err)
		}

		if _, _, err := s.GetSessionWith(ctx, token, in.PartyID, uuid.NewString()); err != nil {
			t.Errorf("a live session naming no instance: %v", err)
		}
		rctx, _, err = s.GetSessionWith(ctx, "bogus", in.PartyID, in.GUID)
		if !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown token: %v, want ErrNotFound", err)
		}
		if now := moveTo(); task(rctx, in.PartyID) != now {
			t.Errorf("read ahead for an unknown session")
		}

		short, _, err := s.CreateSession(ctx, store.NewSession{UserID: u.ID, PartyID: p.ID, AuthLevel: 2, Idle: time.Minute, Absolute: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		clock.Advance(2 * time.Minute)
		rctx, _, err = s.GetSessionWith(ctx, short, in.PartyID, in.GUID)
		if !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("expired session: %v, want ErrNotFound", err)
		}
		if now := moveTo(); task(rctx, in.PartyID) != now {
			t.Errorf("read ahead for an expired session")
		}

		// A guid the server cannot even compare fails the instance's reads, not the session.
		if _, sess, err := s.GetSessionWith(ctx, token, in.PartyID, "a\x00b"); err != nil || sess.UserID != u.ID {
			t.Errorf("session with a failing instance read: %+v, %v", sess, err)
		}
	})
}
