// SPDX-License-Identifier: MIT

package htmlw

import "testing"

// TestPoolHandsOutEmptyWriters: whatever a Writer held when it was put back,
// the next Get starts an empty document.
func TestPoolHandsOutEmptyWriters(t *testing.T) {
	for range 50 {
		w := Get()
		if w.Len() != 0 {
			t.Fatalf("Get returned a Writer holding %q", w.String())
		}
		w.Raw("<p>left over</p>")
		Put(w)
	}
}
