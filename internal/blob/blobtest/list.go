// SPDX-License-Identifier: MIT

package blobtest

import (
	"errors"
	"slices"
	"testing"

	"github.com/blankett/blankett/internal/blob"
)

func testList(t *testing.T, s blob.Store) {
	// '-' (0x2d) < '/' (0x2f) < '0' (0x30): key order differs from a naive
	// directory walk, which would put p/a/b before p/a-x.
	stored := []string{"p/b", "p/a0", "p/a/b", "p/a-x", "p/a/c/d", "p0/x", "q/z", "pp"}
	for i, k := range stored {
		put(t, s, k, data(uint64(i), i*10), blob.PutOptions{ContentType: "text/plain"})
	}
	tests := []struct {
		prefix string
		want   []string
	}{
		{"", []string{"p/a-x", "p/a/b", "p/a/c/d", "p/a0", "p/b", "p0/x", "pp", "q/z"}},
		{"p/", []string{"p/a-x", "p/a/b", "p/a/c/d", "p/a0", "p/b"}},
		{"p/a", []string{"p/a-x", "p/a/b", "p/a/c/d", "p/a0"}},
		{"p/a/", []string{"p/a/b", "p/a/c/d"}},
		{"p", []string{"p/a-x", "p/a/b", "p/a/c/d", "p/a0", "p/b", "p0/x", "pp"}},
		{"p/b", []string{"p/b"}},
		{"p/b/", nil},
		{"p/zz", nil},
		{"nothing/", nil},
		{"q/z/deeper/", nil},
	}
	for _, tt := range tests {
		if got := keys(t, s, tt.prefix); !slices.Equal(got, tt.want) {
			t.Errorf("List(%q) = %q, want %q", tt.prefix, got, tt.want)
		}
	}
	// Info in a listing is as complete as Stat's.
	err := s.List(t.Context(), "p/a/c/", func(i blob.Info) error {
		checkInfo(t, "List", i, "p/a/c/d", data(4, 40), "text/plain")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func testListStops(t *testing.T, s blob.Store) {
	for _, k := range []string{"ls/a", "ls/b", "ls/c"} {
		put(t, s, k, []byte(k), blob.PutOptions{})
	}
	stop := errors.New("stop")
	calls := 0
	err := s.List(t.Context(), "ls/", func(blob.Info) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("List with failing fn: err = %v after %d calls, want stop after 1", err, calls)
	}
}
