// SPDX-License-Identifier: MIT

package storage

import (
	"errors"
	"strconv"
	"strings"

	"github.com/blankett/blankett/internal/blob"
)

// errUnsatisfiable is a Range that selects nothing of the object (416).
var errUnsatisfiable = errors.New("storage: range not satisfiable")

// parseRange reads a Range header for an object of size bytes. It returns nil
// for the whole object: no header, a unit other than bytes, several ranges or
// a malformed header (RFC 9110 lets a server ignore those). A well-formed
// single range that lies outside the object is errUnsatisfiable.
func parseRange(header string, size int64) (*blob.Range, error) {
	spec, ok := strings.CutPrefix(header, "bytes=")
	if !ok || strings.Contains(spec, ",") {
		return nil, nil
	}
	first, last, ok := strings.Cut(strings.TrimSpace(spec), "-")
	if !ok {
		return nil, nil
	}
	if first == "" { // suffix: the last n bytes
		n, err := strconv.ParseInt(last, 10, 64)
		if err != nil || n < 0 {
			return nil, nil
		}
		if n == 0 || size == 0 {
			return nil, errUnsatisfiable
		}
		n = min(n, size)
		return &blob.Range{Offset: size - n, Length: n}, nil
	}
	start, err := strconv.ParseInt(first, 10, 64)
	if err != nil || start < 0 {
		return nil, nil
	}
	end := size - 1
	if last != "" {
		if end, err = strconv.ParseInt(last, 10, 64); err != nil || end < start {
			return nil, nil
		}
		end = min(end, size-1)
	}
	if start >= size {
		return nil, errUnsatisfiable
	}
	return &blob.Range{Offset: start, Length: end - start + 1}, nil
}
