// SPDX-License-Identifier: MIT

package authz

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// countingRoles answers from a map and counts the lookups.
type countingRoles struct {
	roles map[roleKey][]string
	calls int
	err   error
}

func (r *countingRoles) Roles(_ context.Context, userID, partyID int64) ([]string, error) {
	r.calls++
	if r.err != nil {
		return nil, r.err
	}
	return slices.Clone(r.roles[roleKey{userID, partyID}]), nil
}

func TestCachedRoles(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	newCache := func(next Roles, maxEntries int) *CachedRoles {
		c := NewCachedRoles(next, 30*time.Second, maxEntries)
		c.now = func() time.Time { return clock }
		return c
	}
	lookup := func(t *testing.T, c *CachedRoles, user, party int64, want []string) {
		t.Helper()
		got, err := c.Roles(ctx, user, party)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("Roles(%d, %d) = %v, want %v", user, party, got, want)
		}
	}

	t.Run("hit and expiry", func(t *testing.T) {
		next := &countingRoles{roles: map[roleKey][]string{{1, 10}: {"DAGL"}}}
		c := newCache(next, 0)
		lookup(t, c, 1, 10, []string{"DAGL"})
		got, _ := c.Roles(ctx, 1, 10)
		got[0] = "changed by caller" // must not reach the cache
		lookup(t, c, 1, 10, []string{"DAGL"})
		if next.calls != 1 {
			t.Fatalf("lookups = %d, want 1 (later calls are hits)", next.calls)
		}
		next.roles[roleKey{1, 10}] = []string{"REGNA"}
		clock = clock.Add(29 * time.Second)
		lookup(t, c, 1, 10, []string{"DAGL"}) // still within the TTL: stale by design
		clock = clock.Add(time.Second)
		lookup(t, c, 1, 10, []string{"REGNA"})
		if next.calls != 2 {
			t.Fatalf("lookups = %d, want 2 (expired entry read again)", next.calls)
		}
		next.roles[roleKey{1, 10}] = nil
		clock = clock.Add(30 * time.Second)
		lookup(t, c, 1, 10, nil)
		lookup(t, c, 1, 10, nil) // no roles is remembered too
		if next.calls != 3 {
			t.Fatalf("lookups = %d, want 3", next.calls)
		}
	})

	t.Run("keys are user and party", func(t *testing.T) {
		next := &countingRoles{roles: map[roleKey][]string{{1, 10}: {"DAGL"}, {2, 10}: {"REGNA"}, {1, 11}: {"PRIV"}}}
		c := newCache(next, 0)
		lookup(t, c, 1, 10, []string{"DAGL"})
		lookup(t, c, 2, 10, []string{"REGNA"})
		lookup(t, c, 1, 11, []string{"PRIV"})
		if next.calls != 3 {
			t.Fatalf("lookups = %d, want 3", next.calls)
		}
	})

	t.Run("errors are not remembered", func(t *testing.T) {
		next := &countingRoles{err: errors.New("database down")}
		c := newCache(next, 0)
		if _, err := c.Roles(ctx, 1, 10); err == nil {
			t.Fatal("want the error")
		}
		next.err = nil
		next.roles = map[roleKey][]string{{1, 10}: {"DAGL"}}
		lookup(t, c, 1, 10, []string{"DAGL"})
	})

	t.Run("bounded", func(t *testing.T) {
		next := &countingRoles{roles: map[roleKey][]string{}}
		c := newCache(next, 4)
		for p := range int64(100) {
			lookup(t, c, 1, p, nil)
			if c.len() > 4 {
				t.Fatalf("after %d parties the cache holds %d entries, bound 4", p+1, c.len())
			}
		}
		// Expired entries are dropped before live ones.
		clock = clock.Add(time.Minute)
		lookup(t, c, 2, 1, nil)
		if c.len() != 1 {
			t.Fatalf("Len = %d after expiry, want 1", c.len())
		}
	})
}
