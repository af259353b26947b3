// SPDX-License-Identifier: MIT

package blobtest

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/blankett/blankett/internal/blob"
)

// Bench runs BenchPut and BenchGet as the sub-benchmarks "put" and "get".
func Bench(b *testing.B, s blob.Store, size int) {
	b.Run("put", func(b *testing.B) { BenchPut(b, s, size) })
	b.Run("get", func(b *testing.B) { BenchGet(b, s, size) })
}

// BenchPut measures Put throughput of size-byte objects; `go test -bench` prints
// MB/s. Each iteration overwrites the same key, so the store does not grow.
func BenchPut(b *testing.B, s blob.Store, size int) {
	content := data(20, size)
	key := fmt.Sprintf("bench/put-%d", size)
	b.SetBytes(int64(size))
	for b.Loop() {
		if _, err := s.Put(b.Context(), key, bytes.NewReader(content), blob.PutOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	s.Delete(b.Context(), key)
}

// BenchGet measures Get throughput of one size-byte object read in full.
func BenchGet(b *testing.B, s blob.Store, size int) {
	key := fmt.Sprintf("bench/get-%d", size)
	if _, err := s.Put(b.Context(), key, bytes.NewReader(data(21, size)), blob.PutOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		rc, _, err := s.Get(b.Context(), key, nil)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil || n != int64(size) {
			b.Fatalf("read %d bytes, %v", n, err)
		}
	}
	b.StopTimer()
	s.Delete(b.Context(), key)
}
