// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/blankett/blankett/studio/internal/store"
)

func TestSessionExpiry(t *testing.T) {
	run(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		u := mustUser(t, s, "ola")
		if _, err := s.CreateSession(ctx, "h1", u.ID, time.Hour, 3*time.Hour); err != nil {
			t.Fatal(err)
		}
		// Activity slides the idle expiry...
		for range 3 {
			c.advance(50 * time.Minute)
			if _, err := s.SessionByID(ctx, "h1"); err != nil {
				t.Fatalf("at %s: %v", c.t, err)
			}
		}
		// ...but never past the absolute expiry, 3h after creation.
		c.advance(50 * time.Minute)
		_, err := s.SessionByID(ctx, "h1")
		wantErr(t, err, store.ErrNotFound)

		if _, err := s.CreateSession(ctx, "h2", u.ID, time.Hour, 3*time.Hour); err != nil {
			t.Fatal(err)
		}
		c.advance(time.Hour)
		_, err = s.SessionByID(ctx, "h2")
		wantErr(t, err, store.ErrNotFound)

		if _, err := s.CreateSession(ctx, "h3", u.ID, time.Hour, 3*time.Hour); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSessionsOf(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		_, err = s.SessionByID(ctx, "h3")
		wantErr(t, err, store.ErrNotFound)
	})
}

func TestDeleteExpiredSessions(t *testing.T) {
	run(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		u := mustUser(t, s, "ola")
		for _, id := range []string{"a", "b"} {
			if _, err := s.CreateSession(ctx, id, u.ID, time.Hour, 2*time.Hour); err != nil {
				t.Fatal(err)
			}
			c.advance(45 * time.Minute)
		}
		n, err := s.DeleteExpiredSessions(ctx)
		if err != nil || n != 1 {
			t.Fatalf("deleted %d, %v; want 1", n, err)
		}
		if _, err := s.SessionByID(ctx, "b"); err != nil {
			t.Fatalf("live session gone: %v", err)
		}
	})
}
