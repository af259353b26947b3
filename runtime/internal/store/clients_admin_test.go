// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

func TestListAndDeleteClients(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		for _, c := range []store.MachineClient{
			{ClientID: "ttd-ci", Org: "ttd", Scopes: "blankett:deploy"},
			{ClientID: "acme-sync", Org: "acme", Scopes: "altinn:serviceowner/instances.read"},
			{ClientID: "ttd-arkiv", Org: "ttd", Scopes: "altinn:serviceowner/instances.read"},
		} {
			c.JWKS = `{"keys":[]}`
			if _, err := s.CreateClient(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		ids := func(org string) []string {
			t.Helper()
			cs, err := s.ListClients(ctx, org)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, c := range cs {
				out = append(out, c.ClientID)
			}
			return out
		}
		for _, tc := range []struct {
			org  string
			want []string
		}{{"", []string{"acme-sync", "ttd-arkiv", "ttd-ci"}}, {"ttd", []string{"ttd-arkiv", "ttd-ci"}}, {"nope", nil}} {
			if got := ids(tc.org); !slices.Equal(got, tc.want) {
				t.Errorf("ListClients(%q) = %v, want %v", tc.org, got, tc.want)
			}
		}
		if err := s.DeleteClient(ctx, "ttd-ci"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteClient(ctx, "ttd-ci"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleting a missing client: %v, want ErrNotFound", err)
		}
		if _, err := s.GetClient(ctx, "ttd-ci"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetClient after delete: %v, want ErrNotFound", err)
		}
		if got := ids("ttd"); !slices.Equal(got, []string{"ttd-arkiv"}) {
			t.Errorf("after delete: %v", got)
		}
	})
}
