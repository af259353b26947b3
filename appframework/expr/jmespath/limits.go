// SPDX-License-Identifier: MIT

package jmespath

import (
	"errors"
	"fmt"
)

// Limits on what a query may build. Projections, flattens and multi-selects
// can double a value per step, so a query of a few hundred characters would
// otherwise exhaust memory.
const (
	// MaxItems caps the length of a list built while searching and the
	// number of values in a result, counted as a tree: lists that share
	// elements count each time they appear, as they will once converted.
	MaxItems = 100_000
	// MaxStringLen caps, in bytes, a string built by join or to_string.
	MaxStringLen = 1 << 20
)

// ErrTooLarge reports a search whose result or an intermediate list or
// string passes MaxItems or MaxStringLen.
var ErrTooLarge = errors.New("jmespath: result too large")

func tooLarge(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrTooLarge, fmt.Sprintf(format, args...))
}

// checkItems fails when a list being built would pass MaxItems.
func checkItems(what string, n int) error {
	if n > MaxItems {
		return tooLarge("%s has more than %d items", what, MaxItems)
	}
	return nil
}

// checkTree walks v as a tree and fails once it holds more than MaxItems
// values or, when maxBytes > 0, more than maxBytes bytes of strings and
// keys. It stops at the first excess, so its cost is bounded by the limits
// even for lists that share their elements many times over.
func checkTree(what string, v any, maxBytes int) error {
	items, size := 0, 0
	var walk func(v any) bool
	walk = func(v any) bool {
		switch t := v.(type) {
		case string:
			size += len(t)
		case []any:
			for _, e := range t {
				if items++; items > MaxItems || !walk(e) {
					return false
				}
			}
		case map[string]any:
			for k, e := range t {
				size += len(k)
				if items++; items > MaxItems || !walk(e) {
					return false
				}
			}
		}
		return maxBytes <= 0 || size <= maxBytes
	}
	if !walk(v) {
		if items > MaxItems {
			return tooLarge("%s has more than %d values", what, MaxItems)
		}
		return tooLarge("%s has more than %d bytes", what, maxBytes)
	}
	return nil
}
