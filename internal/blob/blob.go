// SPDX-License-Identifier: MIT

package blob

import (
	"context"
	"errors"
	"io"
	"time"
)

// Sentinel errors returned by every Store implementation. Callers test them with errors.Is.
var (
	// ErrNotFound means no object exists under the key.
	ErrNotFound = errors.New("blob: not found")
	// ErrTooLarge means a Put was aborted because the stream passed PutOptions.MaxSize.
	ErrTooLarge = errors.New("blob: object exceeds size limit")
	// ErrInvalidKey means the key is empty, absolute, contains "." or ".." segments,
	// backslashes, NUL bytes, empty segments, invalid UTF-8, or is longer than MaxKeyLen.
	ErrInvalidKey = errors.New("blob: invalid key")
	// ErrInvalidRange means a Range lies outside the object.
	ErrInvalidRange = errors.New("blob: range not satisfiable")
	// ErrNotSupported means the backend cannot do the operation (presigned URLs on fs).
	ErrNotSupported = errors.New("blob: operation not supported by this backend")
)

// MaxKeyLen is the longest key accepted, in bytes (S3's own limit).
const MaxKeyLen = 1024

// Info describes a stored object.
type Info struct {
	Key         string
	Size        int64
	SHA256      string // lower-case hex digest of the content
	ContentType string
	Modified    time.Time
}

// PutOptions tune a Put.
type PutOptions struct {
	// ContentType is stored with the object; empty means application/octet-stream.
	ContentType string
	// MaxSize aborts the upload with ErrTooLarge as soon as more than MaxSize bytes
	// have been read from the stream; nothing is left behind. Zero means no limit.
	MaxSize int64
}

// Range selects part of an object for Get. Offset must lie in [0, size] (Offset ==
// size reads nothing); Length < 0 means "to the end"; Offset+Length must not pass the
// end. Anything else is ErrInvalidRange.
type Range struct {
	Offset int64
	Length int64
}

// Store is object storage for attachments, form data and release bundles.
// Implementations are safe for concurrent use.
type Store interface {
	// Put streams r into the object at key, replacing any old object atomically:
	// readers see the old or the new content, never a mix or a partial write.
	// The SHA-256 of the content is computed while streaming and returned.
	Put(ctx context.Context, key string, r io.Reader, opts PutOptions) (Info, error)
	// Get opens the object, or the part selected by rng when rng is not nil.
	// The caller must close the reader.
	Get(ctx context.Context, key string, rng *Range) (io.ReadCloser, Info, error)
	// Stat returns the object's Info without reading its content.
	Stat(ctx context.Context, key string) (Info, error)
	// Delete removes the object. Deleting a missing object is not an error.
	Delete(ctx context.Context, key string) error
	// List calls fn for every object whose key starts with prefix, in key order.
	// An error from fn stops the listing and is returned.
	List(ctx context.Context, prefix string, fn func(Info) error) error
	// PresignGet returns a URL that fetches the object without credentials until
	// expiry, or ErrNotSupported.
	PresignGet(ctx context.Context, key string, expiry time.Duration) (string, error)
	// Ping checks that the store is reachable and writable enough to serve; used by /readyz.
	Ping(ctx context.Context) error
}
