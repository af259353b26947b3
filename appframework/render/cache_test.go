// SPDX-License-Identifier: MIT

package render

import (
	"errors"
	"strconv"
	"testing"
)

// TestBoundedCache: values are computed once per key up to the bound, then
// per use; failures are never kept.
func TestBoundedCache(t *testing.T) {
	c := boundedCache[int]{max: 2}
	calls := 0
	compute := func(v int) func() (int, error) { return func() (int, error) { calls++; return v, nil } }
	for range 3 {
		for i := range 3 {
			if v, err := c.get(strconv.Itoa(i), compute(i)); err != nil || v != i {
				t.Fatalf("get(%d) = %d, %v", i, v, err)
			}
		}
	}
	if calls != 2+3 { // two kept keys computed once, the third every time
		t.Errorf("%d computations, want 5", calls)
	}
	boom := errors.New("boom")
	fail := boundedCache[int]{max: 10}
	for range 2 {
		if _, err := fail.get("x", func() (int, error) { calls++; return 0, boom }); !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
	}
	if calls != 7 {
		t.Errorf("a failure was kept: %d computations, want 7", calls)
	}
}
