// SPDX-License-Identifier: MIT

package authn

import (
	"sync"
	"time"
)

// replayCache remembers used assertion ids until the assertion expires. It is bounded:
// when full of live entries it refuses new ones (ErrBusy) rather than forgetting a live
// id, because forgetting would allow a replay. Assertions live at most a few minutes, so
// a full cache drains quickly.
type replayCache struct {
	mu   sync.Mutex
	max  int
	seen map[string]time.Time
}

func newReplayCache(max int) *replayCache {
	return &replayCache{max: max, seen: make(map[string]time.Time)}
}

// use records key until exp. It returns ErrReplay when key is already live.
func (c *replayCache) use(key string, exp, now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if until, ok := c.seen[key]; ok && now.Before(until) {
		return ErrReplay
	}
	if len(c.seen) >= c.max {
		for k, until := range c.seen {
			if !now.Before(until) {
				delete(c.seen, k)
			}
		}
		if len(c.seen) >= c.max {
			return ErrBusy
		}
	}
	c.seen[key] = exp
	return nil
}
