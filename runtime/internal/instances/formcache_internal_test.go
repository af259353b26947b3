// SPDX-License-Identifier: MIT

package instances

import (
	"fmt"
	"testing"
)

func TestFormCache(t *testing.T) {
	m1, m2 := &form{}, &form{}
	base := formKey{model: m1, kind: ContentTypeXML, blob: "ttd/app/i/data/d", sha: "aa"}

	t.Run("every key part counts", func(t *testing.T) {
		c := newFormCache(formCacheBytes)
		c.put(base, 100, "v1")
		if v, ok := c.get(base); !ok || v != "v1" {
			t.Fatalf("get(base) = %v, %v; want v1, true", v, ok)
		}
		for name, k := range map[string]formKey{
			"other hash, same blob key": {m1, ContentTypeXML, base.blob, "bb"},
			"other blob key, same hash": {m1, ContentTypeXML, "ttd/app/i/data/e", base.sha},
			"other model (release)":     {m2, ContentTypeXML, base.blob, base.sha},
			"other content type":        {m1, ContentTypeJSON, base.blob, base.sha},
		} {
			if v, ok := c.get(k); ok {
				t.Errorf("%s: served %v from the cache", name, v)
			}
		}
	})

	t.Run("no hash or key is never cached", func(t *testing.T) {
		c := newFormCache(formCacheBytes)
		for _, k := range []formKey{{m1, ContentTypeXML, base.blob, ""}, {m1, ContentTypeXML, "", "aa"}} {
			c.put(k, 1, "v")
			if _, ok := c.get(k); ok {
				t.Errorf("%+v cached", k)
			}
		}
	})

	t.Run("large blobs are not cached", func(t *testing.T) {
		c := newFormCache(formCacheBytes)
		c.put(base, formCacheMaxBytes+1, "big")
		if c.len() != 0 {
			t.Fatalf("len = %d, want 0", c.len())
		}
	})

	t.Run("bounded, least recently used out", func(t *testing.T) {
		const size = 100
		c := newFormCache(3 * (size + formEntryCost))
		key := func(i int) formKey { k := base; k.sha = fmt.Sprint(i); return k }
		for i := range 3 {
			c.put(key(i), size, i)
		}
		c.get(key(0)) // 1 is now the least recently used
		c.put(key(3), size, 3)
		if c.len() != 3 {
			t.Fatalf("len = %d, want the 3 that fit", c.len())
		}
		if _, ok := c.get(key(1)); ok {
			t.Error("least recently used entry kept")
		}
		for _, i := range []int{0, 2, 3} {
			if v, ok := c.get(key(i)); !ok || v != i {
				t.Errorf("entry %d: %v, %v", i, v, ok)
			}
		}
	})

	// The budget counts content bytes, not entries: a thousand forms of the
	// largest cached size once held gigabytes of decoded data.
	t.Run("bounded by bytes", func(t *testing.T) {
		key := func(i int) formKey { k := base; k.sha = fmt.Sprint(i); return k }
		for _, tc := range []struct {
			name     string
			sizes    []int64 // put in this order
			budget   int64
			wantKept []int // indexes into sizes still cached, in any order
		}{
			{"all fit", []int64{10, 20, 30}, 3*formEntryCost + 60, []int{0, 1, 2}},
			{"one byte over drops the oldest", []int64{10, 20, 30}, 3*formEntryCost + 59, []int{1, 2}},
			{"a large form drops several small ones", []int64{0, 0, 0, 2 * formEntryCost}, 4 * formEntryCost, []int{2, 3}},
			{"an entry over the whole budget is not kept", []int64{10, 5 * formEntryCost}, 2 * formEntryCost, nil},
			{"tiny forms are charged too", []int64{0, 0, 0, 0, 0}, 3 * formEntryCost, []int{2, 3, 4}},
			{"the largest cached size, many times", []int64{formCacheMaxBytes, formCacheMaxBytes, formCacheMaxBytes, formCacheMaxBytes, formCacheMaxBytes}, 2*formCacheMaxBytes + 2*formEntryCost, []int{3, 4}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := newFormCache(tc.budget)
				for i, n := range tc.sizes {
					c.put(key(i), n, i)
				}
				var want int64
				for _, i := range tc.wantKept {
					if _, ok := c.get(key(i)); !ok {
						t.Errorf("entry %d (%d bytes) dropped", i, tc.sizes[i])
					}
					want += tc.sizes[i] + formEntryCost
				}
				if c.len() != len(tc.wantKept) {
					t.Errorf("len = %d, want %d", c.len(), len(tc.wantKept))
				}
				if c.bytes() != want || c.bytes() > tc.budget {
					t.Errorf("bytes = %d, want %d within the budget %d", c.bytes(), want, tc.budget)
				}
			})
		}
	})
}
