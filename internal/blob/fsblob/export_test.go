// SPDX-License-Identifier: MIT

package fsblob

// WithoutXattr makes the store behave as on a file system without user
// extended attributes, so tests cover the sidecar path on any machine.
func WithoutXattr() Option { return func(s *Store) { s.noXattr.Store(true) } }
