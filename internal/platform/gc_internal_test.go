// SPDX-License-Identifier: MIT

package platform

import (
	"runtime/debug"
	"testing"
)

func TestApplyGCPercent(t *testing.T) {
	orig := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(orig) })
	tests := []struct {
		name    string
		env     map[string]string
		percent int
		want    string
		wantGC  int // the collector's target afterwards
	}{
		{"flag applies", nil, 200, "200", 200},
		{"another value", nil, 350, "350", 350},
		{"GOGC wins", map[string]string{"GOGC": "150"}, 200, "150 (GOGC)", 100},
		{"GOGC off wins", map[string]string{"GOGC": "off"}, 200, "off (GOGC)", 100},
		{"empty GOGC is unset", map[string]string{"GOGC": ""}, 300, "300", 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetGCPercent(100) // what the runtime applied at start (here: the test's)
			lookup := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			if got := applyGCPercent(tt.percent, lookup); got != tt.want {
				t.Errorf("applyGCPercent = %q, want %q", got, tt.want)
			}
			if got := debug.SetGCPercent(100); got != tt.wantGC {
				t.Errorf("collector target %d, want %d", got, tt.wantGC)
			}
		})
	}
}
