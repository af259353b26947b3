// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
)

func TestCountPinnedInstances(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		for _, in := range []store.Instance{
			newInstance(1, "ttd", "ttd/a"), newInstance(2, "ttd", "ttd/a"),
			newInstance(1, "ttd", "ttd/b"),
		} {
			if _, err := s.CreateInstance(ctx, in, store.Idempotency{}); err != nil {
				t.Fatal(err)
			}
		}
		v2 := newInstance(3, "ttd", "ttd/a")
		v2.AppVersion = "v2"
		if _, err := s.CreateInstance(ctx, v2, store.Idempotency{}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			app, version string
			want         int64
		}{
			{"ttd/a", "v1", 2}, {"ttd/a", "v2", 1}, {"ttd/b", "v1", 1}, {"ttd/b", "v2", 0}, {"ttd/c", "v1", 0},
		}
		for _, tt := range tests {
			if n, err := s.CountPinnedInstances(ctx, tt.app, tt.version); err != nil || n != tt.want {
				t.Errorf("CountPinnedInstances(%s, %s) = %d, %v; want %d", tt.app, tt.version, n, err, tt.want)
			}
		}
	})
}
