// SPDX-License-Identifier: MIT

package store

import (
	"strings"
	"testing"
	"time"
)

func TestIsSharedBlobKey(t *testing.T) {
	sum := strings.Repeat("0123456789abcdef", 4)
	for _, tc := range []struct {
		key  string
		want bool
	}{
		{SharedBlobKey("ttd/app", sum), true},
		{"ttd/app/shared/" + strings.ToUpper(sum), false},
		{"ttd/app/shared/" + sum[:63], false},
		{"ttd/app/shared/" + sum + "/x", false},
		{"ttd/app/other/" + sum, false},
		{"/app/shared/" + sum, false},
		{BlobKey("ttd/app", "6f1c6d62-0f5b-4b3a-9f5e-0c0c0c0c0c0c", "0a7c6d62-0f5b-4b3a-9f5e-0c0c0c0c0c0c", time.Now()), false},
	} {
		if got := IsSharedBlobKey(tc.key); got != tc.want {
			t.Errorf("IsSharedBlobKey(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}
