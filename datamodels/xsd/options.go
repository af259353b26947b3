// SPDX-License-Identifier: MIT

package xsd

// Options bound the resources one read may use. Zero fields take the defaults.
type Options struct {
	// MaxBytes caps the size of each schema file (default 8 MiB).
	MaxBytes int64
	// MaxDepth caps element nesting (default 256).
	MaxDepth int
	// MaxNodes caps the number of XML nodes in each file (default 524288).
	MaxNodes int
	// MaxFiles caps the number of files read through include and import (default 64).
	MaxFiles int
}

// Default limits.
const (
	DefaultMaxBytes = 8 << 20
	DefaultMaxDepth = 256
	DefaultMaxNodes = 1 << 19
	DefaultMaxFiles = 64
)

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if o.MaxFiles <= 0 {
		o.MaxFiles = DefaultMaxFiles
	}
	return o
}
