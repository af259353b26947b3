// SPDX-License-Identifier: MIT

// Package loadtest is the engine of `blankett bench`: it runs one operation from
// N concurrent clients, bounded by a duration and optionally a count, records
// every latency and reports throughput and percentiles; and it serves the
// baseline the platform's figures are compared with, a bare gin handler doing
// one INSERT on the same database.
//
// The package knows nothing of the runtime: cmd/blankett supplies the
// operations (instantiate, submit, page) as plain functions. Everything it
// serves or calls stays on the loopback interface.
package loadtest
