// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// fakeClock is a settable clock for store.WithClock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *fakeClock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func TestSessions(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		clock := &fakeClock{t: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
		s := newStore(t, db, store.WithClock(clock.Now))
		ctx := context.Background()
		p, _ := s.CreateParty(ctx, store.Party{Type: store.PartyPerson, Name: "Ola"})
		u, err := s.CreateUser(ctx, store.User{Username: "ola", PartyID: p.ID})
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
			got, err := s.GetSession(ctx, token)
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
		if got, _ := s.GetSession(ctx, token); got.PartyID != 777 {
			t.Fatalf("selected party %d", got.PartyID)
		}
		clock.Advance(31 * time.Minute)
		if _, err := s.GetSession(ctx, token); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("idle expiry: %v", err)
		}
		if _, err := s.GetSession(ctx, "bogus"); !errors.Is(err, store.ErrNotFound) {
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
		if _, err := s.GetSession(ctx, live); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("after logout: %v", err)
		}
		if _, _, err := s.CreateSession(ctx, store.NewSession{UserID: u.ID}); !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("zero timeouts: %v", err)
		}
	})
}
