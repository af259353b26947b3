// SPDX-License-Identifier: MIT

package instances

import (
	"container/list"
	"sync"
)

// Bounds of the decoded-form cache, in bytes of stored content. A decoded form
// takes seven to nine times its XML's size on the heap, so the budget holds about
// 30–40 MB, which every garbage collection marks again; a bound by count (1,024
// forms) let large forms hold gigabytes. Larger blobs are decoded on every read:
// they are rare and would crowd out the common small forms.
const (
	formCacheBytes    = 4 << 20
	formCacheMaxBytes = 256 << 10
	// formEntryCost is charged per entry on top of its content, so that many
	// tiny forms are bounded too.
	formEntryCost = 1 << 10
)

// formCache keeps decoded form data, least recently used first out, within a
// budget of content bytes. The key is what decoding depends on: the compiled
// model (one per release model; blob keys are per app, not per release), the
// stored content type, and the blob key with the SHA-256 of its bytes (a replace
// may reuse the key, never the hash), so an entry can never stand for other
// content. Process/next reads the same form twice (validation, then gateways),
// and a form page is read on every GET; both skip the blob read and the parse.
//
// Values are shared between readers and must not be changed: only readers that
// do not write into the data (validation, gateways) use formShared.
type formCache struct {
	mu     sync.Mutex
	budget int64 // bytes the entries may cost together
	cost   int64 // what they cost now
	ll     *list.List
	m      map[formKey]*list.Element
}

type formKey struct {
	model           *form
	kind, blob, sha string
}

type formEntry struct {
	key  formKey
	v    any
	cost int64
}

func newFormCache(budget int64) *formCache {
	return &formCache{budget: budget, ll: list.New(), m: map[formKey]*list.Element{}}
}

func (c *formCache) get(k formKey) (any, bool) {
	if k.blob == "" || k.sha == "" {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.m[k]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(el)
	return el.Value.(*formEntry).v, true
}

func (c *formCache) put(k formKey, size int64, v any) {
	if k.blob == "" || k.sha == "" || size > formCacheMaxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.m[k]; ok {
		c.ll.MoveToFront(el)
		return
	}
	e := &formEntry{key: k, v: v, cost: size + formEntryCost}
	c.m[k] = c.ll.PushFront(e)
	c.cost += e.cost
	for c.cost > c.budget {
		old := c.ll.Remove(c.ll.Back()).(*formEntry)
		delete(c.m, old.key)
		c.cost -= old.cost
	}
}

func (c *formCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}

// bytes returns what the entries cost together.
func (c *formCache) bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cost
}
