// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"sync"
	"time"
)

// The pieces every outbox worker (event deliveries, PDF jobs) is made of: a name
// for its leases, a poll loop, and bounded slots for the messages it claims.

// WorkerID names an outbox worker in the leases it holds: kind@host/random, so
// that two workers never share a name, also on one host.
func WorkerID(kind string) string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return kind + "@" + host + "/" + hex.EncodeToString(b)
}

// Poll calls round until ctx ends: at once, again at once while round reports
// that more work may be waiting, otherwise after interval or when nudge
// receives. After a nudge it waits gather more (when positive), so that the
// messages of a burst are handled in one round.
func Poll(ctx context.Context, interval, gather time.Duration, nudge <-chan struct{}, round func(context.Context) bool) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		case <-nudge:
			if gather > 0 {
				select {
				case <-ctx.Done():
					return
				case <-time.After(gather):
				}
			}
		}
		// Since Go 1.23 a Reset timer never delivers a stale tick.
		if round(ctx) {
			timer.Reset(0)
		} else {
			timer.Reset(interval)
		}
	}
}

// Slots runs a worker's claimed outbox messages, at most n at a time, each in its
// own goroutine. The zero value is not usable; make it with NewSlots.
type Slots struct {
	free chan struct{}
	wg   sync.WaitGroup
}

// NewSlots returns Slots for n messages at a time.
func NewSlots(n int) *Slots { return &Slots{free: make(chan struct{}, n)} }

// Fill claims as many messages as there are free slots and runs handle on each.
// It returns how many it claimed and whether that filled every free slot (more
// may be waiting: poll again at once); with no free slot it claims nothing and
// reports not full, since polling again at once would only spin until a message
// is done.
func (s *Slots) Fill(ctx context.Context, claim func(ctx context.Context, n int) ([]OutboxMessage, error),
	handle func(ctx context.Context, m OutboxMessage)) (claimed int, full bool, err error) {
	n := cap(s.free) - len(s.free)
	if n <= 0 {
		return 0, false, nil
	}
	msgs, err := claim(ctx, n)
	for _, m := range msgs {
		s.free <- struct{}{}
		s.wg.Go(func() {
			defer func() { <-s.free }()
			handle(ctx, m)
		})
	}
	return len(msgs), len(msgs) == n, err
}

// Wait waits for the messages in flight.
func (s *Slots) Wait() { s.wg.Wait() }
