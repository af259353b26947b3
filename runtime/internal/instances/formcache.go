// SPDX-License-Identifier: MIT

package instances

import (
	"container/list"
	"sync"
)

// Bounds of the decoded-form cache. Larger blobs are decoded on every read: they
// are rare and would crowd out the common small forms.
const (
	formCacheEntries  = 1024
	formCacheMaxBytes = 256 << 10
)

// formCache keeps decoded form data, least recently used first out. The key is
// what decoding depends on: the compiled model (one per release model; blob keys
// are per app, not per release), the stored content type, and the blob key with
// the SHA-256 of its bytes (a replace may reuse the key, never the hash), so an
// entry can never stand for other content. Process/next reads the same form twice (validation, then gateways),
// and a form page is read on every GET; both skip the blob read and the parse.
//
// Values are shared between readers and must not be changed: only readers that
// do not write into the data (validation, gateways) use formShared.
type formCache struct {
	mu  sync.Mutex
	max int
	ll  *list.List
	m   map[formKey]*list.Element
}

type formKey struct {
	model           *form
	kind, blob, sha string
}

type formEntry struct {
	key formKey
	v   any
}

func newFormCache(maxEntries int) *formCache {
	return &formCache{max: maxEntries, ll: list.New(), m: map[formKey]*list.Element{}}
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
	c.m[k] = c.ll.PushFront(&formEntry{key: k, v: v})
	for c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.m, old.Value.(*formEntry).key)
	}
}

func (c *formCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}
