// SPDX-License-Identifier: MIT

package sweeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/sweeper"
)

func TestIsDataKey(t *testing.T) {
	const g1, g2 = "1f0e9c1c-4a43-4f43-9e8c-6b2a4b0e8b1a", "9a3d5b2e-0c1f-4d6e-8a7b-2c3d4e5f6a7b"
	tests := []struct {
		key  string
		want bool
	}{
		{store.BlobKey("ttd/skjema", g1, g2, time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)), true},
		{"ttd/skjema/data/2026-11/" + g1 + "." + g2, true},
		{"ttd/data/data/2026-11/" + g1 + "." + g2 + ".0123456789ab", true},
		{"ttd/skjema/data/2026-11/" + g1 + "." + g2 + ".0123", false},
		{"ttd/skjema/data/2026-13/" + g1 + "." + g2, false},
		{"ttd/skjema/data/2026-1/" + g1 + "." + g2, false},
		{"ttd/skjema/data/2026-11/" + g1, false},
		{"ttd/skjema/data/2026-11/" + g1 + "_" + g2, false},
		{"ttd/skjema/data/2026-11/" + g1 + "." + g2 + "/more", false},
		{"ttd/skjema/data/2026-11/not-a-guid." + g2, false},
		{"ttd/skjema/files/2026-11/" + g1 + "." + g2, false},
		{store.SharedBlobKey("ttd/skjema", strings.Repeat("ab", 32)), false},
		{"ttd/skjema/" + g1 + "/data/" + g2 + ".0123456789ab", true},
		{"releases/ttd/skjema/1.0.0.tar.gz", false},
		{"releases/ttd/" + g1 + "/data/" + g2 + "x", false},
		{"ttd/skjema/" + g1 + "/data/" + g2 + ".0123456789AB", false},
		{"ttd/skjema/" + g1 + "/data/" + g2 + ".0123", false},
		{"ttd/skjema/" + g1 + "/data/" + g2 + ".", false},
		{"ttd/skjema/" + g1 + "/files/" + g2, false},
		{"ttd/skjema/" + g1 + "/data/" + g2 + "/more", false},
		{"ttd/" + g1 + "/data/" + g2, false},
		{"ttd/skjema/not-a-guid/data/" + g2, false},
		{"ttd/skjema/" + g1 + "/data/not-a-guid", false},
		{"ttd/skjema/{" + g1 + "}/data/" + g2, false},
		{"ttd/skjema/1F0E9C1C-4A43-4F43-9E8C-6B2A4B0E8B1A/data/" + g2, false},
		{"ttd/skjema/1f0e9c1c4a434f439e8c6b2a4b0e8b1a/data/" + g2, false},
		{"", false},
	}
	for _, tt := range tests {
		if got := sweeper.IsDataKey(tt.key); got != tt.want {
			t.Errorf("IsDataKey(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}
