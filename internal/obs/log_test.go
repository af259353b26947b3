// SPDX-License-Identifier: MIT

package obs_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/obs"
)

func TestNewLogger(t *testing.T) {
	tests := []struct {
		level, format string
		wantErr       bool
		wantDebug     bool
		prefix        string
	}{
		{"info", "json", false, false, `{"time"`},
		{"debug", "text", false, true, "time="},
		{"warn", "json", false, false, ""},
		{"loud", "json", true, false, ""},
		{"info", "xml", true, false, ""},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		log, err := obs.NewLogger(&buf, tt.level, tt.format)
		if (err != nil) != tt.wantErr {
			t.Fatalf("%s/%s: err = %v", tt.level, tt.format, err)
		}
		if err != nil {
			continue
		}
		log.Debug("dbg")
		log.Info("inf")
		if strings.Contains(buf.String(), "dbg") != tt.wantDebug {
			t.Errorf("%s: debug line present = %v", tt.level, !tt.wantDebug)
		}
		if !strings.HasPrefix(buf.String(), tt.prefix) {
			t.Errorf("%s/%s: output %q lacks prefix %q", tt.level, tt.format, buf.String(), tt.prefix)
		}
	}
}
