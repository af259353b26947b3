// SPDX-License-Identifier: MIT

package stream

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/blankett/blankett/internal/blob"
)

// countingSource counts how many bytes were asked of it.
type countingSource struct {
	r    io.Reader
	read int64
}

func (c *countingSource) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}

func TestReader(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte("0123456789"), 1000) // 10 000 bytes
	tests := []struct {
		name    string
		size    int
		max     int64
		wantErr error
		wantN   int64
	}{
		{"no limit", 10000, 0, nil, 10000},
		{"under limit", 9999, 10000, nil, 9999},
		{"at limit", 10000, 10000, nil, 10000},
		{"one over", 10000, 9999, blob.ErrTooLarge, 9999},
		{"far over", 10000, 10, blob.ErrTooLarge, 10},
		{"empty", 0, 5, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := &countingSource{r: iotest.HalfReader(bytes.NewReader(data[:tt.size]))}
			r := NewReader(context.Background(), src, tt.max)
			got, err := io.ReadAll(r)
			if !errors.Is(err, tt.wantErr) || !errors.Is(r.Err(), tt.wantErr) {
				t.Fatalf("err = %v / Err() = %v, want %v", err, r.Err(), tt.wantErr)
			}
			if r.N() != tt.wantN || int64(len(got)) != tt.wantN {
				t.Fatalf("N = %d, len = %d, want %d", r.N(), len(got), tt.wantN)
			}
			if tt.max > 0 && src.read > tt.max+1 {
				t.Fatalf("read %d bytes from source, limit %d allows at most %d", src.read, tt.max, tt.max+1)
			}
			sum := sha256.Sum256(got)
			if r.Sum() != hex.EncodeToString(sum[:]) {
				t.Fatalf("Sum mismatch")
			}
		})
	}
}

func TestReaderContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	r := NewReader(ctx, bytes.NewReader(make([]byte, 100)), 0)
	if _, err := r.Read(make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := io.ReadAll(r); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestBounds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		rng      *blob.Range
		size     int64
		off, n   int64
		rangeErr bool
	}{
		{"nil", nil, 10, 0, 10, false},
		{"start", &blob.Range{Offset: 0, Length: 3}, 10, 0, 3, false},
		{"middle", &blob.Range{Offset: 4, Length: 2}, 10, 4, 2, false},
		{"to end", &blob.Range{Offset: 7, Length: -1}, 10, 7, 3, false},
		{"exact end", &blob.Range{Offset: 7, Length: 3}, 10, 7, 3, false},
		{"empty at end", &blob.Range{Offset: 10, Length: -1}, 10, 10, 0, false},
		{"zero length", &blob.Range{Offset: 3, Length: 0}, 10, 3, 0, false},
		{"empty object", &blob.Range{Offset: 0, Length: -1}, 0, 0, 0, false},
		{"negative offset", &blob.Range{Offset: -1, Length: 1}, 10, 0, 0, true},
		{"offset past end", &blob.Range{Offset: 11, Length: -1}, 10, 0, 0, true},
		{"length past end", &blob.Range{Offset: 8, Length: 3}, 10, 0, 0, true},
		{"overflow", &blob.Range{Offset: 5, Length: 1<<63 - 1}, 10, 0, 0, true},
	}
	for _, tt := range tests {
		off, n, err := Bounds(tt.rng, tt.size)
		if tt.rangeErr {
			if !errors.Is(err, blob.ErrInvalidRange) {
				t.Errorf("%s: err = %v, want ErrInvalidRange", tt.name, err)
			}
			continue
		}
		if err != nil || off != tt.off || n != tt.n {
			t.Errorf("%s: Bounds = %d, %d, %v; want %d, %d", tt.name, off, n, err, tt.off, tt.n)
		}
	}
}
