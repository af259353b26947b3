// SPDX-License-Identifier: MIT

package expr

import "github.com/blankett/blankett/appframework/expr/jmespath"

// Limits on the values an expression builds. Nested stringReplace multiplies
// a string's length per level and a JMESPath query can double a list per
// step, so a short expression could otherwise exhaust memory. An excess
// fails with ErrInvalidArgument.
const (
	// MaxStringLen caps, in bytes, a string built by concat, stringReplace
	// or a JMESPath function.
	MaxStringLen = jmespath.MaxStringLen
	// MaxListLen caps the values in a JMESPath result and in any list the
	// query builds on the way.
	MaxListLen = jmespath.MaxItems
)
