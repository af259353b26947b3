// SPDX-License-Identifier: MIT

package stream

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"

	"github.com/blankett/blankett/internal/blob"
)

// Reader wraps the body of a Put. It hashes and counts what passes through,
// stops with blob.ErrTooLarge once more than the limit was read (never asking the
// source for more than limit+1 bytes), and stops with the context's error once
// the context is done, so a backend only has to copy from it.
type Reader struct {
	ctx context.Context
	r   io.Reader
	max int64
	n   int64
	h   hash.Hash
	err error
}

// NewReader returns a Reader over r; max <= 0 means no limit.
func NewReader(ctx context.Context, r io.Reader, max int64) *Reader {
	return &Reader{ctx: ctx, r: r, max: max, h: sha256.New()}
}

// Read implements io.Reader. After the first error every call returns it again.
func (x *Reader) Read(p []byte) (int, error) {
	if x.err != nil {
		return 0, x.err
	}
	if err := x.ctx.Err(); err != nil {
		x.err = err
		return 0, err
	}
	if x.max > 0 {
		if rem := x.max + 1 - x.n; int64(len(p)) > rem {
			p = p[:rem]
		}
	}
	n, err := x.r.Read(p)
	if x.max > 0 && x.n+int64(n) > x.max {
		// The byte past the limit is dropped: it proves the stream is too
		// large and must not reach the store.
		n = int(x.max - x.n)
		err = blob.ErrTooLarge
	}
	x.h.Write(p[:n])
	x.n += int64(n)
	if err != nil {
		x.err = err
	}
	return n, err
}

// Err returns the error that ended the stream, or nil if it ended with io.EOF
// or has not ended.
func (x *Reader) Err() error {
	if x.err == io.EOF {
		return nil
	}
	return x.err
}

// N returns the number of bytes read so far.
func (x *Reader) N() int64 { return x.n }

// Sum returns the lower-case hex SHA-256 of the bytes read so far.
func (x *Reader) Sum() string { return hex.EncodeToString(x.h.Sum(nil)) }
