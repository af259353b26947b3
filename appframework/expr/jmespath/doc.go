// SPDX-License-Identifier: MIT

// Package jmespath implements the JMESPath query language
// (https://jmespath.org/specification.html) for the expression language's
// jmespath function. Values are plain decoded JSON: nil, bool, float64,
// string, []any and map[string]any.
package jmespath
