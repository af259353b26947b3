// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/blankett/blankett/runtime/internal/store"
)

// TestSlots: Fill claims only as many messages as there are free slots, runs each,
// says whether it filled them, and passes the claim's error on.
func TestSlots(t *testing.T) {
	ctx := context.Background()
	s := store.NewSlots(3)
	release := make(chan struct{})
	var ran atomic.Int32
	var asked []int
	claim := func(got int) func(context.Context, int) ([]store.OutboxMessage, error) {
		return func(_ context.Context, n int) ([]store.OutboxMessage, error) {
			asked = append(asked, n)
			return make([]store.OutboxMessage, min(n, got)), nil
		}
	}
	hold := func(context.Context, store.OutboxMessage) { ran.Add(1); <-release }
	if full, err := s.Fill(ctx, claim(2), hold); full || err != nil {
		t.Fatalf("2 of 3: full %v, err %v", full, err)
	}
	if full, _ := s.Fill(ctx, claim(5), hold); !full {
		t.Fatal("the last free slot filled: want full")
	}
	if full, _ := s.Fill(ctx, claim(5), hold); full {
		t.Fatal("no free slot: want not full (no spinning)")
	}
	if len(asked) != 2 || asked[0] != 3 || asked[1] != 1 {
		t.Errorf("claims asked for %v, want [3 1]", asked)
	}
	close(release)
	s.Wait()
	if ran.Load() != 3 {
		t.Errorf("%d handled, want 3", ran.Load())
	}
	boom := errors.New("boom")
	if _, err := s.Fill(ctx, func(context.Context, int) ([]store.OutboxMessage, error) { return nil, boom },
		hold); !errors.Is(err, boom) {
		t.Errorf("err %v", err)
	}
}
