// SPDX-License-Identifier: MIT

package release

import (
	"errors"
	"testing"
)

func TestCheckVersion(t *testing.T) {
	for _, tt := range []struct {
		v  string
		ok bool
	}{
		{"v1", true}, {"1.2.3", true}, {"v2.0.0-rc.1", true}, {"0.1", true},
		{"", false}, {"v", false}, {"01", false}, {"1.2.3.4", false}, {"v1 ", false},
		{"1.2.3-", false}, {"1.2.3-rc.", false}, {"main", false}, {"v1/evil", false}, {"v1..2", false},
	} {
		err := CheckVersion(tt.v)
		if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("CheckVersion(%q) = %v, want ok=%v", tt.v, err, tt.ok)
		}
	}
}
