// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

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
	if n, full, err := s.Fill(ctx, claim(2), hold); n != 2 || full || err != nil {
		t.Fatalf("2 of 3: claimed %d, full %v, err %v", n, full, err)
	}
	if _, full, _ := s.Fill(ctx, claim(5), hold); !full {
		t.Fatal("the last free slot filled: want full")
	}
	if _, full, _ := s.Fill(ctx, claim(5), hold); full {
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
	if _, _, err := s.Fill(ctx, func(context.Context, int) ([]store.OutboxMessage, error) { return nil, boom },
		hold); !errors.Is(err, boom) {
		t.Errorf("err %v", err)
	}
}

// TestPoll: a round reporting more work is followed at once; an idle one waits
// for the interval, which a nudge cuts short; the loop ends with its context.
func TestPoll(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	nudge := make(chan struct{}, 1)
	rounds := make(chan int, 10)
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		store.Poll(ctx, time.Hour, time.Millisecond, nudge, func(context.Context) bool {
			n++
			rounds <- n
			return n < 3 // rounds 1 and 2 say more may wait
		})
	}()
	for want := 1; want <= 3; want++ {
		select {
		case got := <-rounds:
			if got != want {
				t.Fatalf("round %d, want %d", got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("round %d did not follow at once", want)
		}
	}
	select {
	case got := <-rounds:
		t.Fatalf("round %d ran before the hour's interval or a nudge", got)
	case <-time.After(50 * time.Millisecond):
	}
	nudge <- struct{}{}
	select {
	case <-rounds:
	case <-time.After(5 * time.Second):
		t.Fatal("a nudge did not start a round")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Poll did not end with its context")
	}
}
