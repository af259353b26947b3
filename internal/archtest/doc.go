// SPDX-License-Identifier: MIT

// Package archtest holds tests of the repository's architecture: the dependency
// direction of DESIGN.md §3 (cmd → studio | runtime → appframework → datamodels), which
// it checks on the real import graph with `go list -deps`.
package archtest
