// SPDX-License-Identifier: MIT

// Command testsummary reads `go test -json` on standard input and prints what a person
// needs from a long run: one line per package as go test prints it, the full output of
// every failing test, every skipped test with its reason, the figures tests log (lines
// such as "golden: 48/48" or "oracle agreement: 99.4%"), and a closing line
// "N passed, N failed, N skipped". It exits 1 when anything failed.
//
//	go test -race -json ./... | go run ./internal/tools/testsummary
package main
