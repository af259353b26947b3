// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/studio/internal/store"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }
func run(t *testing.T, fn func(t *testing.T, s *store.Store, c *clock)) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		if _, err := db.Migrate(context.Background(), dbx.MigrationSet{Name: "studio", Migrations: store.Migrations()}, nil); err != nil {
			t.Fatal(err)
		}
		c := newClock()
		fn(t, store.New(db, store.WithClock(c.now)), c)
	})
}

func mustUser(t *testing.T, s *store.Store, name string) store.User {
	t.Helper()
	u := store.User{Username: name, FullName: "Full " + name}
	if err := s.CreateUser(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	return u
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
}

func TestUsers(t *testing.T) {
	run(t, func(t *testing.T, s *store.Store, _ *clock) {
		ctx := context.Background()
		u := mustUser(t, s, "kari")
		wantErr(t, s.CreateUser(ctx, &store.User{Username: "kari"}), store.ErrDuplicate)
		got, err := s.UserByName(ctx, "kari")
		if err != nil || got.ID != u.ID || got.FullName != "Full kari" {
			t.Fatalf("UserByName = %+v, %v", got, err)
		}
		_, err = s.UserByName(ctx, "nobody")
		wantErr(t, err, store.ErrNotFound)
		got.PasswordHash, got.InstallationAdmin = "h", true
		if err := s.UpdateUser(ctx, &got); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.UserByID(ctx, u.ID); again.PasswordHash != "h" || !again.InstallationAdmin {
			t.Fatalf("update lost: %+v", again)
		}
		wantErr(t, s.UpdateUser(ctx, &store.User{ID: 999}), store.ErrNotFound)
		if err := s.LinkIdentity(ctx, u.ID, "https://idp", "sub-1"); err != nil {
			t.Fatal(err)
		}
		wantErr(t, s.LinkIdentity(ctx, u.ID, "https://idp", "sub-1"), store.ErrDuplicate)
		if byID, err := s.UserByIdentity(ctx, "https://idp", "sub-1"); err != nil || byID.ID != u.ID {
			t.Fatalf("UserByIdentity = %+v, %v", byID, err)
		}
		_, err = s.UserByIdentity(ctx, "https://other", "sub-1")
		wantErr(t, err, store.ErrNotFound)
	})
}
