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
		c := newFormCache(8)
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
		c := newFormCache(8)
		for _, k := range []formKey{{m1, ContentTypeXML, base.blob, ""}, {m1, ContentTypeXML, "", "aa"}} {
			c.put(k, 1, "v")
			if _, ok := c.get(k); ok {
				t.Errorf("%+v cached", k)
			}
		}
	})

	t.Run("large blobs are not cached", func(t *testing.T) {
		c := newFormCache(8)
		c.put(base, formCacheMaxBytes+1, "big")
		if c.len() != 0 {
			t.Fatalf("len = %d, want 0", c.len())
		}
	})

	t.Run("bounded, least recently used out", func(t *testing.T) {
		c := newFormCache(3)
		key := func(i int) formKey { k := base; k.sha = fmt.Sprint(i); return k }
		for i := range 3 {
			c.put(key(i), 1, i)
		}
		c.get(key(0)) // 1 is now the least recently used
		c.put(key(3), 1, 3)
		if c.len() != 3 {
			t.Fatalf("len = %d, want the bound 3", c.len())
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
}
