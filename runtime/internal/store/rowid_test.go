// SPDX-License-Identifier: MIT

package store_test

import (
	"slices"
	"testing"

	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// TestNewRowIDOrdered: row ids are version-7 UUIDs, distinct and, made one after
// another, in ascending order as text, which is what keeps a batch's inserts at
// the end of their index.
func TestNewRowIDOrdered(t *testing.T) {
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = store.NewRowID()
		u, err := uuid.Parse(ids[i])
		if err != nil || u.Version() != 7 {
			t.Fatalf("id %q: version %v, %v; want a version 7 UUID", ids[i], u.Version(), err)
		}
	}
	if !slices.IsSorted(ids) {
		t.Error("ids made one after another are not in ascending order")
	}
	if len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Error("ids repeat")
	}
}
