// SPDX-License-Identifier: MIT

package apps

import "sync"

// commitCache keeps values by a key naming a commit. A commit never changes, so
// an entry never goes stale; the cache is emptied when full rather than tracking
// use.
type commitCache[V any] struct {
	mu  sync.Mutex
	max int
	m   map[string]V
}

// newCommitCache returns a cache that holds at most max entries.
func newCommitCache[V any](max int) *commitCache[V] {
	return &commitCache[V]{max: max, m: map[string]V{}}
}

// get returns the value kept for key.
func (c *commitCache[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

// put keeps v for key, first emptying the cache when it is full.
func (c *commitCache[V]) put(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[key] = v
}
