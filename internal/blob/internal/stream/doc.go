// SPDX-License-Identifier: MIT

// Package stream holds the pieces every blob.Store implementation shares so that
// they agree to the byte: the reader that counts, hashes and enforces the size
// limit of a Put, and the rules that turn a blob.Range into an offset and length.
package stream
