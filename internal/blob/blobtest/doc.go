// SPDX-License-Identifier: MIT

// Package blobtest is the conformance suite every blob.Store must pass, plus
// throughput benchmarks. A backend's tests call Run with a constructor that
// returns a fresh, empty store per call.
//
// The suite pins down what blob.go leaves open:
//   - Range: Offset in [0, size] (Offset == size reads nothing), Length < 0 to the
//     end, Offset+Length <= size; anything else is blob.ErrInvalidRange.
//   - A failed Put (too large, reader error, cancelled context) leaves the old
//     object, or no object, exactly as before, and nothing new is listed.
//   - Put's error wraps the reader's error and ctx.Err() so callers can tell a
//     client that went away from a storage fault.
//   - Keys in List come in byte order of the key ("a-x" < "a/b" < "a0").
package blobtest
