// SPDX-License-Identifier: MIT

package stream

import (
	"fmt"

	"github.com/blankett/blankett/internal/blob"
)

// Bounds resolves rng against an object of size bytes and returns the offset and
// length to read. A nil rng is the whole object. The rules, shared by every backend:
// Offset must lie in [0, size] (Offset == size reads nothing); Length < 0 reads to
// the end; otherwise Offset+Length must not pass the end. Anything else wraps
// blob.ErrInvalidRange: a short read that silently returns fewer bytes than asked
// would hide bugs in callers that resume downloads.
func Bounds(rng *blob.Range, size int64) (off, n int64, err error) {
	if rng == nil {
		return 0, size, nil
	}
	if rng.Offset < 0 || rng.Offset > size {
		return 0, 0, fmt.Errorf("offset %d outside object of %d bytes: %w", rng.Offset, size, blob.ErrInvalidRange)
	}
	if rng.Length < 0 {
		return rng.Offset, size - rng.Offset, nil
	}
	if rng.Length > size-rng.Offset {
		return 0, 0, fmt.Errorf("range %d+%d outside object of %d bytes: %w", rng.Offset, rng.Length, size, blob.ErrInvalidRange)
	}
	return rng.Offset, rng.Length, nil
}
