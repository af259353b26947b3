// SPDX-License-Identifier: MIT

package instances

import "sync"

// cache is a map for concurrent use that empties itself when it reaches max
// entries: a bound that needs no bookkeeping, for values that are cheap to
// compute again.
type cache[K comparable, V any] struct {
	max int
	mu  sync.Mutex
	m   map[K]V
}

// get returns k's value, if kept.
func (c *cache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

// put keeps v for k.
func (c *cache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= c.max {
		c.m = make(map[K]V)
	}
	c.m[k] = v
}
