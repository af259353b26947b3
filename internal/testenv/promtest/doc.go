// SPDX-License-Identifier: MIT

// Package promtest reads a Prometheus registry in tests, so that a test can
// compare the series a package exports with the values it expects.
package promtest
