// SPDX-License-Identifier: MIT

package account_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/store"
)

// cheap keeps password hashing fast in tests; the parameters travel in the hash.
var cheap = account.Argon2Params{Memory: 64, Time: 1, Threads: 1}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// env is a service on a migrated database with an admin (owner of ttd) and a plain user.
type env struct {
	svc          *account.Service
	st           *store.Store
	clock        *clock
	admin, devel account.Principal
}

const pw = "a long password"

func run(t *testing.T, fn func(t *testing.T, e *env)) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "studio", Migrations: store.Migrations()}, nil); err != nil {
			t.Fatal(err)
		}
		c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
		st := store.New(db, store.WithClock(c.now))
		svc, err := account.New(account.Options{Store: st, Argon2: cheap, Idle: time.Hour, Absolute: 4 * time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		admin, _, err := svc.EnsureAdmin(ctx, "admin", pw)
		if err != nil {
			t.Fatal(err)
		}
		devel, err := svc.CreateUser(ctx, admin, account.NewUser{Username: "kari", FullName: "Kari Nordmann", Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.CreateOrg(ctx, admin, "ttd", "Testdepartementet"); err != nil {
			t.Fatal(err)
		}
		fn(t, &env{svc: svc, st: st, clock: c, admin: admin, devel: devel})
	})
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
}

func TestNewRejects(t *testing.T) {
	st := &store.Store{}
	tests := []struct {
		name string
		opt  account.Options
	}{
		{"no store", account.Options{}},
		{"bad environment", account.Options{Store: st, Environments: []string{"Prod"}}},
		{"duplicate environment", account.Options{Store: st, Environments: []string{"test", "test"}}},
	}
	for _, tt := range tests {
		if _, err := account.New(tt.opt); !errors.Is(err, account.ErrInvalid) {
			t.Errorf("%s: err = %v", tt.name, err)
		}
	}
}

func TestStandardTeams(t *testing.T) {
	svc, err := account.New(account.Options{Store: &store.Store{}, Environments: []string{"tt02", "production"}, Argon2: cheap})
	if err != nil {
		t.Fatal(err)
	}
	got := svc.StandardTeams()
	want := []string{"Owners", "Devs", "Deploy-tt02", "Deploy-production"}
	if len(got) != len(want) {
		t.Fatalf("StandardTeams = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("StandardTeams = %v, want %v", got, want)
		}
	}
}
