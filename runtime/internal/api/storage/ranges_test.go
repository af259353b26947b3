// SPDX-License-Identifier: MIT

package storage

import (
	"errors"
	"testing"

	"github.com/blankett/blankett/internal/blob"
)

func TestParseRange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		size   int64
		want   *blob.Range
		err    error
	}{
		{"", 10, nil, nil},
		{"bytes=0-0", 10, &blob.Range{Offset: 0, Length: 1}, nil},
		{"bytes=2-5", 10, &blob.Range{Offset: 2, Length: 4}, nil},
		{"bytes=2-", 10, &blob.Range{Offset: 2, Length: 8}, nil},
		{"bytes=5-100", 10, &blob.Range{Offset: 5, Length: 5}, nil},
		{"bytes=-4", 10, &blob.Range{Offset: 6, Length: 4}, nil},
		{"bytes=-40", 10, &blob.Range{Offset: 0, Length: 10}, nil},
		{"bytes=10-", 10, nil, errUnsatisfiable},
		{"bytes=-0", 10, nil, errUnsatisfiable},
		{"bytes=0-", 0, nil, errUnsatisfiable},
		{"bytes=5-2", 10, nil, nil},
		{"bytes=0-1,4-5", 10, nil, nil},
		{"items=0-1", 10, nil, nil},
		{"bytes=x-1", 10, nil, nil},
		{"bytes=-x", 10, nil, nil},
		{"bytes=5", 10, nil, nil},
	}
	for _, tc := range tests {
		got, err := parseRange(tc.header, tc.size)
		if !errors.Is(err, tc.err) || (got == nil) != (tc.want == nil) || (got != nil && *got != *tc.want) {
			t.Errorf("parseRange(%q, %d) = %v, %v; want %v, %v", tc.header, tc.size, got, err, tc.want, tc.err)
		}
	}
}
