// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"testing"
)

func TestTag(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r, head := newApp(t, s, "tagged")
	if err := r.Tag(ctx, "v1.0.0", head); err != nil {
		t.Fatal(err)
	}
	if err := r.Tag(ctx, "v1.0.0", head); !errors.Is(err, ErrExists) {
		t.Fatalf("second tag: %v, want ErrExists", err)
	}
	if err := r.Tag(ctx, "v2", "0000000000000000000000000000000000000001"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("tag of a missing commit: %v, want ErrNotFound", err)
	}
	if err := r.Tag(ctx, "bad name", head); !errors.Is(err, ErrInvalidName) {
		t.Fatalf("bad name: %v, want ErrInvalidName", err)
	}
	tags, err := r.Tags(ctx)
	if err != nil || len(tags) != 1 || tags["v1.0.0"] != head {
		t.Fatalf("Tags = %v, %v", tags, err)
	}
	if got, err := r.Resolve(ctx, "v1.0.0"); err != nil || got != head {
		t.Fatalf("Resolve(tag) = %s, %v", got, err)
	}
}
