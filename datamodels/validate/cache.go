// SPDX-License-Identifier: MIT

package validate

import (
	"crypto/sha256"
	"sync"
)

// Cache compiles each schema document once and hands out the same
// Validator for it; concurrent first requests wait for one compilation.
// It holds at most Max validators (default 256), dropping an arbitrary one
// beyond that.
type Cache struct {
	opts Options
	// Max caps the number of cached validators.
	Max int

	mu sync.Mutex
	m  map[[32]byte]*cacheEntry
}

type cacheEntry struct {
	once sync.Once
	v    *Validator
	err  error
}

// NewCache returns a cache whose validators use opts.
func NewCache(opts Options) *Cache {
	return &Cache{opts: opts, m: map[[32]byte]*cacheEntry{}}
}

// Get returns the validator of a schema document (JSON bytes), compiling it
// on first use. A schema that fails to compile is remembered too.
func (c *Cache) Get(schema []byte) (*Validator, error) {
	key := sha256.Sum256(schema)
	c.mu.Lock()
	e, ok := c.m[key]
	if !ok {
		max := c.Max
		if max <= 0 {
			max = 256
		}
		for k := range c.m {
			if len(c.m) < max {
				break
			}
			delete(c.m, k)
		}
		e = &cacheEntry{}
		c.m[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v, e.err = CompileJSON(schema, c.opts) })
	return e.v, e.err
}

// Len returns the number of cached schemas.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
