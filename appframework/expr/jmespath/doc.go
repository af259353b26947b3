// SPDX-License-Identifier: MIT

// Package jmespath implements the JMESPath query language
// (https://jmespath.org/specification.html) for the expression language's
// jmespath function. Values are plain decoded JSON: nil, bool, float64,
// string, []any and map[string]any. A search fails with ErrTooLarge rather
// than build more than MaxItems values or a string over MaxStringLen bytes.
package jmespath
