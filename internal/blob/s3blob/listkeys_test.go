// SPDX-License-Identifier: MIT

package s3blob_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
)

// TestListKeys checks that ListKeys names the same objects as List, in the same
// order, with the same sizes and dates (to the second), and stops when fn fails.
func TestListKeys(t *testing.T) {
	for _, srv := range servers {
		t.Run(srv.name, func(t *testing.T) {
			t.Parallel()
			s, _ := newStore(t, srv.start)
			for i, k := range []string{"k/b", "k/a-x", "k/a/b", "k0", "other/z"} {
				if _, err := s.Put(t.Context(), k, bytes.NewReader(bytes.Repeat([]byte("x"), i+1)), blob.PutOptions{}); err != nil {
					t.Fatal(err)
				}
			}
			var want, got []blob.Info
			if err := s.List(t.Context(), "k", func(i blob.Info) error { want = append(want, i); return nil }); err != nil {
				t.Fatal(err)
			}
			if err := s.ListKeys(t.Context(), "k", func(i blob.Info) error { got = append(got, i); return nil }); err != nil {
				t.Fatal(err)
			}
			// A listing may date objects more precisely than HEAD's one-second
			// Last-Modified (gofakes3 does).
			same := func(a, b blob.Info) bool {
				return a.Key == b.Key && a.Size == b.Size && a.Modified.Truncate(time.Second).Equal(b.Modified.Truncate(time.Second))
			}
			if len(want) != 4 || !slices.EqualFunc(got, want, same) {
				t.Fatalf("ListKeys = %+v, List = %+v", got, want)
			}
			stop := errors.New("stop")
			n := 0
			if err := s.ListKeys(t.Context(), "", func(blob.Info) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
				t.Fatalf("ListKeys with failing fn: %v after %d calls", err, n)
			}
			if err := s.ListKeys(t.Context(), "/bad", func(blob.Info) error { return nil }); !errors.Is(err, blob.ErrInvalidKey) {
				t.Fatalf("ListKeys(/bad) = %v, want ErrInvalidKey", err)
			}
		})
	}
}
