// SPDX-License-Identifier: MIT

package xmljson

// Limits bound the resources one conversion may use. Zero fields take the
// defaults.
type Limits struct {
	// MaxBytes caps the size of the input (default 32 MiB).
	MaxBytes int64
	// MaxDepth caps element or JSON nesting (default 128).
	MaxDepth int
	// MaxText caps the text of one element or attribute (default 4 MiB).
	MaxText int
	// MaxMismatches caps the mismatches collected before reading stops
	// (default 200).
	MaxMismatches int
}

// Default limits.
const (
	DefaultMaxBytes      = 32 << 20
	DefaultMaxDepth      = 128
	DefaultMaxText       = 4 << 20
	DefaultMaxMismatches = 200
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxText <= 0 {
		l.MaxText = DefaultMaxText
	}
	if l.MaxMismatches <= 0 {
		l.MaxMismatches = DefaultMaxMismatches
	}
	return l
}
