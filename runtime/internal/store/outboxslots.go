// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"sync"
)

// Slots runs a worker's claimed outbox messages, at most n at a time, each in its
// own goroutine. The zero value is not usable; make it with NewSlots.
type Slots struct {
	free chan struct{}
	wg   sync.WaitGroup
}

// NewSlots returns Slots for n messages at a time.
func NewSlots(n int) *Slots { return &Slots{free: make(chan struct{}, n)} }

// Fill claims as many messages as there are free slots and runs handle on each.
// It reports whether it filled every free slot (more may be waiting: poll again
// at once); with no free slot it claims nothing and reports false, since polling
// again at once would only spin until a message is done.
func (s *Slots) Fill(ctx context.Context, claim func(ctx context.Context, n int) ([]OutboxMessage, error),
	handle func(ctx context.Context, m OutboxMessage)) (bool, error) {
	n := cap(s.free) - len(s.free)
	if n <= 0 {
		return false, nil
	}
	msgs, err := claim(ctx, n)
	for _, m := range msgs {
		s.free <- struct{}{}
		s.wg.Go(func() {
			defer func() { <-s.free }()
			handle(ctx, m)
		})
	}
	return len(msgs) == n, err
}

// Wait waits for the messages in flight.
func (s *Slots) Wait() { s.wg.Wait() }
