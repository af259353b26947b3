// SPDX-License-Identifier: MIT

package render

import (
	"sync"
	"sync/atomic"
)

// boundedCache keeps values computed from a string key, safe for concurrent use. It
// holds at most max entries; beyond them values are computed per use, so
// hostile app texts cannot grow memory without limit. Failed computations
// are not kept.
type boundedCache[V any] struct {
	max int64
	m   sync.Map // string → V
	n   atomic.Int64
}

// get returns key's value, computing it with compute when it is not kept.
func (c *boundedCache[V]) get(key string, compute func() (V, error)) (V, error) {
	if v, ok := c.m.Load(key); ok {
		return v.(V), nil
	}
	v, err := compute()
	if err != nil {
		return v, err
	}
	if c.n.Load() < c.max {
		if _, loaded := c.m.LoadOrStore(key, v); !loaded {
			c.n.Add(1)
		}
	}
	return v, nil
}
